import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { applyTerraformFixEdits } from '../../../server/src/features/terraformEdits';
import { EcsDocument } from '../../../server/src/model/document';
import type { FixEdit } from '../../../server/src/rules/types';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';
import { fmtProblems, hasTerraform } from '../../support/terraformModule';

// The Terraform writer on its own: projection edits in, whole texts out. Every text it writes is
// also handed to `terraform fmt -check` at the end.

before(async () => {
  await loadNodeTerraform();
});

const written: { name: string; text: string }[] = [];

function edit(name: string, text: string, edits: FixEdit[]): string {
  const doc = new EcsDocument('file:///m/main.tf', 1, text);
  try {
    const out = applyTerraformFixEdits(doc, edits);
    // The inputs are checked too, so that a failure points at the writer, not at a test's layout.
    if (!written.some((w) => w.text === text)) written.push({ name: `${name} (input)`, text });
    if (out !== text) written.push({ name, text: out });
    return out;
  } finally {
    doc.release();
  }
}

const TD = ['resource', 'aws_ecs_task_definition', 'app'];
const SVC = ['resource', 'aws_ecs_service', 'web'];

const TASK = `resource "aws_ecs_task_definition" "app" {
  family       = "app"
  network_mode = "bridge" # set by the old module
  cpu          = 256      # units

  container_definitions = jsonencode([
    {
      name         = "web"
      image        = "nginx:1.27"
      portMappings = [{ containerPort = 80, hostPort = 8080, protocol = "tcp" }]
    }
  ])
}
`;

test('a value is replaced in place; a number stays a number when the fix writes a numeric string', () => {
  const out = edit('values', TASK, [
    { path: [...TD, 'network_mode'], value: 'awsvpc' },
    { path: [...TD, 'cpu'], value: '512' },
  ]);
  assert.equal(out, TASK.replace('"bridge"', '"awsvpc"').replace('= 256', '= 512'));
});

test('an attribute is added after the last attribute, and its run of `=` and comments is laid out again', () => {
  const out = edit('insert', TASK, [{ path: [...TD, 'requires_compatibilities'], value: ['FARGATE'] }]);
  assert.equal(
    out,
    TASK.replace(
      '  family       = "app"\n  network_mode = "bridge" # set by the old module\n  cpu          = 256      # units\n',
      '  family                   = "app"\n  network_mode             = "bridge" # set by the old module\n  cpu                      = 256      # units\n  requires_compatibilities = ["FARGATE"]\n',
    ),
  );
});

test('inside jsonencode: a one-line object loses a member with its comma, wherever it stands', () => {
  const mapping = [...TD, 'container_definitions', 0, 'portMappings', 0];
  assert.match(edit('inline-middle', TASK, [{ path: [...mapping, 'hostPort'], remove: true }]), /\[\{ containerPort = 80, protocol = "tcp" \}\]/);
  assert.match(edit('inline-first', TASK, [{ path: [...mapping, 'containerPort'], remove: true }]), /\[\{ hostPort = 8080, protocol = "tcp" \}\]/);
  assert.match(edit('inline-last', TASK, [{ path: [...mapping, 'protocol'], remove: true }]), /\[\{ containerPort = 80, hostPort = 8080 \}\]/);
  assert.match(edit('inline-set', TASK, [{ path: [...mapping, 'hostPort'], value: 80 }]), /\{ containerPort = 80, hostPort = 80, protocol = "tcp" \}/);
  assert.match(
    edit('inline-add', TASK, [{ path: [...TD, 'container_definitions', 0, 'essential'], value: true }]),
    /portMappings = \[[^\n]*\n {6}essential {4}= true\n/,
  );
});

test('a renamed key inside jsonencode realigns its run', () => {
  const out = edit('rename', TASK, [{ path: [...TD, 'container_definitions', 0, 'portMappings'], renameTo: 'ports' }]);
  assert.match(out, /\n {6}name {2}= "web"\n {6}image = "nginx:1.27"\n {6}ports = \[/);
});

test('a removed attribute takes its lines, and the runs above and below it join', () => {
  const text = `resource "aws_ecs_service" "web" {
  name = "web"
  load_balancer_names = [
    "a",
  ]
  launch_type      = "EC2"
  platform_version = "1.4.0"
}
`;
  const out = edit('remove-multiline', text, [{ path: [...SVC, 'load_balancer_names'], remove: true }]);
  assert.equal(out, 'resource "aws_ecs_service" "web" {\n  name             = "web"\n  launch_type      = "EC2"\n  platform_version = "1.4.0"\n}\n');
});

const SERVICE = `resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 80
  }
}
`;

test('a nested block is written at the end of the body, an expression in the value written bare', () => {
  const out = edit('block', SERVICE, [
    {
      path: [...SVC, 'network_configuration'],
      value: [{ subnets: ['${aws_subnet.a.id}', '${aws_subnet.b.id}'], security_groups: [], assign_public_ip: false }],
    },
  ]);
  assert.equal(
    out,
    SERVICE.replace(
      '    container_port   = 80\n  }\n}',
      '    container_port   = 80\n  }\n\n  network_configuration {\n    subnets          = [aws_subnet.a.id, aws_subnet.b.id]\n    security_groups  = []\n    assign_public_ip = false\n  }\n}',
    ),
  );
});

test('a block is removed whole, with the blank line before it', () => {
  const out = edit('block-remove', SERVICE, [{ path: [...SVC, 'load_balancer'], remove: true }]);
  assert.equal(out, SERVICE.replace(/\n\n {2}load_balancer \{[^}]*\}/, ''));
});

test('an attribute through a block that is not there yet comes with its block', () => {
  const out = edit('block-through', SERVICE, [{ path: [...SVC, 'network_configuration', 0, 'assign_public_ip'], value: false }]);
  assert.match(out, /\n\n {2}network_configuration \{\n {4}assign_public_ip = false\n {2}\}\n\}\n$/);
});

const HEREDOC = `resource "aws_ecs_task_definition" "app" {
  family                = "app"
  network_mode          = "awsvpc"
  container_definitions = <<-EOT
    [
      {
        "name": "api",
        "hostname": "api",
        "portMappings": [{ "containerPort": 80, "hostPort": 8080 }]
      }
    ]
  EOT
}
`;

test('inside a heredoc of JSON the edit is JSON', () => {
  const cd = [...TD, 'container_definitions', 0];
  assert.equal(edit('heredoc-remove', HEREDOC, [{ path: [...cd, 'hostname'], remove: true }]), HEREDOC.replace('        "hostname": "api",\n', ''));
  assert.equal(edit('heredoc-set', HEREDOC, [{ path: [...cd, 'portMappings', 0, 'hostPort'], value: 80 }]), HEREDOC.replace('8080', '80'));
  // A new member at the JSON's own indentation step, inside the heredoc's indentation (the JSON
  // editor lays out the member before it again, as it does in a .json file).
  assert.equal(
    edit('heredoc-insert', HEREDOC, [{ path: [...cd, 'linuxParameters'], value: { initProcessEnabled: true } }]),
    HEREDOC.replace(
      '        "portMappings": [{ "containerPort": 80, "hostPort": 8080 }]\n',
      '        "portMappings": [\n          {\n            "containerPort": 80,\n            "hostPort": 8080\n          }\n        ],\n        "linuxParameters": {\n          "initProcessEnabled": true\n        }\n',
    ),
  );
});

test('Windows line ends are kept', () => {
  const crlf = SERVICE.replace(/\n/g, '\r\n');
  const out = edit('crlf', crlf, [{ path: [...SVC, 'platform_version'], value: '1.4.0' }]);
  const head = 'resource "aws_ecs_service" "web" {\r\n  name             = "web"\r\n  task_definition  = aws_ecs_task_definition.app.arn\r\n';
  assert.equal(out, head + '  launch_type      = "FARGATE"\r\n  platform_version = "1.4.0"\r\n' + crlf.slice(crlf.indexOf('\r\n  load_balancer')));
});

test('an edit that cannot be written leaves the text as it was: expressions, blocks, unknown places', () => {
  const text = `resource "aws_ecs_task_definition" "app" {
  network_mode          = var.mode
  container_definitions = file("containers.json")
}
`;
  assert.equal(edit('x', text, [{ path: [...TD, 'network_mode'], value: 'awsvpc' }]), text);
  assert.equal(edit('x', text, [{ path: [...TD, 'container_definitions', 0, 'hostPort'], value: 80 }]), text);
  assert.equal(edit('x', SERVICE, [{ path: [...SVC, 'load_balancer', 0], value: { container_port: 81 } }]), SERVICE);
  assert.equal(edit('x', SERVICE, [{ path: ['resource', 'aws_ecs_service', 'other', 'launch_type'], value: 'EC2' }]), SERVICE);
  // A rename onto a name the object has already.
  const mapping = [...TD, 'container_definitions', 0];
  assert.equal(edit('x', TASK, [{ path: [...mapping, 'image'], renameTo: 'name' }]), TASK);
  // Half a fix is no fix: the second edit cannot be written, so neither is.
  assert.equal(
    edit('x', text, [
      { path: [...TD, 'cpu'], value: '256' },
      { path: [...TD, 'network_mode'], value: 'awsvpc' },
    ]),
    text,
  );
});

test('every text written above passes terraform fmt -check', { skip: hasTerraform() ? false : 'terraform is not installed: fmt not checked' }, () => {
  assert.ok(written.length >= 15);
  assert.deepEqual(fmtProblems(written), []);
});
