import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { before, test } from 'node:test';
import { join, relative, sep } from 'node:path';
import { checkPaths } from '../../../server/src/cli/check';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';
import { REPO_ROOT } from '../../support/lsp-client';

// examples/terraform checked module by module as `ecs-net check <folder>` does (checkPaths), and
// compared with EXPECTED.json: the same (file, line, rule) set, nothing more, nothing less.

const ROOT = join(REPO_ROOT, 'examples', 'terraform');

interface Expected {
  readonly line: number;
  readonly rule: string;
  readonly unsure?: boolean;
}

const expected = JSON.parse(readFileSync(join(ROOT, 'EXPECTED.json'), 'utf8')) as { files: Record<string, Expected[]> };

const modules = readdirSync(ROOT)
  .filter((name) => statSync(join(ROOT, name)).isDirectory())
  .sort();

before(async () => {
  await loadNodeTerraform();
});

const row = (file: string, line: number, rule: string) => `${file}:${line} ${rule}`;

/** Every diagnostic of every module, as `folder/file:line rule` rows. */
function actualRows(): string[] {
  const rows: string[] = [];
  for (const name of modules) {
    const errors: string[] = [];
    const run = checkPaths([join(ROOT, name)], undefined, { stdout: () => {}, stderr: (t) => errors.push(t) }, REPO_ROOT);
    assert.notEqual(typeof run, 'number', `check ${name}: ${errors.join('\n')}`);
    if (typeof run === 'number') continue;
    assert.deepEqual(errors, [], `check ${name} wrote to stderr`);
    for (const result of run.results) {
      const file = relative(ROOT, join(REPO_ROOT, result.file)).split(sep).join('/');
      for (const d of result.diagnostics) rows.push(row(file, d.range.start.line + 1, d.code));
    }
  }
  return rows.sort();
}

const expectedRows = () =>
  Object.entries(expected.files)
    .flatMap(([file, list]) => list.map((e) => row(file, e.line, e.rule)))
    .sort();

test('EXPECTED.json lists every file of every module, and no entry is left unsure', () => {
  const onDisk = modules.flatMap((name) =>
    readdirSync(join(ROOT, name))
      .filter((f) => f !== 'README.md')
      .map((f) => `${name}/${f}`),
  );
  assert.deepEqual(Object.keys(expected.files).sort(), onDisk.sort());
  const unsure = Object.entries(expected.files).filter(([, list]) => list.some((e) => e.unsure));
  assert.deepEqual(
    unsure.map(([file]) => file),
    [],
  );
  assert.ok(modules.length >= 7, `${modules.length} modules`);
});

test('each module folder gets exactly the diagnostics of EXPECTED.json, in .tf files and in the container files they read', () => {
  const actual = actualRows();
  const want = expectedRows();
  assert.ok(want.length >= 16, `${want.length} expected diagnostics`);
  assert.deepEqual(actual, want);
  // The container-definitions files get theirs through the task definition that reads them.
  for (const file of ['containers.json', 'containers.json.tpl', 'legacy-containers.json.tpl']) {
    assert.ok(
      actual.some((r) => r.startsWith(`container-definition-forms/${file}:`)),
      file,
    );
  }
});
