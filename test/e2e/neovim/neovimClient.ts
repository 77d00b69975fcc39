/**
 * A second, unrelated LSP client: headless Neovim attaches `node dist/server.js --stdio` to a task
 * definition (neovim/init.lua) and writes the diagnostics it received. Proof the server works
 * outside VS Code.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withTimeout } from '../support/codeServer';
import { REPO_ROOT } from '../support/tools';

interface NvimResult {
  attached: boolean;
  received: boolean;
  nvim: string;
  diagnostics: { code?: string; source?: string; message: string; line: number; col: number; severity: number }[];
}

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'ecs-net-nvim-'));
  const out = join(scratch, 'diagnostics.json');
  const task = join(REPO_ROOT, 'test', 'e2e', 'workspace', 'fargate-bridge.json');
  const checks: [string, (r: NvimResult) => boolean][] = [
    ['Neovim attached the server and received diagnostics', (r) => r.attached && r.received],
    [
      "the Fargate + bridge error arrives with its code, source and place (line 3, the value 'bridge')",
      (r) => r.diagnostics.some((d) => d.code === 'fargate-network-mode' && d.source === 'ecs-net' && d.line === 2 && d.col === 17 && d.severity === 1),
    ],
  ];
  let passed = 0;
  let failed = 0;
  try {
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(__dirname, '..', '..', '..', 'test', 'e2e', 'neovim', 'init.lua'), task], {
      cwd: scratch,
      env: {
        ...process.env,
        ECS_NET_SERVER: join(REPO_ROOT, 'dist', 'server.js'),
        ECS_NET_NODE: process.execPath,
        ECS_NET_OUT: out,
        XDG_CONFIG_HOME: scratch,
        XDG_DATA_HOME: scratch,
        XDG_STATE_HOME: scratch,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const exited = new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('exit', (code) => resolve(code));
    });
    const code = await withTimeout(exited, 60_000, 'nvim to exit').catch((error: unknown) => {
      child.kill('SIGKILL');
      throw error;
    });
    if (!existsSync(out)) throw new Error(`nvim exited with ${code} and wrote no result: ${output}`);
    const result = JSON.parse(readFileSync(out, 'utf8')) as NvimResult;
    console.log(
      `  Neovim ${result.nvim}: ${result.diagnostics.map((d) => `${d.line + 1}:${d.col + 1} ${d.code} ${d.message}`).join(' | ') || 'no diagnostics'}`,
    );
    for (const [name, check] of checks) {
      if (check(result)) {
        passed++;
        console.log(`  ✔ ${name}`);
      } else {
        failed++;
        console.log(`  ✘ ${name}`);
      }
    }
  } catch (error) {
    failed++;
    console.log(`  ✘ running Neovim\n    ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`neovim: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
