import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LspTestClient } from '../support/lsp-client';
import { loadFixtures } from '../support/fixtures';
import type { Diagnostic } from 'vscode-languageserver-protocol';

const FARGATE_BRIDGE = `{
  "family": "web",
  "networkMode": "bridge",
  "requiresCompatibilities": ["FARGATE"],
  "cpu": "256",
  "memory": "512",
  "containerDefinitions": [
    { "name": "web", "image": "nginx", "portMappings": [{ "containerPort": 80 }] }
  ]
}`;

function offsetOf(text: string, needle: string): number {
  const at = text.indexOf(needle);
  assert.ok(at >= 0, `'${needle}' not in text`);
  return at;
}

function positionOf(text: string, offset: number) {
  const before = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: before.length - 1, character: before[before.length - 1].length };
}

const codes = (diagnostics: Diagnostic[]) => diagnostics.map((d) => String(d.code)).sort();

describe('language server over stdio', () => {
  let client: LspTestClient;

  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
  });

  test('announces incremental sync', async () => {
    const probe = new LspTestClient();
    try {
      const result = (await probe.initialize()) as { capabilities: { textDocumentSync: { change: number; openClose: boolean } } };
      assert.equal(result.capabilities.textDocumentSync.change, 2);
      assert.equal(result.capabilities.textDocumentSync.openClose, true);
    } finally {
      await probe.shutdown();
    }
  });

  test('publishes coded diagnostics with docs links and fix data on open', async () => {
    const uri = 'file:///ws/taskdef-open.json';
    const diagnostics = await client.open(uri, FARGATE_BRIDGE);
    assert.deepEqual(codes(diagnostics), ['fargate-network-mode']);
    const d = diagnostics[0];
    assert.equal(d.source, 'ecs-net');
    assert.equal(d.severity, 1);
    assert.deepEqual(d.range.start, positionOf(FARGATE_BRIDGE, offsetOf(FARGATE_BRIDGE, '"bridge"')));
    assert.match(d.codeDescription?.href ?? '', /^file:\/\/.*docs\/rules\/fargate-network-mode\.md$/);
    const data = d.data as { ruleId: string; fixes: { title: string; edits: { path: unknown[]; value?: unknown }[] }[] };
    assert.equal(data.ruleId, 'fargate-network-mode');
    assert.deepEqual(data.fixes[0].edits[0], { path: ['networkMode'], value: 'awsvpc' });
  });

  test('updates after an incremental edit, for that version', async () => {
    const uri = 'file:///ws/taskdef-edit.json';
    await client.open(uri, FARGATE_BRIDGE);
    const start = positionOf(FARGATE_BRIDGE, offsetOf(FARGATE_BRIDGE, 'bridge'));
    const version = await client.change(uri, [{ range: { start, end: { line: start.line, character: start.character + 'bridge'.length } }, text: 'awsvpc' }]);
    assert.deepEqual(await client.diagnosticsFor(uri, version), []);
  });

  test('a burst of edits ends on the last version and never shows an older result after a newer one', async () => {
    const uri = 'file:///ws/taskdef-burst.json';
    await client.open(uri, FARGATE_BRIDGE);
    const at = positionOf(FARGATE_BRIDGE, offsetOf(FARGATE_BRIDGE, '"web"') + 1);
    let version = 1;
    for (let i = 0; i < 30; i++) {
      version = await client.change(uri, [{ range: { start: at, end: at }, text: 'x' }]);
    }
    const last = await client.diagnosticsFor(uri, version);
    assert.deepEqual(codes(last), ['fargate-network-mode']);
    const versions = client.publications(uri).map((p) => p.version ?? 0);
    assert.deepEqual(
      versions,
      [...versions].sort((a, b) => a - b),
      `publications out of order: ${versions.join(',')}`,
    );
    // Debounced: far fewer runs than edits.
    assert.ok(versions.length < 10, `expected debouncing, got ${versions.length} publications`);
  });

  test('other JSON gets no diagnostics at all', async () => {
    const uri = 'file:///ws/package.json';
    const diagnostics = await client.open(uri, '{ "name": "x", "version": "1.0.0", "networkMode": "nonsense", "dependencies": {} ');
    assert.deepEqual(diagnostics, []);
  });

  test('a syntax error is reported once and the rest is still checked', async () => {
    const uri = 'file:///ws/taskdef-syntax.json';
    const broken = FARGATE_BRIDGE.replace('"cpu": "256",', '"cpu": "256"');
    const diagnostics = await client.open(uri, broken);
    assert.deepEqual(codes(diagnostics), ['fargate-network-mode', 'syntax-error']);
  });

  test('per-rule severity comes from workspace/configuration', async () => {
    const configured = new LspTestClient();
    configured.settings = { rules: { 'fargate-network-mode': 'warning', 'fargate-task-size': 'off' } };
    try {
      await configured.initialize();
      const text = FARGATE_BRIDGE.replace('"512"', '"4096"');
      const diagnostics = await configured.open('file:///ws/configured.json', text);
      assert.deepEqual(codes(diagnostics), ['fargate-network-mode']);
      assert.equal(diagnostics[0].severity, 2);
    } finally {
      await configured.shutdown();
    }
  });

  test('closing a document clears its diagnostics', async () => {
    const uri = 'file:///ws/taskdef-close.json';
    await client.open(uri, FARGATE_BRIDGE);
    await client.close(uri);
    const cleared = await client.diagnostics(uri, (p) => p.version === undefined && p.diagnostics.length === 0);
    assert.deepEqual(cleared.diagnostics, []);
  });

  test('every rule fixture gives exactly its marked diagnostics over LSP', async () => {
    const fixtures = loadFixtures();
    assert.ok(fixtures.length > 0);
    for (const fixture of fixtures) {
      // The real file URI, so the server finds the folder's ecs-network.json the way it would in a workspace.
      const uri = pathToFileURL(fixture.file).href;
      const diagnostics = await client.open(uri, fixture.text);
      const lines = fixture.text.split(/\r\n|\r|\n/);
      const lineStarts: number[] = [];
      let offset = 0;
      for (const line of lines) {
        lineStarts.push(offset);
        offset += line.length + 1;
      }
      const actual = diagnostics.map((d) => `${lineStarts[d.range.start.line] + d.range.start.character}:${String(d.code)}`).sort();
      // This client, like VS Code, reports comments and trailing commas itself (see the test below).
      const expected = fixture.expected.filter((e) => !e.endsWith(':non-standard-json'));
      assert.deepEqual(actual, expected, `${fixture.ruleDir}/${fixture.name}`);
      await client.close(uri);
    }
  });
});

describe('comments and trailing commas over LSP', () => {
  const text = '{ "family": "web", "containerDefinitions": [{ "name": "web", "image": "nginx" },] }';

  test('an editor that does not report them itself (Neovim) gets non-standard-json in json documents only', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize({ initializationOptions: {} });
      assert.deepEqual(codes(await client.open('file:///ws/taskdef.json', text)), ['non-standard-json']);
      assert.deepEqual(codes(await client.open('file:///ws/other.jsonc', text, 'jsonc')), []);
    } finally {
      await client.shutdown();
    }
  });

  test('VS Code reports them in json documents, so the server does not', async () => {
    const client = new LspTestClient();
    try {
      await client.initialize({ initializationOptions: { strictJsonReportedByEditor: true } });
      assert.deepEqual(codes(await client.open('file:///ws/taskdef.json', text)), []);
    } finally {
      await client.shutdown();
    }
  });
});
