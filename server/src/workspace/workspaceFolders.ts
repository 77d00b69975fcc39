import type { Disk } from './disk';

/**
 * The workspace folders the server indexes, as local paths. Folders come and go while the server
 * runs (`workspace/didChangeWorkspaceFolders`); one may sit inside another.
 */
export class WorkspaceFolders {
  private paths: string[] = [];

  constructor(private readonly disk: Pick<Disk, 'pathOf' | 'contains'>) {}

  /** Adds the folders of these URIs (local ones only); returns the paths that were new. */
  add(uris: readonly string[]): string[] {
    const added = [...new Set(uris.map((uri) => this.disk.pathOf(uri)))].filter((p): p is string => p !== undefined && !this.paths.includes(p));
    this.paths.push(...added);
    return added;
  }

  /** Removes the folders of these URIs; returns the paths that were there. */
  remove(uris: readonly string[]): string[] {
    const removed = uris.map((uri) => this.disk.pathOf(uri)).filter((p): p is string => p !== undefined && this.paths.includes(p));
    this.paths = this.paths.filter((p) => !removed.includes(p));
    return removed;
  }

  get all(): readonly string[] {
    return this.paths;
  }

  has(folder: string): boolean {
    return this.paths.includes(folder);
  }

  /** The innermost workspace folder holding `path`, if any. */
  folderOf(path: string): string | undefined {
    return this.paths.filter((f) => this.disk.contains(f, path)).sort((a, b) => b.length - a.length)[0];
  }
}
