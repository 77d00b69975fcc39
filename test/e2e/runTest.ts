/**
 * Runs the integration tests in a real editor with @vscode/test-electron's runTests. Here the
 * "executable" is launcher/code-server-test-host, which hosts the run in code-server; set
 * ECS_NET_E2E_HOST=desktop on a machine that can download desktop VS Code to run them there.
 */
import { runTests } from '@vscode/test-electron';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from './support/tools';

async function main(): Promise<number> {
  const scratch = mkdtempSync(join(tmpdir(), 'ecs-net-e2e-'));
  // Tests edit their documents: they get a copy of the workspace, never the fixtures themselves.
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  for (const module of ['fargate-bridge', 'small-subnets']) {
    cpSync(join(REPO_ROOT, 'examples', 'terraform', module), join(workspace, 'terraform', module), { recursive: true });
  }
  const desktop = process.env.ECS_NET_E2E_HOST === 'desktop';
  try {
    await runTests({
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: join(__dirname, 'suite', 'index.js'),
      launchArgs: [workspace, '--disable-extensions', `--user-data-dir=${join(scratch, 'user-data')}`, `--extensions-dir=${join(scratch, 'extensions')}`],
      ...(desktop ? {} : { vscodeExecutablePath: join(REPO_ROOT, 'test', 'e2e', 'launcher', 'code-server-test-host') }),
    });
    return 0;
  } catch (error) {
    console.error(`extension tests failed: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main().then((code) => process.exit(code));
