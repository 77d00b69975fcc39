import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { checkText } from '../../../server/src/cli/check';
import { EcsDocument } from '../../../server/src/model/document';
import { longTokenAt, MAX_TERRAFORM_LENGTH, MAX_TERRAFORM_TOKEN } from '../../../server/src/model/terraform/limits';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';

// Bad input for the Terraform reader. What it refuses to parse (a text or a string too long for
// tree-sitter to read in reasonable time, nesting deeper than its readers go) is one
// document-too-large problem on a file that names an ECS resource, silence on any other, and never
// an exception; past a syntax error nothing is read.

before(async () => {
  await loadNodeTerraform();
});

const URI = 'file:///m/main.tf';
const service = (value: string) => `resource "aws_ecs_service" "web" {\n  name = ${value}\n}\n`;
const codes = (text: string) => {
  const { diagnostics, doc } = checkText(text, URI);
  doc.release();
  return diagnostics.map((d) => d.code);
};

test('a 10 MB string is not parsed: one document-too-large problem at the start', () => {
  const text = service(`"${'a'.repeat(10 * 1024 * 1024)}"`);
  const doc = new EcsDocument(URI, 1, text);
  assert.equal(doc.tree.parsed, false);
  assert.equal(doc.kind, 'terraform');
  assert.deepEqual(
    doc.syntaxErrors.map((p) => [p.ruleId, p.offset]),
    [['document-too-large', 0]],
  );
  assert.match(doc.syntaxErrors[0].message, /over 2 MB/);
  assert.deepEqual(codes(text), ['document-too-large']);
});

test('a string or heredoc over the token limit is reported where it starts; the file is not read', () => {
  const long = 'x'.repeat(MAX_TERRAFORM_TOKEN + 1);
  const string = service(`"${long}"`);
  const heredoc = service(`<<-EOT\n    ${long.slice(0, 1000)}\n${`    ${long.slice(0, 99)}\n`.repeat(MAX_TERRAFORM_TOKEN / 100)}  EOT`);
  const unterminated = service(`<<EOT\n${'line of text\n'.repeat(MAX_TERRAFORM_TOKEN / 10)}`);
  for (const [text, kind] of [
    [string, 'string'],
    [heredoc, 'heredoc'],
    [unterminated, 'heredoc'],
  ] as const) {
    assert.ok(text.length < MAX_TERRAFORM_LENGTH);
    const doc = new EcsDocument(URI, 1, text);
    assert.equal(doc.tree.parsed, false);
    assert.equal(doc.syntaxErrors.length, 1);
    assert.equal(doc.syntaxErrors[0].ruleId, 'document-too-large');
    assert.equal(doc.syntaxErrors[0].offset, text.indexOf('name = ') + 'name = '.length);
    assert.match(doc.syntaxErrors[0].message, new RegExp(`This ${kind} is \\d+ KB long`));
    assert.deepEqual(codes(text), ['document-too-large']);
  }
});

test('a file past a limit that names no ECS resource stays silent', () => {
  const text = `resource "aws_s3_object" "o" {\n  content = "${'a'.repeat(MAX_TERRAFORM_TOKEN + 1)}"\n}\n`;
  const doc = new EcsDocument(URI, 1, text);
  assert.equal(doc.kind, 'unknown');
  assert.deepEqual(codes(text), []);
  assert.deepEqual(codes(`# ${'aws_ecs_service '.repeat(200_000)}`), []);
});

test('long comments, strings under the limit and long lines of code are read as usual', () => {
  const under = 'y'.repeat(MAX_TERRAFORM_TOKEN - 10);
  const text = [
    `# a comment with a "quote and ${'c'.repeat(MAX_TERRAFORM_TOKEN)}`,
    `/* a block comment ${'"'.repeat(3)} ${'d'.repeat(MAX_TERRAFORM_TOKEN)} */`,
    `resource "aws_ecs_task_definition" "app" {`,
    `  family       = "${under}"`,
    `  network_mode = "bridge"`,
    `  tags         = { a = "q\\"${'e'.repeat(1000)}\\"", b = "\${var.x} \${"nested"}" }`,
    `  cpu          = ${'1 + '.repeat(2_000)}1`,
    `}`,
    '',
  ].join('\n');
  const doc = new EcsDocument(URI, 1, text);
  assert.deepEqual(doc.syntaxErrors, []);
  assert.equal(doc.valueAt(['resource', 'aws_ecs_task_definition', 'app', 'family']), under);
  assert.equal(doc.valueAt(['resource', 'aws_ecs_task_definition', 'app', 'network_mode']), 'bridge');
  doc.release();
});

test('the pre-scan: escaped quotes stay inside a string, a line ends it, `<<` opens a heredoc only before a name', () => {
  const limit = 10;
  // A string's length counts its opening quote.
  assert.equal(longTokenAt('x = "012345678"', limit), undefined);
  assert.deepEqual(longTokenAt('x = "0123456789"', limit), { offset: 4, length: 11, heredoc: false });
  assert.deepEqual(longTokenAt('x = "01234\\"5678"', limit), { offset: 4, length: 12, heredoc: false });
  assert.equal(longTokenAt('x = "012345\n6789ABCDEF', limit), undefined);
  assert.equal(longTokenAt('# "0123456789ABCDEF\n// "0123456789ABCDEF\n/* "0123456789ABCDEF */', limit), undefined);
  assert.equal(longTokenAt('x = 1 << 2 ? "a" : "012345678"', limit), undefined);
  assert.deepEqual(longTokenAt('x = <<-EOT\n  abcdefgh\n  EOT\ny = 1', limit), { offset: 4, length: 23, heredoc: true });
  assert.equal(longTokenAt('x = <<EOT\nab\nEOT\ny = "short"', 20), undefined);
});

test('nesting past the reader is one document-too-large problem where it goes too deep, at any depth', () => {
  for (const [open, close] of [
    ['[', ']'],
    ['{ a = ', ' }'],
    ['(', ')'],
    ['jsonencode(', ')'],
  ]) {
    for (const depth of [1_000, 20_000]) {
      const text = `resource "aws_ecs_task_definition" "app" {\n  family = "app"\n  container_definitions = ${open.repeat(depth)}1${close.repeat(depth)}\n}\n`;
      const doc = new EcsDocument(URI, 1, text);
      assert.equal(doc.tree.parsed, false, `${open} × ${depth}`);
      assert.deepEqual(
        doc.syntaxErrors.map((p) => p.ruleId),
        ['document-too-large'],
      );
      assert.ok(doc.syntaxErrors[0].offset > text.indexOf('container_definitions'));
      if (depth === 1_000) assert.deepEqual(codes(text), ['document-too-large']);
      doc.release();
    }
  }
  const shallow = `resource "aws_ecs_task_definition" "app" {\n  container_definitions = ${'['.repeat(300)}1${']'.repeat(300)}\n}\n`;
  assert.ok(new EcsDocument(URI, 1, shallow).tree.parsed);
});

test('JSON in a heredoc nested past the reader is reported too; an unclosed bracket at depth is not a crash', () => {
  const json = `resource "aws_ecs_task_definition" "app" {\n  container_definitions = <<EOT\n${'['.repeat(2_000)}${']'.repeat(2_000)}\nEOT\n}\n`;
  assert.deepEqual(codes(json), ['document-too-large']);
  const unclosed = `resource "aws_ecs_task_definition" "app" {\n  container_definitions = ${'['.repeat(20_000)}\n}\n`;
  const doc = new EcsDocument(URI, 1, unclosed);
  assert.deepEqual(
    doc.syntaxErrors.map((p) => p.ruleId ?? 'syntax-error'),
    ['syntax-error'],
  );
  doc.release();
});

test('an edit past a limit and back: the next version parses afresh and reads as a fresh parse', () => {
  const ok = service('"web"');
  const first = new EcsDocument(URI, 1, ok);
  const refused = new EcsDocument(URI, 2, service(`"${'a'.repeat(MAX_TERRAFORM_TOKEN + 1)}"`), undefined, first);
  assert.equal(refused.tree.parsed, false);
  const back = new EcsDocument(URI, 3, service('"api"'), undefined, refused);
  const fresh = new EcsDocument(URI, 4, service('"api"'));
  assert.deepEqual(back.value, fresh.value);
  assert.equal(back.valueAt(['resource', 'aws_ecs_service', 'web', 'name']), 'api');
  for (const doc of [first, refused, back, fresh]) doc.release();
});

test('a syntax error anywhere, even before the first block, stops the reading there; an error at the very end stays inside the text', () => {
  const task =
    'resource "aws_ecs_task_definition" "app" {\n  network_mode = "bridge"\n  cpu = 256\n  memory = 512\n  requires_compatibilities = ["FARGATE"]\n}\n';
  const checks = (text: string) => codes(text).filter((code) => code !== 'syntax-error');
  for (const text of ['}# a stray brace before a comment\n' + task, '}\n' + task, '= 1\n' + task]) {
    assert.equal(new EcsDocument(URI, 1, text).syntaxErrors.length, 1);
    assert.deepEqual(checks(text), [], JSON.stringify(text));
    // Without the stray text, the same block is checked.
    assert.deepEqual(checks(task), ['fargate-network-mode']);
  }
  // The block before a stray brace is read and checked; the one after it is not.
  assert.deepEqual(checks(task + '}\n' + task.replace('"app"', '"two"')), ['fargate-network-mode']);
  const unclosed = task + 'resource "aws_ecs_service" "s" {';
  const doc = new EcsDocument(URI, 1, unclosed);
  const [error] = doc.syntaxErrors;
  assert.ok(error.offset + error.length <= unclosed.length);
  assert.ok(doc.valueAt(['resource', 'aws_ecs_task_definition', 'app']), 'the block before the error is read');
  doc.release();
});
