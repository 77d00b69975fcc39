// Node-free: the desktop and the browser entries share it; each says how its server starts.
import * as vscode from 'vscode';
import {
  CloseAction,
  ErrorAction,
  State,
  type BaseLanguageClient,
  type ErrorHandler,
  type LanguageClientOptions,
  type Middleware,
} from 'vscode-languageclient';
import { SETTINGS_SECTION as SECTION, type ContractRequest } from '../../shared/src/protocol';

/** A crashed server is restarted this many times within the window, each time with a message; then it stays down. */
export const MAX_RESTARTS = 3;
const RESTART_WINDOW_MS = 3 * 60 * 1000;

/** Restarts a crashed server a few times, telling the user each time, and then gives up with a way forward. */
export function restartingErrorHandler(now: () => number = Date.now): ErrorHandler {
  const crashes: number[] = [];
  return {
    error: (_error, _message, count) => ({ action: (count ?? 1) <= MAX_RESTARTS ? ErrorAction.Continue : ErrorAction.Shutdown }),
    closed: () => {
      const t = now();
      crashes.push(t);
      while (crashes.length && crashes[0] < t - RESTART_WINDOW_MS) crashes.shift();
      if (crashes.length <= MAX_RESTARTS) {
        return {
          action: CloseAction.Restart,
          message: `The ECS Task Networking server stopped unexpectedly and was restarted (${crashes.length} of ${MAX_RESTARTS}). Details are in the "ECS Task Networking" output.`,
        };
      }
      return {
        action: CloseAction.DoNotRestart,
        message: `The ECS Task Networking server stopped ${crashes.length} times in 3 minutes and will not be restarted. Check the "ECS Task Networking" output, then run "ECS: Restart Language Server".`,
      };
    },
  };
}

/** Sends one of the contract's requests (shared/src/protocol.ts) with its parameter and result types. */
export function sendContractRequest<P, R>(client: BaseLanguageClient, request: ContractRequest<P, R>, params: P): Promise<R> {
  return client.sendRequest<R>(request.method, params);
}

export const JSON_LANGUAGES: ReadonlySet<string> = new Set(['json', 'jsonc']);
/** CloudFormation templates in YAML. The server only adds diagnostics and hovers there; the YAML extensions keep theirs. */
export const YAML_LANGUAGES: ReadonlySet<string> = new Set(['yaml']);
/** Terraform (the language id of HashiCorp's extension, and ours for `.tf`): we add diagnostics, hovers, completions and fixes beside theirs. */
export const TERRAFORM_LANGUAGES: ReadonlySet<string> = new Set(['terraform']);
export const DOCUMENT_LANGUAGES: ReadonlySet<string> = new Set([...JSON_LANGUAGES, ...YAML_LANGUAGES, ...TERRAFORM_LANGUAGES]);
/**
 * Documents the server checks: files, unsaved documents and those of a virtual workspace
 * (`vscode-vfs`: GitHub and Azure Repos opened without a clone). The desktop server checks the
 * latter on their own, with no workspace index and no environment file, since it reads those from
 * disk; the browser server reads them through the client (workspaceFiles.ts).
 */
export const SCHEMES: ReadonlySet<string> = new Set(['file', 'untitled', 'vscode-vfs']);

export type ServerState = 'stopped' | 'starting' | 'running';

/** How one entry starts its server: a Node process (extension.ts) or a web worker (browserExtension.ts). */
export interface ServerLaunch {
  /** Where the server runs, for the output channel. */
  readonly description: string;
  /** Initialization options this entry adds to the shared ones. */
  readonly initializationOptions?: Readonly<Record<string, unknown>>;
  /** URI schemes of the documents the server checks. */
  readonly schemes: ReadonlySet<string>;
  createClient(id: string, name: string, options: LanguageClientOptions): BaseLanguageClient;
}

/**
 * Owns the language client. The server is started only once an ECS document is open (or the
 * workspace has an environment file), so opening any other JSON file costs nothing.
 */
export class ServerController implements vscode.Disposable {
  private client: BaseLanguageClient | undefined;
  private starting: Promise<BaseLanguageClient> | undefined;
  private readonly stateEmitter = new vscode.EventEmitter<ServerState>();
  readonly onDidChangeState = this.stateEmitter.event;

  constructor(
    private readonly launch: ServerLaunch,
    readonly output: vscode.LogOutputChannel,
    private readonly middleware: Middleware = {},
  ) {}

  get state(): ServerState {
    if (!this.client) return this.starting ? 'starting' : 'stopped';
    return this.client.state === State.Running ? 'running' : this.client.state === State.Starting ? 'starting' : 'stopped';
  }

  get running(): BaseLanguageClient | undefined {
    return this.client?.state === State.Running ? this.client : undefined;
  }

  /** Starts the server once; later calls return the same client. */
  ensureStarted(): Promise<BaseLanguageClient> {
    if (this.client) return Promise.resolve(this.client);
    if (!this.starting) {
      this.starting = this.start().finally(() => (this.starting = undefined));
      this.stateEmitter.fire('starting');
    }
    return this.starting;
  }

  private async start(): Promise<BaseLanguageClient> {
    const clientOptions: LanguageClientOptions = {
      documentSelector: [...this.launch.schemes].flatMap((scheme) => [...DOCUMENT_LANGUAGES].map((language) => ({ scheme, language }))),
      synchronize: { configurationSection: SECTION },
      // VS Code's JSON language reports comments and trailing commas in `json` documents itself: one report is enough.
      initializationOptions: { strictJsonReportedByEditor: true, ...this.launch.initializationOptions },
      outputChannel: this.output,
      errorHandler: restartingErrorHandler(),
      middleware: this.middleware,
    };
    const client = this.launch.createClient(SECTION, 'ECS Task Networking', clientOptions);
    client.onDidChangeState(() => this.stateEmitter.fire(this.state));
    this.output.appendLine(`Starting the ECS Task Networking language server (${this.launch.description}).`);
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
    // The Node client has its own restart (it waits for a debug port); the browser client starts again.
    const client: BaseLanguageClient & { restart?(): Promise<void> } = this.client;
    if (client.restart) await client.restart();
    else {
      await client.stop();
      await client.start();
    }
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
