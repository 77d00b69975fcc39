import { statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { listDocumentFiles } from '../workspace/walk';

export interface FileSelection {
  /** Absolute paths, sorted, without duplicates. */
  readonly files: string[];
  /** Arguments that matched nothing. */
  readonly unmatched: string[];
  /** Files named explicitly (reported even when they hold no ECS document). */
  readonly explicit: Set<string>;
}

/** `*` and `?` within one path segment, `**` across segments. */
export function globToRegExp(pattern: string): RegExp {
  let re = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      re += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else re += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

const isGlob = (arg: string) => /[*?]/.test(arg);

/**
 * Expands files, folders (recursively, *.json and *.jsonc) and globs relative to `cwd`. Folders and
 * globs are walked as the editor's workspace index walks them (workspace/walk.ts); a file named
 * explicitly is taken as it is.
 */
export function selectFiles(args: readonly string[], cwd: string): FileSelection {
  const files = new Set<string>();
  const explicit = new Set<string>();
  const unmatched: string[] = [];
  for (const arg of args) {
    if (isGlob(arg)) {
      const normalised = arg.split(sep).join('/');
      const firstWild = normalised.search(/[*?]/);
      const base = normalised.slice(0, normalised.lastIndexOf('/', firstWild) + 1) || '.';
      const baseDir = resolve(cwd, base);
      const matcher = globToRegExp(resolve(cwd, normalised).split(sep).join('/'));
      const found = listDocumentFiles(baseDir);
      const hits = found.filter((f) => matcher.test(f.split(sep).join('/')));
      if (hits.length === 0) unmatched.push(arg);
      hits.forEach((f) => files.add(f));
      continue;
    }
    const full = resolve(cwd, arg);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      unmatched.push(arg);
      continue;
    }
    if (stat.isDirectory()) {
      listDocumentFiles(full).forEach((f) => files.add(f));
    } else {
      files.add(full);
      explicit.add(full);
    }
  }
  return { files: [...files].sort(), unmatched, explicit };
}

export function displayPath(file: string, cwd: string): string {
  const rel = relative(cwd, file);
  return (rel && !rel.startsWith('..') ? rel : file).split(sep).join('/');
}
