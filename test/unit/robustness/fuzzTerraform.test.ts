import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { exercise, FUZZ_ENV, MIN_DOCUMENTS, picksArb, picksFor, SEED, settings, stats, type Seed } from '../../support/fuzzHarness';
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

/** Runs per fast-check property, sized so that the whole file passes MIN_DOCUMENTS with room to spare. */
const RUNS = { truncations: 4_000, edits: 10_000, wrongTypes: 5_000, variants: 5_000 } as const;

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
const seedArb = fc.integer({ min: 0, max: SEEDS.length - 1 }).map((i) => SEEDS[i]);

test('there are Terraform seeds', () => {
  assert.ok(SEEDS.length > 30, `only ${SEEDS.length} Terraform seeds`);
});

test('truncations at the start, middle and end of every line of every Terraform seed', () => {
  let n = 0;
  for (const seed of SEEDS) {
    let start = 0;
    for (const line of seed.text.split('\n')) {
      for (const offset of new Set([start, start + (line.length >> 1), start + line.length]))
        exercise({ ...seed, text: seed.text.slice(0, offset) }, picksFor(n++));
      start += line.length + 1;
    }
  }
});

test('Terraform truncations anywhere (fast-check)', () => {
  fc.assert(
    fc.property(seedArb, fc.double({ min: 0, max: 1, noNaN: true }), picksArb, (seed, at, picks) => {
      exercise({ ...seed, text: seed.text.slice(0, Math.floor(at * seed.text.length)) }, picks);
    }),
    settings(RUNS.truncations),
  );
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
  'é',
  '\ud800',
  '😀',
  '\u0000',
  '\ufeff',
];

const hclEditArb = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  length: fc.integer({ min: 1, max: 12 }),
  what: fc.nat(),
});

function applyHclEdit(text: string, edit: { op: string; at: number; length: number; what: number }): string {
  const at = Math.floor(edit.at * (text.length + 1));
  const token = HCL_TOKENS[edit.what % HCL_TOKENS.length];
  if (edit.op === 'insert') return text.slice(0, at) + token + text.slice(at);
  if (edit.op === 'delete') return text.slice(0, at) + text.slice(at + edit.length);
  return text.slice(0, at) + token + text.slice(at + edit.length);
}

test('random edits with HCL tokens (fast-check)', () => {
  fc.assert(
    fc.property(seedArb, fc.array(hclEditArb, { minLength: 1, maxLength: 6 }), picksArb, (seed, edits, picks) => {
      exercise({ ...seed, text: edits.reduce(applyHclEdit, seed.text) }, picks);
    }),
    settings(RUNS.edits),
  );
});

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

test('wrong types in any attribute of any Terraform seed (fast-check)', () => {
  fc.assert(
    fc.property(seedArb, fc.nat(), fc.constantFrom(...REPLACEMENTS), picksArb, (seed, which, replacement, picks) => {
      const values = attributeValues(seed.text);
      const v = values[which % Math.max(1, values.length)];
      const text = v ? seed.text.slice(0, v.offset) + replacement + seed.text.slice(v.offset + v.length) : seed.text;
      exercise({ ...seed, text }, picks);
    }),
    settings(RUNS.wrongTypes),
  );
});

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

test('hostile Terraform: unclosed braces and strings, unterminated heredocs, huge strings, deep nesting, binary, BOM, CRLF, tabs', () => {
  HOSTILE.forEach((text, n) => exercise({ text, uri: URI, env: FUZZ_ENV }, picksFor(n)));
});

const variantArb: fc.Arbitrary<(seed: Seed) => string> = fc.oneof(
  fc.constant((seed: Seed) => '\ufeff' + seed.text),
  fc.constant((seed: Seed) => seed.text.replace(/\r?\n/g, '\r\n')),
  fc.constant((seed: Seed) => seed.text.replace(/\r?\n/g, '\r')),
  fc.constant((seed: Seed) => seed.text.replace(/^( +)/gm, (indent) => '\t' + indent.slice(1))),
  fc.nat().map((at) => (seed: Seed) => {
    // A line written twice: a repeated attribute, or a block opened twice.
    const lines = seed.text.split('\n');
    const i = at % lines.length;
    return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
  }),
  fc.tuple(fc.nat(), fc.integer({ min: 320, max: 340 })).map(([at, depth]) => (seed: Seed) => {
    // Brackets around the reader's depth limit.
    const values = attributeValues(seed.text);
    const v = values[at % Math.max(1, values.length)];
    const deep = '['.repeat(depth) + ']'.repeat(depth);
    return v ? seed.text.slice(0, v.offset) + deep + seed.text.slice(v.offset + v.length) : seed.text + deep;
  }),
  fc.uint8Array({ maxLength: 2_000 }).map((bytes) => () => Buffer.from(bytes).toString('utf8')),
  fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 500 }).map((units) => () => String.fromCharCode(...units)),
  fc.array(fc.constantFrom(...HCL_TOKENS), { maxLength: 30 }).map((parts) => () => parts.join('')),
);

test('BOM, line endings, tabs, repeated lines, nesting at the limit, garbage in Terraform (fast-check)', () => {
  fc.assert(
    fc.property(seedArb, variantArb, picksArb, (seed, variant, picks) => {
      exercise({ ...seed, text: variant(seed) }, picks);
    }),
    settings(RUNS.variants),
  );
});

test(`at least ${MIN_DOCUMENTS.toLocaleString('en-US')} Terraform documents went through the model and every feature`, () => {
  const n = (x: number) => x.toLocaleString('en-US');
  console.log(`Terraform fuzz: ${n(stats.documents)} documents checked with seed ${SEED}: ${n(stats.findingsSeen)} findings`);
  assert.ok(stats.documents >= MIN_DOCUMENTS, `only ${stats.documents} documents`);
});
