import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hoverAt } from '../../../server/src/features/hover';
import { EcsDocument } from '../../../server/src/model/document';
import { parseEnvironment } from '../../../server/src/core/environment';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';
import { DOCUMENTED_ROWS } from '../../support/trunking-rows';

/** Parses `text` with the cursor marked by `|` and returns the hover Markdown there. */
function hover(text: string, settings: Settings = DEFAULT_SETTINGS): string | undefined {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'cursor marker missing');
  const doc = new EcsDocument('file:///t.json', 1, text.slice(0, offset) + text.slice(offset + 1));
  return hoverAt(doc, offset, settings)?.markdown;
}

const ec2Awsvpc = (cursorAt: string) =>
  `{ "family": "api", "networkMode": "aws${cursorAt}vpc", "requiresCompatibilities": ["EC2"], "cpu": "1024", "memory": "2048",
     "containerDefinitions": [{ "name": "api", "image": "x", "portMappings": [{ "containerPort": 80${cursorAt === '' ? '' : ''} }] }] }`;

test('networkMode awsvpc on EC2 shows ENI density for the default instance type, named as the default', () => {
  const md = hover(ec2Awsvpc('|'))!;
  assert.match(md, /ENI density on EC2/);
  assert.match(md, /defaultInstanceTypes/);
  // c5.large: 3 ENIs, 2 tasks, 10 with trunking; 2 vCPU / 1024 = 2 by CPU; 4096 MiB / 2048 = 2 by memory.
  assert.match(md, /\| `c5\.large` \| 3 \| 2 \| 10 \| 2 \| 2 \| 2 \/ 2 \|/);
  assert.match(md, /IPv6 eligibility/);
});

test('networkMode hover follows the instance types in settings', () => {
  const md = hover(ec2Awsvpc('|'), { ...DEFAULT_SETTINGS, defaultInstanceTypes: ['t3.micro', 'm5.4xlarge'] })!;
  assert.match(md, /\| `t3\.micro` \| 2 \| 1 \|/);
  assert.match(md, /\| `m5\.4xlarge` \| 8 \| 7 \| 60 \|/);
});

test('an instance type in a placement constraint shows its computed figures', () => {
  const text = `{ "family": "api", "networkMode": "awsvpc", "cpu": "256", "memory": "512",
    "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type in [c5.la|rge, m5.large]" }],
    "containerDefinitions": [{ "name": "api", "image": "x" }] }`;
  const md = hover(text)!;
  assert.match(md, /\*\*c5\.large\*\*: 2 vCPU, 4,096 MiB/);
  assert.match(md, /\*\*2\*\* without trunking, \*\*10\*\* with trunking/);
  // 2048 CPU units / 256 = 8; 4096 MiB / 512 = 8; without trunking the ENI bound (2) binds, with trunking CPU (8 < 10).
  assert.match(md, /by CPU 8, by memory 8; effective \*\*2\*\* \(\*\*8\*\* with trunking\), bound by ENIs/);
});

/** Hover on an instance type named in a placement constraint of a task without cpu/memory. */
const instanceHover = (name: string) =>
  hover(`{ "family": "api", "networkMode": "awsvpc", "containerDefinitions": [{ "name": "api", "image": "x" }],
    "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type == ${name.slice(0, 2)}|${name.slice(2)}" }] }`)!;

test('instance type hovers show the current ECS table figures', () => {
  for (const [name, without, withT] of DOCUMENTED_ROWS) {
    assert.ok(instanceHover(name).includes(`**${without}** without trunking, **${withT}** with trunking`), name);
  }
});

test('instance type hovers explain the table anomalies', () => {
  const cases: [string, RegExp][] = [
    ['hpc8a.96xlarge', /\*\*unknown\*\* with trunking .*-2.* no task count/],
    ['u-24tb1.metal', /\*\*12\*\* with trunking .*trunking lowers the limit/],
    ['r5b.16xlarge', /\*\*120\*\* with trunking .*contradicts itself/],
    ['m5n.large', /listed in the 2023-04-18 ECS table \(2 → 10 with trunking\), not in the current one/i],
    ['t8i.nano', /not in the EC2 network data we ship: its 2 ENIs are the table's figure without trunking \+ 1/],
  ];
  for (const [name, expected] of cases) assert.match(instanceHover(name), expected, name);
});

test('ports: how the port is reached in each mode', () => {
  const td = (mode: string, mapping: string) =>
    `{ "family": "x", "networkMode": "${mode}", "containerDefinitions": [{ "name": "a", "image": "x", "portMappings": [${mapping}] }] }`;
  assert.match(hover(td('awsvpc', '{ "containerPort": 8|080 }'))!, /<task IP>:8080\/tcp/);
  assert.match(hover(td('host', '{ "containerPort": 8|080 }'))!, /one copy of this task fits on an instance/);
  assert.match(hover(td('bridge', '{ "containerPort": 8|080, "hostPort": 0 }'))!, /dynamic host port/);
  assert.match(hover(td('bridge', '{ "containerPort": 8080, "hostPort": 9|090 }'))!, /<instance IP>:9090\/tcp/);
});

test('desiredCount in a template: IPv4 needs against the template subnets', () => {
  const text = JSON.stringify({
    Resources: {
      A: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: '10.0.0.0/28', AvailabilityZone: 'eu-west-1a' } },
      B: { Type: 'AWS::EC2::Subnet', Properties: { CidrBlock: '10.0.0.16/28', AvailabilityZone: 'eu-west-1b' } },
      TD: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: ['FARGATE'],
          Cpu: '256',
          Memory: '512',
          ContainerDefinitions: [{ Name: 'a', Image: 'x' }],
        },
      },
      S: {
        Type: 'AWS::ECS::Service',
        Properties: {
          LaunchType: 'FARGATE',
          TaskDefinition: { Ref: 'TD' },
          DesiredCount: 20,
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: [{ Ref: 'A' }, { Ref: 'B' }] } },
        },
      },
    },
  }).replace('"DesiredCount":20', '"DesiredCount":2|0');
  const md = hover(text)!;
  assert.match(md, /steady state: \*\*20\*\*/);
  assert.match(md, /at 200%: \*\*40\*\*/);
  // Two /28 subnets: 11 usable each, 22 in all; the 40-address peak does not fit.
  assert.match(md, /\| A \| 10\.0\.0\.0\/28 \| 11 \| 10 \| yes \|/);
  assert.match(md, /\*\*22\*\*; the deployment peak \*\*does not fit\*\*/);
});

test('platformVersion shows the IPv6 checklist with the unmet condition', () => {
  const text = `{ "serviceName": "s", "taskDefinition": "t:1", "launchType": "FARGATE", "platformVersion": "1.3|.0" }`;
  const md = hover(text)!;
  assert.match(md, /not eligible/);
  assert.match(md, /❌ Fargate platform version supports IPv6: .*1\.4\.0/);
});

test('no hover outside ECS documents or on keys with nothing computed', () => {
  assert.equal(hover('{ "name": "c5.lar|ge" }'), undefined);
  assert.equal(hover('{ "family": "x", "containerDefinitions": [{ "na|me": "a" }] }'), undefined);
});

test('with an environment file, hovers use its cluster instance types and subnets, and say so', () => {
  const { env } = parseEnvironment({
    subnets: [{ id: 'subnet-0a1b2c3d4e5f60718', cidr: '10.0.0.0/27', az: 'eu-west-1a' }],
    clusters: [{ name: 'batch', capacity: [{ instanceType: 't3.micro', count: 2, az: 'eu-west-1a' }] }],
  });
  const service = `{ "cluster": "batch", "serviceName": "w", "taskDefinition": "w:1", "desiredCount": 3|0, "launchType": "FARGATE",
    "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0a1b2c3d4e5f60718"] } } }`;
  const at = service.indexOf('|');
  const doc = new EcsDocument('file:///s.json', 1, service.replace('|', ''));
  const md = hoverAt(doc, at, DEFAULT_SETTINGS, undefined, env)!.markdown;
  assert.match(md, /\| subnet-0a1b2c3d4e5f60718 \| 10\.0\.0\.0\/27 \| 27 \| 30 \| \*\*no\*\* \|/);
  const td = `{ "family": "x", "networkMode": "aws|vpc", "containerDefinitions": [{ "name": "a", "image": "x" }] }`;
  const tdMd = hoverAt(new EcsDocument('file:///t.json', 1, td.replace('|', '')), td.indexOf('|'), DEFAULT_SETTINGS, undefined, env)!.markdown;
  assert.match(tdMd, /instance types from the environment file/);
  assert.match(tdMd, /\| `t3\.micro` \| 2 \| 1 \|/);
});
