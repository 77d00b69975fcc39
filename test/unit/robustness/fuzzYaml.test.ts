import { loadYamlFixtures } from '../../support/fixtures';
import { FUZZ_ENV, SEED, type Seed } from '../../support/fuzzHarness';
import { fuzzSyntax } from '../../support/fuzzSyntax';

// The JSON fuzz test's properties (fuzz.test.ts) on YAML templates: the YAML twins of the
// CloudFormation fixtures, truncated, edited with YAML's own tokens, given values of every type,
// and hostile YAML (tabs, alias bombs, unknown tags, deep nesting, huge scalars). Same seed rule,
// same number of documents. Every quick fix and fix-all of a clean template must leave valid YAML.

console.log(`YAML fuzz seed ${SEED} (set FUZZ_SEED to explore others)`);

const SEEDS: readonly Seed[] = loadYamlFixtures().map((f) => ({
  name: `yaml/${f.ruleDir}/${f.name}`,
  text: f.text,
  uri: 'file:///fuzz/template.yaml',
  env: f.env ?? FUZZ_ENV,
}));

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
];

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

fuzzSyntax({
  label: 'YAML',
  seeds: SEEDS,
  minSeeds: 50,
  tokens: YAML_TOKENS,
  replacements: REPLACEMENTS,
  values: scalarValues,
  depths: { min: 990, max: 1_010 },
  hostile: {
    title: 'hostile YAML: tabs, duplicate keys, unknown tags, deep nesting, huge scalars, alias bombs, self-reference',
    uri: 'file:///fuzz/hostile.yaml',
    texts: HOSTILE,
  },
});
