import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/rules/registry';
import { FIXTURE_DIR, loadFixtures, stripMarkers } from '../../support/fixtures';
import { REPO_ROOT } from '../../support/lsp-client';

// Keeps rules, fixtures and docs pages in step: every rule has a page and both kinds of fixture,
// and the examples on its page are its fixtures (scripts/gen-rule-docs.mjs writes them).

const DOCS_DIR = join(REPO_ROOT, 'docs', 'rules');
const KEBAB = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
const fixtures = loadFixtures();
const regenerate = 'run `npx tsc -b server && node scripts/gen-rule-docs.mjs`';

/** How the docs generator shows a fixture: markers removed, trailing blank space dropped. */
function asOnPage(text: string): string {
  return stripMarkers(text).replace(/\s+$/, '');
}

test('rule ids are unique kebab-case', () => {
  const seen = new Set<string>();
  for (const rule of RULES) {
    assert.match(rule.id, KEBAB, `rule id '${rule.id}' is not kebab-case`);
    assert.ok(!seen.has(rule.id), `rule id '${rule.id}' is registered twice`);
    seen.add(rule.id);
  }
});

test('every rule says what it is and why', () => {
  for (const rule of RULES) {
    assert.ok(rule.title.trim().length > 0, `${rule.id}: no title`);
    assert.ok(rule.description.trim().length > 0, `${rule.id}: no description`);
    assert.ok(['error', 'warning', 'info'].includes(rule.severity), `${rule.id}: severity '${rule.severity}'`);
  }
});

test('every fixture folder names a registered rule', () => {
  const ids = new Set(RULES.map((r) => r.id));
  for (const dir of readdirSync(FIXTURE_DIR)) {
    assert.ok(ids.has(dir), `test/fixtures/rules/${dir} does not match a registered rule id`);
  }
});

test("every fixture file is named valid-*.json or invalid-*.json (or is the folder's ecs-network.json)", () => {
  for (const dir of readdirSync(FIXTURE_DIR)) {
    for (const name of readdirSync(join(FIXTURE_DIR, dir))) {
      if (name === 'ecs-network.json') continue; // the environment the folder's fixtures are checked against
      assert.match(name, /^(valid|invalid)-[a-z0-9-]+\.json$/, `test/fixtures/rules/${dir}/${name}: unexpected file name`);
    }
  }
});

test('docs/rules/README.md lists every rule with a link to its page', () => {
  const file = join(DOCS_DIR, 'README.md');
  assert.ok(existsSync(file), `docs/rules/README.md is missing: ${regenerate}`);
  const index = readFileSync(file, 'utf8');
  for (const rule of RULES) {
    assert.ok(index.includes(`(${rule.id}.md)`), `docs/rules/README.md does not link ${rule.id}: ${regenerate}`);
  }
});

for (const rule of RULES) {
  test(`${rule.id}: fixtures and docs page`, () => {
    const own = fixtures.filter((f) => f.ruleDir === rule.id);
    const firstValid = own.find((f) => f.valid);
    const firstInvalid = own.find((f) => !f.valid);
    assert.ok(firstValid, `no test/fixtures/rules/${rule.id}/valid-*.json`);
    assert.ok(firstInvalid, `no test/fixtures/rules/${rule.id}/invalid-*.json`);

    const file = join(DOCS_DIR, `${rule.id}.md`);
    assert.ok(existsSync(file), `docs/rules/${rule.id}.md is missing: ${regenerate}`);
    const page = readFileSync(file, 'utf8');
    assert.ok(page.includes(`\`${rule.id}\``), `docs/rules/${rule.id}.md does not name its rule id`);
    assert.ok(page.includes(asOnPage(firstInvalid.text)), `docs/rules/${rule.id}.md does not show ${firstInvalid.name}: ${regenerate}`);
    assert.ok(page.includes(asOnPage(firstValid.text)), `docs/rules/${rule.id}.md does not show ${firstValid.name}: ${regenerate}`);
  });
}
