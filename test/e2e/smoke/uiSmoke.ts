/**
 * UI smoke test: the packaged VSIX installed into code-server, driven in headless Chromium the way
 * a person would use it. Checks the error squiggle, the hover text and the Problems panel row, and
 * saves screenshots under test-results/ to look at.
 *
 * Usage: node out/e2e/smoke/uiSmoke.js path/to/ecs-task-networking-X.vsix
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { CodeServer, launchBrowser } from '../support/codeServer';
import { e2eTools, REPO_ROOT } from '../support/tools';

const RESULTS = join(REPO_ROOT, 'test-results');
const STEP_MS = 60_000;

interface Check {
  readonly name: string;
  readonly run: (page: Page) => Promise<void>;
}

async function openFile(page: Page, name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(name);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: STEP_MS });
}

const checks: Check[] = [
  {
    name: 'the error squiggle appears under the network mode of a Fargate task definition',
    run: async (page) => {
      await openFile(page, 'fargate-bridge.json');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: STEP_MS });
    },
  },
  {
    name: 'hovering the value shows the rule message and the computed network mode text',
    run: async (page) => {
      await page.locator('.monaco-editor .view-lines span', { hasText: /^"bridge"$/ }).last().hover();
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: "Fargate only supports network mode 'awsvpc'" });
      await hover.first().waitFor({ state: 'visible', timeout: STEP_MS });
      await page.locator('.monaco-hover:not(.hidden)', { hasText: 'bridge network' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
      await page.screenshot({ path: join(RESULTS, 'smoke-hover.png') });
    },
  },
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
      await page.locator('.statusbar-item', { hasText: 'Task definition: bridge · 1 container, 1 port mapping' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
    },
  },
  {
    name: 'ECS: Show Capacity Plan opens a panel with the table and the chart',
    run: async (page) => {
      await openFile(page, 'service-stack.json');
      await page.keyboard.press('F1');
      const input = page.locator('.quick-input-widget input');
      await input.waitFor({ state: 'visible', timeout: STEP_MS });
      await input.fill('>ECS: Show Capacity Plan');
      await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'ECS: Show Capacity Plan' }).first().waitFor({ timeout: STEP_MS });
      await page.keyboard.press('Enter');
      // Webviews sit in an iframe holding another iframe with the page.
      const frame = page.frameLocator('iframe.webview').frameLocator('#active-frame');
      await frame.locator('h1', { hasText: 'Capacity plan: service ApiService' }).waitFor({ timeout: STEP_MS });
      await frame.locator('svg[role="img"]').first().waitFor({ timeout: STEP_MS });
      await frame.locator('td', { hasText: '10.0.1.0/28' }).first().waitFor({ timeout: STEP_MS });
      await page.screenshot({ path: join(RESULTS, 'smoke-capacity-plan.png') });
    },
  },
];

async function main(): Promise<number> {
  const vsix = process.argv[2] ? resolve(process.argv[2]) : undefined;
  if (!vsix) {
    console.error('usage: uiSmoke.js path/to/extension.vsix');
    return 2;
  }
  const tools = e2eTools();
  mkdirSync(RESULTS, { recursive: true });
  const scratch = mkdtempSync(join(tmpdir(), 'ecs-net-smoke-'));
  const workspace = join(scratch, 'workspace');
  cpSync(join(REPO_ROOT, 'test', 'e2e', 'workspace'), workspace, { recursive: true });
  const server = new CodeServer(tools);
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let passed = 0;
  let failed = 0;
  try {
    const installed = await server.installExtension(vsix);
    if (!/successfully installed/i.test(installed)) throw new Error(`installing the VSIX said: ${installed}`);
    await server.start();
    browser = await launchBrowser(join(scratch, 'chromium'));
    const { page } = browser;
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP_MS });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP_MS });
    for (const check of checks) {
      try {
        await check.run(page);
        passed++;
        console.log(`  ✔ ${check.name}`);
      } catch (error) {
        failed++;
        console.log(`  ✘ ${check.name}\n    ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        await page.screenshot({ path: join(RESULTS, `smoke-failure-${failed}.png`) }).catch(() => undefined);
      }
    }
  } catch (error) {
    failed++;
    console.log(`  ✘ setting up code-server with the VSIX\n    ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser?.context.close().catch(() => undefined);
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  }
  console.log(`screenshots: ${RESULTS}`);
  console.log(`smoke: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then((code) => process.exit(code));
