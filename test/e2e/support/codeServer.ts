import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, type E2eTools } from './tools';

/** Rejects after `ms` with `what` in the message, unless `promise` settles first. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Settings that keep the workbench quiet and predictable for tests. */
const USER_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'security.workspace.trust.enabled': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'editor.hover.delay': 150,
  'window.restoreWindows': 'none',
  'files.hotExit': 'off',
  'chat.disableAIFeatures': true,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
};

export interface CodeServerOptions {
  readonly userDataDir?: string;
  readonly extensionsDir?: string;
  /** Extra `--vscode-option` flags, e.g. enable-smoke-test-driver. */
  readonly vscodeOptions?: readonly string[];
  /** Receives every line code-server prints. */
  readonly onLine?: (line: string) => void;
  /** User settings added to (or replacing) the quiet defaults. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** Keep workspace trust on (Restricted Mode for folders not yet trusted); off by default. */
  readonly workspaceTrust?: boolean;
}

/**
 * A code-server on a free loopback port, in its own process group and temporary folders, so
 * `stop()` ends all of it and leaves nothing behind.
 */
export class CodeServer {
  readonly home: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  private child: ChildProcess | undefined;
  port = 0;

  constructor(
    private readonly tools: E2eTools,
    private readonly options: CodeServerOptions = {},
  ) {
    this.home = mkdtempSync(join(tmpdir(), 'ecs-net-cs-'));
    this.userDataDir = options.userDataDir ?? join(this.home, 'user-data');
    this.extensionsDir = options.extensionsDir ?? join(this.home, 'extensions');
    for (const d of [
      this.userDataDir,
      this.extensionsDir,
      join(this.userDataDir, 'User'),
      join(this.home, 'config'),
      join(this.home, 'data'),
      join(this.home, 'tmp'),
    ]) {
      mkdirSync(d, { recursive: true });
    }
    writeFileSync(join(this.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...USER_SETTINGS, ...options.settings }, null, 2));
  }

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      PATH: `${this.tools.nodeBinDir}:${process.env.PATH ?? ''}`,
      XDG_CONFIG_HOME: join(this.home, 'config'),
      XDG_DATA_HOME: join(this.home, 'data'),
      // code-server leaves vscode-ipc-*.sock files in TMPDIR: keep them in our folder.
      TMPDIR: join(this.home, 'tmp'),
    };
  }

  private baseArgs(): string[] {
    return ['--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
  }

  /** `code-server --install-extension`, e.g. for a VSIX; resolves with what it printed. */
  installExtension(vsix: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const child = spawn(this.tools.node, [this.tools.codeServer, ...this.baseArgs(), '--install-extension', vsix], {
        env: this.env(),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let out = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (out += c.toString()));
      child.on('error', reject);
      child.on('close', (code) => (code === 0 ? resolve(out) : reject(new Error(`--install-extension exited with ${code}: ${out}`))));
    });
  }

  /** Starts the server and resolves once it says it is listening. */
  async start(timeoutMs = 90_000): Promise<void> {
    this.port = await freePort();
    const args = [
      this.tools.codeServer,
      '--auth',
      'none',
      '--bind-addr',
      `127.0.0.1:${this.port}`,
      '--disable-telemetry',
      '--disable-update-check',
      ...(this.options.workspaceTrust ? [] : ['--disable-workspace-trust']),
      '--disable-getting-started-override',
      ...this.baseArgs(),
      ...(this.options.vscodeOptions ?? []).flatMap((o) => ['--vscode-option', o]),
    ];
    const child = spawn(this.tools.node, args, { env: this.env(), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    this.child = child;
    const listening = new Promise<void>((resolve, reject) => {
      let buffer = '';
      const onData = (chunk: Buffer) => {
        buffer += chunk.toString();
        let nl: number;
        while ((nl = buffer.indexOf('\n')) >= 0) {
          const line = buffer.slice(0, nl);
          buffer = buffer.slice(nl + 1);
          this.options.onLine?.(line);
          if (/HTTP server listening on/.test(line)) resolve();
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.once('error', reject);
      child.once('exit', (code, signal) => reject(new Error(`code-server exited early (${code ?? signal})`)));
    });
    await withTimeout(listening, timeoutMs, 'code-server to listen');
  }

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Ends the whole process group, then removes the temporary folders. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (child?.pid && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
      await withTimeout(exited, 10_000, 'code-server to exit').catch(() => {
        try {
          process.kill(-child.pid!, 'SIGKILL');
        } catch {
          // already gone
        }
      });
    }
    rmSync(this.home, { recursive: true, force: true });
  }
}

/** Headless Debian Chromium in a fresh profile, as the machine allows it to run. */
export async function launchBrowser(profileDir: string, viewport = { width: 1400, height: 900 }): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    viewport,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}
