import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { hoverAt } from '../../../server/src/features/hover';
import { EcsDocument } from '../../../server/src/model/document';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

// Hovers in a .tf file: the cursor's projection path is mapped back to the unit's API path
// (Unit.apiPathOf), so a Terraform attribute gets the hover its API member gets in JSON.

before(async () => {
  await loadNodeTerraform();
});

const MODULE = `resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  network_mode             = "awsvpc"
  # EC2 only, so the hover shows the tasks per instance type.
  requires_compatibilities = ["EC2"]
  cpu                      = "1024"
  memory                   = "2048"

  container_definitions = jsonencode([
    {
      name         = "api"
      image        = "nginx:1.27"
      portMappings = [{ containerPort = 8080 }]
    }
  ])
}

resource "aws_ecs_service" "api" {
  name            = "api"
  task_definition = aws_ecs_task_definition.api.arn
  desired_count   = var.replicas

  network_configuration {
    subnets = ["subnet-0a1b2c3d4e5f60718"]
  }
}
`;

const doc = () => new EcsDocument('file:///m/main.tf', 1, MODULE);
const hover = (needle: string, delta = 1) => {
  const at = MODULE.indexOf(needle);
  assert.ok(at >= 0, needle);
  return hoverAt(doc(), at + delta, DEFAULT_SETTINGS)?.markdown;
};

test('network_mode (its name or its value) gets the network mode hover with the ENI density figures', () => {
  for (const needle of ['network_mode', '"awsvpc"']) {
    const md = hover(needle);
    assert.ok(md, needle);
    assert.match(md, /ENI density on EC2/);
    // c5.large, the default instance type: 3 ENIs, 2 awsvpc tasks, 10 with trunking.
    assert.match(md, /\| `c5\.large` \| 3 \| 2 \| 10 \|/);
  }
});

test('a port inside jsonencode gets the port hover', () => {
  assert.match(hover('containerPort = 8080', 2)!, /8080/);
});

test('an unknown value gets the placeholder hover, not figures', () => {
  assert.match(hover('var.replicas')!, /Placeholder/);
});

test("the unit's apiPathOf maps Terraform paths to API paths", () => {
  const d = doc();
  const td = d.units.find((u) => u.kind === 'task-definition')!;
  const service = d.units.find((u) => u.kind === 'service')!;
  const base = ['resource', 'aws_ecs_service', 'api'];
  assert.deepEqual(td.apiPathOf?.(['resource', 'aws_ecs_task_definition', 'api', 'network_mode']), ['networkMode']);
  assert.deepEqual(service.apiPathOf?.([...base, 'network_configuration', 0, 'subnets', 0]), ['networkConfiguration', 'awsvpcConfiguration', 'subnets', 0]);
});
