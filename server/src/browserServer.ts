// The language server in a web worker (vscode.dev, github.dev): the same startServer, over the
// worker's message port, with no disk: open documents are checked on their own.
import { BrowserMessageReader, BrowserMessageWriter, createConnection, ProposedFeatures } from 'vscode-languageserver/browser';
import { startServer } from './startServer';
import { NO_DISK } from './workspace/disk';

declare const self: { postMessage(message: unknown): void; onmessage: unknown; addEventListener: unknown };

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the worker global; the server tsconfig has no WebWorker lib
const worker = self as any;
startServer(createConnection(ProposedFeatures.all, new BrowserMessageReader(worker), new BrowserMessageWriter(worker)), NO_DISK);
