import { sep } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Local file path of a `file:` URI; other schemes (untitled, remote) have none. */
export function pathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

/**
 * The workspace folders the server indexes, as local paths. Folders come and go while the server
 * runs (`workspace/didChangeWorkspaceFolders`); one may sit inside another.
 */
export class WorkspaceFolders {
  private paths: string[] = [];

  /** Adds the folders of these URIs (local ones only); returns the paths that were new. */
  add(uris: readonly string[]): string[] {
    const added = [...new Set(uris.map(pathOf))].filter((p): p is string => p !== undefined && !this.paths.includes(p));
    this.paths.push(...added);
    return added;
  }

  /** Removes the folders of these URIs; returns the paths that were there. */
  remove(uris: readonly string[]): string[] {
    const removed = uris.map(pathOf).filter((p): p is string => p !== undefined && this.paths.includes(p));
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
    return this.paths.filter((f) => path.startsWith(f + sep)).sort((a, b) => b.length - a.length)[0];
  }
}
