import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summaryFor } from '../../../server/src/features/summary';
import { EcsDocument } from '../../../server/src/model/document';
import { DEFAULT_SETTINGS, type Settings } from '../../../server/src/settings';

function summary(text: string, settings: Settings = DEFAULT_SETTINGS, uri = 'file:///t.json') {
  return summaryFor(new EcsDocument(uri, 1, text), settings);
}

const task = (extra: string) =>
  `{ "family": "api", ${extra} "containerDefinitions": [{ "name": "api", "image": "x", "portMappings": [{ "containerPort": 80 }] }] }`;

test('an awsvpc task definition for EC2: tasks per default instance type, with and without trunking', () => {
  const s = summary(task('"networkMode": "awsvpc", "requiresCompatibilities": ["EC2"],'));
  assert.deepEqual(
    { kind: s?.kind, label: s?.label, text: s?.text },
    // c5.large: 3 ENIs, so 2 awsvpc tasks; 10 with trunking (ECS table).
    { kind: 'task-definition', label: 'Task definition', text: 'awsvpc · 2 tasks/c5.large (10 with trunking)' },
  );
});

test('the task size caps the figures, and the first known instance type in settings is used', () => {
  const sized = task('"networkMode": "awsvpc", "cpu": "1024", "memory": "2048",');
  // c5.large has 2048 CPU units: 2 tasks of 1024 even with trunking.
  assert.equal(summary(sized)?.text, 'awsvpc · 2 tasks/c5.large (2 with trunking)');
  // m5.4xlarge: 8 ENIs → 7 tasks; 16 vCPU / 1 vCPU = 16 caps the trunked 60.
  assert.equal(
    summary(sized, { ...DEFAULT_SETTINGS, defaultInstanceTypes: ['nope.large', 'm5.4xlarge'] })?.text,
    'awsvpc · 7 tasks/m5.4xlarge (16 with trunking)',
  );
});

test('a Fargate-only task definition shows its size instead of instance figures', () => {
  assert.equal(
    summary(task('"networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512",'))?.text,
    'awsvpc · Fargate · 0.25 vCPU, 512 MiB',
  );
});

test('bridge and host task definitions count containers and port mappings', () => {
  assert.equal(summary(task('"networkMode": "bridge",'))?.text, 'bridge · 1 container, 1 port mapping');
  assert.equal(summary(task('"networkMode": "host",'))?.text, 'host · 1 container, 1 port mapping');
});

test('a service: tasks, launch type and IPv4 addresses at steady state and at the deployment peak', () => {
  const text = `{ "serviceName": "web", "cluster": "c", "taskDefinition": "web:3", "desiredCount": 10, "launchType": "FARGATE",
    "deploymentConfiguration": { "maximumPercent": 150 }, "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"] } } }`;
  assert.equal(summary(text)?.text, 'awsvpc · 10 tasks on FARGATE · 10 IPv4 (15 at deployment peak)');
});

test('a target group: target type and listener', () => {
  assert.equal(summary('{ "Name": "tg", "TargetType": "ip", "Protocol": "HTTP", "Port": 80, "VpcId": "vpc-1" }')?.text, 'ip targets · HTTP:80');
});

test('a CloudFormation template counts its units; the tooltip has a line per unit', () => {
  const text = JSON.stringify({
    Resources: {
      TD: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: { NetworkMode: 'awsvpc', RequiresCompatibilities: ['EC2'], ContainerDefinitions: [{ Name: 'a', Image: 'x' }] },
      },
      S: { Type: 'AWS::ECS::Service', Properties: { LaunchType: 'EC2', TaskDefinition: { Ref: 'TD' }, DesiredCount: 4 } },
    },
  });
  const s = summary(text)!;
  assert.equal(s.kind, 'cloudformation');
  assert.equal(s.text, '1 task definition, 1 service');
  // 4 tasks at 2 per c5.large: 2 instances, one primary-ENI address each → 6; at 200%: 8 tasks, 4 instances → 12.
  assert.deepEqual(s.tooltip.split('\n'), [
    'TD (Task definition): awsvpc · 2 tasks/c5.large (10 with trunking)',
    'S (Service): awsvpc · 4 tasks on EC2 · 6 IPv4 (12 at deployment peak)',
  ]);
});

test('any other JSON has no summary', () => {
  assert.equal(summary('{ "name": "pkg", "version": "1.0.0", "dependencies": {} }'), null);
  assert.equal(summary(''), null);
  assert.equal(summary('[1, 2'), null);
});
