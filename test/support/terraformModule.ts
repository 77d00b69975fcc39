import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TextEdit } from 'vscode-languageserver';
import { EcsDocument } from '../../server/src/model/document';
import { runRules, type EngineOptions } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import type { Finding } from '../../server/src/rules/types';
import { referencesFor } from '../../server/src/semantics/account';
import { createReferences } from '../../server/src/semantics/references';
import { WorkspaceIndex } from '../../server/src/workspace/index';

// A Terraform module in memory (uri → text), checked the way the server checks an open folder:
// every file indexed, each file's rules run with references across the module.

export type ModuleFiles = ReadonlyMap<string, string>;

export const moduleUri = (name: string) => `file:///module/${name}`;

/** The files of a folder of the repository's examples, under their real file URIs. */
export function exampleModule(folder: string): ModuleFiles {
  const dir = join(__dirname, '..', '..', '..', 'examples', 'terraform', folder);
  return new Map(
    readdirSync(dir)
      .filter((f) => /\.(tf|json|tpl)$/.test(f))
      .map((f) => [pathToFileURL(join(dir, f)).href, readFileSync(join(dir, f), 'utf8')]),
  );
}

export interface CheckedModule {
  readonly docs: ReadonlyMap<string, EcsDocument>;
  readonly findings: ReadonlyMap<string, Finding[]>;
  readonly options: (uri: string) => EngineOptions;
  release(): void;
}

export function checkModule(files: ModuleFiles): CheckedModule {
  const docs = new Map([...files].map(([uri, text]) => [uri, new EcsDocument(uri, 1, text)]));
  const index = new WorkspaceIndex();
  for (const doc of docs.values()) index.set(doc);
  const refs = referencesFor(index, undefined, createReferences(index));
  const options = (): EngineOptions => ({ refs });
  const findings = new Map([...docs].map(([uri, doc]) => [uri, runRules(doc, RULES, options())]));
  return { docs, findings, options, release: () => docs.forEach((d) => d.release()) };
}

/** The text after an LSP edit of one document. */
export function applyTextEdits(doc: EcsDocument, edits: readonly TextEdit[]): string {
  let text = doc.text;
  const sorted = [...edits].sort((a, b) => doc.offsetAt(b.range.start) - doc.offsetAt(a.range.start));
  for (const e of sorted) text = text.slice(0, doc.offsetAt(e.range.start)) + e.newText + text.slice(doc.offsetAt(e.range.end));
  return text;
}

/** Whether `terraform` can be run here (it is used for `terraform fmt` only). */
export function hasTerraform(): boolean {
  return spawnSync('terraform', ['version'], { stdio: 'ignore' }).status === 0;
}

/** The names of the texts `terraform fmt -check` would change (written to a temporary folder first). */
export function fmtProblems(texts: readonly { name: string; text: string }[]): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-net-fmt-'));
  try {
    texts.forEach((t, i) => writeFileSync(join(dir, `${String(i).padStart(3, '0')}.tf`), t.text));
    const run = spawnSync('terraform', ['fmt', '-check', '-list=true', dir], { encoding: 'utf8' });
    if (run.error) throw run.error;
    return run.stdout
      .split(/\r?\n/)
      .filter((line) => line.trim() !== '')
      .map((line) => texts[Number(/(\d{3})\.tf$/.exec(line)?.[1])]?.name ?? line);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
