/**
 * Stands in for the VS Code executable that @vscode/test-electron's `runTests` starts: it takes the
 * same command line (folder, --extensionDevelopmentPath, --extensionTestsPath, --user-data-dir,
 * --extensions-dir; Electron-only flags are ignored), hosts the run in code-server with the smoke
 * test driver on, opens the workbench in headless Chromium with the test payload, and exits with
 * the code the test module reported through `window.codeAutomationExit`.
 *
 * Run through ./code-server-test-host, which `runTests` is given as `vscodeExecutablePath`.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CodeServer, launchBrowser, withTimeout } from '../support/codeServer';
import { e2eTools, MissingToolsError } from '../support/tools';

interface HostArgs {
  folder?: string;
  extensionDevelopmentPath?: string;
  extensionTestsPath?: string;
  userDataDir?: string;
  extensionsDir?: string;
}

function parseArgs(argv: readonly string[]): HostArgs {
  const out: HostArgs = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    switch (flag) {
      case '--extensionDevelopmentPath':
        out.extensionDevelopmentPath = resolve(value());
        break;
      case '--extensionTestsPath':
        out.extensionTestsPath = resolve(value());
        break;
      case '--user-data-dir':
        out.userDataDir = resolve(value());
        break;
      case '--extensions-dir':
        out.extensionsDir = resolve(value());
        break;
      default:
        if (!flag.startsWith('-') && out.folder === undefined) out.folder = resolve(flag);
    }
  }
  return out;
}

const RUN_TIMEOUT_MS = Number(process.env.ECS_NET_E2E_TIMEOUT_MS || 10 * 60_000);

async function main(): Promise<number> {
  const args = parseArgs(process.argv.slice(2));
  if (!args.extensionDevelopmentPath || !args.extensionTestsPath) {
    console.error('code-server-test-host: --extensionDevelopmentPath and --extensionTestsPath are required');
    return 2;
  }
  const tools = e2eTools();
  // The extension host's console (mocha's report) comes out on code-server's output between these markers.
  let inNativeLog = false;
  let lastBlank = false;
  const logTail: string[] = [];
  // code-server prefixes some forwarded lines with its own time and connection stamp; drop it so
  // mocha's report reads as it does in desktop VS Code (and its summary line stands alone).
  const relay = (raw: string) => {
    const line = raw.replace(/^\[\d\d:\d\d:\d\d\] \[[^\]]*\]\[[^\]]*\]\[ExtensionHostConnection\] <\d+> ?/, '').trimEnd();
    if (line === '' && lastBlank) return;
    lastBlank = line === '';
    console.log(line);
  };
  const server = new CodeServer(tools, {
    userDataDir: args.userDataDir,
    extensionsDir: args.extensionsDir,
    vscodeOptions: ['enable-smoke-test-driver'],
    onLine: (line) => {
      logTail.push(line);
      if (logTail.length > 200) logTail.shift();
      if (line.includes('START_NATIVE_LOG')) inNativeLog = true;
      else if (line.includes('END_NATIVE_LOG')) inNativeLog = false;
      else if (inNativeLog || process.env.ECS_NET_E2E_VERBOSE) relay(line);
    },
  });
  const profile = mkdtempSync(join(tmpdir(), 'ecs-net-chromium-'));
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  try {
    await server.start();
    const remote = (p: string) => `vscode-remote://127.0.0.1:${server.port}${p}`;
    const payload = [
      ['extensionDevelopmentPath', remote(args.extensionDevelopmentPath)],
      ['extensionTestsPath', remote(args.extensionTestsPath)],
      ['skipWelcome', 'true'],
      ['debugId', 'e2e'],
    ];
    const folder = args.folder ?? mkdirFolder(server.home);
    const url = `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;

    browser = await launchBrowser(profile);
    let reportExit: (code: number) => void = () => undefined;
    const exitCode = new Promise<number>((resolveExit) => (reportExit = resolveExit));
    await browser.page.exposeFunction('codeAutomationExit', (code: number) => reportExit(Number(code)));
    browser.page.on('pageerror', (error) => logTail.push(`[page error] ${error.message}`));
    await browser.page.goto(url);
    const code = await withTimeout(exitCode, RUN_TIMEOUT_MS, 'the extension tests to report their result');
    if (code !== 0) console.error(`code-server-test-host: the tests exited with ${code}`);
    return code;
  } catch (error) {
    console.error(`code-server-test-host: ${error instanceof Error ? error.message : String(error)}`);
    if (!(error instanceof MissingToolsError)) console.error(`--- last lines from code-server ---\n${logTail.join('\n')}`);
    return 1;
  } finally {
    await browser?.context.close().catch(() => undefined);
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }
}

function mkdirFolder(home: string): string {
  const dir = join(home, 'workspace');
  mkdirSync(dir, { recursive: true });
  return dir;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
