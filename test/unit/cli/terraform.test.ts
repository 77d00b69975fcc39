import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { runCheck } from '../../../server/src/cli/check';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';

// `ecs-net check` on Terraform modules: a folder is a module, and a container-definitions file
// is checked with the mode of the task definition that reads it.

before(async () => {
  await loadNodeTerraform();
});

function module(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-net-tf-'));
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function check(dir: string): { code: number; lines: string[] } {
  const lines: string[] = [];
  const code = runCheck(['--format', 'json', dir], { stdout: (t) => lines.push(t), stderr: () => undefined }, dir) as number;
  return { code, lines };
}

const findings = (dir: string): string[] => {
  const out = JSON.parse(check(dir).lines.join('\n')) as { file: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[];
  return out.flatMap((f) => f.diagnostics.map((d) => `${f.file}:${d.range.start.line + 1} ${d.code}`)).sort();
};

const CONTAINERS = `[
  {
    "name": "web",
    "image": "nginx",
    "essential": true,
    "portMappings": [{ "containerPort": 80, "hostPort": 8080 }]
  }
]
`;

const task = (mode: string, file = 'file("${path.module}/containers.json")') => `resource "aws_ecs_task_definition" "app" {
  family                   = "app"
  network_mode             = ${mode}
  requires_compatibilities = ["FARGATE"]
  cpu                      = 256
  memory                   = 512
  container_definitions    = ${file}
}
`;

test('a container file takes the literal network mode of the task definition that reads it', () => {
  const dir = module({ 'main.tf': task('"awsvpc"'), 'containers.json': CONTAINERS });
  assert.deepEqual(findings(dir), ['containers.json:6 awsvpc-host-port']);
});

test('a computed network mode leaves the container file with only its mode-free checks', () => {
  const dir = module({ 'main.tf': task('var.network_mode'), 'containers.json': CONTAINERS });
  assert.deepEqual(findings(dir), []);
});

test('templatefile and the data "template_file" form link the file the same way', () => {
  const viaTemplate = module({
    'main.tf': task('"awsvpc"', 'templatefile("${path.module}/tpl/containers.json.tpl", { image = var.image })'),
    'tpl/containers.json.tpl': CONTAINERS,
  });
  assert.deepEqual(findings(viaTemplate), ['tpl/containers.json.tpl:6 awsvpc-host-port']);
  const legacy = module({
    'data.tf': 'data "template_file" "containers" {\n  template = file("containers.json")\n}\n',
    'main.tf': task('"awsvpc"', 'data.template_file.containers.rendered'),
    'containers.json': CONTAINERS,
  });
  assert.deepEqual(findings(legacy), ['containers.json:6 awsvpc-host-port']);
});

test('two task definitions reading one file: its mode is not known, so nothing mode-dependent is said', () => {
  const dir = module({
    'a.tf': task('"awsvpc"'),
    'b.tf': task('"bridge"').replace('"app"', '"other"'),
    'containers.json': CONTAINERS,
  });
  assert.deepEqual(findings(dir), ['b.tf:3 fargate-network-mode']);
});

test('a folder is a module: a service finds its task definition and target group in other files', () => {
  const dir = module({
    'ecs.tf': task('"awsvpc"', 'jsonencode([{ name = "web", image = "nginx", essential = true, portMappings = [{ containerPort = 80 }] }])'),
    'lb.tf': 'resource "aws_lb_target_group" "web" {\n  port        = 80\n  protocol    = "HTTP"\n  vpc_id      = var.vpc_id\n  target_type = "instance"\n}\n',
    'service.tf': `resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.app.arn
  launch_type     = "FARGATE"
  desired_count   = 2

  network_configuration {
    subnets = var.subnets
  }

  load_balancer {
    target_group_arn = aws_lb_target_group.web.arn
    container_name   = "web"
    container_port   = 80
  }
}
`,
  });
  assert.deepEqual(findings(dir), ['service.tf:12 target-type-network-mode']);
});

test('a .tf file that does not parse is one error in the CLI; an unrendered .json.tpl is silent', () => {
  const dir = module({
    'broken.tf': 'resource "aws_ecs_service" "s" {\n  name = "unclosed\n}\n',
    'c.json.tpl': '[%{ for c in cs }{"name": "${c}"}%{ endfor }]',
  });
  assert.deepEqual(findings(dir), ['broken.tf:2 syntax-error']);
});
