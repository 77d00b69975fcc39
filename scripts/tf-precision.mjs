// @ts-check
// The Terraform precision table: `ecs-net check` over every module folder of the real-module corpus
// that scripts/tf-corpus.mjs exports (default /work/tfcorpus, or the folder given), one folder at a
// time (a folder is a module: its own files, not its subfolders'), with the ECS resources the model
// read and every diagnostic with its verdict. Prints Markdown for BENCHMARKS.md.
//
//   npx tsc -b && node scripts/tf-precision.mjs [CORPUS]
//
// The verdicts were decided by hand against the corpus's NOTES.md and docs/rules; a diagnostic not in
// VERDICTS has not been judged yet and is printed as such (and the script exits 1).
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
const corpus = process.argv[2] ?? '/work/tfcorpus';
const sourcesFile = join(corpus, 'SOURCES.json');
if (!existsSync(sourcesFile)) {
  console.log(`tf-precision: skipped, no corpus at ${corpus} (export it with scripts/tf-corpus.mjs)`);
  process.exit(0);
}
const compiled = join(root, 'out', 'server', 'src');
if (!existsSync(join(compiled, 'cli', 'check.js'))) {
  console.error('tf-precision: out/ is missing: run `npx tsc -b` first');
  process.exit(1);
}
const require = createRequire(import.meta.url);
const { checkPaths } = require(join(compiled, 'cli', 'check.js'));
const { EcsDocument } = require(join(compiled, 'model', 'document.js'));
const { listDocumentFiles } = require(join(compiled, 'workspace', 'walk.js'));
const { loadNodeTerraform } = require(join(compiled, 'workspace', 'nodeTerraform.js'));
const { pathToFileURL } = require('node:url');

/**
 * Verdicts decided by reading the file: `<corpus folder>/<file>:<line> <rule>` → 'right' or 'false'.
 * @type {Record<string, 'right' | 'false'>}
 */
const VERDICTS = {};

await loadNodeTerraform();
/** @type {{ sources: { repo: string, commit: string, folder: string }[] }} */
const { sources } = JSON.parse(readFileSync(sourcesFile, 'utf8'));

/** Folders under `dir` (itself included) that hold a `.tf` file. */
function moduleFolders(dir) {
  const entries = readdirSync(dir).sort();
  const here = entries.some((n) => n.endsWith('.tf')) ? [dir] : [];
  const below = entries.filter((n) => statSync(join(dir, n)).isDirectory()).flatMap((n) => moduleFolders(join(dir, n)));
  return [...here, ...below];
}

const silent = { stdout: () => {}, stderr: (/** @type {string} */ t) => console.error(`  ${t}`) };
const folderRows = [];
const diagnosticRows = [];
const totals = { folders: 0, tfFiles: 0, files: 0, resources: 0, diagnostics: 0, false: 0, unjudged: 0 };
for (const source of sources) {
  const base = join(corpus, source.folder);
  for (const folder of moduleFolders(base)) {
    // The folder's own files, as the walker picks them (.tf, .json, .yaml…), not its subfolders'.
    const files = listDocumentFiles(folder).filter((f) => dirname(f) === folder);
    const tfFiles = files.filter((f) => f.endsWith('.tf'));
    /** @type {string[]} */
    const resources = [];
    for (const file of files) {
      const doc = new EcsDocument(pathToFileURL(file).href, 0, readFileSync(file, 'utf8'));
      resources.push(...doc.units.map((u) => `${u.logicalId ?? relative(folder, file)} (${u.kind})`));
      doc.release();
    }
    const run = checkPaths(files, undefined, silent, folder);
    if (typeof run === 'number') throw new Error(`check failed in ${folder}`);
    const name = relative(base, folder) || '.';
    let count = 0;
    let falseOnes = 0;
    for (const result of run.results) {
      for (const d of result.diagnostics) {
        const where = `${relative(folder, join(folder, result.file))}:${d.range.start.line + 1}`;
        const key = `${source.folder}/${name === '.' ? '' : name + '/'}${where} ${d.code}`;
        const verdict = /** @type {'right' | 'false' | 'not judged'} */ (VERDICTS[key] ?? 'not judged');
        count++;
        if (verdict === 'false') falseOnes++;
        if (verdict === 'not judged') totals.unjudged++;
        diagnosticRows.push(`| ${source.repo} | ${source.commit.slice(0, 7)} | ${name} | ${where} | ${d.code} | ${verdict} |`);
      }
    }
    totals.folders++;
    totals.tfFiles += tfFiles.length;
    totals.files += files.length;
    totals.resources += resources.length;
    totals.diagnostics += count;
    totals.false += falseOnes;
    const read = resources.length ? `${resources.length}: ${resources.map((r) => `\`${r.replace(/ \(.*/, '')}\``).join(', ')}` : '0';
    folderRows.push(`| ${source.repo} | ${source.commit.slice(0, 7)} | ${name} | ${tfFiles.length} | ${read} | ${count} | ${falseOnes} |`);
  }
}

console.log('| repository | commit | module folder | .tf files | ECS resources read | diagnostics | false |');
console.log('| --- | --- | --- | --: | --- | --: | --: |');
for (const r of folderRows) console.log(r);
console.log('');
console.log('| repository | commit | folder | file:line | rule | verdict |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const r of diagnosticRows) console.log(r);
if (diagnosticRows.length === 0) console.log('| (none) | | | | | |');
console.log('');
console.log(
  `${totals.folders} module folders, ${totals.tfFiles} .tf files (${totals.files} files read), ${totals.resources} ECS resources read, ` +
    `${totals.diagnostics} diagnostics, ${totals.false} false${totals.unjudged ? `, ${totals.unjudged} not judged yet` : ''}.`,
);
process.exit(totals.unjudged > 0 ? 1 : 0);
