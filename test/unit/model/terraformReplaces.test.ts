import assert from 'node:assert/strict';
import { test } from 'node:test';
import { replacesResource } from '../../../server/src/model/terraform/normalise';

// The provider pages' "Forces new resource" marks, as the table keeps them and quick fix titles use them.

test('the target group arguments Terraform cannot change in place, and none of the ECS ones', () => {
  assert.equal(replacesResource('aws_lb_target_group', ['target_type']), true);
  assert.equal(replacesResource('aws_alb_target_group', ['target_type']), true);
  assert.equal(replacesResource('aws_lb_target_group', ['port']), true);
  assert.equal(replacesResource('aws_lb_target_group', ['health_check', 0, 'path']), false);
  assert.equal(replacesResource('aws_lb_target_group', ['no_such_argument']), false);
  assert.equal(replacesResource('aws_ecs_task_definition', ['network_mode']), false);
  assert.equal(replacesResource('aws_ecs_service', ['launch_type']), false);
  assert.equal(replacesResource('aws_ecs_service', ['network_configuration', 0, 'subnets']), false);
  assert.equal(replacesResource('aws_subnet_not_in_the_table', ['cidr_block']), false);
});
