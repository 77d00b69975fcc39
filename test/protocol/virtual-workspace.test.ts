// A virtual workspace (vscode-vfs: a GitHub repository opened without a clone): the server has no
// folder to walk and no environment file to read, and checks the open documents on their own.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { LspTestClient, REPO_ROOT } from '../support/lsp-client';

const ROOT = 'vscode-vfs://github/example/infra';

let client: LspTestClient;
const logged: string[] = [];

before(async () => {
  client = new LspTestClient();
  client.connection.onNotification('window/logMessage', (m: { message: string }) => {
    logged.push(m.message);
  });
  await client.initialize({
    workspaceFolders: [{ uri: ROOT, name: 'infra' }],
    capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true } },
  });
});

after(() => client.shutdown());

test('a Fargate task definition with bridge mode in a virtual folder gets its diagnostics', async () => {
  const text = readFileSync(join(REPO_ROOT, 'test', 'e2e', 'workspace', 'fargate-bridge.json'), 'utf8');
  const diagnostics = await client.open(`${ROOT}/deploy/taskdef.json`, text);
  assert.deepEqual(
    diagnostics.map((d) => d.code),
    ['fargate-network-mode'],
  );
});

test('a service there names a task definition that is not open: silence, not a false error', async () => {
  const text = JSON.stringify(
    {
      serviceName: 'web',
      taskDefinition: 'other-family:3',
      launchType: 'FARGATE',
      desiredCount: 2,
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0123456789abcdef0'] } },
    },
    null,
    2,
  );
  const diagnostics = await client.open(`${ROOT}/deploy/service.json`, text);
  assert.deepEqual(diagnostics, []);
  assert.deepEqual(
    logged.filter((m) => /fail|error/i.test(m)),
    [],
  );
});
