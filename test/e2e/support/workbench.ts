/**
 * A code-server workbench with the packaged VSIX installed, open on a copy of a folder, driven in
 * headless Chromium: what the UI smoke test and the README screenshots share. Every wait is on a
 * selector, never a sleep.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, FrameLocator, Page } from 'playwright-core';
import { CodeServer, launchBrowser } from './codeServer';
import { e2eTools } from './tools';

export const STEP_MS = 60_000;

export interface WorkbenchOptions {
  readonly vsix: string;
  /** Copied, so the session may edit its files. */
  readonly folder: string;
  /** User settings on top of the quiet test defaults, e.g. a colour theme. */
  readonly settings?: Readonly<Record<string, unknown>>;
  readonly viewport?: { readonly width: number; readonly height: number };
  /** Open the folder untrusted, in Restricted Mode (workspace trust is off otherwise). */
  readonly restricted?: boolean;
}

export interface Workbench {
  readonly page: Page;
  /** Absolute path of the copied folder the workbench has open. */
  readonly workspace: string;
  close(): Promise<void>;
}

/** Installs the VSIX, starts code-server, opens the folder and waits for the explorer to list it. */
export async function openWorkbench(options: WorkbenchOptions): Promise<Workbench> {
  const scratch = mkdtempSync(join(tmpdir(), 'ecs-net-workbench-'));
  const workspace = join(scratch, 'workspace');
  cpSync(options.folder, workspace, { recursive: true });
  const trust = options.restricted ? { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' } : {};
  const server = new CodeServer(e2eTools(), { settings: { ...options.settings, ...trust }, workspaceTrust: options.restricted });
  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await server.stop();
    rmSync(scratch, { recursive: true, force: true });
  };
  try {
    const installed = await server.installExtension(options.vsix);
    if (!/successfully installed/i.test(installed)) throw new Error(`installing the VSIX said: ${installed}`);
    await server.start();
    const browser = await launchBrowser(join(scratch, 'chromium'), options.viewport);
    context = browser.context;
    const { page } = browser;
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: STEP_MS });
    await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: STEP_MS });
    return { page, workspace, close };
  } catch (error) {
    await close();
    throw error;
  }
}

/** Quick Open (Ctrl+P) on `path` (a name or a folder-relative path); resolves when its tab is active. */
export async function openFile(page: Page, path: string): Promise<void> {
  const name = path.slice(path.lastIndexOf('/') + 1);
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(path);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active', { hasText: name }).waitFor({ timeout: STEP_MS });
}

/** Parks the pointer on the editor's empty lower part, where it opens no hover or tooltip. */
export async function parkPointer(page: Page): Promise<void> {
  const box = await page.locator('.editor-group-container .monaco-editor').first().boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height - 20);
}

/** Puts the cursor on the last `text` token in the editor and opens the quick fix menu on `fix`. */
export async function openQuickFixMenu(page: Page, text: RegExp, fix: string): Promise<void> {
  await page.locator('.monaco-editor .view-lines span', { hasText: text }).last().click();
  await parkPointer(page);
  await page.keyboard.press('Control+.');
  await page.locator('.action-widget', { hasText: fix }).first().waitFor({ state: 'visible', timeout: STEP_MS });
}

/** Runs a command by its palette title, e.g. `ECS: Show Capacity Plan`. */
export async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: STEP_MS });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ timeout: STEP_MS });
  await page.keyboard.press('Enter');
}

/** The capacity plan's page: webviews sit in an iframe holding another iframe with the content. */
export function capacityPlanFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview').frameLocator('#active-frame');
}

/** Runs ECS: Show Capacity Plan and waits for the panel's title, chart and a table cell. */
export async function showCapacityPlan(page: Page, title: string, cell: string): Promise<FrameLocator> {
  await runCommand(page, 'ECS: Show Capacity Plan');
  const frame = capacityPlanFrame(page);
  await frame.locator('h1', { hasText: title }).waitFor({ timeout: STEP_MS });
  await frame.locator('svg[role="img"]').first().waitFor({ timeout: STEP_MS });
  await frame.locator('td', { hasText: cell }).first().waitFor({ timeout: STEP_MS });
  return frame;
}
