import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { CompletionItem } from 'vscode-languageserver';
import { completionsAt } from '../../../server/src/features/completion/index';
import { EcsDocument } from '../../../server/src/model/document';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';
import { applyCompletion } from '../../support/completion';

// Value completion in `.tf` files: the cursor is marked with `|`, and each case asserts the text
// the user has after accepting an item (inside the quotes, after `=`, in a list, on a number).

before(async () => {
  await loadNodeTerraform();
});

function complete(marked: string): { items: CompletionItem[]; doc: EcsDocument } {
  const offset = marked.indexOf('|');
  assert.ok(offset >= 0, 'cursor marker missing');
  const doc = new EcsDocument('file:///m/main.tf', 1, marked.slice(0, offset) + marked.slice(offset + 1));
  const items = completionsAt(doc, offset, DEFAULT_SETTINGS).items;
  return { items, doc };
}

const labels = (marked: string) => complete(marked).items.map((i) => i.label);

function accept(marked: string, label: string): string {
  const { items, doc } = complete(marked);
  const item = items.find((i) => i.label === label);
  assert.ok(item, `no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  try {
    return applyCompletion(doc.text, doc, item);
  } finally {
    doc.release();
  }
}

const task = (body: string) => `resource "aws_ecs_task_definition" "app" {\n  family = "app"\n${body}\n}\n`;
const service = (body: string) => `resource "aws_ecs_service" "web" {\n  name = "web"\n${body}\n}\n`;

test('network_mode inside the quotes: the inside is replaced, the Fargate task is told awsvpc first', () => {
  const marked = task('  requires_compatibilities = ["FARGATE"]\n  network_mode = "br|"');
  assert.equal(accept(marked, 'awsvpc'), task('  requires_compatibilities = ["FARGATE"]\n  network_mode = "awsvpc"'));
  const items = complete(marked).items;
  const awsvpc = items.find((i) => i.label === 'awsvpc')!;
  assert.equal(awsvpc.preselect, true);
  assert.equal(awsvpc.filterText, 'awsvpc');
  assert.match(String(items.find((i) => i.label === 'bridge')!.detail), /^Not valid here/);
});

test('network_mode after `=` with nothing typed: the value comes with its quotes', () => {
  assert.equal(accept(task('  network_mode = |'), 'host'), task('  network_mode = "host"'));
});

test('requires_compatibilities: an element of the list, typed or not', () => {
  assert.equal(accept(task('  requires_compatibilities = [|]'), 'FARGATE'), task('  requires_compatibilities = ["FARGATE"]'));
  assert.equal(accept(task('  requires_compatibilities = ["EC2", "F|"]'), 'FARGATE'), task('  requires_compatibilities = ["EC2", "FARGATE"]'));
});

test('Fargate cpu and memory: memory sizes for the cpu given, a number stays a number', () => {
  const fargate = '  requires_compatibilities = ["FARGATE"]\n  network_mode = "awsvpc"\n';
  assert.equal(accept(task(`${fargate}  cpu = "|"`), '1024'), task(`${fargate}  cpu = "1024"`));
  assert.equal(accept(task(`${fargate}  cpu = 25|6`), '512'), task(`${fargate}  cpu = 512`));
  assert.deepEqual(labels(task(`${fargate}  cpu = 256\n  memory = "|"`)), ['512', '1024', '2048']);
});

test('service: launch_type and platform_version', () => {
  assert.equal(accept(service('  launch_type = "|"'), 'FARGATE'), service('  launch_type = "FARGATE"'));
  const versions = labels(service('  launch_type = "FARGATE"\n  platform_version = "|"'));
  assert.ok(versions.includes('LATEST') && versions.includes('1.4.0'), versions.join(', '));
  assert.equal(
    accept(service('  launch_type = "FARGATE"\n  platform_version = |'), 'LATEST'),
    service('  launch_type = "FARGATE"\n  platform_version = "LATEST"'),
  );
});

test('assign_public_ip: found through its block, offered as the bool Terraform takes, not the API word', () => {
  const block = (v: string) => service(`  network_configuration {\n    subnets = ["subnet-0123456789abcdef0"]\n    assign_public_ip = ${v}\n  }`);
  assert.deepEqual(labels(block('t|rue')).sort(), ['false', 'true']);
  assert.equal(accept(block('t|rue'), 'false'), block('false'));
  assert.equal(accept(block('|'), 'false'), block('false'));
});

test('target_type of a target group', () => {
  const tg = (v: string) => `resource "aws_lb_target_group" "web" {\n  port = 80\n  target_type = ${v}\n}\n`;
  assert.equal(accept(tg('"i|"'), 'ip'), tg('"ip"'));
});

test('instance types with their ENI density in a launch template and in a placement expression', () => {
  const lt = (v: string) => `resource "aws_launch_template" "ecs" {\n  instance_type = ${v}\n}\n`;
  const { items } = complete(lt('"c5.l|"'));
  assert.equal(items[0].label, 'c5.large');
  assert.match(String(items[0].detail), /ENIs/);
  assert.equal(accept(lt('"c5.l|"'), 'c5.large'), lt('"c5.large"'));
  const placed = service('  placement_constraints {\n    type = "memberOf"\n    expression = "attribute:ecs.instance-type == m5.|"\n  }');
  assert.equal(
    accept(placed, 'm5.xlarge'),
    service('  placement_constraints {\n    type = "memberOf"\n    expression = "attribute:ecs.instance-type == m5.xlarge"\n  }'),
  );
});

test('nothing on unknowns, outside resources and on names', () => {
  assert.deepEqual(labels(task('  network_mode = "${var.m|ode}"')), []);
  assert.deepEqual(labels(task('  network_mode = var.m|ode')), []);
  assert.deepEqual(labels('variable "mode" {\n  default = "br|"\n}\n'), []);
  assert.deepEqual(labels(task('  netw|ork_mode = "bridge"')), []);
});
