// What the language server reads besides open documents: the workspace's files, the environment
// file and the rule pages. The Node server reads them with `fs` (nodeDisk.ts); the browser server
// asks the client, which reads through the VS Code workspace API (clientDisk.ts). Reads are
// asynchronous for that reason. Nothing here imports Node.
import type { LoadedEnvironment } from './environmentFile';

export interface Disk {
  /** The path this disk uses for a URI (a local path, or the URI itself); undefined when the URI has no files around it. */
  pathOf(uri: string): string | undefined;
  uriOf(path: string): string;
  /** Whether `path` lies inside the folder `folder`. */
  contains(folder: string, path: string): boolean;
  /** The file's text; rejects when it cannot be read. */
  readText(path: string): Promise<string>;
  /** The folder's JSON and YAML files in batches, yielding about every `sliceMs` (workspace/walk.ts). */
  walkDocumentFiles(folder: string, sliceMs: number): AsyncIterable<string[]>;
  /** The environment for the document at `path` (workspace/files.ts, EnvironmentCache.forFile). */
  environmentFor(
    path: string,
    setting: string,
    root: string | undefined,
    openText: (path: string) => string | undefined,
  ): Promise<LoadedEnvironment | undefined>;
  /** The link to a rule's page shipped beside the bundle, if there is one. */
  docsUrl(ruleId: string): string | undefined;
  /** The file at `path` changed, appeared or went away: forget what was kept of it. */
  changed?(path: string): void;
  /** Where the extension's files are, as the client said at start-up (rule pages, and later grammar files). */
  useExtensionUri?(uri: string): void;
}
