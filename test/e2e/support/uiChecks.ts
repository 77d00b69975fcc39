/**
 * The loop the UI layers share: open a workbench, run named checks in order (a failure is counted,
 * reported with a screenshot, and the next check still runs), close, print the count line CI reads.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from './tools';
import { openFile, openWorkbench, STEP_MS, type Workbench, type WorkbenchOptions } from './workbench';

export const RESULTS = join(REPO_ROOT, 'test-results');

export interface UiCheck {
  readonly name: string;
  readonly run: (page: Page, workspace: string) => Promise<void>;
}

/** Runs the checks; `layer` names the count line (`layer: N passed, N failed`) and the failure screenshots. Returns the exit code. */
export async function runUiChecks(layer: string, options: WorkbenchOptions, checks: readonly UiCheck[]): Promise<number> {
  mkdirSync(RESULTS, { recursive: true });
  let workbench: Workbench | undefined;
  let passed = 0;
  let failed = 0;
  try {
    workbench = await openWorkbench(options);
    for (const check of checks) {
      try {
        await check.run(workbench.page, workbench.workspace);
        passed++;
        console.log(`  ✔ ${check.name}`);
      } catch (error) {
        failed++;
        console.log(`  ✘ ${check.name}\n    ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
        await workbench.page.screenshot({ path: join(RESULTS, `${layer}-failure-${failed}.png`) }).catch(() => undefined);
      }
    }
  } catch (error) {
    failed++;
    console.log(`  ✘ setting up code-server with the VSIX\n    ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await workbench?.close();
  }
  console.log(`screenshots: ${RESULTS}`);
  console.log(`${layer}: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

/**
 * The Fargate + bridge task definition of the test workspaces: its error squiggle, then the hover
 * on "bridge" with the rule message and the hover's own text (screenshot `<layer>-hover.png`).
 */
export function fargateBridgeChecks(layer: string): UiCheck[] {
  return [
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
        await page
          .locator('.monaco-editor .view-lines span', { hasText: /^"bridge"$/ })
          .last()
          .hover();
        const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: "Fargate only supports network mode 'awsvpc'" });
        await hover.first().waitFor({ state: 'visible', timeout: STEP_MS });
        await page.locator('.monaco-hover:not(.hidden)', { hasText: 'bridge network' }).first().waitFor({ state: 'visible', timeout: STEP_MS });
        await page.screenshot({ path: join(RESULTS, `${layer}-hover.png`) });
      },
    },
  ];
}
