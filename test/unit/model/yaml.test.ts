import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkText } from '../../../server/src/cli/check';
import { quickFixes } from '../../../server/src/features/codeActions';
import { completionsAt } from '../../../server/src/features/completion';
import { toDiagnostics } from '../../../server/src/features/diagnostics';
import { hoverAt } from '../../../server/src/features/hover';
import { EcsDocument, syntaxOf } from '../../../server/src/model/document';
import { MAX_ALIAS_EXPANSION } from '../../../server/src/model/yamlSyntax';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

const yamlDoc = (text: string, uri = 'file:///stack.yaml') => new EcsDocument(uri, 1, text);

const TASK = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      NetworkMode: bridge
      RequiresCompatibilities: [FARGATE]
      Cpu: "256"
      Memory: "512"
      ContainerDefinitions:
        - Name: web
          Image: nginx
`;

test('the reader follows the name, and the content when the name does not say', () => {
  assert.equal(syntaxOf('file:///a/stack.yaml', '{}'), 'yaml');
  assert.equal(syntaxOf('file:///a/stack.YML', ''), 'yaml');
  assert.equal(syntaxOf('file:///a/stack.json', 'Resources: {}'), 'json');
  assert.equal(syntaxOf('file:///a/stack.template', '\n  {"Resources": {}}'), 'json');
  assert.equal(syntaxOf('file:///a/stack.template', 'Resources:\n  A: {}'), 'yaml');
  assert.equal(syntaxOf('untitled:Untitled-1', '// note\n{}'), 'json');
  assert.equal(syntaxOf('untitled:Untitled-1', 'AWSTemplateFormatVersion: x'), 'yaml');
});

test('every short-form tag reads as its long form, as in a JSON template', () => {
  const doc = yamlDoc(`Resources:
  X:
    Type: AWS::ECS::Service
    Properties:
      A: !Ref Sub1
      B: !GetAtt Lb.Endpoint.Address
      C: !GetAtt [Lb, Arn]
      D: !Sub "\${AWS::StackName}-x"
      E: !Join [",", [a, b]]
      F: !If [Cond, !Ref P, !Ref "AWS::NoValue"]
      G: !Select [0, !GetAZs ""]
      H: !Split [",", !ImportValue Shared]
      I: !FindInMap [M, K, V]
      J: !Base64 text
      K: !Cidr [!Ref Block, 2, 8]
      L: !Not [!Equals [a, b]]
      M: !And [!Condition C1, !Or [!Condition C2, !Condition C3]]
`);
  assert.deepEqual(doc.syntaxErrors, []);
  assert.deepEqual(doc.valueAt(['Resources', 'X', 'Properties']), {
    A: { Ref: 'Sub1' },
    B: { 'Fn::GetAtt': ['Lb', 'Endpoint.Address'] },
    C: { 'Fn::GetAtt': ['Lb', 'Arn'] },
    D: { 'Fn::Sub': '${AWS::StackName}-x' },
    E: { 'Fn::Join': [',', ['a', 'b']] },
    F: { 'Fn::If': ['Cond', { Ref: 'P' }, { Ref: 'AWS::NoValue' }] },
    G: { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
    H: { 'Fn::Split': [',', { 'Fn::ImportValue': 'Shared' }] },
    I: { 'Fn::FindInMap': ['M', 'K', 'V'] },
    J: { 'Fn::Base64': 'text' },
    K: { 'Fn::Cidr': [{ Ref: 'Block' }, 2, 8] },
    L: { 'Fn::Not': [{ 'Fn::Equals': ['a', 'b'] }] },
    M: { 'Fn::And': [{ Condition: 'C1' }, { 'Fn::Or': [{ Condition: 'C2' }, { Condition: 'C3' }] }] },
  });
});

test('anchors, aliases and merge keys resolve; written keys win over merged ones', () => {
  const doc = yamlDoc(`Base: &base {NetworkMode: awsvpc, Cpu: "256"}
Resources:
  T:
    Type: AWS::ECS::TaskDefinition
    Properties:
      <<: *base
      Cpu: "512"
      Tags: &tags [{Key: a, Value: b}]
      Other: *tags
`);
  assert.deepEqual(doc.valueAt(['Resources', 'T', 'Properties']), {
    NetworkMode: 'awsvpc',
    Cpu: '512',
    Tags: [{ Key: 'a', Value: 'b' }],
    Other: [{ Key: 'a', Value: 'b' }],
  });
  // A merged key is found where it is written, in the anchored mapping.
  const range = doc.rangeOf(['Resources', 'T', 'Properties', 'NetworkMode']);
  assert.equal(doc.text.slice(range.offset, range.offset + range.length), 'awsvpc');
});

test('a YAML template gets the same findings as JSON, underlined on the value, with the fix and completion written as YAML', () => {
  const { doc, findings, diagnostics } = checkText(TASK, 'file:///stack.yaml');
  assert.equal(doc.kind, 'cloudformation');
  const mode = findings.find((f) => f.ruleId === 'fargate-network-mode');
  assert.ok(mode, 'fargate-network-mode reported');
  assert.ok(mode.fixes?.length, 'the finding carries a fix');
  const range = doc.rangeOf(mode.path, mode.target);
  assert.equal(TASK.slice(range.offset, range.offset + range.length), 'bridge');
  assert.ok(diagnostics.length > 0);
  const lsp = toDiagnostics(doc, findings);
  const fix = quickFixes(doc, lsp, () => undefined).find((a) => a.title === "Set networkMode to 'awsvpc'");
  assert.deepEqual(
    fix?.edit?.changes?.['file:///stack.yaml']?.map((e) => e.newText),
    ['awsvpc'],
  );
  const items = completionsAt(doc, TASK.indexOf('bridge') + 2, DEFAULT_SETTINGS).items;
  assert.equal(items.find((i) => i.preselect)?.textEdit?.newText, 'awsvpc');
});

test('hover and the path at an offset work on YAML', () => {
  const doc = yamlDoc(TASK);
  const offset = TASK.indexOf('bridge') + 1;
  assert.deepEqual(doc.pathAt(offset), ['Resources', 'Task', 'Properties', 'NetworkMode']);
  assert.deepEqual(doc.pathAt(TASK.indexOf('Image') + 1), ['Resources', 'Task', 'Properties', 'ContainerDefinitions', 0, 'Image']);
  const hover = hoverAt(doc, offset, DEFAULT_SETTINGS);
  assert.ok(hover, 'a hover on NetworkMode');
  assert.equal(TASK.slice(hover.range.offset, hover.range.offset + hover.range.length), 'bridge');
});

const BAD_INPUT: Record<string, string> = {
  'tab indentation': TASK.replace('      NetworkMode', '\tNetworkMode'),
  'duplicate key': TASK.replace('      Cpu: "256"', '      Cpu: "256"\n      Cpu: "512"'),
  'unknown tag': TASK.replace('Image: nginx', 'Image: !Frobnicate nginx'),
  'unterminated flow collection': TASK.replace('[FARGATE]', '[FARGATE'),
  '1,000-deep nesting': TASK + '  Deep:\n    Properties: ' + '['.repeat(1000) + ']'.repeat(1000) + '\n',
  '10 MB scalar': TASK + '  Big:\n    Type: "' + 'x'.repeat(10 * 1024 * 1024) + '"\n',
  'alias bomb':
    TASK +
    [
      `  L0: &l0 [x, x, x, x, x, x, x, x, x, x]`,
      ...Array.from({ length: 8 }, (_, i) => `  L${i + 1}: &l${i + 1} [${Array(10).fill(`*l${i}`).join(', ')}]`),
    ].join('\n') +
    '\n',
};

for (const [name, text] of Object.entries(BAD_INPUT)) {
  test(`bad YAML input (${name}): one diagnostic, no crash`, () => {
    const { doc, findings } = checkText(text, 'file:///stack.yaml');
    const syntax = findings.filter((f) => f.ruleId === 'syntax-error' || f.ruleId === 'document-too-large');
    assert.equal(syntax.length, 1, findings.map((f) => `${f.ruleId}: ${f.message}`).join('\n'));
    assert.equal(doc.syntaxErrors.length, 1);
    assert.ok(doc.syntaxErrors[0].message.length > 10);
  });
}

test('an alias bomb is refused past the expansion bound, never expanded', () => {
  const doc = yamlDoc(BAD_INPUT['alias bomb']);
  assert.equal(doc.value, undefined);
  assert.match(doc.syntaxErrors[0].message, new RegExp(MAX_ALIAS_EXPANSION.toLocaleString('en-US')));
});

const OTHER_YAML: Record<string, string> = {
  kubernetes: `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers: [{name: web, image: nginx, ports: [{containerPort: 80, hostPort: 80}]}]
---
apiVersion: v1
kind: Service
metadata: {name: web}
`,
  'github workflow': `name: ci
on: [push]
jobs:
  deploy:
    runs-on: ubuntu-latest
    steps:
      - uses: aws-actions/amazon-ecs-deploy-task-definition@v2
        with: {task-definition: task.json, service: web, cluster: prod}
`,
  'docker compose': `services:
  web:
    image: nginx
    network_mode: bridge
    ports: ["8080:80"]
`,
  'copilot manifest': `name: api
type: Load Balanced Web Service
image: {build: Dockerfile, port: 8080}
network:
  vpc: {placement: private}
taskDefinition: {networkMode: bridge}
cpu: 256
memory: 512
`,
};

for (const [name, text] of Object.entries(OTHER_YAML)) {
  test(`other YAML (${name}) stays silent`, () => {
    const { kind, findings } = checkText(text, 'file:///x/file.yml');
    assert.equal(kind, 'unknown');
    assert.deepEqual(findings, []);
  });
}

test('keys named like Object.prototype members are plain unknown properties, in JSON and in YAML', () => {
  const json = '{"Resources":{"T":{"Type":"AWS::ECS::TaskDefinition","Properties":{"constructor":"x","ContainerDefinitions":[]}}}}';
  const yaml =
    'Resources:\n  T:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      __proto__: {polluted: true}\n      constructor: x\n      ContainerDefinitions: []\n';
  for (const [uri, text] of [
    ['file:///t.json', json],
    ['file:///t.yaml', yaml],
  ]) {
    const logged: string[] = [];
    const { findings } = checkText(text, uri, { log: (m) => logged.push(m) });
    assert.deepEqual(logged, [], 'no rule failed');
    assert.ok(
      findings.some((f) => f.ruleId === 'cfn-unsupported-property' && /constructor/.test(f.message)),
      uri,
    );
  }
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});

test('YAML 1.1 booleans read as CloudFormation reads them; quoted ones and dates stay strings', () => {
  const doc = yamlDoc('AWSTemplateFormatVersion: 2010-09-09\nResources:\n  T:\n    Properties: {A: yes, B: Off, C: ON, D: "yes", E: no, F: true, G: y}\n');
  assert.equal(doc.valueAt(['AWSTemplateFormatVersion']), '2010-09-09');
  assert.deepEqual(doc.valueAt(['Resources', 'T', 'Properties']), { A: true, B: false, C: true, D: 'yes', E: false, F: true, G: 'y' });
});
