// The environment file's text made into an Environment, for every way of reading it (Node's `fs`
// in files.ts, the client's workspace API in clientDisk.ts). Nothing here imports Node.
import { parseEnvironment, type Environment } from '../core/environment';
import { parseJson } from '../model/parse';

export interface LoadedEnvironment {
  readonly path: string;
  readonly env: Environment;
  /** Set when the file could not be used at all; the defaults apply then. */
  readonly error?: string;
}

/** The defaults, with the reason the file at `path` could not be used. */
export const defaultEnvironment = (path: string, error: string): LoadedEnvironment => ({ path, env: parseEnvironment({}).env, error });

/**
 * An environment file's text. It is user input: a syntax error or a broken entry leaves the
 * defaults in force (and the file's own diagnostics say why); nothing here throws.
 */
export function environmentFromText(path: string, source: string): LoadedEnvironment {
  // The model's parse: a file nested too deeply for a recursive parser, or too large, is refused
  // (with the defaults) rather than crashing every check that reads it.
  const parsed = parseJson(source);
  if (parsed.limit) return defaultEnvironment(path, `${path} is too large or nested too deeply to read; using the defaults`);
  if (parsed.errors.length) return defaultEnvironment(path, `${path} is not valid JSON; using the defaults`);
  return { path, env: parseEnvironment(parsed.value).env };
}
