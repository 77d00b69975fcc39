/**
 * Restricted Mode: the packaged VSIX in code-server with workspace trust on, a folder opened
 * untrusted. The checks still run on its documents; Pull Environment from AWS is refused with the
 * reason, and writes nothing.
 *
 * Usage: node out/e2e/smoke/restrictedMode.js path/to/ecs-task-networking-X.vsix
 */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { REPO_ROOT } from '../support/tools';
import { RESULTS, runUiChecks, type UiCheck } from '../support/uiChecks';
import { openFile, runCommand, STEP_MS } from '../support/workbench';

const checks: UiCheck[] = [
  {
    name: 'the folder is open in Restricted Mode',
    run: async (page) => {
      await page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
    },
  },
  {
    name: 'a Fargate task definition with bridge mode still gets its error and Problems row',
    run: async (page) => {
      await openFile(page, 'fargate-bridge.json');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: STEP_MS });
      await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'fargate-network-mode' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
      await page.screenshot({ path: join(RESULTS, 'restricted-diagnostics.png') });
    },
  },
  {
    name: 'ECS: Pull Environment from AWS is refused with the reason, and writes no file',
    run: async (page, workspace) => {
      await runCommand(page, 'ECS: Pull Environment from AWS');
      const toast = page.locator('.notifications-toasts .notification-toast', { hasText: 'disabled in Restricted Mode' });
      await toast.first().waitFor({ state: 'visible', timeout: STEP_MS });
      await page.locator('.notifications-toasts .monaco-button', { hasText: 'Manage Workspace Trust' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
      await page.screenshot({ path: join(RESULTS, 'restricted-pull-refused.png') });
      if (existsSync(join(workspace, 'ecs-network.json'))) throw new Error('an environment file was written');
    },
  },
];

const vsix = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!vsix) {
  console.error('usage: restrictedMode.js path/to/extension.vsix');
  process.exit(2);
}
void runUiChecks('restricted-mode', { vsix, folder: join(REPO_ROOT, 'test', 'e2e', 'workspace'), restricted: true }, checks).then((code) => process.exit(code));
