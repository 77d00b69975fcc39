import assert from 'node:assert/strict';
import { test } from 'node:test';
import { apiPathOf, normaliseTerraform, replacesResource } from '../../../server/src/model/terraform/normalise';
import type { JsonObject, JsonPath } from '../../../server/src/model/types';

// From a path inside a resource body back to the unit's API path (what completion asks the value
// providers with), and the provider's "Forces new resource" marks.

const CASES: { type: string; doc: JsonPath; api: JsonPath | undefined }[] = [
  { type: 'aws_ecs_task_definition', doc: ['network_mode'], api: ['networkMode'] },
  { type: 'aws_ecs_task_definition', doc: ['requires_compatibilities', 1], api: ['requiresCompatibilities', 1] },
  { type: 'aws_ecs_task_definition', doc: ['cpu'], api: ['cpu'] },
  {
    type: 'aws_ecs_task_definition',
    doc: ['container_definitions', 0, 'portMappings', 0, 'protocol'],
    api: ['containerDefinitions', 0, 'portMappings', 0, 'protocol'],
  },
  { type: 'aws_ecs_task_definition', doc: ['runtime_platform', 0, 'operating_system_family'], api: ['runtimePlatform', 'operatingSystemFamily'] },
  { type: 'aws_ecs_task_definition', doc: ['placement_constraints', 1, 'expression'], api: ['placementConstraints', 1, 'expression'] },
  { type: 'aws_ecs_service', doc: ['launch_type'], api: ['launchType'] },
  { type: 'aws_ecs_service', doc: ['platform_version'], api: ['platformVersion'] },
  { type: 'aws_ecs_service', doc: ['network_configuration', 0, 'assign_public_ip'], api: ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'] },
  { type: 'aws_ecs_service', doc: ['load_balancer', 2, 'container_port'], api: ['loadBalancers', 2, 'containerPort'] },
  { type: 'aws_lb_target_group', doc: ['target_type'], api: ['TargetType'] },
  { type: 'aws_alb_target_group', doc: ['target_type'], api: ['TargetType'] },
  // A single block has one body; a second one is not in the API.
  { type: 'aws_ecs_service', doc: ['network_configuration', 1, 'subnets'], api: undefined },
  { type: 'aws_ecs_task_definition', doc: ['tags'], api: undefined },
  { type: 'aws_ecs_task_definition', doc: ['no_such_argument'], api: undefined },
  { type: 'aws_ecs_task_definition', doc: ['network_mode', 0], api: undefined },
  { type: 'aws_subnet_not_a_unit', doc: ['cidr_block'], api: undefined },
];

for (const c of CASES) {
  test(`apiPathOf ${c.type} ${c.doc.join('.')}`, () => {
    assert.deepEqual(apiPathOf(c.type, c.doc), c.api);
  });
}

test('apiPathOf undoes toDocPath for the paths a body holds', () => {
  const body: JsonObject = {
    network_mode: 'awsvpc',
    network_configuration: [{ subnets: ['a'], assign_public_ip: true }],
    load_balancer: [{ container_port: 80 }, { container_port: 81 }],
  };
  const service = normaliseTerraform('aws_ecs_service', body)!;
  for (const api of [['networkConfiguration', 'awsvpcConfiguration', 'subnets', 0], ['loadBalancers', 1, 'containerPort'], ['launchType']] as JsonPath[]) {
    assert.deepEqual(apiPathOf('aws_ecs_service', service.toDocPath(api)), api);
  }
});

test('the target group arguments Terraform cannot change in place, and none of the ECS ones', () => {
  assert.equal(replacesResource('aws_lb_target_group', ['target_type']), true);
  assert.equal(replacesResource('aws_lb_target_group', ['port']), true);
  assert.equal(replacesResource('aws_lb_target_group', ['health_check', 0, 'path']), false);
  assert.equal(replacesResource('aws_ecs_task_definition', ['network_mode']), false);
  assert.equal(replacesResource('aws_ecs_service', ['launch_type']), false);
});
