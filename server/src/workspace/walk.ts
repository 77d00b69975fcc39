// The folder walk over Node's `fs` (which files count: documentFiles.ts). The CLI lists them at
// once; the language server walks them a slice at a time. Both skip the same folders and files.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENT_FILE, isWalkedFolder, MAX_WALKED_BYTES } from './documentFiles';

export { DOCUMENT_FILE, MAX_WALKED_BYTES, SKIPPED_DIRS } from './documentFiles';

/** One folder: its subfolders worth walking into and its document files up to `maxBytes`, both sorted. */
function scanFolder(dir: string, maxBytes: number): { dirs: string[]; files: string[] } {
  const dirs: string[] = [];
  const files: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return { dirs, files };
  }
  for (const name of names) {
    const full = join(dir, name);
    let stat;
    try {
      stat = statSync(full);
    } catch {
      continue;
    }
    if (stat.isDirectory()) {
      if (isWalkedFolder(name)) dirs.push(full);
    } else if (stat.isFile() && DOCUMENT_FILE.test(name) && stat.size <= maxBytes) files.push(full);
  }
  return { dirs, files };
}

/** Every document file below `root` up to `maxBytes`, sorted, skipping build and dependency folders. */
export function listDocumentFiles(root: string, maxBytes = MAX_WALKED_BYTES): string[] {
  const out: string[] = [];
  const pending = [root];
  while (pending.length) {
    const { dirs, files } = scanFolder(pending.pop()!, maxBytes);
    out.push(...files);
    pending.push(...dirs.reverse());
  }
  return out.sort();
}

/**
 * The same walk as listDocumentFiles, one folder at a time, handing control back to the event loop
 * whenever `budgetMs` has been used, so a language server stays responsive while it lists a large
 * workspace. Yields batches of files.
 */
export async function* walkDocumentFiles(root: string, maxBytes = MAX_WALKED_BYTES, budgetMs = 8): AsyncGenerator<string[]> {
  const pending = [root];
  let sliceStart = performance.now();
  let batch: string[] = [];
  while (pending.length) {
    const { dirs, files } = scanFolder(pending.pop()!, maxBytes);
    batch.push(...files);
    pending.push(...dirs.reverse());
    if (performance.now() - sliceStart >= budgetMs) {
      yield batch;
      batch = [];
      sliceStart = performance.now();
    }
  }
  if (batch.length) yield batch;
}
