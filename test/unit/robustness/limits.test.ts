import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EcsDocument } from '../../../server/src/model/document';
import { MAX_DOCUMENT_LENGTH, MAX_NESTING_DEPTH, parseJson, tooDeepAt } from '../../../server/src/model/parse';
import { runRules } from '../../../server/src/rules/engine';
import { RULES } from '../../../server/src/rules/registry';

// The model's limits (model/parse.ts), tried with small ones so the documents stay readable; the
// fuzz test and the document-too-large fixture cover the real ones.

const SMALL = { maxLength: 400, maxNestingDepth: 4 };

/** A task definition whose `family` holds `value` as written. */
const taskDefinition = (value: string) => `{"family": ${value}, "containerDefinitions": [{"name": "app", "image": "app:1"}]}`;

function findingsOf(text: string, uri = 'file:///ws/taskdef.json', limits = SMALL) {
  const doc = new EcsDocument(uri, 1, text, limits);
  return { doc, findings: runRules(doc, RULES).map((f) => ({ code: f.ruleId, offset: f.range?.offset, message: f.message })) };
}

test('nesting up to the limit is parsed and checked; one level more is one document-too-large warning', () => {
  // The document is level 1 and `family`'s list level 2, so three lists reach level 4.
  const within = findingsOf(taskDefinition('[[["x"]]]'));
  assert.ok(within.doc.root, 'parsed');
  assert.deepEqual(
    within.findings.map((f) => f.code),
    ['wrong-type'],
  );

  const text = taskDefinition('[[[["x"]]]]');
  const past = findingsOf(text);
  assert.equal(past.doc.root, undefined, 'not parsed');
  assert.deepEqual(past.doc.units, []);
  assert.equal(past.doc.kind, 'task-definition', 'still known for what it is, so the warning shows');
  assert.deepEqual(past.findings, [
    {
      code: 'document-too-large',
      offset: text.indexOf('[[[[') + 3,
      message: 'Nesting deeper than 4 levels is not checked: ECS networking checks skip this document.',
    },
  ]);
  assert.equal(RULES.find((r) => r.id === 'document-too-large')?.severity, 'warning');
});

test('a document over the length limit is not parsed and says so once', () => {
  const text = taskDefinition(JSON.stringify('x'.repeat(SMALL.maxLength)));
  const { doc, findings } = findingsOf(text);
  assert.equal(doc.root, undefined);
  assert.deepEqual(
    findings.map((f) => [f.code, f.offset]),
    [['document-too-large', 0]],
  );
  assert.match(findings[0].message, /^This document is 0\.0 MB; documents over 0\.0 MB are not checked/);
  // Exactly at the limit is still parsed.
  const atLimit = taskDefinition(JSON.stringify('x'.repeat(SMALL.maxLength - taskDefinition('""').length)));
  assert.equal(atLimit.length, SMALL.maxLength);
  assert.ok(findingsOf(atLimit).doc.root);
});

test('other JSON past the limits stays quiet; an environment file is known by its name', () => {
  assert.deepEqual(findingsOf(`{"rows": ${'['.repeat(10)}${']'.repeat(10)}}`).findings, []);
  assert.deepEqual(findingsOf('x'.repeat(SMALL.maxLength + 1)).findings, []);
  const env = findingsOf(`{"subnets": ${'['.repeat(10)}${']'.repeat(10)}}`, 'file:///ws/prod.ecs-network.json');
  assert.equal(env.doc.kind, 'environment');
  assert.deepEqual(
    env.findings.map((f) => f.code),
    ['document-too-large'],
  );
  for (const signal of ['"AWS::ECS::Service"', '"serviceName"', '"TargetType"']) {
    assert.deepEqual(
      findingsOf(`{"a": ${signal}, "b": ${'['.repeat(10)}${']'.repeat(10)}}`).findings.map((f) => f.code),
      ['document-too-large'],
      signal,
    );
  }
});

test('the warning follows its severity setting like any rule', () => {
  const doc = new EcsDocument('file:///ws/taskdef.json', 1, taskDefinition('[[[[[]]]]]'), SMALL);
  assert.deepEqual(runRules(doc, RULES, { severities: { 'document-too-large': 'off' } }), []);
  assert.equal(runRules(doc, RULES, { severities: { 'document-too-large': 'error' } })[0]?.severity, 'error');
  // syntax-error and document-too-large are separate rules: silencing one leaves the other.
  assert.equal(runRules(doc, RULES, { severities: { 'syntax-error': 'off' } }).length, 1);
});

test('the default limits: 1,000 levels are parsed, 10,000 are refused without overflowing the stack', () => {
  assert.equal(MAX_NESTING_DEPTH, 1000);
  assert.equal(MAX_DOCUMENT_LENGTH, 20 * 1024 * 1024);
  // The document is level 1, so 999 levels of lists inside `family` make 1,000.
  const deepest = taskDefinition('['.repeat(999) + ']'.repeat(999));
  assert.ok(new EcsDocument('file:///ws/t.json', 1, deepest).root);
  for (const nested of ['['.repeat(10_000) + ']'.repeat(10_000), '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000), '['.repeat(10_000)]) {
    const text = taskDefinition(nested);
    const doc = new EcsDocument('file:///ws/t.json', 1, text);
    assert.equal(doc.root, undefined);
    // Level 1,001 opens after 999 openers inside `family`: a `[` is one character, a `{"a":` five.
    const step = nested.startsWith('{') ? '{"a":'.length : 1;
    assert.deepEqual(
      runRules(doc, RULES).map((f) => [f.ruleId, f.range?.offset]),
      [['document-too-large', text.indexOf(nested) + 999 * step]],
    );
  }
});

test('the depth scan counts a closing bracket only against its own kind, as the parser does', () => {
  // The parser skips the stray `}` inside a list, so each `[},` opens one more level: the sixth
  // opener (the outer list, then one per `[},`) is the fifth repetition's, at 1 + 4 × 3.
  const text = `[${'[},'.repeat(20)}]`;
  assert.equal(tooDeepAt(text, 5), 13);
  assert.equal(tooDeepAt('[[]][[]]', 2), undefined);
  assert.equal(tooDeepAt('"[[[[[" // [[[[\n /* {{{{ */ []', 1), undefined, 'brackets in strings and comments do not count');
  assert.ok(parseJson(text, SMALL).limit);
});

test('a __proto__ key is data, as JSON.parse has it, never the prototype of the value', () => {
  const doc = new EcsDocument('file:///ws/t.json', 1, '{"__proto__": {"networkMode": "host"}, "containerDefinitions": []}');
  const value = doc.value as Record<string, unknown>;
  assert.equal(Object.getPrototypeOf(value), Object.prototype);
  assert.deepEqual(Object.keys(value), ['__proto__', 'containerDefinitions']);
  assert.equal(value.networkMode, undefined, 'nothing is inherited through "__proto__"');
  assert.deepEqual(value, JSON.parse('{"__proto__": {"networkMode": "host"}, "containerDefinitions": []}'));
});

test('a syntax error at the very end underlines nothing past the end', () => {
  for (const text of ['{"family": "web"', '{"family": "web",', '[', '{"a": 1e']) {
    const doc = new EcsDocument('file:///ws/t.json', 1, text);
    const [problem] = doc.syntaxErrors;
    assert.ok(problem, text);
    assert.ok(problem.offset + problem.length <= text.length, `${JSON.stringify(text)}: [${problem.offset}, +${problem.length})`);
  }
});

test("positions never point inside a line break; a character past the end of a line is that line's end", () => {
  const doc = new EcsDocument('file:///ws/t.json', 1, '{\r\n"a": 1\r\n}');
  assert.deepEqual(doc.positionAt(2), { line: 0, character: 1 }, 'between \\r and \\n');
  assert.equal(doc.offsetAt({ line: 0, character: 99 }), 1);
  assert.equal(doc.offsetAt({ line: 1, character: 99 }), 9);
  const cr = new EcsDocument('file:///ws/t.json', 1, '{\r"a": 1\r}');
  assert.deepEqual(cr.positionAt(1), { line: 0, character: 1 });
  assert.deepEqual(cr.positionAt(2), { line: 1, character: 0 });
});
