// Which files of a folder tree may hold ECS documents (JSON, YAML CloudFormation templates, Terraform),
// for every walk: the Node one over `fs` (walk.ts) and the browser one through the client
// (clientDisk.ts). Nothing here imports Node.

/** Folders never worth walking into for ECS documents (nor any folder whose name starts with a dot). */
export const SKIPPED_DIRS = new Set(['node_modules', '.git', 'dist', 'out', '.vscode-test', 'cdk.out', '.terraform', '.tools']);
/**
 * Larger files are skipped by every walk: they are generated data, not deployment documents
 * (ECS takes task definitions up to 64 KiB, CloudFormation templates up to 1 MB).
 */
export const MAX_WALKED_BYTES = 5 * 1024 * 1024;
/**
 * JSON documents, CloudFormation templates in YAML (`.template` may be either: the model tells by
 * content), Terraform files and the JSON templates Terraform's `templatefile()` renders (`.json.tpl`).
 */
const EXTENSIONS = ['json', 'jsonc', 'yaml', 'yml', 'template', 'tf', 'json.tpl'];
export const DOCUMENT_FILE = new RegExp(`\\.(${EXTENSIONS.map((e) => e.replace('.', '\\.')).join('|')})$`, 'i');

/** Whether a walk goes into the folder named `name`. */
export const isWalkedFolder = (name: string): boolean => !SKIPPED_DIRS.has(name) && !name.startsWith('.');

/** The same choice as globs, for a walk done by someone else (VS Code's `findFiles`). */
export const DOCUMENT_GLOB = `**/*.{${EXTENSIONS.flatMap((e) => [e, e.toUpperCase()]).join(',')}}`;
export const SKIPPED_GLOB = `**/{${[...SKIPPED_DIRS, '.*'].join(',')}}/**`;

/** Whether a walk would take the file at `relative` (slash-separated, below the folder walked). */
export function isWalkedPath(relative: string): boolean {
  const segments = relative.split('/');
  const name = segments.pop() ?? '';
  return DOCUMENT_FILE.test(name) && segments.every((s) => s !== '' && s !== '..' && isWalkedFolder(s));
}
