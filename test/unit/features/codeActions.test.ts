import assert from 'node:assert/strict';
import { test } from 'node:test';
import { runCheckFixes } from '../../support/fixes';

// Each case: a document, the rule whose preferred quick fix is applied, and the text it must become.
const CASES: { name: string; rule: string; before: string; after: string; fix?: string }[] = [
  {
    name: 'Fargate + bridge → awsvpc',
    rule: 'fargate-network-mode',
    before:
      '{\n  "family": "x",\n  "networkMode": "bridge",\n  "requiresCompatibilities": ["FARGATE"],\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [{ "name": "a", "image": "x" }]\n}',
    after:
      '{\n  "family": "x",\n  "networkMode": "awsvpc",\n  "requiresCompatibilities": ["FARGATE"],\n  "cpu": "256",\n  "memory": "512",\n  "containerDefinitions": [{ "name": "a", "image": "x" }]\n}',
  },
  {
    name: 'awsvpc hostPort removed, comments kept',
    rule: 'awsvpc-host-port',
    before:
      '{\n  // web tier\n  "family": "x",\n  "networkMode": "awsvpc",\n  "containerDefinitions": [{ "name": "a", "image": "x", "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }]\n}',
    after:
      '{\n  // web tier\n  "family": "x",\n  "networkMode": "awsvpc",\n  "containerDefinitions": [{ "name": "a", "image": "x", "portMappings": [{ "containerPort": 80 }] }]\n}',
  },
  {
    name: 'awsvpc hostPort set equal (second fix)',
    rule: 'awsvpc-host-port',
    fix: 'Set hostPort to 80',
    before:
      '{ "family": "x", "networkMode": "awsvpc", "containerDefinitions": [{ "name": "a", "image": "x", "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }] }',
    after:
      '{ "family": "x", "networkMode": "awsvpc", "containerDefinitions": [{ "name": "a", "image": "x", "portMappings": [{ "containerPort": 80, "hostPort": 80 }] }] }',
  },
  {
    name: 'hostname removed under awsvpc',
    rule: 'awsvpc-container-options',
    before: '{ "family": "x", "networkMode": "awsvpc", "containerDefinitions": [{ "name": "a", "image": "x", "hostname": "a" }] }',
    after: '{ "family": "x", "networkMode": "awsvpc", "containerDefinitions": [{ "name": "a", "image": "x" }] }',
  },
  {
    name: 'Fargate size rounded up',
    rule: 'fargate-task-size',
    before:
      '{ "family": "x", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "4096", "containerDefinitions": [{ "name": "a", "image": "x" }] }',
    after:
      '{ "family": "x", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "512", "memory": "4096", "containerDefinitions": [{ "name": "a", "image": "x" }] }',
  },
  {
    name: 'enum case',
    rule: 'invalid-enum',
    before: '{ "family": "x", "networkMode": "awsVpc", "containerDefinitions": [{ "name": "a", "image": "x" }] }',
    after: '{ "family": "x", "networkMode": "awsvpc", "containerDefinitions": [{ "name": "a", "image": "x" }] }',
  },
  {
    name: 'misspelt property renamed, value kept as written',
    rule: 'unknown-property',
    before: '{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "x", "portBindings": [ { "containerPort": 80 } ] }] }',
    after: '{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "x", "portMappings": [ { "containerPort": 80 } ] }] }',
  },
  {
    name: 'string port written as a number',
    rule: 'wrong-type',
    before: '{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "x", "portMappings": [{ "containerPort": "80" }] }] }',
    after: '{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "x", "portMappings": [{ "containerPort": 80 }] }] }',
  },
  {
    name: 'assignPublicIp DISABLED on EC2',
    rule: 'assign-public-ip-ec2',
    before:
      '{ "serviceName": "s", "taskDefinition": "t", "launchType": "EC2", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": "ENABLED" } } }',
    after:
      '{ "serviceName": "s", "taskDefinition": "t", "launchType": "EC2", "networkConfiguration": { "awsvpcConfiguration": { "subnets": ["subnet-0123456789abcdef0"], "assignPublicIp": "DISABLED" } } }',
  },
];

for (const c of CASES) {
  test(`quick fix: ${c.name}`, () => {
    const { after, remaining } = runCheckFixes(c.before, c.rule, c.fix);
    assert.equal(after, c.after);
    assert.ok(!remaining.includes(c.rule), `${c.rule} still reported after the fix`);
  });
}

test('CloudFormation: awsvpc skeleton inserted in PascalCase, and target type changed in the target group resource', () => {
  const template = JSON.stringify(
    {
      Resources: {
        TG: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1', TargetType: 'instance' } },
        TD: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            NetworkMode: 'awsvpc',
            RequiresCompatibilities: ['EC2'],
            ContainerDefinitions: [{ Name: 'a', Image: 'x', Memory: 256, PortMappings: [{ ContainerPort: 80 }] }],
          },
        },
        S: {
          Type: 'AWS::ECS::Service',
          Properties: {
            LaunchType: 'EC2',
            TaskDefinition: { Ref: 'TD' },
            LoadBalancers: [{ TargetGroupArn: { Ref: 'TG' }, ContainerName: 'a', ContainerPort: 80 }],
          },
        },
      },
    },
    null,
    2,
  );
  const skeleton = runCheckFixes(template, 'service-awsvpc-network-configuration');
  assert.deepEqual(JSON.parse(skeleton.after).Resources.S.Properties.NetworkConfiguration, {
    AwsvpcConfiguration: { Subnets: [], SecurityGroups: [], AssignPublicIp: 'DISABLED' },
  });
  const target = runCheckFixes(template, 'target-type-network-mode');
  assert.equal(JSON.parse(target.after).Resources.TG.Properties.TargetType, 'ip');
  assert.ok(!target.remaining.includes('target-type-network-mode'));
});
