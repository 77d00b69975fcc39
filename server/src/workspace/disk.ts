// What the language server reads besides open documents: the workspace's files, the environment
// file and the rule pages. The Node server has a disk (nodeDisk.ts); the browser server has none and
// checks open documents on their own, as in a virtual workspace. Nothing here imports Node.
import type { LoadedEnvironment } from './files';

export interface Disk {
  /** The local path of a `file:` URI; undefined for other schemes. */
  pathOf(uri: string): string | undefined;
  uriOf(path: string): string;
  /** Whether `path` lies inside the folder `folder`. */
  contains(folder: string, path: string): boolean;
  /** The file's text; throws when it cannot be read. */
  readText(path: string): string;
  /** The folder's JSON and YAML files in batches, yielding about every `sliceMs` (workspace/walk.ts). */
  walkDocumentFiles(folder: string, sliceMs: number): AsyncIterable<string[]>;
  /** The environment for the document at `path` (workspace/files.ts, EnvironmentCache.forFile). */
  environmentFor(path: string, setting: string, root: string | undefined, openText: (path: string) => string | undefined): LoadedEnvironment | undefined;
  /** The link to a rule's page shipped beside the bundle, if there is one. */
  docsUrl(ruleId: string): string | undefined;
}

/** No disk: every URI is without a path, so there are no folders to walk and no environment file. */
export const NO_DISK: Disk = {
  pathOf: () => undefined,
  uriOf: (path) => path,
  contains: () => false,
  readText: (path) => {
    throw new Error(`no file system to read ${path} from`);
  },
  walkDocumentFiles: async function* () {},
  environmentFor: () => undefined,
  docsUrl: () => undefined,
};
