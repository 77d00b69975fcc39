// The `ecs-net` package as users get it: packed by scripts/pack-cli.mjs from the current dist/
// (npm test builds it first) and installed from the tarball into a folder of its own.
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './lsp-client';

export interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function runCommand(command: string, args: readonly string[], options: SpawnSyncOptions = {}): Ran {
  const r = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (r.error) throw r.error;
  return { status: r.status, stdout: String(r.stdout), stderr: String(r.stderr) };
}

/** Packs the CLI package (without rebuilding) into a new temporary folder; returns the tarball's path and sizes. */
export function packCli(extraArgs: readonly string[] = []): { file: string; size: number; unpackedSize: number } {
  const out = mkdtempSync(join(tmpdir(), 'ecs-net-tgz-'));
  const r = runCommand(process.execPath, [join(REPO_ROOT, 'scripts', 'pack-cli.mjs'), '--no-build', '--out', out, ...extraArgs], { cwd: REPO_ROOT });
  if (r.status !== 0) throw new Error(`pack-cli failed: ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '') as { file: string; size: number; unpackedSize: number };
}

/** Installs a tarball into `dir` (which gets a package.json first when it has none) without the network. */
export function installTarball(dir: string, tarball: string): void {
  const init = runCommand('npm', ['init', '-y'], { cwd: dir });
  if (init.status !== 0) throw new Error(`npm init failed: ${init.stderr}`);
  const r = runCommand('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: dir });
  if (r.status !== 0) throw new Error(`npm install ${tarball} failed: ${r.stderr}`);
}
