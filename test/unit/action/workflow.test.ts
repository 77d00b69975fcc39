import { test } from 'node:test';
import assert from 'node:assert/strict';
import { actionInput, annotations, outputLines, splitPaths, summaryMarkdown, SUMMARY_MAX_ROWS } from '../../../server/src/action/workflow';
import type { CheckedFile } from '../../../server/src/cli/check';

const range = (line: number, character: number) => ({ start: { line, character }, end: { line, character: character + 3 } });

test('inputs are read as the runner names them: upper case, dashes kept, spaces as underscores', () => {
  const env = { 'INPUT_MAX-WARNINGS': ' 3 ', INPUT_ENV_FILE: 'not this one', INPUT_PATHS: 'a' };
  assert.equal(actionInput(env, 'max-warnings'), '3');
  assert.equal(actionInput(env, 'env-file'), '');
  assert.equal(actionInput(env, 'paths'), 'a');
  assert.deepEqual(splitPaths('deploy/\n  infra/*.json  other.json\n\n'), ['deploy/', 'infra/*.json', 'other.json']);
});

test('annotations escape what the workflow command syntax reserves, in properties and in the message', () => {
  const results: CheckedFile[] = [
    { file: 'a,b:c%.json', kind: 'task-definition', diagnostics: [{ code: 'x', severity: 'info', message: '50% of\r\nthis', range: range(0, 4) }] },
  ];
  assert.deepEqual(annotations(results), ['::notice file=a%2Cb%3Ac%25.json,line=1,col=5,endLine=1,endColumn=8,title=ecs-net x::50%25 of%0D%0Athis']);
});

test('outputs with a line break use the delimiter form; others are name=value', () => {
  assert.equal(outputLines({ errors: 2, 'sarif-file': '/t/e.sarif' }), 'errors=2\nsarif-file=/t/e.sarif\n');
  const multi = outputLines({ note: 'one\ntwo' });
  const [head, ...rest] = multi.split('\n');
  const delimiter = head.slice('note<<'.length);
  assert.ok(head.startsWith('note<<') && delimiter.length > 8, head);
  assert.deepEqual(rest, ['one', 'two', delimiter, '']);
});

test('the summary table escapes pipes and stops listing rows at the cap', () => {
  const one: CheckedFile[] = [{ file: 'x.json', kind: 'service', diagnostics: [{ code: 'r', severity: 'error', message: 'a | b', range: range(2, 0) }] }];
  assert.match(summaryMarkdown(one, 'tally'), /^\| error \| `r` \| `x\.json`:3:1 \| a \\\| b \|$/m);
  const many: CheckedFile[] = [
    {
      file: 'y.json',
      kind: 'service',
      diagnostics: Array.from({ length: SUMMARY_MAX_ROWS + 5 }, (_, i) => ({ code: 'r', severity: 'warning' as const, message: 'm', range: range(i, 0) })),
    },
  ];
  const summary = summaryMarkdown(many, 'tally');
  assert.equal(summary.split('\n').filter((l) => l.startsWith('| warning')).length, SUMMARY_MAX_ROWS);
  assert.match(summary, /^5 more are in the annotations and the SARIF file\.$/m);
});
