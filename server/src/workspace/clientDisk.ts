// The browser server's disk. A web worker has no file system: the client reads the workspace for
// the server through the VS Code workspace API, answering FIND_FILES and READ_FILES
// (shared/src/protocol.ts). Paths here are the URIs themselves. Nothing here imports Node.
import { FIND_FILES, READ_FILES, type ContractRequest } from '../../../shared/src/protocol';
import type { Disk } from './disk';
import { DOCUMENT_GLOB, isWalkedPath, MAX_WALKED_BYTES, SKIPPED_GLOB } from './documentFiles';
import { environmentFromText, type LoadedEnvironment } from './environmentFile';

/** Sends one of the contract's requests to the client. */
export type AskClient = <P, R>(request: ContractRequest<P, R>, params: P) => Promise<R>;

/** Files read in one request while walking: enough to save round trips, few enough to keep each answer small. */
const READ_BATCH = 64;

/** `scheme://authority` of a URI with files around it; undefined for one without (`untitled:Untitled-1`). */
const rootOf = (uri: string): string | undefined => /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(uri)?.[0];

/** The folder holding `uri`: its last segment removed. A root stays itself. */
export function uriParent(uri: string): string {
  const root = rootOf(uri) ?? '';
  const cut = uri.lastIndexOf('/');
  return cut <= root.length ? root : uri.slice(0, cut);
}

/** `relative` (slash- or backslash-separated) resolved against the folder `base`; an absolute path keeps base's scheme and authority. */
export function resolveUri(base: string, relative: string): string {
  const root = rootOf(base) ?? '';
  const parts = relative.replace(/\\/g, '/').startsWith('/') ? [] : base.slice(root.length).split('/');
  for (const segment of relative.replace(/\\/g, '/').split('/')) {
    if (segment === '..') parts.pop();
    else if (segment !== '.' && segment !== '') parts.push(encodeURIComponent(segment));
  }
  return `${root}/${parts.filter((p) => p !== '').join('/')}`;
}

/** `dir` and the folders above it, nearest first, up to `stopAt` when met, else up to the root. */
function foldersUp(dir: string, stopAt: string | undefined): string[] {
  const out = [dir];
  for (let current = dir; current !== stopAt;) {
    const parent = uriParent(current);
    if (parent === current) break;
    out.push(parent);
    current = parent;
  }
  return out;
}

/** A folder's file URI → the path below the folder, decoded; undefined when it is not below it. */
function below(folder: string, uri: string): string | undefined {
  const base = folder.endsWith('/') ? folder : `${folder}/`;
  if (!uri.startsWith(base)) return undefined;
  try {
    return decodeURIComponent(uri.slice(base.length));
  } catch {
    return undefined;
  }
}

export function clientDisk(ask: AskClient): Disk {
  // Walked files read ahead in batches, handed to readText once each.
  const readAhead = new Map<string, string>();
  // Environment file candidates by URI: the parsed file, or null where there is none. Forgotten
  // when the client reports the file changed (the server watches every JSON file).
  const environments = new Map<string, Promise<LoadedEnvironment | null>>();
  let extensionUri: string | undefined;

  const environmentsAt = (uris: readonly string[]): Promise<(LoadedEnvironment | null)[]> => {
    const missing = uris.filter((uri) => !environments.has(uri));
    if (missing.length) {
      const answer = ask(READ_FILES, { uris: missing });
      missing.forEach((uri, i) => {
        const loaded = answer.then(
          (texts) => (typeof texts[i] === 'string' ? environmentFromText(uri, texts[i]) : null),
          () => {
            // Not an answer about the file: ask again next time.
            if (environments.get(uri) === loaded) environments.delete(uri);
            return null;
          },
        );
        environments.set(uri, loaded);
      });
    }
    return Promise.all(uris.map((uri) => environments.get(uri)!));
  };

  return {
    pathOf: (uri) => (rootOf(uri) ? uri : undefined),
    uriOf: (path) => path,
    contains: (folder, path) => below(folder, path) !== undefined,
    async readText(path) {
      const ahead = readAhead.get(path);
      if (ahead !== undefined) {
        readAhead.delete(path);
        return ahead;
      }
      const [text] = await ask(READ_FILES, { uris: [path] });
      if (typeof text !== 'string') throw new Error(`the editor could not read ${path}`);
      return text;
    },
    async *walkDocumentFiles(folder) {
      const listed = await ask(FIND_FILES, { folder, include: DOCUMENT_GLOB, exclude: SKIPPED_GLOB, maxBytes: MAX_WALKED_BYTES });
      // The client's glob is a first cut; the walk's own rules decide.
      const files = [...new Set(listed)].filter((uri) => isWalkedPath(below(folder, uri) ?? '')).sort();
      for (let i = 0; i < files.length; i += READ_BATCH) {
        const batch = files.slice(i, i + READ_BATCH);
        const texts = await ask(READ_FILES, { uris: batch });
        const readable = batch.filter((uri, j) => {
          const text = texts[j];
          if (typeof text === 'string') readAhead.set(uri, text);
          return typeof text === 'string';
        });
        try {
          yield readable;
        } finally {
          // Files the server skipped (open in an editor) are read again when they close.
          for (const uri of readable) readAhead.delete(uri);
        }
      }
    },
    async environmentFor(path, setting, root, openText) {
      const isPath = setting.includes('/') || setting.includes('\\');
      const candidates = isPath
        ? [resolveUri(root ?? uriParent(path), setting)]
        : foldersUp(uriParent(path), root).map((dir) => `${dir}/${encodeURIComponent(setting)}`);
      const loaded = await environmentsAt(candidates);
      const nearest = loaded.findIndex((l) => l !== null);
      if (nearest < 0) return undefined;
      const live = openText(candidates[nearest]);
      return live !== undefined ? environmentFromText(candidates[nearest], live) : (loaded[nearest] ?? undefined);
    },
    docsUrl: (ruleId) => (extensionUri ? `${extensionUri.replace(/\/$/, '')}/docs/rules/${ruleId}.md` : undefined),
    changed(path) {
      environments.delete(path);
      readAhead.delete(path);
    },
    useExtensionUri(uri) {
      extensionUri = uri;
    },
  };
}
