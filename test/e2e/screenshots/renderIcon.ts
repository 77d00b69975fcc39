/**
 * `npm run icon`: renders media/icon.svg to the 128×128 media/icon.png the manifest declares, in
 * the headless Chromium the real-editor tests use (no image library, nothing native to install).
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchBrowser } from '../support/codeServer';
import { REPO_ROOT } from '../support/tools';

const SIZE = 128;

async function main(): Promise<void> {
  const svg = readFileSync(join(REPO_ROOT, 'media', 'icon.svg'), 'utf8');
  const out = join(REPO_ROOT, 'media', 'icon.png');
  const profile = mkdtempSync(join(tmpdir(), 'ecs-net-icon-'));
  const { context, page } = await launchBrowser(profile, { width: SIZE, height: SIZE });
  try {
    await page.setContent(`<!doctype html><html><body style="margin:0;background:transparent">${svg}</body></html>`);
    const box = await page.locator('svg').boundingBox();
    if (!box || box.width !== SIZE || box.height !== SIZE) throw new Error(`media/icon.svg renders at ${box?.width}×${box?.height}, not ${SIZE}×${SIZE}`);
    await page.locator('svg').screenshot({ path: out, omitBackground: true });
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
  console.log(`media/icon.png: ${SIZE}×${SIZE}, ${statSync(out).size} bytes`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
