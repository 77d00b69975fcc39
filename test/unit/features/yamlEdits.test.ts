import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { fixAllText, quickFixes } from '../../../server/src/features/codeActions';
import { toDiagnostics } from '../../../server/src/features/diagnostics';
import { applyFixEdits } from '../../../server/src/features/edits';
import { EcsDocument } from '../../../server/src/model/document';
import { runRules } from '../../../server/src/rules/engine';
import { RULES } from '../../../server/src/rules/registry';
import { createReferences } from '../../../server/src/semantics/references';
import type { FixEdit } from '../../../server/src/rules/types';
import { runCheckFixes } from '../../support/fixes';

// Fixes written into YAML text: the whole resulting text is asserted, so a line the fix does not
// change that moved, lost its comment or its quotes fails the test.

const lines = (...l: string[]) => l.join('\n') + '\n';
const yaml = (text: string, edits: FixEdit[]) => applyFixEdits(text, edits, 'yaml');
const P = ['Resources', 'Web', 'Properties'];

const TASK = (...props: string[]) =>
  lines('# the web tier', 'Resources:', '  Web:', '    Type: AWS::ECS::TaskDefinition', '    Properties:', ...props.map((p) => `      ${p}`));

const FARGATE_BRIDGE = TASK(
  'RequiresCompatibilities: [FARGATE]',
  'NetworkMode: bridge # was EC2',
  "Cpu: '256'",
  'Memory: "512"',
  'ContainerDefinitions:',
  '  - Name: web',
  '    Image: nginx',
);

test('a value replaced in place: its comment, the other lines and their quotes stay', () => {
  const { after, remaining } = runCheckFixes(FARGATE_BRIDGE, 'fargate-network-mode', undefined, 'file:///t.yaml');
  assert.equal(after, FARGATE_BRIDGE.replace('NetworkMode: bridge #', 'NetworkMode: awsvpc #'));
  assert.ok(!remaining.includes('fargate-network-mode'));
});

test("a quoted value keeps the user's quotes", () => {
  assert.equal(yaml(TASK('NetworkMode: "bridge"'), [{ path: [...P, 'NetworkMode'], value: 'awsvpc' }]), TASK('NetworkMode: "awsvpc"'));
  assert.equal(yaml(TASK("NetworkMode: 'host'"), [{ path: [...P, 'NetworkMode'], value: 'awsvpc' }]), TASK("NetworkMode: 'awsvpc'"));
  // A string that would read as a number when written plain is quoted.
  assert.equal(yaml(TASK('Cpu: 256'), [{ path: [...P, 'Cpu'], value: '512' }]), TASK('Cpu: "512"'));
});

test('a missing property is added after the last one of its mapping, at its indentation', () => {
  const before = TASK('RequiresCompatibilities:', '  - FARGATE', 'ContainerDefinitions:', '  - Name: web', '    Image: nginx', '# end of the task');
  const { after } = runCheckFixes(before, 'fargate-network-mode', undefined, 'file:///t.yaml');
  assert.equal(
    after,
    TASK('RequiresCompatibilities:', '  - FARGATE', 'ContainerDefinitions:', '  - Name: web', '    Image: nginx', 'NetworkMode: awsvpc', '# end of the task'),
  );
});

test('the awsvpc skeleton is written as block YAML at the right indentation', () => {
  const template = lines(
    'Resources:',
    '  Task:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      NetworkMode: awsvpc',
    '      RequiresCompatibilities: [EC2]',
    '      ContainerDefinitions: [{Name: a, Image: x, Memory: 256}]',
    '  Service:',
    '    Type: AWS::ECS::Service',
    '    Properties:',
    '      LaunchType: EC2',
    '      TaskDefinition: !Ref Task',
    '  Other:',
    '    Type: AWS::SNS::Topic',
  );
  const { after, remaining } = runCheckFixes(template, 'service-awsvpc-network-configuration', undefined, 'file:///t.yaml');
  assert.equal(
    after,
    template.replace(
      '      TaskDefinition: !Ref Task\n',
      [
        '      TaskDefinition: !Ref Task',
        '      NetworkConfiguration:',
        '        AwsvpcConfiguration:',
        '          Subnets: []',
        '          SecurityGroups: []',
        '          AssignPublicIp: DISABLED',
        '',
      ].join('\n'),
    ),
  );
  assert.ok(!remaining.includes('service-awsvpc-network-configuration'));
});

test('a property removed with its line only; the first pair of a list item gives its place to the next', () => {
  const mapping = (...l: string[]) => TASK('NetworkMode: awsvpc', 'ContainerDefinitions:', '  - Name: web', '    Image: nginx', '    PortMappings:', ...l);
  const path = [...P, 'ContainerDefinitions', 0, 'PortMappings', 0, 'HostPort'];
  assert.equal(
    yaml(mapping('      - ContainerPort: 80 # http', '        HostPort: 8080 # old', '        Protocol: tcp'), [{ path, remove: true }]),
    mapping('      - ContainerPort: 80 # http', '        Protocol: tcp'),
  );
  assert.equal(yaml(mapping('      - HostPort: 8080', '        ContainerPort: 80'), [{ path, remove: true }]), mapping('      - ContainerPort: 80'));
  assert.equal(yaml(mapping('      - {ContainerPort: 80, HostPort: 8080}'), [{ path, remove: true }]), mapping('      - {ContainerPort: 80}'));
  assert.equal(yaml(mapping('      - {HostPort: 8080, ContainerPort: 80}'), [{ path, remove: true }]), mapping('      - {ContainerPort: 80}'));
  // The only property of a mapping: the mapping stays, empty.
  assert.equal(yaml(mapping('      - HostPort: 8080'), [{ path, remove: true }]), mapping('      - {}'));
});

test('a list gains an item in its own style; the items written stay as they are', () => {
  const path = [...P, 'RequiresCompatibilities'];
  assert.equal(
    yaml(TASK('RequiresCompatibilities:', '  - EC2 # today', 'Cpu: 256'), [{ path, value: ['EC2', 'FARGATE'] }]),
    TASK('RequiresCompatibilities:', '  - EC2 # today', '  - FARGATE', 'Cpu: 256'),
  );
  assert.equal(yaml(TASK('RequiresCompatibilities: [EC2]'), [{ path, value: ['EC2', 'FARGATE'] }]), TASK('RequiresCompatibilities: [EC2, FARGATE]'));
  assert.equal(yaml(TASK('RequiresCompatibilities: [ EC2 ]'), [{ path, value: ['EC2', 'FARGATE'] }]), TASK('RequiresCompatibilities: [ EC2, FARGATE ]'));
});

test('intrinsics are written the way the template writes them', () => {
  const service = (...l: string[]) => lines('Resources:', '  S:', '    Type: AWS::ECS::Service', '    Properties:', ...l.map((x) => `      ${x}`));
  const edit: FixEdit = {
    path: ['Resources', 'S', 'Properties', 'NetworkConfiguration'],
    value: { AwsvpcConfiguration: { Subnets: [{ Ref: 'SubnetA' }, { 'Fn::ImportValue': 'net-b' }] } },
  };
  assert.equal(
    yaml(service('Cluster: !Ref Cluster'), [edit]),
    service('Cluster: !Ref Cluster', 'NetworkConfiguration:', '  AwsvpcConfiguration:', '    Subnets:', '      - !Ref SubnetA', '      - !ImportValue net-b'),
  );
  assert.equal(
    yaml(service('Cluster:', '  Ref: Cluster'), [edit]),
    service(
      'Cluster:',
      '  Ref: Cluster',
      'NetworkConfiguration:',
      '  AwsvpcConfiguration:',
      '    Subnets:',
      '      - Ref: SubnetA',
      '      - Fn::ImportValue: net-b',
    ),
  );
  const getAtt: FixEdit = { path: ['Resources', 'S', 'Properties', 'Role'], value: { 'Fn::GetAtt': ['ServiceRole', 'Arn'] } };
  assert.equal(yaml(service('Cluster: !Ref Cluster'), [getAtt]), service('Cluster: !Ref Cluster', 'Role: !GetAtt ServiceRole.Arn'));
  // A plain value replaced by an intrinsic.
  const role: FixEdit = { path: ['Resources', 'S', 'Properties', 'Cluster'], value: { Ref: 'Main' } };
  assert.equal(yaml(service('Cluster: prod # old'), [role]), service('Cluster: !Ref Main # old'));
  // A short-form value the user wrote is left as it is when a sibling changes.
  assert.equal(
    yaml(service('TaskDefinition: !Ref Task', 'LaunchType: EC2'), [{ path: ['Resources', 'S', 'Properties', 'LaunchType'], value: 'FARGATE' }]),
    service('TaskDefinition: !Ref Task', 'LaunchType: FARGATE'),
  );
});

test('four-space indentation, lists level with their key and CRLF line ends are kept', () => {
  const edit: FixEdit = { path: ['Resources', 'S', 'Properties', 'NetworkConfiguration'], value: { AwsvpcConfiguration: { Subnets: ['b'] } } };
  const four = 'Resources:\r\n    S:\r\n        Type: AWS::ECS::Service\r\n        Properties:\r\n            Subnets:\r\n                - a\r\n';
  assert.equal(
    yaml(four, [edit]),
    four + '            NetworkConfiguration:\r\n                AwsvpcConfiguration:\r\n                    Subnets:\r\n                        - b\r\n',
  );
  const level = 'Resources:\n  S:\n    Type: AWS::ECS::Service\n    Properties:\n      Subnets:\n      - a\n';
  assert.equal(yaml(level, [edit]), level + '      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets:\n          - b\n');
});

test('a key renamed keeps its value as written', () => {
  const { after, remaining } = runCheckFixes(
    TASK('networkMode: awsvpc # api spelling', 'ContainerDefinitions: []'),
    'cfn-unsupported-property',
    undefined,
    'file:///t.yaml',
  );
  assert.equal(after, TASK('NetworkMode: awsvpc # api spelling', 'ContainerDefinitions: []'));
  assert.ok(!remaining.includes('cfn-unsupported-property'));
});

test('a fix through an alias, a merge key or an intrinsic is not offered: nothing changes', () => {
  const merged = lines(
    'Defaults: &defaults',
    '  NetworkMode: bridge',
    'Resources:',
    '  Web:',
    '    Type: AWS::ECS::TaskDefinition',
    '    Properties:',
    '      <<: *defaults',
    '      Cpu: 256',
  );
  assert.equal(yaml(merged, [{ path: [...P, 'NetworkMode'], remove: true }]), merged);
  assert.equal(yaml(merged, [{ path: [...P, 'NetworkMode'], renameTo: 'Mode' }]), merged);
  const aliased = merged.replace('      <<: *defaults\n      Cpu: 256', '      Settings: *defaults');
  assert.equal(yaml(aliased, [{ path: [...P, 'Settings', 'NetworkMode'], value: 'awsvpc' }]), aliased);
  const intrinsic = TASK('NetworkMode: !If [IsFargate, awsvpc, bridge]');
  assert.equal(yaml(intrinsic, [{ path: [...P, 'NetworkMode', 'Fn::If', 1], value: 'host' }]), intrinsic);
  // Setting a merged key writes it in the mapping itself, where it wins over the merged one.
  assert.equal(yaml(merged, [{ path: [...P, 'NetworkMode'], value: 'awsvpc' }]), merged + '      NetworkMode: awsvpc\n');
});

test('YAML that does not parse is not edited, and all edits of a fix apply or none', () => {
  const broken = TASK('NetworkMode: bridge', 'Cpu: [256');
  assert.equal(yaml(broken, [{ path: [...P, 'NetworkMode'], value: 'awsvpc' }]), broken);
  const text = TASK('NetworkMode: bridge');
  assert.equal(
    yaml(text, [
      { path: [...P, 'NetworkMode'], value: 'awsvpc' },
      { path: [...P, 'Missing'], remove: true },
    ]),
    text,
  );
});

test('fix-all in YAML: every safe fix, the template still valid YAML', () => {
  const text = TASK(
    'RequiresCompatibilities: [FARGATE]',
    'NetworkMode: bridge',
    "Cpu: '256'",
    "Memory: '512'",
    'IpcMode: host # not on Fargate',
    'ContainerDefinitions:',
    '  - Name: web',
    '    Image: nginx',
    '    Links: [db]',
    '    PortMappings:',
    '      - ContainerPort: 80',
  );
  const fixed = fixAllText(new EcsDocument('file:///t.yaml', 1, text), RULES);
  assert.deepEqual(parseDocument(fixed).errors, []);
  assert.equal(
    fixed,
    TASK(
      'RequiresCompatibilities: [FARGATE]',
      'NetworkMode: awsvpc',
      "Cpu: '256'",
      "Memory: '512'",
      'ContainerDefinitions:',
      '  - Name: web',
      '    Image: nginx',
      '    PortMappings:',
      '      - ContainerPort: 80',
    ),
  );
});

test('a fix in a JSON service that edits the task definition in a YAML template is written as YAML', () => {
  const templateUri = 'file:///ws/task.yaml';
  const template = TASK(
    'Family: web',
    'NetworkMode: awsvpc',
    "Cpu: '256'",
    "Memory: '512'",
    'RequiresCompatibilities:',
    '  - EC2',
    'ContainerDefinitions: [{Name: a, Image: x}]',
  );
  const task = new EcsDocument(templateUri, 1, template);
  const refs = createReferences({
    taskDefinition: (ref) => (ref === 'web' ? { unit: task.units[0], uri: templateUri, doc: task } : undefined),
    targetGroup: () => undefined,
  });
  const service = new EcsDocument(
    'file:///ws/service.json',
    1,
    '{ "serviceName": "s", "taskDefinition": "web", "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }',
  );
  const diagnostics = toDiagnostics(service, runRules(service, RULES, { refs }));
  const textOf = (uri: string) => (uri === templateUri ? { text: template, positionAt: (o: number) => task.positionAt(o) } : undefined);
  const action = quickFixes(service, diagnostics, textOf).find((a) => a.title === "Add 'FARGATE' to the task definition's requiresCompatibilities");
  assert.ok(action, 'the fix is offered');
  const [edit] = action.edit!.changes![templateUri];
  const start = task.offsetAt(edit.range.start);
  const after = template.slice(0, start) + edit.newText + template.slice(task.offsetAt(edit.range.end));
  assert.equal(after, template.replace('  - EC2\n', '  - EC2\n        - FARGATE\n'));
});
