// The one folder walk: which files of a folder tree may hold ECS documents (JSON, and YAML
// CloudFormation templates). The CLI lists them at
// once; the language server walks them a slice at a time. Both skip the same folders and files.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Folders never worth walking into for ECS documents. */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'cdk.out', '.terraform', '.tools']);
/**
 * Larger files are skipped by both walks: they are generated data, not deployment documents
 * (ECS takes task definitions up to 64 KiB, CloudFormation templates up to 1 MB).
 */
export const MAX_WALKED_BYTES = 5 * 1024 * 1024;
/**
 * JSON documents, CloudFormation templates in YAML (`.template` may be either: the model tells by
 * content), Terraform files and the JSON templates Terraform's `templatefile()` renders (`.json.tpl`).
 */
export const DOCUMENT_FILE = /\.(jsonc?|ya?ml|template|tf|json\.tpl)$/i;

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
      if (!SKIPPED_DIRS.has(name) && !name.startsWith('.')) dirs.push(full);
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
