import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, CompletionList, Hover } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lsp-client';

const TEMPLATE = `# A Fargate task definition in the wrong network mode, written in YAML
Resources:
  Web:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      NetworkMode: bridge
      Cpu: 256
      Memory: 512
      ContainerDefinitions: [{Name: web, Image: nginx}]
`;

function positionOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not in text`);
  const lines = text.slice(0, at).split('\n');
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}

describe('YAML templates over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  /** Opens the template at `uri` and returns its Fargate network mode diagnostic and where `bridge` starts. */
  async function openTemplate(uri: string) {
    const diagnostics = await client.open(uri, TEMPLATE, 'yaml');
    const mode = diagnostics.find((d) => d.code === 'fargate-network-mode');
    assert.ok(mode, JSON.stringify(diagnostics.map((d) => d.code)));
    return { mode, start: positionOf(TEMPLATE, 'bridge') };
  }

  test('a YAML template gets its diagnostics on the YAML text and a hover', async () => {
    const uri = 'file:///ws/stack.yaml';
    const { mode, start } = await openTemplate(uri);
    assert.deepEqual(mode.range, { start, end: { line: start.line, character: start.character + 'bridge'.length } });

    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { ...start, character: start.character + 2 },
    })) as Hover | null;
    assert.ok(hover, 'a hover on NetworkMode');
    assert.match((hover.contents as { value: string }).value, /bridge/i);
  });

  test('a YAML template gets the quick fix, fix-all and value completion, written as YAML', async () => {
    const uri = 'file:///ws/fix.yaml';
    const { mode, start } = await openTemplate(uri);

    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: mode.range,
      context: { diagnostics: [mode], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === "Set networkMode to 'awsvpc'");
    assert.ok(fix, JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(fix.edit?.changes?.[uri], [
      { range: { start, end: { line: start.line, character: start.character + 'bridge'.length } }, newText: 'awsvpc' },
    ]);

    const all = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: mode.range,
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(all.length, 1);
    assert.deepEqual(
      all[0].edit?.changes?.[uri]?.map((e) => e.newText),
      ['awsvpc'],
    );

    const completion = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: start.line, character: start.character + 2 },
    })) as CompletionList;
    const awsvpc = completion.items.find((i) => i.label === 'awsvpc');
    assert.ok(awsvpc, JSON.stringify(completion.items.map((i) => i.label)));
    assert.equal(awsvpc.preselect, true);
    assert.deepEqual(awsvpc.textEdit, { range: { start, end: { line: start.line, character: start.character + 'bridge'.length } }, newText: 'awsvpc' });
  });

  test('other YAML opened in the editor gets no diagnostics', async () => {
    const diagnostics = await client.open(
      'file:///ws/deploy.yml',
      'apiVersion: apps/v1\nkind: Deployment\nspec: {template: {spec: {containers: [{name: web, ports: [{hostPort: 80}]}]}}}\n',
      'yaml',
    );
    assert.deepEqual(diagnostics, []);
  });
});
