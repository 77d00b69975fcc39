import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../../server/src/cli/check';

// Messages that must point at the real cause (issue #11, part 3). Fixture tests assert where a
// finding starts and its code; these assert what it says.

function messagesOf(text: object, ruleId: string): string[] {
  return checkText(JSON.stringify(text), 'file:///messages.json')
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => f.message);
}

const fargateTask = (cpu: string, memory: string) => ({
  family: 'api',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu,
  memory,
  containerDefinitions: [{ name: 'api', image: 'nginx:1.27', essential: true }],
});

test('a Fargate memory that does not fit its cpu is called a memory problem', () => {
  const [message] = messagesOf(fargateTask('512', '512'), 'fargate-task-size');
  assert.match(message, /^The memory does not fit this cpu\./);
  assert.match(message, /Invalid 'cpu' setting for task/, 'keeps the ECS text to search for');
});

test('a Fargate cpu that does not exist is still a cpu problem', () => {
  const [message] = messagesOf(fargateTask('300', '512'), 'fargate-task-size');
  assert.match(message, /^Invalid 'cpu' setting for task\./);
});

test('a target group without TargetType says it defaults to instance', () => {
  const template = {
    Resources: { Web: { Type: 'AWS::ElasticLoadBalancingV2::TargetGroup', Properties: { Name: 'web', Protocol: 'HTTP', Port: 80 } } },
  };
  const [message] = messagesOf(template, 'target-group-required-fields');
  assert.match(message, /no TargetType, so it is of type instance \(the default\)/);
  assert.match(message, /VpcId/);
});

test('a launch kind that comes from a capacity provider names the provider', () => {
  const service = {
    cluster: 'prod',
    serviceName: 'reports',
    desiredCount: 1,
    capacityProviderStrategy: [{ capacityProvider: 'prod-asg', weight: 1 }],
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f67890'], assignPublicIp: 'ENABLED' } },
  };
  const [message] = messagesOf(service, 'assign-public-ip-ec2');
  assert.match(message, /capacity provider `prod-asg` \(EC2\)/);
});

test('a Fargate service whose provider strategy decides the launch kind names the providers', () => {
  const template = {
    Resources: {
      Task: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'api',
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: ['EC2'],
          ContainerDefinitions: [{ Name: 'api', Image: 'nginx:1.27', Memory: 256 }],
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: 'prod',
          TaskDefinition: { Ref: 'Task' },
          CapacityProviderStrategy: [{ CapacityProvider: 'FARGATE_SPOT', Weight: 1 }],
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-0a1b2c3d4e5f67890'] } },
        },
      },
    },
  };
  const [message] = messagesOf(template, 'service-fargate-compatibility');
  assert.match(message, /Task definition does not support launch_type FARGATE/);
  assert.match(message, /capacity provider `FARGATE_SPOT` \(FARGATE\)/);
});

test('a launch type written out keeps the ECS wording', () => {
  const service = {
    cluster: 'prod',
    serviceName: 'reports',
    desiredCount: 1,
    launchType: 'EC2',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f67890'], assignPublicIp: 'ENABLED' } },
  };
  const [message] = messagesOf(service, 'assign-public-ip-ec2');
  assert.match(message, /^Assign public IP is not supported for this launch type/);
});
