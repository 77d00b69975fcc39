import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { CodeAction, Hover, TextEdit } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lsp-client';

function offsetAt(text: string, pos: { line: number; character: number }): number {
  const lines = text.split('\n');
  let offset = 0;
  for (let i = 0; i < pos.line; i++) offset += lines[i].length + 1;
  return offset + pos.character;
}

function positionOf(text: string, needle: string) {
  const at = text.indexOf(needle);
  assert.ok(at >= 0);
  const before = text.slice(0, at).split('\n');
  return { line: before.length - 1, character: before[before.length - 1].length };
}

function applyTextEdits(text: string, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => offsetAt(text, b.range.start) - offsetAt(text, a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offsetAt(out, e.range.start)) + e.newText + out.slice(offsetAt(out, e.range.end));
  return out;
}

const TASK = `{
  "family": "web",
  "networkMode": "bridge",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "4096",
  "containerDefinitions": [
    { "name": "web", "image": "nginx", "hostname": "web", "portMappings": [{ "containerPort": 80, "hostPort": 8080 }] }
  ]
}`;

describe('hover and code actions over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  test('hover on an instance type shows computed tasks per instance', async () => {
    const uri = 'file:///ws/hover.json';
    const text = `{ "family": "x", "networkMode": "awsvpc", "placementConstraints": [{ "type": "memberOf", "expression": "attribute:ecs.instance-type == c5.large" }], "containerDefinitions": [{ "name": "a", "image": "x" }] }`;
    await client.open(uri, text);
    const pos = positionOf(text, 'c5.large');
    const hover = (await client.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line: pos.line, character: pos.character + 3 },
    })) as Hover;
    const value = (hover.contents as { kind: string; value: string }).value;
    assert.match(value, /\*\*2\*\* without trunking, \*\*10\*\* with trunking/);
  });

  test('the Fargate + bridge quick fix applies and its error disappears', async () => {
    const uri = 'file:///ws/quickfix.json';
    const diagnostics = await client.open(uri, TASK);
    const target = diagnostics.find((d) => d.code === 'fargate-network-mode');
    assert.ok(target);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.isPreferred);
    assert.equal(fix?.title, "Set networkMode to 'awsvpc'");
    const fixed = applyTextEdits(TASK, fix!.edit!.changes![uri]);
    assert.match(fixed, /"networkMode": "awsvpc"/);
    const version = await client.change(uri, [{ text: fixed }]);
    const after = await client.diagnosticsFor(uri, version);
    assert.ok(!after.some((d) => d.code === 'fargate-network-mode'));
  });

  test('fix all applies every safe fix', async () => {
    const uri = 'file:///ws/fixall.json';
    await client.open(uri, TASK);
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0].kind, 'source.fixAll.ecs-net');
    const fixed = applyTextEdits(TASK, actions[0].edit!.changes![uri]);
    const version = await client.change(uri, [{ text: fixed }]);
    assert.deepEqual(await client.diagnosticsFor(uri, version), []);
    const parsed = JSON.parse(fixed);
    assert.equal(parsed.networkMode, 'awsvpc');
    assert.equal(parsed.memory, '4096');
    assert.equal(parsed.cpu, '512');
    assert.equal(parsed.containerDefinitions[0].hostname, undefined);
    assert.equal(parsed.containerDefinitions[0].portMappings[0].hostPort, undefined);
  });
});

describe('completion over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  test('networkMode values, awsvpc first for a Fargate task definition', async () => {
    const uri = 'file:///ws/complete.json';
    const text = `{ "family": "x", "requiresCompatibilities": ["FARGATE"], "networkMode": "", "containerDefinitions": [{ "name": "a", "image": "x" }] }`;
    await client.open(uri, text);
    const at = text.indexOf('"networkMode": "') + '"networkMode": "'.length;
    const list = (await client.connection.sendRequest('textDocument/completion', {
      textDocument: { uri },
      position: { line: 0, character: at },
    })) as { items: { label: string; sortText?: string; detail?: string }[] };
    const sorted = [...list.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    assert.deepEqual(sorted.map((i) => i.label).sort(), ['awsvpc', 'bridge', 'host', 'none']);
    assert.equal(sorted[0].label, 'awsvpc');
    assert.match(sorted.find((i) => i.label === 'bridge')?.detail ?? '', /Not valid here/);
  });
});
