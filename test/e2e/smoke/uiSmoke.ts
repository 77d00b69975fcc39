/**
 * UI smoke test: the packaged VSIX installed into code-server, driven in headless Chromium the way
 * a person would use it. Checks the error squiggle, the hover text and the Problems panel row, and
 * saves screenshots under test-results/ to look at.
 *
 * Usage: node out/e2e/smoke/uiSmoke.js path/to/ecs-task-networking-X.vsix
 */
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../support/tools';
import { fargateBridgeChecks, RESULTS, runUiChecks, type UiCheck } from '../support/uiChecks';
import { openFile, openQuickFixMenu, runCommand, showCapacityPlan, STEP_MS } from '../support/workbench';

const WALKTHROUGH = 'ecs-task-networking.ecs-task-networking#getStarted';

/** A walkthrough step's check mark, which the workbench marks `complete` when the step's event happened. */
const stepMark = (page: Page, step: string, done = false) =>
  page.locator(`.gettingStartedContainer [data-done-step-id="${WALKTHROUGH}#${step}"]${done ? '.complete' : ''}`);

const checks: UiCheck[] = [
  {
    // First: any ECS document opened before would complete the step already.
    name: 'the walkthrough opens, and its first three steps complete as the example is opened from it, shows its errors and gets a quick fix',
    run: async (page) => {
      await runCommand(page, 'Welcome: Open Walkthrough...');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Get started with ECS Task Networking' }).first().click({ timeout: STEP_MS });
      const first = stepMark(page, 'openExample');
      await first.waitFor({ state: 'attached', timeout: STEP_MS });
      if (await first.evaluate((e) => e.classList.contains('complete'))) throw new Error('the first step was complete before anything happened');
      await page.locator('.gettingStartedContainer .monaco-button', { hasText: 'Open Example' }).first().click({ timeout: STEP_MS });
      await page.locator('.tab.active', { hasText: 'Untitled' }).first().waitFor({ timeout: STEP_MS });
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: STEP_MS });
      await openQuickFixMenu(page, /^"bridge"$/, "Set networkMode to 'awsvpc'");
      await page.keyboard.press('Enter');
      await page
        .locator('.monaco-editor .view-lines span', { hasText: /^"awsvpc"$/ })
        .first()
        .waitFor({ timeout: STEP_MS });
      // Back to the walkthrough, whose tab the workbench titles "Welcome".
      await page.locator('.editor-group-container .tab', { hasText: 'Welcome' }).first().click({ timeout: STEP_MS });
      for (const step of ['openExample', 'seeProblem', 'applyQuickFix']) await stepMark(page, step, true).waitFor({ state: 'attached', timeout: STEP_MS });
      if (await stepMark(page, 'capacityPlan', true).count()) throw new Error('the capacity plan step completed without a plan shown');
      await page.screenshot({ path: join(RESULTS, 'smoke-walkthrough.png') });
      await page.locator('.editor-group-container .tab', { hasText: 'Untitled' }).first().click({ timeout: STEP_MS });
      await runCommand(page, 'View: Revert and Close Editor');
      await page.locator('.editor-group-container .tab', { hasText: 'Welcome' }).locator('.tab-actions .action-label').first().click({ timeout: STEP_MS });
      await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: STEP_MS });
    },
  },
  ...fargateBridgeChecks('smoke'),
  {
    name: 'the Problems panel lists the error with its rule code',
    run: async (page) => {
      await page.mouse.move(5, 5);
      await page.keyboard.press('Escape');
      await page.keyboard.press('Control+Shift+M');
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'fargate-network-mode' });
      await row.first().waitFor({ state: 'visible', timeout: STEP_MS });
      const text = await row.first().innerText();
      if (!/Fargate only supports network mode 'awsvpc'/.test(text)) throw new Error(`the row reads: ${text}`);
      await page.screenshot({ path: join(RESULTS, 'smoke-problems.png') });
    },
  },
  {
    name: 'the status bar shows the document kind and summary from the server',
    run: async (page) => {
      await page
        .locator('.statusbar-item', { hasText: 'Task definition: bridge · 1 container, 1 port mapping' })
        .first()
        .waitFor({ state: 'visible', timeout: STEP_MS });
    },
  },
  {
    name: 'a YAML CloudFormation template gets the squiggle under bridge and its own Problems panel row',
    run: async (page) => {
      await openFile(page, 'fargate-bridge.yaml');
      await page
        .locator('.monaco-editor .view-lines span', { hasText: /^bridge$/ })
        .first()
        .waitFor({ timeout: STEP_MS });
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: STEP_MS });
      // The panel is open from the JSON check; its shortcut toggles, so press it only when closed.
      if (!(await page.locator('.markers-panel').isVisible())) await page.keyboard.press('Control+Shift+M');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'fargate-bridge.yaml' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
      // The JSON twin's row reads Ln 3; this one is the template's line 9, under the value.
      const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'fargate-network-mode' }).filter({ hasText: 'Ln 9, Col 20' });
      await row.first().waitFor({ state: 'visible', timeout: STEP_MS });
      const text = await row.first().innerText();
      if (!/Fargate only supports network mode 'awsvpc'/.test(text)) throw new Error(`the row reads: ${text}`);
      await page.screenshot({ path: join(RESULTS, 'smoke-yaml-problems.png') });
    },
  },
  {
    name: 'ECS: Show Capacity Plan opens a panel with the table and the chart',
    run: async (page) => {
      await openFile(page, 'service-stack.json');
      await showCapacityPlan(page, 'Capacity plan: service ApiService', '10.0.1.0/28');
      await page.screenshot({ path: join(RESULTS, 'smoke-capacity-plan.png') });
    },
  },
];

const vsix = process.argv[2] ? resolve(process.argv[2]) : undefined;
if (!vsix) {
  console.error('usage: uiSmoke.js path/to/extension.vsix');
  process.exit(2);
}
void runUiChecks('smoke', { vsix, folder: join(REPO_ROOT, 'test', 'e2e', 'workspace') }, checks).then((code) => process.exit(code));
