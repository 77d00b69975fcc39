import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './startServer';
import { nodeDisk } from './workspace/nodeDisk';
import { loadNodeTerraform } from './workspace/nodeTerraform';

// `node dist/server.js --stdio` for any LSP client; VS Code's client starts it over node IPC.
// createConnection picks the transport from the command line (--stdio, --node-ipc, --socket=N).
// The Terraform reader (wasm) loads first; without it `.tf` files are left unchecked, the rest works.
void loadNodeTerraform()
  .catch((error: unknown) => process.stderr.write(`Terraform support is unavailable: ${error instanceof Error ? error.message : String(error)}\n`))
  .then(() => startServer(createConnection(ProposedFeatures.all), nodeDisk(__dirname)));
