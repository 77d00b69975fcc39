import { before } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { FUZZ_ENV, SEED, type Seed } from '../../support/fuzzHarness';
import { fuzzSyntax } from '../../support/fuzzSyntax';
import { REPO_ROOT } from '../../support/lsp-client';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';

// The JSON fuzz test's properties (fuzz.test.ts) on Terraform: the `.tf` files of
// examples/terraform, one by one and each module folder as one file, truncated, edited with HCL's
// own tokens, given values of every form, and hostile input (unclosed braces and strings,
// unterminated heredocs, huge strings, deep nesting, binary, BOM, CRLF, tabs). Same seed rule, same
// number of documents. On top of the harness's properties: no finding on a resource past a syntax
// error (the harness checks it for every Terraform document).

console.log(`Terraform fuzz seed ${SEED} (set FUZZ_SEED to explore others)`);

before(async () => {
  await loadNodeTerraform();
});

const EXAMPLES = join(REPO_ROOT, 'examples', 'terraform');
const URI = 'file:///fuzz/main.tf';

const SEEDS: readonly Seed[] = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) => {
    const files = readdirSync(join(EXAMPLES, d.name)).filter((f) => f.endsWith('.tf'));
    const texts = files.map((f) => ({ name: `terraform/${d.name}/${f}`, text: readFileSync(join(EXAMPLES, d.name, f), 'utf8') }));
    // The module's files read as one, so references between its resources resolve.
    const module = { name: `terraform/${d.name}`, text: texts.map((t) => t.text).join('\n') };
    return [...texts, module].map((t) => ({ ...t, uri: URI, env: FUZZ_ENV }));
  });

/** Characters and tokens that mean something in HCL, and pieces of the expressions a module uses. */
const HCL_TOKENS = [
  '{',
  '}',
  '[',
  ']',
  '(',
  ')',
  '"',
  '=',
  ',',
  ':',
  '.',
  ' ',
  '\n',
  '\r\n',
  '\t',
  '#',
  '// x\n',
  '/*',
  '*/',
  '${',
  '$${',
  '%{ if x }',
  '\\',
  '\\"',
  '<<EOT\n',
  '<<-EOT\n',
  '\nEOT\n',
  'EOT',
  'var.x',
  'local.x',
  'aws_subnet.a.id',
  'aws_ecs_task_definition.app.arn',
  'jsonencode(',
  'file("containers.json")',
  'resource "aws_ecs_service" "s" {\n',
  'dynamic "load_balancer" {\n',
  'network_configuration {\n',
  'network_mode = "bridge"\n',
  'null',
  'true',
  '80',
  '"80"',
  '-1',
  '1e999',
  '"awsvpc"',
  '? 1 : 2',
  '[for s in var.x : s]',
  '...',
  '*',
];

/** What an attribute's value is replaced with: every type and every form the reader knows or leaves unknown. */
const REPLACEMENTS = [
  'null',
  '""',
  '"80"',
  '80',
  '1e999',
  '-1',
  '[]',
  '{}',
  'true',
  'var.x',
  'local.missing',
  'aws_ecs_task_definition.app.arn',
  '[aws_subnet.a.id, aws_subnet.b.id]',
  'jsonencode([])',
  'jsonencode({ a = 1 })',
  'jsonencode([{ name = "web", portMappings = [{ containerPort = "80", hostPort = null }] }])',
  'tolist(["FARGATE"])',
  '"${var.x}"',
  'var.x ? "awsvpc" : "bridge"',
  '<<EOT\n[{"name": "web", "portMappings": [{"containerPort": 80, "hostPort": 81}]}]\nEOT',
  '<<-EOT\n  not json\n  EOT',
  '[for s in var.x : s]',
  'file("missing.json")',
  'templatefile("a.tpl", { x = 1 })',
  '"\\u0000 \\ud800"',
];

/** Each `name = value` on one line: the offset and length of the value. */
function attributeValues(text: string): { offset: number; length: number }[] {
  return [...text.matchAll(/= ([^\n#]+)$/gm)].map((m) => ({ offset: m.index! + 2, length: m[1].length }));
}

const TASK = 'resource "aws_ecs_task_definition" "app" {\n  family = "app"\n';
const AFTER = '\nresource "aws_ecs_task_definition" "after" {\n  network_mode = "bridge"\n  requires_compatibilities = ["FARGATE"]\n}\n';

/** Terraform nobody should write but an editor can hold. */
const HOSTILE: readonly string[] = [
  TASK + AFTER,
  TASK + '  network_mode = "unclosed\n}\n' + AFTER,
  TASK + '  network_mode = "awsvpc"\n' + AFTER,
  TASK + '  container_definitions = <<EOT\n[{"name": "web"}]\n' + AFTER,
  TASK + '  container_definitions = jsonencode([{ name = "web"\n' + AFTER,
  '}}}\n' + TASK + '}\n' + AFTER,
  'garbage ' + TASK + '}\n' + AFTER,
  TASK + '  x = "' + 'a'.repeat(10 * 1024 * 1024) + '"\n}\n' + AFTER,
  TASK + '  x = <<EOT\n' + 'line\n'.repeat(60_000) + 'EOT\n}\n' + AFTER,
  TASK + '  x = ' + '['.repeat(1_000) + ']'.repeat(1_000) + '\n}\n' + AFTER,
  TASK + '  x = ' + '{ a = '.repeat(10_000) + '1' + ' }'.repeat(10_000) + '\n}\n' + AFTER,
  TASK + '  x = ' + '('.repeat(10_000) + '\n}\n' + AFTER,
  '\ufeff' + (TASK + '  network_mode = "bridge"\n}\n' + AFTER).replace(/\n/g, '\r\n'),
  (TASK + '  network_mode = "bridge"\n}\n' + AFTER).replace(/ {2}/g, '\t'),
  Buffer.from(Array.from({ length: 4_000 }, (_, i) => (i * 7_919) % 256)).toString('utf8'),
  TASK + '  family = "caf\u00e9 \ufffd\ufffd \u0000"\n}\n' + AFTER,
  TASK + '  dynamic "x" {\n    for_each = var.y\n  }\n  dynamic {\n}\n' + AFTER,
  'resource "aws_ecs_service" {\n}\nresource "aws_ecs_service" "a" "b" "c" {\n  launch_type = "FARGATE"\n}\n' + AFTER,
  TASK + '}\n' + TASK + '  network_mode = "bridge"\n}\n',
  'locals {\n  a = local.b\n  b = local.a\n}\n' + TASK + '  network_mode = local.a\n}\n',
];

fuzzSyntax({
  label: 'Terraform',
  seeds: SEEDS,
  minSeeds: 30,
  tokens: HCL_TOKENS,
  replacements: REPLACEMENTS,
  values: attributeValues,
  // Brackets around the reader's depth limit (some 330 levels, see model/terraform/limits.ts).
  depths: { min: 320, max: 340 },
  hostile: {
    title: 'hostile Terraform: unclosed braces and strings, unterminated heredocs, huge strings, deep nesting, binary, BOM, CRLF, tabs',
    uri: URI,
    texts: HOSTILE,
  },
  // Invalid UTF-8 read as UTF-8, the way a binary file named `.tf` reaches the editor.
  variants: [fc.uint8Array({ maxLength: 2_000 }).map((bytes) => () => Buffer.from(bytes).toString('utf8'))],
});
