/**
 * The extension as a web extension: the packaged VSIX installed into code-server, with the user
 * setting `remote.extensionKind` asking for it to run in the browser's web worker extension host
 * (as on vscode.dev and github.dev) instead of code-server's Node one. Its `browser` entry starts
 * the language server in a web worker, and the workspace's other files and the environment file
 * reach that server only through the client's workspace API.
 *
 * Usage: node out/e2e/smoke/webExtension.js path/to/ecs-task-networking-X.vsix
 */
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../support/tools';
import { fargateBridgeChecks, RESULTS, runUiChecks, type UiCheck } from '../support/uiChecks';
import { openFile, runCommand, STEP_MS } from '../support/workbench';

const EXTENSION_ID = 'ecs-task-networking.ecs-task-networking';

const checks: UiCheck[] = [
  ...fargateBridgeChecks('web'),
  {
    name: 'the language server runs in a web worker started by the browser entry',
    run: async (page) => {
      await runCommand(page, 'ECS: Show Output');
      await page.locator('.part.panel .view-lines', { hasText: 'a web worker running' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
      await page.screenshot({ path: join(RESULTS, 'web-output.png') });
    },
  },
  {
    name: 'a service is checked against its task definition in another file and a target group in the environment file',
    run: async (page) => {
      await openFile(page, 'orders/deploy/service.json');
      await page.keyboard.press('Control+Shift+M');
      for (const code of ['target-type-network-mode', 'service-awsvpc-network-configuration']) {
        await page.locator('.markers-panel .monaco-list-row', { hasText: code }).first().waitFor({ state: 'visible', timeout: STEP_MS });
      }
      await page.screenshot({ path: join(RESULTS, 'web-cross-file.png') });
    },
  },
  {
    name: 'ECS: Restart Language Server starts a fresh worker, which reads the workspace again',
    run: async (page) => {
      await runCommand(page, 'ECS: Restart Language Server');
      await runCommand(page, 'ECS: Show Output');
      const indexed = page.locator('.part.panel .view-line', { hasText: 'indexed 3 ECS documents among 4 files' });
      await indexed.nth(1).waitFor({ state: 'visible', timeout: STEP_MS });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'target-type-network-mode' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
    },
  },
  {
    name: 'ECS: Pull Environment from AWS says why it cannot run in the browser',
    run: async (page) => {
      await runCommand(page, 'ECS: Pull Environment from AWS');
      await page
        .locator('.notifications-toasts .notification-toast', { hasText: 'needs the desktop editor' })
        .first()
        .waitFor({ state: 'visible', timeout: STEP_MS });
    },
  },
];

const vsix = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!vsix) {
  console.error('usage: webExtension.js path/to/extension.vsix');
  process.exit(2);
}
void runUiChecks(
  'web-extension',
  { vsix, folder: join(REPO_ROOT, 'test', 'e2e', 'web-workspace'), settings: { 'remote.extensionKind': { [EXTENSION_ID]: ['web'] } } },
  checks,
).then((code) => process.exit(code));
