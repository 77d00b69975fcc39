import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../../server/src/rules/registry';
import { REPO_ROOT } from '../../support/lsp-client';

// docs/COVERAGE.md maps each documented constraint to the rule that checks it. Its last column
// names rule ids in backticks; this keeps that column and the registry in step both ways.

const MAP = join(REPO_ROOT, 'docs', 'COVERAGE.md');

interface Row {
  readonly line: number;
  readonly number: string;
  readonly ids: readonly string[];
}

/** Table rows whose first cell is a row number, with the backticked ids of their last cell. */
function coverageRows(text: string): Row[] {
  const rows: Row[] = [];
  text.split('\n').forEach((raw, i) => {
    const cells = raw
      .trim()
      .split('|')
      .slice(1, -1)
      .map((c) => c.trim());
    if (cells.length < 2 || !/^\d+$/.test(cells[0])) return;
    const last = cells[cells.length - 1];
    rows.push({ line: i + 1, number: cells[0], ids: [...last.matchAll(/`([^`]+)`/g)].map((m) => m[1]) });
  });
  return rows;
}

const rows = coverageRows(readFileSync(MAP, 'utf8'));

test('the coverage map has numbered rows, each number once', () => {
  assert.ok(rows.length >= 60, `only ${rows.length} rows in docs/COVERAGE.md`);
  const numbers = rows.map((r) => r.number);
  assert.equal(new Set(numbers).size, numbers.length, 'a row number appears twice');
});

test('every rule id named in the coverage map is registered', () => {
  const registered = new Set(RULES.map((r) => r.id));
  for (const row of rows) {
    for (const id of row.ids) {
      assert.ok(registered.has(id), `docs/COVERAGE.md:${row.line} (row ${row.number}) names '${id}', which is not a registered rule`);
    }
  }
});

test('every registered rule appears in the coverage map', () => {
  const named = new Set(rows.flatMap((r) => r.ids));
  const missing = RULES.map((r) => r.id).filter((id) => !named.has(id));
  assert.deepEqual(missing, [], `rules missing from docs/COVERAGE.md: ${missing.join(', ')}`);
});

test('a row without a rule says why', () => {
  for (const row of rows.filter((r) => r.ids.length === 0)) {
    const text = readFileSync(MAP, 'utf8').split('\n')[row.line - 1];
    assert.match(text, /not checked: /, `docs/COVERAGE.md:${row.line} (row ${row.number}) has no rule and no reason`);
  }
});
