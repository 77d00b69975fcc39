import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionList, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lsp-client';

// The bundled server on a `.tf` file: the quick fix and the completion a user meets first.

const MODULE = `resource "aws_ecs_task_definition" "worker" {
  family                   = "worker"
  network_mode             = "bridge"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "256"
  memory                   = "512"
  container_definitions    = jsonencode([{ name = "worker", image = "worker:1" }])
}
`;

function positionOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not in text`);
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('Terraform over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  test('a Fargate task definition with bridge: the quick fix writes awsvpc in HCL, fix-all too', async () => {
    const uri = 'file:///ws/module/ecs.tf';
    const diagnostics = await client.open(uri, MODULE, 'terraform');
    const mode = diagnostics.find((d) => d.code === 'fargate-network-mode');
    assert.ok(mode, JSON.stringify(diagnostics.map((d) => d.code)));
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: mode.range,
      context: { diagnostics: [mode] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(fix?.edit?.changes, JSON.stringify(actions.map((a) => a.title)));
    const edits = fix.edit.changes[uri] as TextEdit[];
    const start = positionOf(MODULE, 'bridge');
    assert.deepEqual(edits, [{ range: { start, end: { line: start.line, character: start.character + 'bridge'.length } }, newText: 'awsvpc' }]);
    const all = actions.find((a) => a.kind?.startsWith('source.fixAll'));
    assert.ok(all, 'a fix-all action');
  });

  test('completion inside the quotes of network_mode', async () => {
    const uri = 'file:///ws/module/ecs.tf';
    const position = { ...positionOf(MODULE, 'bridge'), character: positionOf(MODULE, 'bridge').character + 2 };
    const list = (await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position })) as CompletionList;
    const awsvpc = list.items.find((i) => i.label === 'awsvpc');
    assert.ok(awsvpc?.textEdit && 'range' in awsvpc.textEdit, JSON.stringify(list.items.map((i) => i.label)));
    assert.equal(awsvpc.textEdit.newText, 'awsvpc');
    assert.deepEqual(awsvpc.textEdit.range.start, positionOf(MODULE, 'bridge'));
  });
});
