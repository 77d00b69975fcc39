import assert from 'node:assert/strict';
import { test } from 'node:test';
import { capacityPlanFor } from '../../../server/src/features/capacityPlan';
import { EcsDocument } from '../../../server/src/model/document';
import { parseEnvironment } from '../../../server/src/core/environment';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';

/** The plan for `text` with the cursor at `|` (or the start of the document when there is none). */
function plan(text: string, settings: Settings = DEFAULT_SETTINGS) {
  const at = text.indexOf('|');
  const clean = at < 0 ? text : text.slice(0, at) + text.slice(at + 1);
  return capacityPlanFor(new EcsDocument('file:///t.json', 1, clean), Math.max(0, at), settings);
}

const template = (cursorIn: 'TD' | 'S' | 'none') =>
  JSON.stringify(
    {
      Resources: {
        A: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: '10.0.0.0/24', AvailabilityZone: 'eu-west-1a' } },
        B: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: '10.0.1.0/28', AvailabilityZone: 'eu-west-1b' } },
        TD: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            NetworkMode: 'awsvpc',
            RequiresCompatibilities: ['EC2'],
            Cpu: cursorIn === 'TD' ? '25|6' : '256',
            Memory: '512',
            ContainerDefinitions: [{ Name: 'a', Image: 'x' }],
          },
        },
        Other: { Type: 'AWS::ECS::TaskDefinition', Properties: { NetworkMode: 'bridge', ContainerDefinitions: [{ Name: 'b', Image: 'x' }] } },
        S: {
          Type: 'AWS::ECS::Service',
          Properties: {
            LaunchType: 'EC2',
            TaskDefinition: { Ref: 'TD' },
            DesiredCount: cursorIn === 'S' ? '2|0' : 20,
            NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [{ Ref: 'A' }, { Ref: 'B' }, 'subnet-0123456789abcdef0'] } },
          },
        },
      },
    },
    null,
    2,
  );

test('a service in a template: IPv4 per template subnet and tasks per instance type from settings', () => {
  const view = plan(template('S'), { ...DEFAULT_SETTINGS, defaultInstanceTypes: ['c5.large', 'm5.xlarge'] })!;
  assert.equal(view.title, 'Capacity plan: service S');
  const f = view.figures;
  assert.deepEqual([f.networkMode, f.launchType, f.tasks, f.maximumPercent], ['awsvpc', 'EC2', 20, 200]);
  // 20 tasks at 2 per c5.large → 10 instances; 20 + 10 = 30 addresses; at 200%: 40 tasks, 20 instances → 60.
  assert.deepEqual([f.ipv4.needed, f.ipv4.peakDuringDeployment, f.ipv4.instancesNeeded], [30, 60, 10]);
  // Two AZs share 30: 15 each. A /24 has 251 usable, a /28 has 11.
  assert.deepEqual(
    f.perSubnet.map((s) => [s.id, s.usableIpv4, s.expectedUse, s.fits]),
    [
      ['A', 251, 15, true],
      ['B', 11, 15, false],
    ],
  );
  assert.deepEqual(
    f.instanceTypes.map((t) => [t.instanceType, t.withoutTrunking, t.withTrunking, t.effective, t.instancesNeeded]),
    [
      ['c5.large', 2, 10, 2, 10],
      ['m5.xlarge', 3, 20, 3, 7],
    ],
  );
  const subnetChart = view.charts.find((c) => c.unit === 'IPv4 addresses')!;
  assert.deepEqual(
    subnetChart.bars.map((b) => [b.label, b.values[0], b.limit]),
    [
      ['A', 15, 251],
      ['B', 15, 11],
    ],
  );
  const taskChart = view.charts.find((c) => c.unit === 'tasks')!;
  // With trunking, CPU caps c5.large at 2048 / 256 = 8 and m5.xlarge at 4096 / 256 = 16.
  assert.deepEqual(
    taskChart.bars.map((b) => [b.label, ...b.values]),
    [
      ['c5.large', 2, 8],
      ['m5.xlarge', 3, 16],
    ],
  );
  assert.ok(view.notes.some((n) => /B is expected to hold 15 addresses but has 11 usable/.test(n)));
  assert.ok(view.notes.some((n) => /1 of the service's 3 subnets are described neither in the environment file nor as AWS::EC2::Subnet resources/.test(n)));
});

test('the cursor in a task definition plans it through the service that runs it', () => {
  const view = plan(template('TD'))!;
  assert.equal(view.subject.kind, 'task-definition');
  assert.equal(view.subject.name, 'TD');
  assert.equal(view.figures.tasks, 20);
  assert.equal(view.figures.perSubnet.length, 2);
});

test('without a cursor in a unit the first service is planned', () => {
  assert.equal(plan(template('none'))!.subject.name, 'S');
});

test('trunking from settings adds the trunk ENI address per instance', () => {
  const view = plan(template('S'), { ...DEFAULT_SETTINGS, trunking: true })!;
  // 8 tasks per trunked c5.large (CPU bound): 3 instances, 2 addresses each → 20 + 6 = 26.
  assert.deepEqual([view.figures.ipv4.perInstance, view.figures.ipv4.instancesNeeded, view.figures.ipv4.needed], [2, 3, 26]);
});

test('a standalone Fargate task definition: one task, no instances, subnet sizes unknown', () => {
  const view = plan(
    '{ "family": "w|eb", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", "containerDefinitions": [{ "name": "w", "image": "x" }] }',
  )!;
  assert.deepEqual([view.figures.launchType, view.figures.tasks, view.figures.ipv4.needed, view.figures.ipv4.peakDuringDeployment], ['FARGATE', 1, 1, 2]);
  assert.equal(view.figures.instanceTypes.length, 0);
  assert.deepEqual(
    view.charts.map((c) => c.bars.map((b) => b.values[0])),
    [[1, 2]],
  );
  assert.ok(view.notes.some((n) => /no instances to plan/.test(n)));
});

test('bridge mode on EC2: CPU and memory bound the tasks per instance, not ENIs', () => {
  const view = plan('{ "family": "b", "networkMode": "bridge", "cpu": "512", "memory": "1024", "containerDefinitions": [{ "name": "b", "image": "x" }] }')!;
  const [c5] = view.figures.instanceTypes;
  // c5.large: 2048 / 512 = 4 by CPU, 4096 / 1024 = 4 by memory.
  assert.deepEqual([c5.withoutTrunking, c5.byCpu, c5.byMemory, c5.effective], [null, 4, 4, 4]);
  assert.equal(view.figures.ipv4.perTask, 0);
});

test('documents without a service or task definition have no plan', () => {
  assert.equal(plan('{ "Name": "tg", "TargetType": "ip", "Protocol": "HTTP", "Port": 80, "VpcId": "vpc-1" }'), undefined);
  assert.equal(plan('{ "name": "not ecs" }'), undefined);
});

test('with an environment file: its subnets (less other consumers) and the cluster instance types, trunking from its account settings', () => {
  const { env } = parseEnvironment({
    subnets: [{ id: 'subnet-0a1b2c3d4e5f60718', cidr: '10.0.0.0/26', az: 'eu-west-1a', otherConsumers: [{ ipv4: 9 }] }],
    clusters: [{ name: 'batch', capacity: [{ instanceType: 'm5.large', count: 4, az: 'eu-west-1a' }] }],
    accountSettings: { awsvpcTrunking: true },
  });
  const service = JSON.stringify({
    cluster: 'batch',
    serviceName: 'w',
    taskDefinition: 'w:1',
    desiredCount: 20,
    launchType: 'EC2',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } },
  });
  const view = capacityPlanFor(new EcsDocument('file:///s.json', 1, service), 0, DEFAULT_SETTINGS, undefined, env)!;
  // /26 = 59 usable, less 9 held by others = 50.
  assert.ok(
    view.facts.some((f) => f.label === 'Usable IPv4 in the subnets' && f.value === '50'),
    JSON.stringify(view.facts),
  );
  assert.ok(
    view.tables.some((t) => /environment file, trunking on/.test(t.title) && t.rows[0][0] === 'm5.large'),
    JSON.stringify(view.tables.map((t) => t.title)),
  );
});
