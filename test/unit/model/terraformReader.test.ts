import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { EcsDocument, syntaxOf } from '../../../server/src/model/document';
import { TerraformSyntaxTree } from '../../../server/src/model/terraform/syntax';
import { terraformReference } from '../../../server/src/model/terraform/units';
import { decodeHclString } from '../../../server/src/model/terraform/project';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';
import type { JsonPath } from '../../../server/src/model/types';

// The Terraform reader on its own: the projection every rule reads, and the places features use.

before(async () => {
  await loadNodeTerraform();
});

const tfDoc = (text: string, uri = 'file:///m/main.tf', previous?: EcsDocument) => new EcsDocument(uri, 1, text, undefined, previous);
const textAt = (doc: EcsDocument, path: JsonPath, target: 'key' | 'value' = 'value') => {
  const found = doc.tree.locate(path);
  const range = target === 'key' ? found?.key : found?.value;
  return range && doc.text.slice(range.offset, range.offset + range.length);
};

const MODULE = `locals {
  port = 80
  name = "web"
}

resource "aws_ecs_task_definition" "app" {
  family       = "app"
  network_mode = "awsvpc"
  cpu          = 256
  container_definitions = jsonencode([
    {
      name         = local.name
      image        = "nginx:1.27"
      portMappings = [{ containerPort = local.port, hostPort = 8080 }]
    }
  ])
}

resource "aws_ecs_service" "web" {
  name            = "web"
  task_definition = aws_ecs_task_definition.app.arn
  desired_count   = var.count
  launch_type     = "FARGATE"

  network_configuration {
    subnets          = [aws_subnet.a.id, "subnet-0abc \${var.suffix}"]
    assign_public_ip = false
  }

  dynamic "load_balancer" {
    for_each = var.lbs
    content {
      target_group_arn = load_balancer.value
    }
  }
}
`;

test('.tf files are read as Terraform, whatever their content', () => {
  assert.equal(syntaxOf('file:///m/main.tf', '{}'), 'terraform');
  assert.equal(syntaxOf('file:///m/MAIN.TF', ''), 'terraform');
  assert.equal(syntaxOf('file:///m/main.tf.json', '{}'), 'json');
});

test('literals, locals and jsonencode become plain values; every other expression is a ${…} unknown', () => {
  const doc = tfDoc(MODULE);
  const td = doc.valueAt(['resource', 'aws_ecs_task_definition', 'app']);
  assert.deepEqual(td, {
    family: 'app',
    network_mode: 'awsvpc',
    cpu: 256,
    container_definitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80, hostPort: 8080 }] }],
  });
  const svc = doc.valueAt(['resource', 'aws_ecs_service', 'web']);
  assert.deepEqual(svc, {
    name: 'web',
    task_definition: '${aws_ecs_task_definition.app.arn}',
    desired_count: '${var.count}',
    launch_type: 'FARGATE',
    network_configuration: [{ subnets: ['${aws_subnet.a.id}', 'subnet-0abc ${var.suffix}'], assign_public_ip: false }],
    load_balancer: '${dynamic.load_balancer}',
  });
  assert.deepEqual(doc.valueAt(['locals']), { port: 80, name: 'web' });
  assert.deepEqual(doc.syntaxErrors, []);
});

test('every path has a place: values, attribute names, elements inside jsonencode, blocks', () => {
  const doc = tfDoc(MODULE);
  const hostPort: JsonPath = ['resource', 'aws_ecs_task_definition', 'app', 'container_definitions', 0, 'portMappings', 0, 'hostPort'];
  assert.equal(textAt(doc, hostPort), '8080');
  assert.equal(textAt(doc, hostPort, 'key'), 'hostPort');
  assert.equal(textAt(doc, ['resource', 'aws_ecs_task_definition', 'app', 'network_mode']), '"awsvpc"');
  assert.equal(textAt(doc, ['resource', 'aws_ecs_task_definition', 'app', 'network_mode'], 'key'), 'network_mode');
  // A local's value is used, the place is where the user wrote `local.port`.
  assert.equal(textAt(doc, ['resource', 'aws_ecs_task_definition', 'app', 'container_definitions', 0, 'portMappings', 0, 'containerPort']), 'local.port');
  assert.equal(textAt(doc, ['resource', 'aws_ecs_service', 'web', 'network_configuration', 0, 'subnets', 0]), 'aws_subnet.a.id');
  assert.match(textAt(doc, ['resource', 'aws_ecs_service', 'web', 'network_configuration', 0]) ?? '', /^network_configuration \{[\s\S]*\}$/);
  assert.equal(textAt(doc, ['resource', 'aws_ecs_service', 'web'], 'key'), '"web"');
  // A path that is not there falls back to its nearest ancestor.
  const missing = doc.rangeOf(['resource', 'aws_ecs_service', 'web', 'platform_version']);
  assert.equal(doc.text.slice(missing.offset, missing.offset + missing.length), '"web"');
});

test('nodeAt gives the innermost value, or the name under the cursor', () => {
  const doc = tfDoc(MODULE);
  const onValue = doc.syntaxNodeAt(doc.text.indexOf('"awsvpc"') + 2);
  assert.deepEqual(onValue?.path, ['resource', 'aws_ecs_task_definition', 'app', 'network_mode']);
  assert.equal(onValue?.value, 'awsvpc');
  assert.equal(onValue?.contentOffset, doc.text.indexOf('"awsvpc"') + 1);
  const onKey = doc.syntaxNodeAt(doc.text.indexOf('network_mode') + 3);
  assert.deepEqual(onKey?.path, ['resource', 'aws_ecs_task_definition', 'app', 'network_mode']);
  assert.equal(onKey?.offset, doc.text.indexOf('network_mode'));
  const inJson = doc.syntaxNodeAt(doc.text.indexOf('8080') + 1);
  assert.deepEqual(inJson?.path.slice(3), ['container_definitions', 0, 'portMappings', 0, 'hostPort']);
  assert.equal(inJson?.value, 8080);
  assert.equal(doc.syntaxNodeAt(doc.text.indexOf('locals') + 2)?.path[0], 'locals');
});

test('a heredoc holding JSON is JSON, with places inside the heredoc; other heredocs are strings', () => {
  const text = `resource "aws_ecs_task_definition" "app" {
  family = "app"
  container_definitions = <<-EOT
    [
      { "name": "web", "image": "\${var.image}", "portMappings": [{ "containerPort": 80, "hostPort": 81 }] }
    ]
  EOT
  tags = { note = <<EOT
plain text
EOT
  }
}
`;
  const doc = tfDoc(text);
  const base: JsonPath = ['resource', 'aws_ecs_task_definition', 'app'];
  assert.deepEqual(doc.valueAt([...base, 'container_definitions']), [
    { name: 'web', image: '${var.image}', portMappings: [{ containerPort: 80, hostPort: 81 }] },
  ]);
  assert.equal(textAt(doc, [...base, 'container_definitions', 0, 'portMappings', 0, 'hostPort']), '81');
  assert.equal(textAt(doc, [...base, 'container_definitions', 0, 'image']), '"${var.image}"');
  assert.equal(doc.valueAt([...base, 'tags', 'note']), 'plain text');
});

test('strings decode HCL escapes; interpolation keeps its ${…}', () => {
  assert.equal(decodeHclString('a\\"b\\\\c\\n\\u00e9'), 'a"b\\c\né');
  assert.equal(decodeHclString('$${literal}'), '${literal}');
  const doc = tfDoc('resource "aws_ecs_service" "s" {\n  cluster = "arn:${var.p}:x"\n  name = "caf\\u00e9"\n}\n');
  assert.equal(doc.valueAt(['resource', 'aws_ecs_service', 's', 'cluster']), 'arn:${var.p}:x');
  assert.equal(doc.valueAt(['resource', 'aws_ecs_service', 's', 'name']), 'café');
});

test('file() and templatefile() are unknowns that name the file the module reads', () => {
  const text = `resource "aws_ecs_task_definition" "a" {
  family                = "a"
  container_definitions = file("\${path.module}/containers.json")
}
resource "aws_ecs_task_definition" "b" {
  family                = "b"
  container_definitions = templatefile("./tpl/containers.json.tpl", { image = var.image })
}
data "template_file" "c" {
  template = file("c.json")
}
`;
  const tree = tfDoc(text).tree as TerraformSyntaxTree;
  assert.deepEqual(
    tree.files.map((f) => [f.path.join('.'), f.file, f.template]),
    [
      ['resource.aws_ecs_task_definition.a.container_definitions', 'containers.json', false],
      ['resource.aws_ecs_task_definition.b.container_definitions', 'tpl/containers.json.tpl', true],
      ['data.template_file.c.template', 'c.json', false],
    ],
  );
  assert.equal(tfDoc(text).valueAt(['resource', 'aws_ecs_task_definition', 'a', 'container_definitions']), '${file("${path.module}/containers.json")}');
});

test('after a syntax error, the rest of the file is not read', () => {
  const text = `resource "aws_ecs_task_definition" "ok" {
  family = "ok"
}
resource "aws_ecs_task_definition" "broken" {
  family = "unclosed
}
resource "aws_ecs_task_definition" "after" {
  network_mode = "bridge"
}
`;
  const doc = tfDoc(text);
  assert.equal(doc.syntaxErrors.length, 1);
  assert.deepEqual(Object.keys(doc.valueAt(['resource', 'aws_ecs_task_definition']) as object), ['ok']);
});

test('an edited document parses incrementally and reads exactly as a fresh parse', () => {
  let doc = tfDoc(MODULE);
  const edits: [string, string][] = [
    ['"awsvpc"', '"bridge"'],
    ['hostPort = 8080', 'hostPort = 80'],
    ['port = 80', 'port = 8081'],
    ['launch_type     = "FARGATE"', 'launch_type     = "EC2"\n  platform_version = "1.4.0"'],
  ];
  let text = MODULE;
  for (const [from, to] of edits) {
    text = text.replace(from, to);
    const next = new EcsDocument(doc.uri, doc.version + 1, text, undefined, doc);
    const fresh = new EcsDocument(doc.uri, 99, text);
    assert.deepEqual(next.value, fresh.value, `after replacing ${from}`);
    for (const path of [
      ['resource', 'aws_ecs_task_definition', 'app', 'network_mode'],
      ['resource', 'aws_ecs_service', 'web', 'launch_type'],
    ] as JsonPath[]) {
      assert.deepEqual(next.tree.locate(path), fresh.tree.locate(path));
    }
    fresh.release();
    doc = next;
  }
  doc.release();
});

test('a Terraform reference names one resource attribute, or nothing', () => {
  assert.deepEqual(terraformReference('${aws_ecs_task_definition.app.arn}'), { address: 'aws_ecs_task_definition.app', attribute: 'arn', data: false });
  assert.deepEqual(terraformReference('${data.template_file.c.rendered}'), { address: 'data.template_file.c', attribute: 'rendered', data: true });
  assert.equal(terraformReference('${aws_subnet.a[0].id}'), undefined);
  assert.equal(terraformReference('${var.subnet}'), undefined);
  assert.equal(terraformReference('${aws_ecs_task_definition.app.family}:${var.rev}'), undefined);
});

test('bad input: binary, BOM, CRLF, tabs, deep nesting and a 10 MB string never throw', () => {
  const cases = [
    '\u0000\u0001\u0002resource',
    '\ufeffresource "aws_ecs_service" "s" {\r\n\tname = "s"\r\n}\r\n',
    'resource "aws_ecs_service" "s" {\n  x = ' + '['.repeat(1000) + ']'.repeat(1000) + '\n}\n',
    'resource "aws_ecs_service" "s" {\n  x = "' + 'a'.repeat(10 * 1024 * 1024) + '"\n}\n',
    'resource "aws_ecs_service" "s" {\n  x = <<EOT\nnever closed\n',
    'resource "aws_ecs_service" "s" {',
  ];
  for (const text of cases) {
    const doc = tfDoc(text);
    assert.ok(doc.kind === 'unknown' || doc.kind === 'terraform');
    doc.release();
  }
  const crlf = tfDoc('\ufeffresource "aws_ecs_service" "s" {\r\n\tname = "s"\r\n}\r\n');
  assert.equal(crlf.valueAt(['resource', 'aws_ecs_service', 's', 'name']), 's');
  assert.equal(textAt(crlf, ['resource', 'aws_ecs_service', 's', 'name']), '"s"');
});

test('the grammar is given to web-tree-sitter as bytes: loading it fetches nothing', async () => {
  // The loader's fetch and dynamic import serve wasm given by URL or path; ours never takes that road.
  const { readFileSync } = await import('node:fs');
  const root = join(__dirname, '..', '..', '..', '..');
  const source = readFileSync(join(root, 'server', 'src', 'workspace', 'nodeTerraform.ts'), 'utf8');
  assert.match(source, /readFileSync\(wasmFile\(RUNTIME/);
  assert.match(source, /readFileSync\(wasmFile\(GRAMMAR/);
  const parser = readFileSync(join(root, 'server', 'src', 'model', 'terraform', 'parser.ts'), 'utf8');
  assert.match(parser, /Parser\.init\(\{ wasmBinary: bytes\.runtime, locateFile: \(name: string\) => name \}/);
  assert.match(parser, /Language\.load\(bytes\.grammar\)/);
});
