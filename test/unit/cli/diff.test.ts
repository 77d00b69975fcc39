import { test } from 'node:test';
import assert from 'node:assert/strict';
import { unifiedDiff } from '../../../server/src/cli/diff';

const labels = { oldLabel: 'old.json', newLabel: 'new.json' };

/** Applies a unified diff produced by unifiedDiff to the old lines, checking every context and removed line. */
function applyDiff(oldText: string, diff: string[]): string {
  const old = oldText === '' ? [] : oldText.replace(/\n$/, '').split('\n');
  const result: string[] = [];
  let at = 0;
  for (const line of diff.slice(2)) {
    const header = /^@@ -(\d+),(\d+) \+\d+,\d+ @@$/.exec(line);
    if (header) {
      const start = Number(header[2]) === 0 ? Number(header[1]) : Number(header[1]) - 1;
      result.push(...old.slice(at, start));
      at = start;
    } else if (line[0] === ' ' || line[0] === '-') {
      assert.equal(old[at], line.slice(1), `line ${at + 1} of the old text`);
      if (line[0] === ' ') result.push(old[at]);
      at++;
    } else result.push(line.slice(1));
  }
  result.push(...old.slice(at));
  return result.length ? result.join('\n') + '\n' : '';
}

test('equal texts give no diff', () => {
  assert.deepEqual(unifiedDiff('a\nb\n', 'a\nb\n', labels), []);
});

test('a new file is all additions from /dev/null', () => {
  assert.deepEqual(unifiedDiff(undefined, '{\n}\n', labels), ['--- /dev/null', '+++ new.json', '@@ -0,0 +1,2 @@', '+{', '+}']);
});

test('a change shows three lines of context and removals before additions', () => {
  const oldText = ['1', '2', '3', '4', '5', '6', '7', '8', '9'].join('\n') + '\n';
  const newText = ['1', '2', '3', '4', 'five', '6', '7', '8', '9'].join('\n') + '\n';
  assert.deepEqual(unifiedDiff(oldText, newText, labels), [
    '--- old.json',
    '+++ new.json',
    '@@ -2,7 +2,7 @@',
    ' 2',
    ' 3',
    ' 4',
    '-5',
    '+five',
    ' 6',
    ' 7',
    ' 8',
  ]);
});

test('distant changes make separate hunks; near ones share a hunk', () => {
  const lines = Array.from({ length: 30 }, (_, i) => `line ${i + 1}`);
  const changed = lines.map((l, i) => (i === 2 || i === 25 ? `${l} changed` : l));
  const diff = unifiedDiff(lines.join('\n'), changed.join('\n'), labels);
  assert.deepEqual(
    diff.filter((l) => l.startsWith('@@')),
    ['@@ -1,6 +1,6 @@', '@@ -23,7 +23,7 @@'],
  );
  const near = lines.map((l, i) => (i === 10 || i === 15 ? `${l} changed` : l));
  assert.equal(unifiedDiff(lines.join('\n'), near.join('\n'), labels).filter((l) => l.startsWith('@@')).length, 1);
});

test('applying the diff to the old text gives the new text (random edits)', () => {
  let seed = 42;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  for (let round = 0; round < 200; round++) {
    const old = Array.from({ length: Math.floor(random() * 40) }, () => `v${Math.floor(random() * 8)}`);
    const next = old.flatMap((line) => {
      const r = random();
      return r < 0.15 ? [] : r < 0.3 ? [line, `new${Math.floor(random() * 8)}`] : r < 0.4 ? [`edit${Math.floor(random() * 8)}`] : [line];
    });
    const oldText = old.length ? old.join('\n') + '\n' : '';
    const newText = next.length ? next.join('\n') + '\n' : '';
    const diff = unifiedDiff(oldText, newText, labels);
    assert.equal(applyDiff(oldText, diff), newText, `round ${round}`);
  }
});
