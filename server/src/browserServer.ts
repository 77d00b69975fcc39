// The language server in a web worker (vscode.dev, github.dev): the same startServer, over the
// worker's message port. It has no file system: the workspace's files and the environment file
// are read by the client through the VS Code workspace API (workspace/clientDisk.ts).
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './startServer';
import { clientDisk } from './workspace/clientDisk';

declare const self: { postMessage(message: unknown): void; onmessage: unknown; addEventListener: unknown };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the worker global; the server tsconfig has no WebWorker lib
const worker = self as any;
const connection = createConnection(ProposedFeatures.all, new BrowserMessageReader(worker), new BrowserMessageWriter(worker));
startServer(
  connection,
  clientDisk((request, params) => connection.sendRequest(request.method, params)),
);
