import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InsertTextFormat, type CompletionItem, type CompletionList, type TextEdit } from 'vscode-languageserver';
import { completionsAt, instanceTypeItems, MAX_INSTANCE_TYPE_ITEMS, type CompletionOptions } from '../../../server/src/features/completion/index';
import { parseEnvironment } from '../../../server/src/core/environment';
import { createReferences } from '../../../server/src/semantics/references';
import { EcsDocument } from '../../../server/src/model/document';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';
import { applyCompletion, resolveSnippet } from '../../support/completion';

/** Parses `text` with the cursor marked by `|` and returns the completion list there. */
function complete(
  text: string,
  settings: Settings = DEFAULT_SETTINGS,
  uri = 'file:///t.json',
  options: CompletionOptions = {},
): { list: CompletionList; doc: EcsDocument; offset: number } {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'cursor marker missing');
  const doc = new EcsDocument(uri, 1, text.slice(0, offset) + text.slice(offset + 1));
  return { list: completionsAt(doc, offset, settings, options), doc, offset };
}

/** The document text (cursor marker removed) after the item labelled `label` is accepted at `|`. */
function accept(text: string, label: string, settings?: Settings, uri?: string): string {
  const { list, doc } = complete(text, settings, uri);
  return applyCompletion(doc.text, doc, byLabel(list.items, label));
}

/** Items in the order an editor ranks them: sortText, then label. */
function ranked(text: string, settings?: Settings, uri?: string): CompletionItem[] {
  const items = [...complete(text, settings, uri).list.items];
  return items.sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));
}

const labels = (items: readonly CompletionItem[]) => items.map((i) => i.label);
const byLabel = (items: readonly CompletionItem[], label: string) => {
  const found = items.find((i) => i.label === label);
  assert.ok(found, `no item ${label} in ${labels(items).join(', ')}`);
  return found;
};
const edit = (item: CompletionItem) => item.textEdit as TextEdit;
const invalid = (item: CompletionItem) => /^Not valid here/.test(item.detail ?? '');

/** A task definition around `body` (members written before containerDefinitions). */
const td = (body: string, containers = '{ "name": "a", "image": "x" }') => `{ "family": "x", ${body}, "containerDefinitions": [${containers}] }`;

// ------------------------------------------------------------------ network mode

test('networkMode with FARGATE: awsvpc first, the others last with the Fargate reason', () => {
  const items = ranked(td('"requiresCompatibilities": ["FARGATE"], "networkMode": "br|"'));
  assert.deepEqual(labels(items), ['awsvpc', 'bridge', 'host', 'none']);
  assert.ok(!invalid(items[0]));
  assert.equal(items[0].preselect, true);
  for (const item of items.slice(1)) {
    assert.ok(invalid(item), item.label);
    assert.match(item.detail!, /Fargate only supports network mode 'awsvpc'/);
  }
  assert.match(items[0].detail!, /Fargate/);
  assert.match((items[1].documentation as { value: string }).value, /dynamic host port/);
});

test('networkMode replaces the whole string token with the JSON-quoted value', () => {
  const { list, doc, offset } = complete(td('"networkMode": "bri|dge"'));
  const item = byLabel(list.items, 'awsvpc');
  const start = doc.text.indexOf('"bridge"');
  assert.equal(edit(item).newText, '"awsvpc"');
  assert.deepEqual(edit(item).range, { start: doc.positionAt(start), end: doc.positionAt(start + '"bridge"'.length) });
  assert.ok(offset > start);
  assert.equal(accept(td('"networkMode": "bri|dge"'), 'awsvpc'), td('"networkMode": "awsvpc"'));
});

test('networkMode with a Windows family: only awsvpc is valid', () => {
  const items = ranked(td('"runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }, "networkMode": "|"'));
  assert.equal(items[0].label, 'awsvpc');
  assert.ok(!invalid(items[0]));
  for (const item of items.slice(1)) assert.match(item.detail!, /Windows tasks support only awsvpc/);
});

test('networkMode on EC2 Linux: every mode valid in table order; none last when containers map ports', () => {
  assert.deepEqual(labels(ranked(td('"networkMode": "|"'))), ['awsvpc', 'bridge', 'host', 'none']);
  assert.ok(ranked(td('"networkMode": "|"')).every((i) => !invalid(i)));
  const withPorts = ranked(td('"networkMode": "|"', '{ "name": "a", "image": "x", "portMappings": [{ "containerPort": 80 }] }'));
  assert.deepEqual(labels(withPorts), ['awsvpc', 'bridge', 'host', 'none']);
  assert.match(byLabel(withPorts, 'none').detail!, /portMappings/);
});

test('networkMode right after the colon, with another member following: value and comma inserted', () => {
  const { list, doc, offset } = complete('{\n  "family": "x",\n  "networkMode": |\n  "requiresCompatibilities": ["FARGATE"],\n  "containerDefinitions": []\n}');
  const item = byLabel(list.items, 'awsvpc');
  assert.equal(edit(item).newText, '"awsvpc",');
  assert.deepEqual(edit(item).range, { start: doc.positionAt(offset), end: doc.positionAt(offset) });
  const last = ranked('{ "family": "x", "containerDefinitions": [], "networkMode": | }');
  assert.equal(edit(byLabel(last, 'host')).newText, '"host"');
  assert.equal(
    accept('{\n  "family": "x",\n  "networkMode": |\n  "requiresCompatibilities": ["FARGATE"],\n  "containerDefinitions": []\n}', 'awsvpc'),
    '{\n  "family": "x",\n  "networkMode": "awsvpc",\n  "requiresCompatibilities": ["FARGATE"],\n  "containerDefinitions": []\n}',
  );
  assert.equal(
    accept('{ "family": "x", "containerDefinitions": [], "networkMode": | }', 'host'),
    '{ "family": "x", "containerDefinitions": [], "networkMode": "host" }',
  );
});

// ------------------------------------------------------------------ other documents: workspace and environment

/** References that find the task definitions of `files` by family, as the workspace index does. */
function workspaceOf(files: Record<string, string>) {
  const docs = Object.entries(files).map(([uri, text]) => new EcsDocument(uri, 1, text));
  return createReferences({
    taskDefinition(ref) {
      const doc = docs.find((d) => d.units[0]?.kind === 'task-definition' && d.units[0].value.family === ref);
      return doc && { unit: doc.units[0], uri: doc.uri, doc };
    },
    targetGroup: () => undefined,
  });
}

test('launchType and platformVersion see the task definition in another file of the workspace', () => {
  const refs = workspaceOf({
    'file:///w/web-task.json': td('"family": "web", "networkMode": "bridge"').replace('"family": "x", ', ''),
    'file:///w/win-task.json': td('"family": "win", "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2022_CORE" }').replace('"family": "x", ', ''),
  });
  const service = '{ "serviceName": "s", "taskDefinition": "web", "launchType": "|" }';
  const items = [...complete(service, DEFAULT_SETTINGS, 'file:///w/service.json', { refs }).list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.deepEqual(labels(items), ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES', 'FARGATE']);
  assert.match(items[3].detail!, /the task definition uses 'bridge'/);
  // Without the workspace the task definition is unknown: nothing is ruled out.
  assert.ok(complete(service).list.items.every((i) => !invalid(i)));
  const windows = complete('{ "serviceName": "s", "taskDefinition": "win", "platformVersion": "|" }', DEFAULT_SETTINGS, 'file:///w/service.json', { refs });
  assert.deepEqual(labels(windows.list.items), ['LATEST', '1.0.0']);
});

test("instance types in a service's placement constraint: the cluster's types from the environment file rank first", () => {
  const env = parseEnvironment({ clusters: [{ name: 'prod', capacity: [{ instanceType: 'm5.2xlarge', count: 2 }] }] }).env;
  const text =
    '{ "serviceName": "s", "cluster": "prod", "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type == m5.|" }] }';
  const sorted = (options: CompletionOptions) =>
    [...complete(text, DEFAULT_SETTINGS, 'file:///w/service.json', options).list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.equal(sorted({ env })[0].label, 'm5.2xlarge');
  assert.equal(sorted({})[0].label, 'm5.large');
});

// ------------------------------------------------------------------ other enums

test('requiresCompatibilities items: the model enum minus values already listed', () => {
  const items = ranked(td('"requiresCompatibilities": ["EC2", |]'));
  assert.deepEqual(labels(items), ['FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']);
  const bridge = ranked(td('"networkMode": "bridge", "requiresCompatibilities": ["|"]'));
  assert.equal(bridge[bridge.length - 1].label, 'FARGATE');
  assert.match(bridge[bridge.length - 1].detail!, /this task uses 'bridge'/);
});

test('requiresCompatibilities with no value yet: ready-made lists', () => {
  const items = ranked(td('"requiresCompatibilities": |'));
  assert.deepEqual(labels(items), ['["EC2"]', '["FARGATE"]', '["EXTERNAL"]', '["MANAGED_INSTANCES"]']);
  assert.equal(items[1].insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(accept(td('"requiresCompatibilities": |'), '["FARGATE"]'), td('"requiresCompatibilities": ["FARGATE"]'));
});

test('launchType: reasons from capacity providers and from the template task definition', () => {
  assert.deepEqual(labels(ranked('{ "serviceName": "s", "cluster": "c", "launchType": "|" }')), ['FARGATE', 'EC2', 'EXTERNAL', 'MANAGED_INSTANCES']);
  const withProviders = ranked('{ "serviceName": "s", "capacityProviderStrategy": [{ "capacityProvider": "FARGATE" }], "launchType": "|" }');
  assert.ok(withProviders.every((i) => /capacityProviderStrategy/.test(i.detail!)));
  const template = JSON.stringify({
    Resources: {
      TD: { Type: 'AWS::ECS::TaskDefinition', Properties: { NetworkMode: 'bridge', ContainerDefinitions: [{ Name: 'a', Image: 'x' }] } },
      S: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: { Ref: 'TD' }, LaunchType: 'CURSOR' } },
    },
  }).replace('"CURSOR"', '"|"');
  const items = ranked(template);
  assert.deepEqual(labels(items), ['EC2', 'EXTERNAL', 'MANAGED_INSTANCES', 'FARGATE']);
  assert.match(items[3].detail!, /the task definition uses 'bridge'/);
});

test('platformVersion: LATEST first, Linux versions with status, retired ones last; Windows when the task is', () => {
  const items = ranked('{ "serviceName": "s", "launchType": "FARGATE", "platformVersion": "|" }');
  assert.deepEqual(labels(items), ['LATEST', '1.4.0', '1.3.0', '1.2.0', '1.1.0', '1.0.0']);
  assert.match(items[0].detail!, /1\.4\.0/);
  assert.match(items[1].detail!, /current/);
  assert.ok(invalid(byLabel(items, '1.2.0')));
  assert.ok(!invalid(byLabel(items, '1.3.0')));

  const onEc2 = ranked('{ "serviceName": "s", "launchType": "EC2", "platformVersion": "|" }');
  assert.ok(onEc2.every((i) => /only to Fargate/.test(i.detail!)));

  const windows = JSON.stringify({
    Resources: {
      TD: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { RuntimePlatform: { OperatingSystemFamily: 'WINDOWS_SERVER_2022_CORE' }, ContainerDefinitions: [] },
      },
      S: { Type: 'AWS::ECS::Service', Properties: { TaskDefinition: { Ref: 'TD' }, PlatformVersion: 'CURSOR' } },
    },
  }).replace('"CURSOR"', '"|"');
  assert.deepEqual(labels(ranked(windows)), ['LATEST', '1.0.0']);
  assert.match(ranked(windows)[1].detail!, /Windows/);
});

test('assignPublicIp: ENABLED last with the reason on EC2, valid on Fargate', () => {
  const ec2 = ranked(
    '{ "serviceName": "s", "launchType": "EC2", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-1"], "assignPublicIp": "EN|" } } }',
  );
  assert.deepEqual(labels(ec2), ['DISABLED', 'ENABLED']);
  assert.match(ec2[1].detail!, /Assign public IP is not supported for this launch type/);
  const fargate = ranked('{ "serviceName": "s", "launchType": "FARGATE", "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "|" } } }');
  assert.ok(fargate.every((i) => !invalid(i)));
});

test('TargetType: what each type registers', () => {
  const items = ranked('{ "Name": "tg", "Protocol": "HTTP", "Port": 80, "VpcId": "vpc-1", "TargetType": "|" }');
  assert.deepEqual(labels(items), ['ip', 'instance', 'alb', 'lambda']);
  assert.match(items[0].detail!, /awsvpc/);
  assert.match(items[1].detail!, /bridge and host/);
  const cfn = ranked('{ "Resources": { "TG": { "Type": "AWS::ElasticLoadBalancingV2::TargetGroup", "Properties": { "TargetType": "|" } } } }');
  assert.deepEqual(labels(cfn), ['ip', 'instance', 'alb', 'lambda']);
});

test('port mapping protocol and appProtocol', () => {
  const mapping = (inner: string) => td('"networkMode": "awsvpc"', `{ "name": "a", "image": "x", "portMappings": [{ "containerPort": 80, ${inner} }] }`);
  assert.deepEqual(labels(ranked(mapping('"protocol": "|"'))), ['tcp', 'udp']);
  assert.deepEqual(labels(ranked(mapping('"appProtocol": "|"'))), ['http', 'http2', 'grpc']);
});

test('operatingSystemFamily on Fargate: LINUX first, Windows versions Fargate lacks ranked last', () => {
  const items = ranked(td('"requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "|" }'));
  assert.equal(items[0].label, 'LINUX');
  assert.ok(!invalid(byLabel(items, 'WINDOWS_SERVER_2022_CORE')));
  const old = byLabel(items, 'WINDOWS_SERVER_2016_FULL');
  assert.ok(invalid(old));
  assert.ok(items.indexOf(old) > items.indexOf(byLabel(items, 'WINDOWS_SERVER_2019_CORE')));
});

test('pidMode and ipcMode on Fargate', () => {
  const pid = ranked(td('"requiresCompatibilities": ["FARGATE"], "pidMode": "|"'));
  assert.deepEqual(labels(pid), ['task', 'host']);
  assert.ok(!invalid(pid[0]));
  assert.match(pid[1].detail!, /only pidMode 'task'/);
  const ipc = ranked(td('"requiresCompatibilities": ["FARGATE"], "ipcMode": "|"'));
  assert.ok(ipc.length === 3 && ipc.every((i) => /not supported on Fargate/.test(i.detail!)));
  assert.ok(ranked(td('"ipcMode": "|"')).every((i) => !invalid(i)));
});

test('any other enum the structural model knows, and booleans', () => {
  assert.deepEqual(labels(ranked('{ "serviceName": "s", "cluster": "c", "schedulingStrategy": "|" }')), ['REPLICA', 'DAEMON']);
  assert.ok(labels(ranked('{ "TargetType": "ip", "Protocol": "|" }')).includes('TCP_UDP'));
  assert.deepEqual(labels(ranked('{ "Resources": { "S": { "Type": "AWS::ECS::Service", "Properties": { "PropagateTags": "|" } } } }')).sort(), [
    'NONE',
    'SERVICE',
    'TASK_DEFINITION',
  ]);
  assert.deepEqual(labels(ranked(td('"cpu": "256"', '{ "name": "a", "essential": | }'))), ['true', 'false']);
  assert.deepEqual(labels(ranked('{ "serviceName": "s", "cluster": "c", "placementStrategy": [{ "type": "binpack", "field": "|" }] }')), ['memory', 'cpu']);
});

// ------------------------------------------------------------------ Fargate sizes

test('Fargate cpu: the valid sizes as strings with vCPU', () => {
  const items = ranked(td('"requiresCompatibilities": ["FARGATE"], "cpu": "|"'));
  assert.deepEqual(labels(items), ['256', '512', '1024', '2048', '4096', '8192', '16384']);
  assert.equal(items[0].detail, '0.25 vCPU');
  assert.equal(edit(items[0]).newText, '"256"');
  assert.equal(accept(td('"requiresCompatibilities": ["FARGATE"], "cpu": "|"'), '256'), td('"requiresCompatibilities": ["FARGATE"], "cpu": "256"'));
  const windows = ranked(td('"requiresCompatibilities": ["FARGATE"], "runtimePlatform": { "operatingSystemFamily": "WINDOWS_SERVER_2019_CORE" }, "cpu": "|"'));
  assert.equal(windows[0].label, '1024');
  assert.deepEqual(ranked(td('"requiresCompatibilities": ["EC2"], "cpu": "|"')), []);
});

test('Fargate memory: only the sizes valid for the chosen cpu', () => {
  const items = ranked(td('"requiresCompatibilities": ["FARGATE"], "cpu": "1024", "memory": "|"'));
  assert.deepEqual(labels(items), ['2048', '3072', '4096', '5120', '6144', '7168', '8192']);
  assert.equal(items[0].detail, '2 GB');
  const vcpuString = ranked(td('"requiresCompatibilities": ["FARGATE"], "cpu": "1 vCPU", "memory": "|"'));
  assert.deepEqual(labels(vcpuString), labels(items));
});

test('Fargate memory without a cpu: every Linux size with the cpu sizes it fits', () => {
  const items = ranked(td('"requiresCompatibilities": ["FARGATE"], "memory": "|"'));
  assert.equal(items[0].label, '512');
  assert.match(items[0].detail!, /cpu 256$/);
  assert.match(byLabel(items, '2048').detail!, /cpu 256, 512, 1024/);
  assert.equal(new Set(labels(items)).size, items.length);
  const numbers = labels(items).map(Number);
  assert.deepEqual(
    numbers,
    [...numbers].sort((a, b) => a - b),
  );
});

// ------------------------------------------------------------------ instance types

const constraint = (expression: string) =>
  td('"networkMode": "awsvpc"', '{ "name": "a", "image": "x" }').replace(
    '"networkMode": "awsvpc"',
    `"networkMode": "awsvpc", "placementConstraints": [{ "type": "memberOf", "expression": "${expression}" }]`,
  );

test('instance type after == in a placement constraint: filtered by prefix, with ENI density', () => {
  const { list, doc } = complete(constraint('attribute:ecs.instance-type == c5.l|'));
  assert.ok(list.items.length > 0);
  assert.ok(list.items.every((i) => i.label.startsWith('c5.l')));
  const large = byLabel(list.items, 'c5.large');
  assert.match(large.detail!, /2 awsvpc tasks/);
  assert.match(large.detail!, /10 with trunking/);
  assert.match(large.detail!, /^3 ENIs · /);
  const start = doc.text.indexOf('c5.l');
  assert.deepEqual(edit(large).range, { start: doc.positionAt(start), end: doc.positionAt(start + 4) });
  assert.equal(edit(large).newText, 'c5.large');
  assert.equal(list.isIncomplete, false);
  assert.equal(accept(constraint('attribute:ecs.instance-type == c5.l|'), 'c5.large'), constraint('attribute:ecs.instance-type == c5.large'));
});

test('instance type completions carry the current ECS table figures, and say where an ENI count comes from', () => {
  const c7i = byLabel(complete(constraint('attribute:ecs.instance-type == c7i.l|')).list.items, 'c7i.large');
  assert.match(c7i.detail!, /^3 ENIs · 2 awsvpc tasks\/instance \(10 with trunking\)$/);
  const t8i = byLabel(complete(constraint('attribute:ecs.instance-type == t8i.n|')).list.items, 't8i.nano');
  assert.match(t8i.detail!, /^2 ENIs · 1 awsvpc tasks\/instance \(2 with trunking\)$/);
  const doc = typeof t8i.documentation === 'string' ? t8i.documentation : t8i.documentation?.value;
  assert.match(doc ?? '', /not in the EC2 network data we ship/);
});

test('instance type inside an in [...] list: only the token under the cursor is replaced', () => {
  const { list, doc } = complete(constraint('attribute:ecs.instance-type in [c5.large, m5.|]'));
  assert.ok(list.items.length > 3);
  assert.ok(list.items.every((i) => i.label.startsWith('m5.')));
  const sorted = [...list.items].sort((a, b) => a.sortText!.localeCompare(b.sortText!));
  assert.equal(sorted[0].label, 'm5.large');
  const start = doc.text.indexOf('m5.');
  assert.deepEqual(edit(sorted[0]).range, { start: doc.positionAt(start), end: doc.positionAt(start + 3) });
  assert.equal(
    accept(constraint('attribute:ecs.instance-type in [c5.large, m5.|]'), 'm5.large'),
    constraint('attribute:ecs.instance-type in [c5.large, m5.large]'),
  );
});

test('instance types with nothing typed are cut and marked incomplete; an empty expression offers starters', () => {
  const { list } = complete(constraint('attribute:ecs.instance-type == |'));
  assert.equal(list.isIncomplete, true);
  assert.equal(list.items.length, MAX_INSTANCE_TYPE_ITEMS);
  const starters = ranked(constraint('|'));
  assert.ok(starters.length >= 2);
  assert.match(edit(starters[0]).newText, /^"attribute:ecs\.instance-type == \$1"$/);
  assert.equal(accept(constraint('|'), starters[0].label), constraint('attribute:ecs.instance-type == '));
  assert.deepEqual(complete(constraint('attribute:ecs.os-type == li|')).list.items, []);
});

test('instanceTypeItems is reusable: case-insensitive prefix, Windows has no trunking', () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 2 } };
  const list = instanceTypeItems('C5.LA', range, 'windows');
  assert.deepEqual(labels(list.items), ['c5.large']);
  assert.match(list.items[0].detail!, /no trunking on Windows/);
  assert.deepEqual(edit(list.items[0]).range, range);
  assert.deepEqual(instanceTypeItems('zz9.', range, 'linux').items, []);
});

test('instance types from the defaultInstanceTypes setting rank first', () => {
  const settings = { ...DEFAULT_SETTINGS, defaultInstanceTypes: ['m5.4xlarge', 'c5.large'] };
  const items = ranked(constraint('attribute:ecs.instance-type == m5.|'), settings);
  assert.equal(items[0].label, 'm5.4xlarge');
  assert.equal(items[1].label, 'm5.large');
  const all = complete(constraint('attribute:ecs.instance-type == |'), settings).list;
  assert.ok(labels(all.items).includes('c5.large') && labels(all.items).includes('m5.4xlarge'), 'kept even when the list is cut');
});

test('instance types in the environment file follow the cluster OS', () => {
  const text = '{ "clusters": [{ "name": "prod", "os": "windows", "capacity": [{ "instanceType": "m5.x|", "count": 2 }] }] }';
  const { list } = complete(text, DEFAULT_SETTINGS, 'file:///w/ecs-network.json');
  assert.deepEqual(labels(list.items), ['m5.xlarge']);
  assert.match(list.items[0].detail!, /no trunking on Windows/);
});

// ------------------------------------------------------------------ property names

test('property names: model members minus present keys and read-only fields, value snippets by type', () => {
  const items = ranked('{ "family": "x", "networkMode": "awsvpc", | "containerDefinitions": [] }');
  const names = labels(items);
  for (const present of ['family', 'networkMode', 'containerDefinitions']) assert.ok(!names.includes(present), present);
  for (const readOnly of ['taskDefinitionArn', 'revision', 'status', 'registeredAt']) assert.ok(!names.includes(readOnly), readOnly);
  assert.ok(names.includes('requiresCompatibilities') && names.includes('runtimePlatform'));
  assert.equal(edit(byLabel(items, 'cpu')).newText, '"cpu": "$1",');
  assert.equal(edit(byLabel(items, 'enableFaultInjection')).newText, '"enableFaultInjection": ${1:false},');
  assert.equal(edit(byLabel(items, 'runtimePlatform')).newText, '"runtimePlatform": {\n\t$1\n},');
  assert.equal(edit(byLabel(items, 'volumes')).newText, '"volumes": [\n\t$1\n],');
  assert.equal(byLabel(items, 'cpu').insertTextFormat, InsertTextFormat.Snippet);
  assert.equal(byLabel(items, 'pidMode').command?.command, 'editor.action.triggerSuggest');
  const container = ranked(td('"cpu": "256"', '{ "name": "a", | }'));
  assert.equal(edit(byLabel(container, 'memory')).newText, '"memory": ${1:0}');
  const root = ranked('{ "networkMode": "awsvpc", "containerDefinitions": [], | }');
  assert.equal(root[0].label, 'family', 'required members rank before optional ones');
  const before = '{ "family": "x", "networkMode": "awsvpc", | "containerDefinitions": [] }';
  assert.equal(accept(before, 'cpu'), '{ "family": "x", "networkMode": "awsvpc", "cpu": "", "containerDefinitions": [] }');
  assert.equal(accept(before, 'enableFaultInjection'), '{ "family": "x", "networkMode": "awsvpc", "enableFaultInjection": false, "containerDefinitions": [] }');
  assert.equal(accept(before, 'runtimePlatform'), '{ "family": "x", "networkMode": "awsvpc", "runtimePlatform": {\n\t\n}, "containerDefinitions": [] }');
  assert.equal(accept(td('"cpu": "256"', '{ "name": "a", | }'), 'memory'), td('"cpu": "256"', '{ "name": "a", "memory": 0 }'));
});

test('renaming an existing key inserts the name alone; a bare word is replaced too', () => {
  const { list, doc } = complete('{ "family": "x", "netw|": "bridge", "containerDefinitions": [] }');
  const item = byLabel(list.items, 'networkMode');
  assert.equal(edit(item).newText, '"networkMode"');
  const start = doc.text.indexOf('"netw"');
  assert.deepEqual(edit(item).range, { start: doc.positionAt(start), end: doc.positionAt(start + 6) });
  assert.equal(
    accept('{ "family": "x", "netw|": "bridge", "containerDefinitions": [] }', 'networkMode'),
    '{ "family": "x", "networkMode": "bridge", "containerDefinitions": [] }',
  );
  assert.equal(
    accept('{ "family": "x", netw| "containerDefinitions": [] }', 'networkMode'),
    '{ "family": "x", "networkMode": "", "containerDefinitions": [] }',
  );
  const bare = ranked('{ "family": "x", netw| "containerDefinitions": [] }');
  assert.equal(byLabel(bare, 'networkMode').filterText, 'networkMode');
  assert.equal(edit(byLabel(bare, 'networkMode')).newText, '"networkMode": "$1",');
});

test('a new member after a value with no comma: the comma is added after that value', () => {
  const { list, doc } = complete('{\n  "family": "x"\n  |\n  "containerDefinitions": []\n}');
  const item = byLabel(list.items, 'cpu');
  const end = doc.text.indexOf('"x"') + 3;
  assert.deepEqual(item.additionalTextEdits, [{ range: { start: doc.positionAt(end), end: doc.positionAt(end) }, newText: ',' }]);
  assert.equal(edit(item).newText, '"cpu": "$1",');
  const afterObject = complete('{ "family": "x", "runtimePlatform": {} |, "containerDefinitions": [] }');
  assert.ok(byLabel(afterObject.list.items, 'cpu').additionalTextEdits);
});

test('a property name accepted after a value with no comma: both commas land, the document parses', () => {
  const after = accept('{\n  "family": "x"\n  |\n  "containerDefinitions": []\n}', 'cpu');
  assert.equal(after, '{\n  "family": "x",\n  "cpu": "",\n  "containerDefinitions": []\n}');
  assert.deepEqual(JSON.parse(after), { family: 'x', cpu: '', containerDefinitions: [] });
  const afterObject = accept('{ "family": "x", "runtimePlatform": {} | "containerDefinitions": [] }', 'networkMode');
  assert.equal(afterObject, '{ "family": "x", "runtimePlatform": {}, "networkMode": "", "containerDefinitions": [] }');
});

test('CloudFormation resources get PascalCase names', () => {
  const items = ranked('{ "Resources": { "TD": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "Family": "x", | } } } }');
  const names = labels(items);
  assert.ok(names.includes('NetworkMode') && names.includes('ContainerDefinitions') && names.includes('RequiresCompatibilities'));
  assert.ok(!names.includes('Family') && !names.includes('networkMode') && !names.includes('TaskDefinitionArn'));
  assert.equal(edit(byLabel(items, 'NetworkMode')).newText, '"NetworkMode": "$1"');
  const values = ranked(
    '{ "Resources": { "TD": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "RequiresCompatibilities": ["FARGATE"], "NetworkMode": "|" } } } }',
  );
  assert.deepEqual(labels(values), ['awsvpc', 'bridge', 'host', 'none']);
  assert.ok(invalid(values[1]));
  const cpu = ranked(
    '{ "Resources": { "TD": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "RequiresCompatibilities": ["FARGATE"], "Cpu": "512", "Memory": "|" } } } }',
  );
  assert.deepEqual(labels(cpu), ['1024', '2048', '3072', '4096']);
});

test('values accepted in a CloudFormation template land in the resource, quoted, with the comma the next property needs', () => {
  const template = (networkMode: string) =>
    `{\n  "Resources": {\n    "TD": {\n      "Type": "AWS::ECS::TaskDefinition",\n      "Properties": {\n        "RequiresCompatibilities": ["FARGATE"],\n        "NetworkMode": ${networkMode}\n        "ContainerDefinitions": []\n      }\n    }\n  }\n}`;
  assert.equal(accept(template('|'), 'awsvpc'), template('"awsvpc",'));
  assert.equal(accept(template('"br|",'), 'awsvpc'), template('"awsvpc",'));
  const name = '{ "Resources": { "TD": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "Family": "x", | } } } }';
  assert.equal(
    accept(name, 'NetworkMode'),
    '{ "Resources": { "TD": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "Family": "x", "NetworkMode": "" } } } }',
  );
});

test('placement strategy Field in a CloudFormation service: the same fields as placementStrategy[].field', () => {
  const service = (strategy: string) => `{ "Resources": { "S": { "Type": "AWS::ECS::Service", "Properties": { "PlacementStrategies": [${strategy}] } } } }`;
  assert.deepEqual(labels(ranked(service('{ "Type": "spread", "Field": "|" }'))), ['attribute:ecs.availability-zone', 'instanceId']);
  assert.deepEqual(labels(ranked(service('{ "Type": "binpack", "Field": "|" }'))), ['memory', 'cpu']);
  assert.equal(accept(service('{ "Type": "spread", "Field": "|" }'), 'instanceId'), service('{ "Type": "spread", "Field": "instanceId" }'));
});

test('service networkConfiguration block is ranked first, in either spelling, and only when missing', () => {
  const api = ranked('{ "serviceName": "s", "taskDefinition": "web", | }');
  assert.equal(api[0].label, 'networkConfiguration');
  assert.equal(api[0].kind, 15 /* Snippet */);
  assert.match(
    edit(api[0]).newText,
    /"awsvpcConfiguration": \{\n\t\t"subnets": \["\$1"\],\n\t\t"securityGroups": \["\$2"\],\n\t\t"assignPublicIp": "DISABLED"/,
  );
  assert.ok(!labels(api).includes('service') && !labels(api).includes('forceNewDeployment'), 'UpdateService-only members');
  const cfn = ranked('{ "Resources": { "S": { "Type": "AWS::ECS::Service", "Properties": { | } } } }');
  assert.equal(cfn[0].label, 'NetworkConfiguration');
  assert.match(
    edit(cfn[0]).newText,
    /"AwsvpcConfiguration": \{\n\t\t"Subnets": \["\$1"\],\n\t\t"SecurityGroups": \["\$2"\],\n\t\t"AssignPublicIp": "DISABLED"/,
  );
  assert.equal(
    accept('{ "serviceName": "s", "taskDefinition": "web", | }', 'networkConfiguration'),
    '{ "serviceName": "s", "taskDefinition": "web", "networkConfiguration": {\n\t"awsvpcConfiguration": {\n\t\t"subnets": [""],\n\t\t"securityGroups": [""],\n\t\t"assignPublicIp": "DISABLED"\n\t}\n} }',
  );
  const present = ranked('{ "serviceName": "s", "taskDefinition": "web", "networkConfiguration": {}, | }');
  assert.ok(present.every((i) => i.label !== 'networkConfiguration'));
});

test('container portMappings block: hostPort left out for awsvpc and host, 0 for bridge, none for mode none', () => {
  const block = (mode: string) => ranked(td(`"networkMode": "${mode}"`, '{ "name": "a", | }'));
  for (const mode of ['awsvpc', 'host']) {
    const first = block(mode)[0];
    assert.equal(first.label, 'portMappings', mode);
    assert.ok(!/hostPort/.test(edit(first).newText), mode);
    assert.match(edit(first).newText, /"containerPort": \$\{1:80\}/);
  }
  assert.match(edit(block('bridge')[0]).newText, /"hostPort": \$\{2:0\}/);
  assert.equal(
    accept(td('"networkMode": "bridge"', '{ "name": "a", | }'), 'portMappings'),
    td('"networkMode": "bridge"', '{ "name": "a", "portMappings": [\n\t{\n\t\t"containerPort": 80,\n\t\t"hostPort": 0,\n\t\t"protocol": "tcp"\n\t}\n] }'),
  );
  assert.ok(block('none').every((i) => i.kind !== 15));
  const cfn = ranked(
    '{ "Resources": { "TD": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "NetworkMode": "awsvpc", "ContainerDefinitions": [{ "Name": "a", | }] } } } }',
  );
  assert.equal(cfn[0].label, 'PortMappings');
  assert.match(edit(cfn[0]).newText, /"ContainerPort": \$\{1:80\},\n\t\t"Protocol": "tcp"/);
});

// ------------------------------------------------------------------ document shapes

test('the describe-task-definition wrapper', () => {
  const text = '{ "taskDefinition": { "family": "x", "requiresCompatibilities": ["FARGATE"], "networkMode": "|", "containerDefinitions": [] } }';
  assert.deepEqual(labels(ranked(text)), ['awsvpc', 'bridge', 'host', 'none']);
  assert.ok(invalid(ranked(text)[1]));
  const keys = ranked('{ "taskDefinition": { "family": "x", |, "containerDefinitions": [] } }'.replace('|,', '| ,'));
  assert.ok(labels(keys).includes('networkMode'));
  assert.deepEqual(ranked('{ "taskDefinition": { "family": "x", "containerDefinitions": [] }, | }'), []);
});

test('CRLF and comments: positions count lines the LSP way; nothing inside a comment', () => {
  const { list, doc } = complete(
    '// web tier\r\n{\r\n  /* size */\r\n  "family": "x",\r\n  "requiresCompatibilities": ["FARGATE"],\r\n  "networkMode": "|",\r\n  "containerDefinitions": [],\r\n}',
  );
  const item = byLabel(list.items, 'awsvpc');
  assert.deepEqual(edit(item).range, { start: { line: 5, character: 17 }, end: { line: 5, character: 19 } });
  assert.equal(doc.offsetAt(edit(item).range.start), doc.text.indexOf('""'));
  assert.equal(applyCompletion(doc.text, doc, item), doc.text.replace('"networkMode": ""', '"networkMode": "awsvpc"'));
  assert.deepEqual(ranked('{ "family": "x", /* net| */ "containerDefinitions": [] }'), []);
  assert.deepEqual(ranked('{ "family": "x", // net|\n "containerDefinitions": [] }'), []);
});

test('nothing for unknown documents or outside ECS units', () => {
  assert.deepEqual(complete('{ "name": "|" }').list, { isIncomplete: false, items: [] });
  assert.deepEqual(complete('{ "networkMode": "|" }').list.items, []);
  assert.deepEqual(complete('|').list.items, []);
  const template =
    '{ "Resources": { "Sub": { "Type": "AWS::EC2::Subnet", "Properties": { "CidrBlock": "|" } }, "TD": { "Type": "AWS::ECS::TaskDefinition", "Properties": {} } } }';
  assert.deepEqual(complete(template).list.items, []);
  assert.deepEqual(complete('{ "Resources": { "TD": { "Type": "AWS::ECS::TaskDefinition", | "Properties": {} } } }').list.items, []);
});

test('never throws, at any offset of a range of documents', () => {
  const documents = [
    td(
      '"requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024", "memory": "2048", "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type in [c5.large, m5.]" }]',
      '{ "name": "a", "portMappings": [{ "containerPort": 80, "protocol": "tcp" }] }',
    ),
    '// c\r\n{ "serviceName": "s", "launchType": "EC2", "networkConfiguration": { "awsvpcConfiguration": { "assignPublicIp": "ENABLED", } }, /* x */ }',
    '{ "Resources": { "TD": { "Type": "AWS::ECS::TaskDefinition", "Properties": { "NetworkMode": { "Ref": "Mode" }, "ContainerDefinitions": [{ "Name": "a" }] } }, "S": { "Type": "AWS::ECS::Service", "Properties": { "TaskDefinition": { "Ref": "TD" } } } } }',
    '{ "family": "x", "networkMode": "aws, "containerDefinitions": [{ "name": "a" ',
    '{ "TargetType": "ip", "Protocol": "HTTP", "Port": 80 }',
    '\ufeff{ "taskDefinition": { "family": "x", "containerDefinitions": [ { , ] } }',
  ];
  for (const text of documents) {
    const doc = new EcsDocument('file:///t.json', 1, text);
    for (let offset = -1; offset <= text.length + 1; offset++) {
      const list = completionsAt(doc, offset, DEFAULT_SETTINGS);
      assert.ok(Array.isArray(list.items), `offset ${offset}`);
    }
    assert.deepEqual(completionsAt(doc, Number.NaN, DEFAULT_SETTINGS).items, []);
  }
});

test('the test helper resolves snippets the way an editor inserts them', () => {
  assert.equal(resolveSnippet('"cpu": "$1",'), '"cpu": "",');
  assert.equal(resolveSnippet('${1:80} and ${2:a ${3:b}} ${4|tcp,udp|} ${5}$0'), '80 and a b tcp ');
  assert.equal(resolveSnippet('\\$1 costs \\} and \\\\'), '$1 costs } and \\');
});
