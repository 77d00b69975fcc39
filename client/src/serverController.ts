import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, State, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export const SECTION = 'ecsTaskNetworking';
export const JSON_LANGUAGES: ReadonlySet<string> = new Set(['json', 'jsonc']);
export const SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled']);

export type ServerState = 'stopped' | 'starting' | 'running';

/**
 * Owns the language client. The server is started only once an ECS document is open (or the
 * workspace has an environment file), so opening any other JSON file costs nothing.
 */
export class ServerController implements vscode.Disposable {
  private client: LanguageClient | undefined;
  private starting: Promise<LanguageClient> | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(
    private readonly context: vscode.ExtensionContext,
    readonly output: vscode.LogOutputChannel,
  ) {}

  get state(): ServerState {
    if (!this.client) return this.starting ? 'starting' : 'stopped';
    return this.client.state === State.Running ? 'running' : this.client.state === State.Starting ? 'starting' : 'stopped';
  }

  get running(): LanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  /** Starts the server once; later calls return the same client. */
  ensureStarted(): Promise<LanguageClient> {
    if (this.client) return Promise.resolve(this.client);
    if (!this.starting) {
      this.starting = this.start().finally(() => (this.starting = undefined));
      this.stateEmitter.fire('starting');
    }
    return this.starting;
  }

  private async start(): Promise<LanguageClient> {
    const serverModule = this.context.asAbsolutePath(path.join('dist', 'server.js'));
    const serverOptions: ServerOptions = {
      run: { module: serverModule, transport: TransportKind.ipc },
      debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
      documentSelector: [...SCHEMES].flatMap((scheme) => [...JSON_LANGUAGES].map((language) => ({ scheme, language }))),
      synchronize: { configurationSection: SECTION },
      outputChannel: this.output,
    };
    const client = new LanguageClient(SECTION, 'ECS Task Networking', serverOptions, clientOptions);
    client.onDidChangeState(() => this.stateEmitter.fire(this.state));
    this.output.appendLine(`Starting the ECS Task Networking language server (${serverModule}).`);
    await client.start();
    this.client = client;
    this.stateEmitter.fire(this.state);
    return client;
  }

  async restart(): Promise<void> {
    if (!this.client) {
      await this.ensureStarted();
      return;
    }
    this.output.appendLine('Restarting the language server.');
    await this.client.restart();
    this.stateEmitter.fire(this.state);
  }

  async stop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client?.isRunning()) await client.stop();
  }

  dispose(): void {
    void this.stop();
    this.stateEmitter.dispose();
  }
}
