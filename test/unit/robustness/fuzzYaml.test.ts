import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { loadYamlFixtures } from '../../support/fixtures';
import { exercise, FUZZ_ENV, MIN_DOCUMENTS, picksArb, picksFor, SEED, settings, stats, type Seed } from '../../support/fuzzHarness';

// The JSON fuzz test's properties (fuzz.test.ts) on YAML templates: the YAML twins of the
// CloudFormation fixtures, truncated, edited with YAML's own tokens, given values of every type,
// and hostile YAML (tabs, alias bombs, unknown tags, deep nesting, huge scalars). Same seed rule,
// same number of documents. Every quick fix and fix-all of a clean template must leave valid YAML.

console.log(`YAML fuzz seed ${SEED} (set FUZZ_SEED to explore others)`);

/** Runs per fast-check property, sized so that the whole file passes MIN_DOCUMENTS with room to spare. */
const RUNS = { truncations: 4_000, edits: 10_000, wrongTypes: 5_000, variants: 5_000 } as const;

const SEEDS: readonly Seed[] = loadYamlFixtures().map((f) => ({
  name: `yaml/${f.ruleDir}/${f.name}`,
  text: f.text,
  uri: 'file:///fuzz/template.yaml',
  env: f.env ?? FUZZ_ENV,
}));
const seedArb = fc.integer({ min: 0, max: SEEDS.length - 1 }).map((i) => SEEDS[i]);

test('there are YAML seeds', () => {
  assert.ok(SEEDS.length > 50, `only ${SEEDS.length} YAML fixtures`);
});

test('truncations at the start, middle and end of every line of every YAML fixture', () => {
  let n = 0;
  for (const seed of SEEDS) {
    let start = 0;
    for (const line of seed.text.split('\n')) {
      for (const offset of new Set([start, start + (line.length >> 1), start + line.length]))
        exercise({ ...seed, text: seed.text.slice(0, offset) }, picksFor(n++));
      start += line.length + 1;
    }
  }
});

test('YAML truncations anywhere (fast-check)', () => {
  fc.assert(
    fc.property(seedArb, fc.double({ min: 0, max: 1, noNaN: true }), picksArb, (seed, at, picks) => {
      exercise({ ...seed, text: seed.text.slice(0, Math.floor(at * seed.text.length)) }, picks);
    }),
    settings(RUNS.truncations),
  );
});

/** Characters and tokens that mean something in YAML, and the intrinsic tags a template uses. */
const YAML_TOKENS = [
  ':',
  ': ',
  '-',
  '- ',
  ' ',
  '  ',
  '\n',
  '\n  ',
  '\r\n',
  '\t',
  '#',
  '# x',
  '"',
  "'",
  '[',
  ']',
  '{',
  '}',
  ',',
  '|',
  '>',
  '---',
  '...',
  '?',
  '&a ',
  '*a',
  '<<: *a',
  '!',
  '!!str ',
  '!Ref ',
  '!GetAtt ',
  '!Sub ',
  '!If ',
  '!Select ',
  '!Join ',
  '!Frob ',
  'null',
  '~',
  'true',
  'yes',
  '80',
  '"80"',
  '-1',
  '.inf',
  '0x50',
  '1e999',
  'awsvpc',
  'bridge',
  'é',
  '\ud800',
  '😀',
  '\u0000',
  '\ufeff',
];

const yamlEditArb = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  length: fc.integer({ min: 1, max: 12 }),
  what: fc.nat(),
});

function applyYamlEdit(text: string, edit: { op: string; at: number; length: number; what: number }): string {
  const at = Math.floor(edit.at * (text.length + 1));
  const token = YAML_TOKENS[edit.what % YAML_TOKENS.length];
  if (edit.op === 'insert') return text.slice(0, at) + token + text.slice(at);
  if (edit.op === 'delete') return text.slice(0, at) + text.slice(at + edit.length);
  return text.slice(0, at) + token + text.slice(at + edit.length);
}

test('random edits with YAML tokens (fast-check)', () => {
  fc.assert(
    fc.property(seedArb, fc.array(yamlEditArb, { minLength: 1, maxLength: 6 }), picksArb, (seed, edits, picks) => {
      exercise({ ...seed, text: edits.reduce(applyYamlEdit, seed.text) }, picks);
    }),
    settings(RUNS.edits),
  );
});

/** What a scalar value is replaced with: every type, the usual mistakes, intrinsics in both forms, flow collections. */
const REPLACEMENTS = [
  'null',
  '~',
  '""',
  '"80"',
  '80',
  '1e999',
  '-1',
  '-0',
  '[]',
  '{}',
  'true',
  'yes',
  '!Ref X',
  '!GetAtt A.B',
  '{Ref: X}',
  '!If [IsProd, !Ref "AWS::NoValue", "80"]',
  '*nowhere',
  '|\n  text',
];

/** Each `key: value` on one line: the offset and length of the value. */
function scalarValues(text: string): { offset: number; length: number }[] {
  return [...text.matchAll(/: ([^\n#]+)$/gm)].map((m) => ({ offset: m.index! + 2, length: m[1].length }));
}

test('wrong types in any field of any YAML fixture (fast-check)', () => {
  fc.assert(
    fc.property(seedArb, fc.nat(), fc.constantFrom(...REPLACEMENTS), picksArb, (seed, which, replacement, picks) => {
      const values = scalarValues(seed.text);
      const v = values[which % Math.max(1, values.length)];
      const text = v ? seed.text.slice(0, v.offset) + replacement + seed.text.slice(v.offset + v.length) : seed.text;
      exercise({ ...seed, text }, picks);
    }),
    settings(RUNS.wrongTypes),
  );
});

const TEMPLATE_HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\nResources:\n  Task:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n';
const bomb = (levels: number) =>
  TEMPLATE_HEAD +
  '      Family: x\n' +
  [
    'a0: &a0 [x, x, x, x, x, x, x, x, x, x]',
    ...Array.from({ length: levels }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`),
  ].join('\n') +
  '\n';

/** YAML nobody should write but an editor can hold. */
const HOSTILE: readonly string[] = [
  TEMPLATE_HEAD + '\tNetworkMode: awsvpc\n',
  TEMPLATE_HEAD + '      NetworkMode: awsvpc\n      NetworkMode: bridge\n',
  TEMPLATE_HEAD + '      NetworkMode: !Frob awsvpc\n',
  TEMPLATE_HEAD + '      RequiresCompatibilities: [FARGATE\n      Cpu: "256"\n',
  TEMPLATE_HEAD + '      Deep: ' + '['.repeat(1_000) + ']'.repeat(1_000) + '\n',
  TEMPLATE_HEAD + '      Deep: ' + '{a: '.repeat(10_000) + '1' + '}'.repeat(10_000) + '\n',
  TEMPLATE_HEAD + Array.from({ length: 1_000 }, (_, i) => ' '.repeat(6 + i) + 'k:').join('\n') + ' 1\n',
  TEMPLATE_HEAD + '      Family: "' + 'x'.repeat(10 * 1024 * 1024) + '"\n',
  TEMPLATE_HEAD + '      Family: ' + 'x'.repeat(1024 * 1024) + '\n',
  bomb(8),
  bomb(3),
  TEMPLATE_HEAD + '      Loop: &l [*l]\n      Self: &s {a: *s}\n',
  TEMPLATE_HEAD + '      <<: *missing\n      <<: [1, 2]\n      Merge: {<<: "text"}\n',
  TEMPLATE_HEAD + '      NetworkMode: awsvpc\n---\nResources: {}\n',
  '\ufeff' + TEMPLATE_HEAD.replace(/\n/g, '\r\n') + '      NetworkMode: bridge\r\n      RequiresCompatibilities: [FARGATE]\r\n',
  TEMPLATE_HEAD + '      ContainerDefinitions: !GetAtt\n      Cpu: !Ref [a, b]\n      Memory: !Sub {a: 1}\n      NetworkMode: !GetAtt .\n',
  TEMPLATE_HEAD + '      ? [complex, key]\n      : value\n      80: port\n      null: x\n      __proto__: {polluted: true}\n',
  'Resources: !Ref X\n',
  'Resources:\n  A: !Ref B\n  C: [1, 2]\n  D:\n    Type: !Sub AWS::ECS::Service\n',
  '%YAML 1.1\n---\n' + TEMPLATE_HEAD + '      NetworkMode: bridge\n',
  TEMPLATE_HEAD + "      Family: \"\\ud800 \\x00 \\uZZZZ\"\n      Image: 'it''s'\n",
];

test('hostile YAML: tabs, duplicate keys, unknown tags, deep nesting, huge scalars, alias bombs, self-reference', () => {
  HOSTILE.forEach((text, n) => exercise({ text, uri: 'file:///fuzz/hostile.yaml', env: FUZZ_ENV }, picksFor(n)));
});

const variantArb: fc.Arbitrary<(seed: Seed) => string> = fc.oneof(
  fc.constant((seed: Seed) => '\ufeff' + seed.text),
  fc.constant((seed: Seed) => seed.text.replace(/\r?\n/g, '\r\n')),
  fc.constant((seed: Seed) => seed.text.replace(/\r?\n/g, '\r')),
  fc.constant((seed: Seed) => seed.text.replace(/^( +)/gm, (indent) => '\t' + indent.slice(1))),
  fc.nat().map((at) => (seed: Seed) => {
    // A line written twice: a duplicate key, or a repeated list item.
    const lines = seed.text.split('\n');
    const i = at % lines.length;
    return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 990, max: 1_010 })).map(([at, depth]) => (seed: Seed) => {
    const values = scalarValues(seed.text);
    const v = values[at % Math.max(1, values.length)];
    const deep = '['.repeat(depth) + ']'.repeat(depth);
    return v ? seed.text.slice(0, v.offset) + deep + seed.text.slice(v.offset + v.length) : seed.text + deep;
  }),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => () => Buffer.from(bytes).toString('latin1')),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 500 }).map((units) => () => String.fromCharCode(...units)),
  fc.array(fc.constantFrom(...YAML_TOKENS), { maxLength: 30 }).map((parts) => () => parts.join('')),
);

test('BOM, line endings, tabs, repeated lines, nesting at the limit, garbage in YAML (fast-check)', () => {
  fc.assert(
    fc.property(seedArb, variantArb, picksArb, (seed, variant, picks) => {
      exercise({ ...seed, uri: seed.uri, text: variant(seed) }, picks);
    }),
    settings(RUNS.variants),
  );
});

test(`at least ${MIN_DOCUMENTS.toLocaleString('en-US')} YAML documents went through the model and every feature`, () => {
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(`YAML fuzz: ${n(stats.documents)} documents checked with seed ${SEED}: ${n(stats.findingsSeen)} findings`);
  assert.ok(stats.documents >= MIN_DOCUMENTS, `only ${stats.documents} documents`);
});
