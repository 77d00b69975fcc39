// The browser server's file system: it runs in a web worker without one, so it asks the client
// (FIND_FILES, READ_FILES in shared/src/protocol.ts) and the client reads through the VS Code
// workspace API, which reaches whatever the workspace is (a GitHub repository, a local folder
// opened in the browser, a remote). Node-free.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { FIND_FILES, READ_FILES, type FindFilesParams, type ReadFilesParams } from '../../shared/src/protocol';

/** Files looked at (stat, read) at the same time: the file system may be a network away. */
const AT_ONCE = 32;

/** `fn` over `items`, AT_ONCE at a time, results in order. */
async function inGroups<T, R>(items: readonly T[], fn: (item: T) => Thenable<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += AT_ONCE) out.push(...(await Promise.all(items.slice(i, i + AT_ONCE).map(fn))));
  return out;
}

/** A folder's files matching the walk's globs, without those larger than the walk takes. */
export async function findFiles(params: FindFilesParams): Promise<string[]> {
  const found = await vscode.workspace.findFiles(new vscode.RelativePattern(vscode.Uri.parse(params.folder), params.include), params.exclude);
  const sizes = await inGroups(found, (uri) =>
    vscode.workspace.fs.stat(uri).then(
      (stat) => stat.size,
      () => Infinity,
    ),
  );
  return found.filter((_, i) => sizes[i] <= params.maxBytes).map((uri) => uri.toString());
}

/** Each file's text, or null where it cannot be read. */
export function readFiles(params: ReadFilesParams): Promise<(string | null)[]> {
  const decoder = new TextDecoder();
  return inGroups(params.uris, (uri) =>
    vscode.workspace.fs.readFile(vscode.Uri.parse(uri)).then(
      (bytes) => decoder.decode(bytes),
      () => null,
    ),
  );
}

/** Answers the server's file requests on this client. */
export function answerFileRequests(client: BaseLanguageClient): void {
  client.onRequest(FIND_FILES.method, (params: FindFilesParams) => findFiles(params));
  client.onRequest(READ_FILES.method, (params: ReadFilesParams) => readFiles(params));
}
