import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Links diagnostics to their rule's page. The pages ship beside the bundle (docs/rules in the
 * VSIX and the npm package), so the link opens the page the installed version describes.
 */
export function createDocsUrl(bundleDir: string): (ruleId: string) => string | undefined {
  const candidates = [join(bundleDir, '..', 'docs', 'rules'), join(bundleDir, '..', '..', '..', 'docs', 'rules')];
  const dir = candidates.find((d) => existsSync(d));
  if (!dir) return () => undefined;
  return (ruleId) => pathToFileURL(join(dir, `${ruleId}.md`)).href;
}
