/**
 * `npm run screenshots`: the pictures in README.md and the walkthrough, taken from a real editor.
 * The packaged VSIX is installed into code-server, the bundled examples/ folder is opened in headless
 * Chromium with a light theme, and each shot below sets up the UI, waits for what it shows and
 * saves a PNG to docs/images/. A shot is a data object: adding one (a Terraform or YAML file with
 * its diagnostic) is one more entry in SHOTS.
 *
 * Usage: node out/e2e/screenshots/capture.js [path/to/extension.vsix]   (default: the package.json version's VSIX)
 */
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT } from '../support/tools';
import { openFile, openQuickFixMenu, openWorkbench, runCommand, showCapacityPlan, STEP_MS } from '../support/workbench';

const OUT = join(REPO_ROOT, 'docs', 'images');
/** Marketplace pages show README images at most about 1,000 px wide: this stays readable there. */
const VIEWPORT = { width: 1200, height: 600 };
const MAX_BYTES = 250 * 1024;

const SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'editor.minimap.enabled': false,
  'editor.fontSize': 15,
  'editor.stickyScroll.enabled': false,
  'breadcrumbs.enabled': false,
  'workbench.editor.enablePreview': false,
  'workbench.layoutControl.enabled': false,
  'window.commandCenter': false,
};

interface Shot {
  /** File name under docs/images/. */
  readonly file: string;
  /** What the picture must show; the shot fails rather than save anything else. */
  readonly shows: string;
  readonly stage: (page: Page) => Promise<void>;
}

/** Clears what the last shot left: hovers, menus, other editors. */
async function reset(page: Page): Promise<void> {
  await page.keyboard.press('Escape');
  await runCommand(page, 'View: Close All Editor Groups');
  await page.locator('.editor-group-container .tab').first().waitFor({ state: 'detached', timeout: STEP_MS });
}

const SHOTS: readonly Shot[] = [
  {
    file: 'quick-fix.png',
    shows: "the Fargate + bridge error with its quick fix menu open on Set networkMode to 'awsvpc'",
    stage: async (page) => {
      await openFile(page, 'mistakes/fargate-taskdef.json');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: STEP_MS });
      await openQuickFixMenu(page, /^"bridge"$/, "Set networkMode to 'awsvpc'");
    },
  },
  {
    file: 'hover.png',
    shows: "the hover on a service's subnets: the IPv4 addresses 24 EC2 tasks on c5.large need, against two /27 subnets",
    stage: async (page) => {
      await openFile(page, 'small-subnets/service.json');
      await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'attached', timeout: STEP_MS });
      // On "subnets" the hover holds the figures alone; on desiredCount the two warnings come first and push the table out of view.
      await page
        .locator('.monaco-editor .view-lines span', { hasText: /^"subnets"$/ })
        .last()
        .hover();
      const hover = page.locator('.monaco-hover:not(.hidden)', { hasText: 'IPv4 addresses for 24 awsvpc tasks' }).first();
      await hover.waitFor({ state: 'visible', timeout: STEP_MS });
      await hover.locator('table').first().waitFor({ state: 'visible', timeout: STEP_MS });
    },
  },
  {
    file: 'capacity-plan.png',
    shows: 'the capacity plan of the EC2 service report-worker: instances, IPv4 per subnet against two /27 subnets',
    stage: async (page) => {
      await openFile(page, 'small-subnets/service.json');
      await showCapacityPlan(page, 'Capacity plan: service report-worker', '10.1.0.32/27');
    },
  },
  {
    file: 'yaml-template.png',
    shows: "a CloudFormation YAML template: the squiggle under NetworkMode 'awsVpc' and its hover with the rule and the value it suggests",
    stage: async (page) => {
      await openFile(page, 'mistakes/ec2-service-template.yaml');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ state: 'attached', timeout: STEP_MS });
      await page
        .locator('.monaco-editor .view-lines span', { hasText: /^awsVpc$/ })
        .last()
        .hover();
      await page.locator('.monaco-hover:not(.hidden)', { hasText: "Did you mean 'awsvpc'" }).first().waitFor({ state: 'visible', timeout: STEP_MS });
    },
  },
];

function defaultVsix(): string {
  const { name, version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
  return join(REPO_ROOT, `${name}-${version}.vsix`);
}

async function main(): Promise<number> {
  const vsix = resolve(process.argv[2] ?? defaultVsix());
  mkdirSync(OUT, { recursive: true });
  const workbench = await openWorkbench({ vsix, folder: join(REPO_ROOT, 'examples'), settings: SETTINGS, viewport: VIEWPORT });
  const { page } = workbench;
  let failed = 0;
  try {
    // The explorer takes width the pictures need for code: close the side bar.
    await page.keyboard.press('Control+B');
    await page.locator('.part.sidebar').waitFor({ state: 'hidden', timeout: STEP_MS });
    for (const [i, shot] of SHOTS.entries()) {
      try {
        if (i > 0) await reset(page);
        await shot.stage(page);
        const path = join(OUT, shot.file);
        await page.screenshot({ path });
        const bytes = statSync(path).size;
        if (bytes > MAX_BYTES) throw new Error(`${shot.file} is ${bytes} bytes, over ${MAX_BYTES}`);
        console.log(`  ✔ ${shot.file} (${Math.round(bytes / 1024)} KB): ${shot.shows}`);
      } catch (error) {
        failed++;
        console.log(`  ✘ ${shot.file}: ${shot.shows}\n    ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      }
    }
  } finally {
    await workbench.close();
  }
  console.log(`screenshots: ${SHOTS.length - failed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
