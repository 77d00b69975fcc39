import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover } from 'vscode-languageserver-protocol';
import { checkText } from '../../server/src/cli/check';
import { readEnvironment } from '../../server/src/workspace/files';
import { LspTestClient } from '../support/lsp-client';
import { absurdEnvironment, hostileDocuments } from '../support/hostile';

// No document can take the server down: after each hostile one it still publishes diagnostics for a
// normal document and answers a hover on it. The workspace's own environment file is hostile too
// (prototype keys, a trillion instances), so every check of the normal document runs against it.

/** An EC2 service on the environment's cluster, so the placement simulation runs on every check. */
function stack(desiredCount: number): string {
  return JSON.stringify(
    {
      Resources: {
        Task: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'api',
            NetworkMode: 'bridge',
            RequiresCompatibilities: ['EC2'],
            Cpu: '256',
            Memory: '512',
            ContainerDefinitions: [{ Name: 'api', Image: 'api:1', PortMappings: [{ ContainerPort: 80, HostPort: 80 }] }],
          },
        },
        Service: { Type: 'AWS::ECS::Service', Properties: { Cluster: 'prod', LaunchType: 'EC2', TaskDefinition: { Ref: 'Task' }, DesiredCount: desiredCount } },
      },
    },
    null,
    2,
  );
}

interface Placed {
  readonly code?: unknown;
  readonly range: { readonly start: { readonly line: number; readonly character: number } };
}

const codes = (diagnostics: readonly Placed[]) => diagnostics.map((d) => `${String(d.code)}@${d.range.start.line}:${d.range.start.character}`).sort();

let root: string;
let client: LspTestClient;

before(async () => {
  root = mkdtempSync(join(tmpdir(), 'ecs-net-containment-'));
  writeFileSync(join(root, 'ecs-network.json'), absurdEnvironment());
  client = new LspTestClient();
  client.settings = { validationDelay: 0 };
  await client.initialize({ rootUri: pathToFileURL(root).href, workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'ws' }] });
});

after(async () => {
  await client.shutdown();
  rmSync(root, { recursive: true, force: true });
});

test('after every hostile document the server still checks and hovers a normal one', async () => {
  const normalUri = pathToFileURL(join(root, 'stack.json')).href;
  const env = readEnvironment(join(root, 'ecs-network.json')).env;
  // 12,000 tasks with static host port 80 need 12,000 instances; the 9,998 the environment holds cannot.
  const texts = [stack(2), stack(12_000)];
  const expected = texts.map((text) => codes(checkText(text, normalUri, { env }).diagnostics));
  assert.ok(
    expected[1].some((c) => c.startsWith('cluster-capacity@')),
    `the big service does not fit: ${expected[1].join(', ')}`,
  );

  assert.deepEqual(codes(await client.open(normalUri, texts[0])), expected[0]);
  // On the value of NetworkMode, which always has a hover (what the mode means).
  const modeLine = texts[0].split('\n').findIndex((l) => l.includes('"NetworkMode"'));
  const hoverAt = { line: modeLine, character: texts[0].split('\n')[modeLine].indexOf('"bridge"') + 2 };

  const hostile = hostileDocuments();
  for (const [i, doc] of hostile.entries()) {
    const uri = doc.uri ? pathToFileURL(join(root, doc.uri.slice(doc.uri.lastIndexOf('/') + 1))).href : pathToFileURL(join(root, `hostile-${i}.json`)).href;
    const published = await client.open(uri, doc.text);
    if (/nested 10,000 deep in a task definition|over the 20 MB limit/.test(doc.name)) {
      assert.deepEqual(
        published.map((d) => d.code),
        ['document-too-large'],
        doc.name,
      );
    }
    // Requests on the hostile document itself are answered (with nothing, or something), never an error.
    const lines = doc.text.split(/\r\n|\r|\n/);
    for (const position of [
      { line: 0, character: 0 },
      { line: lines.length >> 1, character: 3 },
      { line: lines.length - 1, character: lines[lines.length - 1].length },
    ]) {
      await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
      await client.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position });
    }

    const which = (i + 1) % 2;
    const version = await client.change(normalUri, [{ text: texts[which] }]);
    assert.deepEqual(codes(await client.diagnosticsFor(normalUri, version)), expected[which], `after ${doc.name}`);
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: normalUri }, position: hoverAt })) as Hover | null;
    assert.ok(hover, `a hover on networkMode after ${doc.name}`);
    await client.close(uri);
  }

  assert.equal(client.process.exitCode, null, 'the server is still running');
  const failures = client.logs.filter((line) => / failed/.test(line));
  assert.deepEqual(failures, [], 'no handler or rule failed');
});
