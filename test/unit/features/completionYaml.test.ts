import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InsertTextMode, type CompletionItem } from 'vscode-languageserver';
import { parseDocument } from 'yaml';
import { completionsAt } from '../../../server/src/features/completion/index';
import { EcsDocument } from '../../../server/src/model/document';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { applyCompletion } from '../../support/completion';

// Completion in YAML templates: the same providers and verdicts as in JSON; what is asserted here
// is where the cursor is, what range is replaced and how the item is spelt, by the text the user
// ends up with after accepting it.

const lines = (...l: string[]) => l.join('\n') + '\n';
const resource = (type: string, ...props: string[]) => ['  R:', `    Type: ${type}`, '    Properties:', ...props.map((p) => `      ${p}`)];
const TASK = (...props: string[]) => lines('Resources:', ...resource('AWS::ECS::TaskDefinition', ...props));

/** The items at the `|` of a YAML template, ranked as an editor ranks them, and the document they apply to. */
function itemsAt(marked: string, uri = 'file:///t.yaml'): { items: CompletionItem[]; doc: EcsDocument } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'cursor marker missing');
  const doc = new EcsDocument(uri, 1, marked.slice(0, offset) + marked.slice(offset + 1));
  const items = [...completionsAt(doc, offset, DEFAULT_SETTINGS).items];
  items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
  return { items, doc };
}

const names = (marked: string) => itemsAt(marked).items.map((i) => i.label);

/** The text after the item labelled `label` is accepted at `|`, checked to be valid YAML. */
function accept(marked: string, label: string): string {
  const { items, doc } = itemsAt(marked);
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  const after = applyCompletion(doc.text, doc, item);
  assert.deepEqual(parseDocument(after).errors, [], after);
  return after;
}

const notValid = (item: CompletionItem | undefined) => /^Not valid here/.test(item?.detail ?? '');

test('network mode: plain, quoted or empty, with the Fargate verdict', () => {
  const marked = TASK('RequiresCompatibilities: [FARGATE]', 'NetworkMode: br|', 'ContainerDefinitions: []');
  const { items } = itemsAt(marked);
  assert.deepEqual(
    items.map((i) => i.label),
    ['awsvpc', 'bridge', 'host', 'none'],
  );
  assert.ok(!notValid(items[0]) && items.slice(1).every(notValid));
  assert.equal(items[0].filterText, 'awsvpc');
  assert.equal(accept(marked, 'awsvpc'), TASK('RequiresCompatibilities: [FARGATE]', 'NetworkMode: awsvpc', 'ContainerDefinitions: []'));
  assert.equal(accept(TASK("NetworkMode: 'br|' # keep"), 'host'), TASK("NetworkMode: 'host' # keep"));
  assert.equal(accept(TASK('NetworkMode: "|"'), 'host'), TASK('NetworkMode: "host"'));
  assert.equal(accept(TASK('NetworkMode: |'), 'bridge'), TASK('NetworkMode: bridge'));
  // Just after the ':' (the editor asks as it is typed): the space comes with the value.
  assert.equal(accept(TASK('NetworkMode:|'), 'host'), TASK('NetworkMode: host'));
  assert.equal(accept(TASK('RequiresCompatibilities:|'), '[EC2]'), TASK('RequiresCompatibilities: [EC2]'));
});

test('Fargate cpu and memory: the sizes as quoted strings, memory for the cpu written', () => {
  assert.equal(accept(TASK('RequiresCompatibilities: [FARGATE]', 'Cpu: |'), '512'), TASK('RequiresCompatibilities: [FARGATE]', 'Cpu: "512"'));
  assert.deepEqual(names(TASK('RequiresCompatibilities:', '  - FARGATE', "Cpu: '1024'", 'Memory: |')), [
    '2048',
    '3072',
    '4096',
    '5120',
    '6144',
    '7168',
    '8192',
  ]);
  assert.deepEqual(names(TASK('RequiresCompatibilities: [EC2]', 'Cpu: |')), []);
});

test('list items, block and flow: the values not listed yet', () => {
  assert.equal(accept(TASK('RequiresCompatibilities:', '  - EC2', '  - FAR|'), 'FARGATE'), TASK('RequiresCompatibilities:', '  - EC2', '  - FARGATE'));
  assert.deepEqual(names(TASK('RequiresCompatibilities: [EC2, |]')), ['FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']);
  assert.equal(accept(TASK('RequiresCompatibilities: [EC2, F|]'), 'FARGATE'), TASK('RequiresCompatibilities: [EC2, FARGATE]'));
  assert.equal(accept(TASK('RequiresCompatibilities: |'), '[FARGATE]'), TASK('RequiresCompatibilities: [FARGATE]'));
});

test('service values see the task definition the service points at with !Ref', () => {
  const template = (launchType: string) =>
    lines(
      'Resources:',
      ...resource('AWS::ECS::TaskDefinition', 'NetworkMode: bridge', 'ContainerDefinitions: [{Name: a, Image: x}]'),
      '  S:',
      '    Type: AWS::ECS::Service',
      '    Properties:',
      '      TaskDefinition: !Ref R',
      `      LaunchType: ${launchType}`,
    );
  const { items } = itemsAt(template('|'));
  assert.deepEqual(
    items.map((i) => i.label),
    ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES', 'FARGATE'],
  );
  assert.match(items[3].detail!, /the task definition uses 'bridge'/);
  assert.equal(accept(template('E|'), 'EC2'), template('EC2'));
  assert.deepEqual(itemsAt(template('!Ref |')).items, [], 'nothing inside an intrinsic');
});

test('target type, platform version and other enums', () => {
  const tg = (value: string) => lines('Resources:', ...resource('AWS::ElasticLoadBalancingV2::TargetGroup', 'Port: 80', `TargetType: ${value}`));
  assert.deepEqual(names(tg('|')), ['ip', 'instance', 'alb', 'lambda']);
  assert.equal(accept(tg('inst|'), 'ip'), tg('ip'));
  const service = (value: string) => lines('Resources:', ...resource('AWS::ECS::Service', 'LaunchType: FARGATE', `PlatformVersion: ${value}`));
  assert.equal(names(service('|'))[0], 'LATEST');
  assert.equal(accept(service('1.|'), '1.4.0'), service('1.4.0'));
  const mapping = (value: string) =>
    TASK('NetworkMode: awsvpc', 'ContainerDefinitions:', '  - Name: a', '    PortMappings:', '      - ContainerPort: 80', `        Protocol: ${value}`);
  assert.deepEqual(names(mapping('|')), ['tcp', 'udp']);
});

test('instance types in a placement expression, plain or quoted: only the type under the cursor is replaced', () => {
  const plain = (e: string) => TASK('PlacementConstraints:', '  - Type: memberOf', `    Expression: ${e}`);
  const { items } = itemsAt(plain('attribute:ecs.instance-type == c5.l|'));
  assert.ok(items.length > 0 && items.every((i) => i.label.startsWith('c5.l')));
  assert.equal(accept(plain('attribute:ecs.instance-type == c5.l|'), 'c5.large'), plain('attribute:ecs.instance-type == c5.large'));
  assert.equal(accept(plain('"attribute:ecs.instance-type in [c5.large, m5.|]"'), 'm5.large'), plain('"attribute:ecs.instance-type in [c5.large, m5.large]"'));
});

test('property names at the cursor: CloudFormation spelling, the mapping the indentation says, present keys left out', () => {
  const marked = TASK('Family: web', 'Netw|', 'ContainerDefinitions: []');
  const found = names(marked);
  assert.ok(found.includes('NetworkMode') && found.includes('RequiresCompatibilities'));
  assert.ok(!found.includes('Family') && !found.includes('ContainerDefinitions') && !found.includes('networkMode'));
  assert.equal(accept(marked, 'NetworkMode'), TASK('Family: web', 'NetworkMode: ', 'ContainerDefinitions: []'));
  assert.equal(accept(TASK('Family: web', 'Netw|: bridge'), 'NetworkMode'), TASK('Family: web', 'NetworkMode: bridge'));
  // On an empty line, at the indentation of the container's properties.
  const container = TASK('ContainerDefinitions:', '  - Name: a', '    Image: x', '    |');
  const inContainer = names(container);
  assert.ok(inContainer.includes('Essential') && !inContainer.includes('Name') && !inContainer.includes('NetworkMode'));
  assert.equal(accept(container, 'Essential'), TASK('ContainerDefinitions:', '  - Name: a', '    Image: x', '    Essential: false'));
  // In the second resource of a template, between two others: that resource's names.
  const second = lines(
    'Resources:',
    ...resource('AWS::ECS::TaskDefinition', 'Family: web'),
    '  S:',
    '    Type: AWS::ECS::Service',
    '    Properties:',
    '      Cluster: prod',
    '      Launch|',
    '      DesiredCount: 2',
    '  T:',
    '    Type: AWS::SNS::Topic',
  );
  const inService = names(second);
  assert.ok(inService.includes('LaunchType') && !inService.includes('Cluster') && !inService.includes('DesiredCount') && !inService.includes('Family'));
  assert.equal(accept(second, 'LaunchType'), second.replace('Launch|', 'LaunchType: '));
});

test('a property whose value is a mapping or a list goes on its own lines, inserted as written', () => {
  const marked = TASK('Family: web', '|');
  const { items } = itemsAt(marked);
  const runtime = items.find((i) => i.label === 'RuntimePlatform')!;
  assert.equal(runtime.insertTextMode, InsertTextMode.asIs);
  assert.equal(accept(marked, 'RuntimePlatform'), TASK('Family: web', 'RuntimePlatform:', '  '));
  assert.equal(accept(marked, 'Volumes'), TASK('Family: web', 'Volumes:', '  - '));
});

test('a list item: a name where the list holds mappings; inside a flow mapping, flow values', () => {
  assert.ok(names(TASK('ContainerDefinitions:', '  - |')).includes('Image'));
  assert.equal(accept(TASK('ContainerDefinitions:', '  - {Name: a, |}'), 'Memory'), TASK('ContainerDefinitions:', '  - {Name: a, Memory: 0}'));
  assert.equal(accept(TASK('ContainerDefinitions:', '  - {Name: a, |}'), 'Links'), TASK('ContainerDefinitions:', '  - {Name: a, Links: []}'));
});

test('ready-made blocks: the service network configuration and a port mapping, in YAML', () => {
  const service = lines('Resources:', ...resource('AWS::ECS::Service', 'TaskDefinition: web', '|'));
  assert.equal(itemsAt(service).items[0].label, 'NetworkConfiguration');
  assert.equal(
    accept(service, 'NetworkConfiguration'),
    lines(
      'Resources:',
      ...resource(
        'AWS::ECS::Service',
        'TaskDefinition: web',
        'NetworkConfiguration:',
        '  AwsvpcConfiguration:',
        '    Subnets:',
        '      - ',
        '    SecurityGroups:',
        '      - ',
        '    AssignPublicIp: DISABLED',
      ),
    ),
  );
  const container = TASK('NetworkMode: bridge', 'ContainerDefinitions:', '  - Name: a', '    |');
  assert.equal(
    accept(container, 'PortMappings'),
    TASK(
      'NetworkMode: bridge',
      'ContainerDefinitions:',
      '  - Name: a',
      '    PortMappings:',
      '      - ContainerPort: 80',
      '        HostPort: 0',
      '        Protocol: tcp',
    ),
  );
  assert.ok(itemsAt(TASK('ContainerDefinitions:', '  - {Name: a, |}')).items.every((i) => i.label !== 'PortMappings' || !i.textEdit?.newText.includes('\n')));
});

test('nothing in comments, in other YAML, or outside the ECS resources', () => {
  assert.deepEqual(names(TASK('NetworkMode: awsvpc # br|')), []);
  assert.deepEqual(names(TASK('# Netw|', 'Family: web')), []);
  assert.deepEqual(names('apiVersion: v1\nkind: Pod\nspec:\n  hostNetwork: |\n'), []);
  assert.deepEqual(names(lines('Resources:', ...resource('AWS::EC2::Subnet', 'CidrBlock: |'), ...resource('AWS::ECS::TaskDefinition', 'Family: x'))), []);
  assert.deepEqual(names(TASK('NetworkMode:| awsvpc')), [], 'the value is written already');
});

test('CRLF: ranges count lines the LSP way', () => {
  const marked = TASK('RequiresCompatibilities: [FARGATE]', 'NetworkMode: br|').replace(/\n/g, '\r\n');
  const { items, doc } = itemsAt(marked);
  const edit = items[0].textEdit as { range: { start: { line: number; character: number } } };
  assert.deepEqual(edit.range.start, { line: 5, character: 19 });
  assert.equal(applyCompletion(doc.text, doc, items[0]), marked.replace('br|', 'awsvpc'));
});

test('never throws, at any offset of a range of YAML templates', () => {
  const documents = [
    TASK('RequiresCompatibilities: [FARGATE]', "NetworkMode: 'aws", 'ContainerDefinitions:', '  - {Name: a, PortMappings: [{ContainerPort: 80,'),
    TASK('Family: x', '  Netw', 'Cpu: !Ref Cpu', 'Memory: &m 512', 'Tags: *m', 'Description: |', '  text # not a comment'),
    lines('Resources:', ...resource('AWS::ECS::Service', 'NetworkConfiguration:', '  AwsvpcConfiguration: {Subnets: [!Ref A, "b", ], AssignPublicIp: }')),
    '\ufeffResources:\r\n  R:\r\n    Type: AWS::ECS::TaskDefinition\r\n    Properties:\r\n      - \r\n\t NetworkMode: x\r\n',
  ];
  for (const text of documents) {
    const doc = new EcsDocument('file:///t.yaml', 1, text);
    for (let offset = -1; offset <= text.length + 1; offset++) assert.ok(Array.isArray(completionsAt(doc, offset, DEFAULT_SETTINGS).items), `offset ${offset}`);
  }
});
