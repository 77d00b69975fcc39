import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEnvironment, type Environment } from '../core/environment';
import { ENV_FILE_NAME } from '../../../shared/src/protocol';
import { parseJson } from '../model/parse';

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

export interface LoadedEnvironment {
  readonly path: string;
  readonly env: Environment;
  /** Set when the file could not be used at all; the defaults apply then. */
  readonly error?: string;
}

/**
 * Reads an environment file. It is user input: a syntax error or a broken entry leaves the
 * defaults in force (and the file's own diagnostics say why); nothing here throws.
 */
export function readEnvironment(path: string, text?: string): LoadedEnvironment {
  let source = text;
  if (source === undefined) {
    try {
      source = readFileSync(path, 'utf8');
    } catch (error) {
      return { path, env: parseEnvironment({}).env, error: `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}` };
    }
  }
  // The model's parse: a file nested too deeply for a recursive parser, or too large, is refused
  // (with the defaults) rather than crashing every check that reads it.
  const parsed = parseJson(source);
  if (parsed.limit) return { path, env: parseEnvironment({}).env, error: `${path} is too large or nested too deeply to read; using the defaults` };
  if (parsed.errors.length) return { path, env: parseEnvironment({}).env, error: `${path} is not valid JSON; using the defaults` };
  return { path, env: parseEnvironment(parsed.value).env };
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
