import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ENV_FILE_NAME } from '../../../shared/src/protocol';
import { defaultEnvironment, environmentFromText, type LoadedEnvironment } from './environmentFile';

export type { LoadedEnvironment } from './environmentFile';

/** The nearest `fileName` in `dir` or above it, not going above `stopAt` (when given). */
export function findUp(dir: string, fileName: string, stopAt?: string): string | undefined {
  let current = resolve(dir);
  const limit = stopAt ? resolve(stopAt) : undefined;
  for (;;) {
    const candidate = join(current, fileName);
    if (existsSync(candidate)) return candidate;
    if (current === limit) return undefined;
    const parent = dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}

/** Reads an environment file from disk, or takes the open editor's `text`; nothing here throws. */
export function readEnvironment(path: string, text?: string): LoadedEnvironment {
  if (text !== undefined) return environmentFromText(path, text);
  try {
    return environmentFromText(path, readFileSync(path, 'utf8'));
  } catch (error) {
    return defaultEnvironment(path, `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** Environment files by path, re-read only when the file changes on disk. */
export class EnvironmentCache {
  private readonly cache = new Map<string, { mtimeMs: number; loaded: LoadedEnvironment }>();

  /**
   * The environment for a document at `filePath`. `setting` is a file name looked for in the
   * document's folder and above (up to `workspaceRoot`), or a path (relative to the workspace root)
   * naming one file. An open editor's text wins over the file on disk.
   */
  forFile(
    filePath: string,
    setting: string = ENV_FILE_NAME,
    workspaceRoot?: string,
    openText?: (path: string) => string | undefined,
  ): LoadedEnvironment | undefined {
    const isPath = setting.includes('/') || setting.includes('\\');
    const found = isPath ? locate(setting, workspaceRoot ?? dirname(filePath)) : findUp(dirname(filePath), setting, workspaceRoot);
    if (!found) return undefined;
    const live = openText?.(found);
    if (live !== undefined) return readEnvironment(found, live);
    let mtimeMs: number;
    try {
      mtimeMs = statSync(found).mtimeMs;
    } catch {
      return undefined;
    }
    const hit = this.cache.get(found);
    if (hit && hit.mtimeMs === mtimeMs) return hit.loaded;
    const loaded = readEnvironment(found);
    this.cache.set(found, { mtimeMs, loaded });
    return loaded;
  }

  clear(): void {
    this.cache.clear();
  }
}

function locate(path: string, root: string): string | undefined {
  const full = resolve(root, path);
  return existsSync(full) ? full : undefined;
}
