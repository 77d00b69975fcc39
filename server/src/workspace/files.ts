import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseEnvironment, type Environment } from '../core/environment';
import { ENV_FILE_NAME } from '../../../shared/src/protocol';
import { parseJson } from '../model/parse';

/** Folders never worth walking into for ECS documents. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'cdk.out', '.terraform', '.tools']);
/** Larger JSON files are not indexed: they are generated data, not deployment documents. */
export const MAX_INDEXED_BYTES = 5 * 1024 * 1024;
const JSON_FILE = /\.jsonc?$/i;

/** One folder: its subfolders worth walking into and its JSON files up to `maxBytes`, both sorted. */
function scanFolder(dir: string, maxBytes: number): { dirs: string[]; files: string[] } {
  const dirs: string[] = [];
  const files: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return { dirs, files };
  }
  for (const name of names) {
    const full = join(dir, name);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) dirs.push(full);
    } else if (stat.isFile() && JSON_FILE.test(name) && stat.size <= maxBytes) files.push(full);
  }
  return { dirs, files };
}

/** Every JSON file below `root` up to `maxBytes`, sorted, skipping build and dependency folders. */
export function listJsonFiles(root: string, maxBytes = Infinity): string[] {
  const out: string[] = [];
  const pending = [root];
  while (pending.length) {
    const { dirs, files } = scanFolder(pending.pop()!, maxBytes);
    out.push(...files);
    pending.push(...dirs.reverse());
  }
  return out.sort();
}

/**
 * The same walk as listJsonFiles, one folder at a time, handing control back to the event loop
 * whenever `budgetMs` has been used, so a language server stays responsive while it lists a large
 * workspace. Yields batches of files.
 */
export async function* walkJsonFiles(root: string, maxBytes = Infinity, budgetMs = 8): AsyncGenerator<string[]> {
  const pending = [root];
  let sliceStart = performance.now();
  let batch: string[] = [];
  while (pending.length) {
    const { dirs, files } = scanFolder(pending.pop()!, maxBytes);
    batch.push(...files);
    pending.push(...dirs.reverse());
    if (performance.now() - sliceStart >= budgetMs) {
      yield batch;
      batch = [];
      sliceStart = performance.now();
    }
  }
  if (batch.length) yield batch;
}

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
  forFile(filePath: string, setting: string = ENV_FILE_NAME, workspaceRoot?: string, openText?: (path: string) => string | undefined): LoadedEnvironment | undefined {
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
