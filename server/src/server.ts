import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';
import { nodeDisk } from './workspace/nodeDisk';

// `node dist/server.js --stdio` for any LSP client; VS Code's client starts it over node IPC.
// createConnection picks the transport from the command line (--stdio, --node-ipc, --socket=N).
startServer(createConnection(ProposedFeatures.all), nodeDisk(__dirname));
