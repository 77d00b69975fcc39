/**
 * A second, unrelated LSP client: headless Neovim attaches `node dist/server.js --stdio` to a task
 * definition and to a YAML CloudFormation template (neovim/init.lua) and writes the diagnostics it
 * received. Proof the server works outside VS Code.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { withTimeout } from '../support/codeServer';
import { REPO_ROOT } from '../support/tools';

interface NvimResult {
  attached: boolean;
  received: boolean;
  nvim: string;
  diagnostics: { code?: string; source?: string; message: string; line: number; col: number; severity: number }[];
}

/** Opens `file` in headless Neovim with the server attached and returns what it received. */
async function diagnosticsInNeovim(file: string): Promise<NvimResult> {
  const scratch = mkdtempSync(join(tmpdir(), 'ecs-net-nvim-'));
  const out = join(scratch, 'diagnostics.json');
  try {
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(REPO_ROOT, 'test', 'e2e', 'neovim', 'init.lua'), file], {
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
      `  Neovim ${result.nvim} on ${basename(file)}: ${result.diagnostics.map((d) => `${d.line + 1}:${d.col + 1} ${d.code} ${d.message}`).join(' | ') || 'no diagnostics'}`,
    );
    return result;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const workspaceFile = (name: string) => join(REPO_ROOT, 'test', 'e2e', 'workspace', name);

/** The Fargate + bridge error, from the server as Neovim received it, at a 0-based line and column. */
const fargateBridgeAt = (line: number, col: number) => (r: NvimResult) =>
  r.diagnostics.some((d) => d.code === 'fargate-network-mode' && d.source === 'ecs-net' && d.line === line && d.col === col && d.severity === 1);

const CASES: { file: string; checks: [string, (r: NvimResult) => boolean][] }[] = [
  {
    file: workspaceFile('fargate-bridge.json'),
    checks: [
      ['Neovim attached the server and received diagnostics', (r) => r.attached && r.received],
      ["the Fargate + bridge error arrives with its code, source and place (line 3, the value 'bridge')", fargateBridgeAt(2, 17)],
    ],
  },
  {
    file: workspaceFile('fargate-bridge.yaml'),
    checks: [
      ['Neovim attached the server to a YAML CloudFormation template and received diagnostics', (r) => r.attached && r.received],
      [
        "the YAML template's Fargate + bridge error arrives with its code and place (line 9, the value bridge), and nothing else",
        (r) => fargateBridgeAt(8, 19)(r) && r.diagnostics.length === 1,
      ],
    ],
  },
];

async function main(): Promise<number> {
  let passed = 0;
  let failed = 0;
  for (const { file, checks } of CASES) {
    try {
      const result = await diagnosticsInNeovim(file);
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
      console.log(`  ✘ running Neovim on ${basename(file)}\n    ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  console.log(`neovim: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
