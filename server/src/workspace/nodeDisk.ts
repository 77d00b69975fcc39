// The Node server's disk: files, the workspace walk, environment files and rule pages.
import { readFileSync } from 'node:fs';
import { sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createDocsUrl } from '../features/docs';
import type { Disk } from './disk';
import { EnvironmentCache } from './files';
import { pathOf } from './folders';
import { walkDocumentFiles } from './walk';

/** `bundleDir`: where the server bundle is, beside which the rule pages ship. */
export function nodeDisk(bundleDir: string): Disk {
  const environments = new EnvironmentCache();
  return {
    pathOf,
    uriOf: (path) => pathToFileURL(path).href,
    contains: (folder, path) => path.startsWith(folder + sep),
    // Sync reads in an async shape: one small file at a time is quicker than a trip through the thread pool.
    readText: async (path) => readFileSync(path, 'utf8'),
    walkDocumentFiles: (folder, sliceMs) => walkDocumentFiles(folder, undefined, sliceMs),
    environmentFor: async (path, setting, root, openText) => environments.forFile(path, setting, root, openText),
    docsUrl: createDocsUrl(bundleDir),
  };
}
