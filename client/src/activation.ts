// What the desktop entry (extension.ts) and the browser entry (browserExtension.ts) share: the
// server's start on the first ECS document, the commands, the status bar and the walkthrough.
// Node-free: each entry hands in what differs (how the server starts, how the pull runs).
import * as vscode from 'vscode';
import { showCapacityPlan } from './capacityPlanPanel';
import type { PullResult } from './pullEnvironment';
import { ENV_FILE_NAME, SETTINGS_SECTION as SECTION } from '../../shared/src/protocol';
import { isEnvironmentFilePath, looksLikeEcsDocument, looksLikeEcsTemplate, looksLikeTerraformModulePart } from '../../shared/src/ecsMarkers';
import {
  DOCUMENT_LANGUAGES,
  JSON_LANGUAGES,
  ServerController,
  TERRAFORM_LANGUAGES,
  YAML_LANGUAGES,
  type ServerLaunch,
  type ServerState,
} from './serverController';
import { SummaryStatusBar } from './statusBar';
import { CONTEXT, markContext, quickFixMiddleware, registerWalkthrough } from './walkthrough';

/** What the extension returns from `activate`: used by its own integration tests, stable enough for others. */
export interface EcsTaskNetworkingApi {
  serverState(): ServerState;
  /** Resolves when the language server is running (at once if it already is). */
  whenServerRunning(): Promise<void>;
  /** Resolves when the start-up checks (open documents, the environment file search) are done. */
  whenSettled(): Promise<void>;
  /** The status bar text, or undefined while the item is hidden. */
  statusText(): string | undefined;
  readonly onDidChangeStatus: vscode.Event<string | undefined>;
}

/** What differs between the desktop and the browser. */
export interface ClientPlatform {
  readonly launch: ServerLaunch;
  /** ECS: Pull Environment from AWS, or a message saying why it cannot run here. */
  pullEnvironment(context: vscode.ExtensionContext, output: vscode.LogOutputChannel, environmentFile: string): Promise<PullResult | undefined>;
}

let controller: ServerController | undefined;

/**
 * The client's only knowledge of ECS documents: a cheap look at the text that decides whether to
 * start the language server (the server decides what a document really is). Past this many
 * characters only the start is looked at: a marker sits near the top in practice.
 */
const SNIFF_LIMIT = 4 * 1024 * 1024;
const sniffed = (text: string) => (text.length > SNIFF_LIMIT ? text.slice(0, SNIFF_LIMIT) : text);
const looksLikeEcs = (text: string) => looksLikeEcsDocument(sniffed(text));
const looksLikeTemplate = (text: string) => looksLikeEcsTemplate(sniffed(text));
const looksLikeTerraform = (text: string) => looksLikeTerraformModulePart(sniffed(text));

export async function activateOn(context: vscode.ExtensionContext, platform: ClientPlatform): Promise<EcsTaskNetworkingApi> {
  const output = vscode.window.createOutputChannel('ECS Task Networking', { log: true });
  const server = new ServerController(platform.launch, output, quickFixMiddleware);
  controller = server;
  const statusBar = new SummaryStatusBar(server);
  context.subscriptions.push(output, server, statusBar);

  const environmentFileName = () => vscode.workspace.getConfiguration(SECTION).get<string>('environmentFile') || ENV_FILE_NAME;
  const isCandidate = (doc: vscode.TextDocument) => DOCUMENT_LANGUAGES.has(doc.languageId) && platform.launch.schemes.has(doc.uri.scheme);
  const isEnvironmentFile = (doc: vscode.TextDocument) =>
    isCandidate(doc) && JSON_LANGUAGES.has(doc.languageId) && isEnvironmentFilePath(doc.uri.path, environmentFileName());
  const looksLikeEcsText = (doc: vscode.TextDocument) =>
    (YAML_LANGUAGES.has(doc.languageId) ? looksLikeTemplate : TERRAFORM_LANGUAGES.has(doc.languageId) ? looksLikeTerraform : looksLikeEcs)(doc.getText());
  const wantsServer = (doc: vscode.TextDocument) => isEnvironmentFile(doc) || (isCandidate(doc) && looksLikeEcsText(doc));
  const startServer = () => {
    server.ensureStarted().catch((error: unknown) => output.appendLine(`The language server did not start: ${String(error)}`));
  };
  const startFor = (doc: vscode.TextDocument) => {
    if (server.state === 'stopped' && wantsServer(doc)) startServer();
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(startFor),
    // A new or pasted-into document becomes an ECS document while typing.
    vscode.workspace.onDidChangeTextDocument((e) => startFor(e.document)),
    vscode.commands.registerCommand(`${SECTION}.showCapacityPlan`, async () => {
      const view = await showCapacityPlan(context, server, wantsServer);
      if (view) markContext(CONTEXT.capacityPlanShown);
      return view;
    }),
    vscode.commands.registerCommand(`${SECTION}.pullEnvironment`, async () => {
      const result = await platform.pullEnvironment(context, output, environmentFileName());
      if (result?.exitCode === 0) markContext(CONTEXT.environmentFileReady);
      return result;
    }),
    vscode.commands.registerCommand(`${SECTION}.restartServer`, () => server.restart()),
    vscode.commands.registerCommand(`${SECTION}.showOutput`, () => output.show(true)),
  );
  registerWalkthrough(context, { isEcsDocument: wantsServer, isEnvironmentFile });
  for (const doc of vscode.workspace.textDocuments) startFor(doc);

  // A workspace with an environment file starts the server at once (workspaceContains only knows the default name).
  let settled: Thenable<void> = Promise.resolve();
  if (server.state === 'stopped' && vscode.workspace.workspaceFolders?.length) {
    const pattern = `**/${environmentFileName().split(/[\\/]/).pop()}`;
    settled = vscode.workspace.findFiles(pattern, '**/node_modules/**', 1).then(
      (found) => {
        if (found.length && server.state === 'stopped') startServer();
      },
      (error: unknown) => output.appendLine(`Could not look for ${pattern}: ${String(error)}`),
    );
  }

  return {
    serverState: () => server.state,
    whenServerRunning: () =>
      new Promise<void>((resolve) => {
        if (server.state === 'running') return resolve();
        const sub = server.onDidChangeState((state) => {
          if (state === 'running') {
            sub.dispose();
            resolve();
          }
        });
      }),
    whenSettled: () => Promise.resolve(settled),
    statusText: () => statusBar.text,
    onDidChangeStatus: statusBar.onDidChange,
  };
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
