// The browser entry (package.json `browser`: vscode.dev, github.dev, and any web extension host):
// the language server runs in a web worker and reads the workspace through this client
// (workspaceFiles.ts). Everything else is what the desktop entry does (activation.ts).
import * as vscode from 'vscode';
import { BrowserMessageReader, BrowserMessageWriter, LanguageClient } from 'vscode-languageclient/browser';
import { activateOn, type EcsTaskNetworkingApi } from './activation';
import { SCHEMES } from './serverController';
import { answerFileRequests } from './workspaceFiles';

export type { EcsTaskNetworkingApi } from './activation';
export { deactivate } from './activation';

/** The page's Worker; the client compiles without the DOM library. */
declare const Worker: new (url: string) => { terminate(): void };
declare function btoa(data: string): string;

/** In a browser, folders of a remote (code-server, Codespaces) are `vscode-remote:` documents too. */
const BROWSER_SCHEMES: ReadonlySet<string> = new Set([...SCHEMES, 'vscode-remote']);

export const PULL_IN_BROWSER_MESSAGE =
  'Pull Environment from AWS needs the desktop editor: it runs the AWS SDK with your AWS credentials, which an editor in the browser does not have. ' +
  'Run `ecs-net env pull` in a terminal, or the command in desktop VS Code, and commit the environment file: the checks here read it.';

/**
 * A URL the page may start a worker from. An extension installed on a remote (code-server,
 * Codespaces in a browser) has a `vscode-remote:` URI, which the web extension host refuses for
 * workers but resolves for `fetch`: the script is fetched and started from a blob URL then.
 */
async function workerUrl(script: vscode.Uri): Promise<string> {
  if (script.scheme !== 'vscode-remote') return script.toString(true);
  const response = await fetch(script.toString(true));
  if (!response.ok) throw new Error(`could not load ${script.toString(true)}: HTTP ${response.status}`);
  return URL.createObjectURL(await response.blob());
}

/** Bytes as base64, in slices (String.fromCharCode takes a bounded number of arguments). */
function base64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/**
 * The Terraform reader's two wasm files, read through the workspace API (a worker cannot fetch a
 * `vscode-remote:` URI) and handed to the server with its initialization options.
 */
async function terraformWasm(extensionUri: vscode.Uri): Promise<{ runtime: string; grammar: string } | undefined> {
  try {
    const read = (name: string) => vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'dist', name));
    const [runtime, grammar] = await Promise.all([read('web-tree-sitter.wasm'), read('tree-sitter-terraform.wasm')]);
    return { runtime: base64(runtime), grammar: base64(grammar) };
  } catch {
    // Without them `.tf` files are not read; everything else works.
    return undefined;
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<EcsTaskNetworkingApi> {
  const serverUri = vscode.Uri.joinPath(context.extensionUri, 'dist', 'browserServer.js');
  const wasm = await terraformWasm(context.extensionUri);
  return activateOn(context, {
    launch: {
      description: `a web worker running ${serverUri.toString(true)}`,
      schemes: BROWSER_SCHEMES,
      // The server is told where the extension's files are (rule pages), and given the Terraform grammar.
      initializationOptions: { extensionUri: context.extensionUri.toString(), terraformWasm: wasm },
      createClient: (id, name, options) => {
        // A fresh worker for every start (a restart too); the one before ends then. The transports
        // are made here: the web extension host wraps Worker, so the client's `instanceof Worker` fails.
        let worker: { terminate(): void } | undefined;
        const startWorker = async () => {
          worker?.terminate();
          worker = new Worker(await workerUrl(serverUri));
          return { reader: new BrowserMessageReader(worker), writer: new BrowserMessageWriter(worker) };
        };
        const client = new LanguageClient(id, name, startWorker, options);
        answerFileRequests(client);
        return client;
      },
    },
    pullEnvironment: async () => {
      void vscode.window.showInformationMessage(PULL_IN_BROWSER_MESSAGE);
      return undefined;
    },
  });
}
