import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient } from '../support/lsp-client';

const taskDef = (mode: string) =>
  JSON.stringify(
    {
      family: 'orders',
      networkMode: mode,
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [{ name: 'api', image: 'x', memory: 256, portMappings: [{ containerPort: 8080 }] }],
    },
    null,
    2,
  );

const SERVICE = JSON.stringify(
  {
    cluster: 'production',
    serviceName: 'orders',
    taskDefinition: 'orders:4',
    desiredCount: 30,
    launchType: 'EC2',
    loadBalancers: [
      {
        targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/orders-tg/0123456789abcdef',
        containerName: 'api',
        containerPort: 8080,
      },
    ],
  },
  null,
  2,
);

const TARGET_GROUP = JSON.stringify({ Name: 'orders-tg', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-0123456789abcdef0', TargetType: 'instance' });

const codes = (d: Diagnostic[]) => d.map((x) => String(x.code)).sort();

describe('workspace: references across files, file watching, environment', () => {
  let dir: string;
  let client: LspTestClient;
  const progress: string[] = [];
  let indexed!: Promise<void>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecs-net-ws-'));
    writeFileSync(join(dir, 'taskdef.json'), taskDef('awsvpc'));
    writeFileSync(join(dir, 'target-group.json'), TARGET_GROUP);
    writeFileSync(join(dir, 'unrelated.json'), JSON.stringify({ name: 'app', version: '1.0.0' }));
    client = new LspTestClient();
    indexed = new Promise((resolve) => {
      client.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
        progress.push(p.value.kind);
        if (p.value.kind === 'end') resolve();
      });
    });
    await client.initialize({
      workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'ws' }],
      capabilities: {
        workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true } },
        window: { workDoneProgress: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    });
  });

  after(async () => {
    await client.shutdown();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a service is checked against a task definition and target group it never opened', async () => {
    const uri = pathToFileURL(join(dir, 'service.json')).href;
    // The first publication may come before indexing ends; wait for the one that sees the other files.
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text: SERVICE } });
    const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'target-type-network-mode'));
    assert.deepEqual(codes(published.diagnostics), ['service-awsvpc-network-configuration', 'target-type-network-mode']);
    const related = published.diagnostics.find((d) => d.code === 'target-type-network-mode')?.relatedInformation?.[0];
    assert.equal(related?.location.uri, pathToFileURL(join(dir, 'target-group.json')).href);
    await indexed;
    assert.equal(progress[0], 'begin');
    assert.equal(progress[progress.length - 1], 'end');
  });

  test('the quick fix edits the target group file', async () => {
    const uri = pathToFileURL(join(dir, 'service.json')).href;
    const published = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'target-type-network-mode'));
    const target = published.diagnostics.find((d) => d.code === 'target-type-network-mode')!;
    const actions = (await client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: target.range,
      context: { diagnostics: [target], only: ['quickfix'] },
    })) as { title: string; edit?: { changes?: Record<string, { range: { start: { character: number }; end: { character: number } }; newText: string }[]> } }[];
    const change = actions.find((a) => a.title.includes("TargetType to 'ip'"))?.edit?.changes?.[pathToFileURL(join(dir, 'target-group.json')).href];
    assert.ok(change, JSON.stringify(actions));
    // The file is one line: apply the edit by character offsets and read the result back.
    const { range, newText } = change[0];
    const edited = TARGET_GROUP.slice(0, range.start.character) + newText + TARGET_GROUP.slice(range.end.character);
    assert.equal(JSON.parse(edited).TargetType, 'ip');
  });

  test('an edit on disk to a file never opened re-checks the open service', async () => {
    const uri = pathToFileURL(join(dir, 'service.json')).href;
    const before = client.publications(uri).length;
    writeFileSync(join(dir, 'taskdef.json'), taskDef('bridge'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'taskdef.json')).href, type: 2 }] });
    const next = await client.diagnostics(
      uri,
      (p) => client.publications(uri).indexOf(p) >= before && !p.diagnostics.some((d) => d.code === 'service-awsvpc-network-configuration'),
    );
    // bridge + instance target group is right; nothing left to say.
    assert.deepEqual(codes(next.diagnostics), []);
  });

  test('deleting the task definition file leaves the service with nothing to compare against', async () => {
    const uri = pathToFileURL(join(dir, 'service.json')).href;
    const taskUri = pathToFileURL(join(dir, 'taskdef.json')).href;
    // Waits for a publication made after `from` that satisfies `match`, however many come in between.
    const after = (from: number, match: (codes: string[]) => boolean) =>
      client.diagnostics(uri, (p) => client.publications(uri).indexOf(p) >= from && match(codes(p.diagnostics)));
    let from = client.publications(uri).length;
    writeFileSync(join(dir, 'taskdef.json'), taskDef('awsvpc'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: taskUri, type: 2 }] });
    await after(from, (c) => c.includes('service-awsvpc-network-configuration'));
    from = client.publications(uri).length;
    unlinkSync(join(dir, 'taskdef.json'));
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: taskUri, type: 3 }] });
    const next = await after(from, (c) => !c.includes('service-awsvpc-network-configuration'));
    assert.deepEqual(codes(next.diagnostics), []);
  });

  test('an environment file next to the service turns small subnets into a warning with figures', async () => {
    writeFileSync(join(dir, 'ecs-network.json'), JSON.stringify({ subnets: [{ id: 'subnet-0a1b2c3d4e5f60718', cidr: '10.0.0.0/27', az: 'eu-west-1a' }] }));
    const uri = pathToFileURL(join(dir, 'fargate-service.json')).href;
    const text = JSON.stringify({
      serviceName: 'web',
      taskDefinition: 'web:1',
      desiredCount: 40,
      launchType: 'FARGATE',
      networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } },
    });
    const diagnostics = await client.open(uri, text);
    const warning = diagnostics.find((d) => d.code === 'subnet-capacity');
    assert.ok(warning, JSON.stringify(diagnostics));
    assert.equal(warning.severity, 2);
    assert.match(String(warning.message), /40 tasks need 40 IPv4 addresses, but the 1 subnet \(10\.0\.0\.0\/27: 27\) has 27 usable/);
  });
});

describe('workspace folders added and removed while the server runs', () => {
  let inside: string;
  let added: string;
  let client: LspTestClient;
  let initialized: { capabilities: { workspace?: { workspaceFolders?: { supported?: boolean; changeNotifications?: boolean } } } };

  before(async () => {
    inside = mkdtempSync(join(tmpdir(), 'ecs-net-folder-a-'));
    added = mkdtempSync(join(tmpdir(), 'ecs-net-folder-b-'));
    writeFileSync(join(added, 'taskdef.json'), taskDef('awsvpc'));
    writeFileSync(join(added, 'target-group.json'), TARGET_GROUP);
    client = new LspTestClient();
    client.settings = { validationDelay: 0 };
    initialized = (await client.initialize({
      workspaceFolders: [{ uri: pathToFileURL(inside).href, name: 'a' }],
      capabilities: {
        workspace: { configuration: true, workspaceFolders: true },
        textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true } },
      },
    })) as typeof initialized;
  });

  after(async () => {
    await client.shutdown();
    rmSync(inside, { recursive: true, force: true });
    rmSync(added, { recursive: true, force: true });
  });

  test('the server asks for folder change notifications', () => {
    assert.deepEqual(initialized.capabilities.workspace?.workspaceFolders, { supported: true, changeNotifications: true });
  });

  test("an added folder's files are found; a removed folder's files are forgotten", async () => {
    const uri = pathToFileURL(join(inside, 'service.json')).href;
    const folder = { uri: pathToFileURL(added).href, name: 'b' };
    const after = (from: number, match: (found: string[]) => boolean) =>
      client.diagnostics(uri, (p) => client.publications(uri).indexOf(p) >= from && match(codes(p.diagnostics)));
    // Its task definition and target group are in a folder the workspace does not have yet: nothing to compare against.
    assert.deepEqual(codes(await client.open(uri, SERVICE)), []);

    let from = client.publications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [folder], removed: [] } });
    const found = await after(from, (c) => c.length > 0);
    assert.deepEqual(codes(found.diagnostics), ['service-awsvpc-network-configuration', 'target-type-network-mode']);

    from = client.publications(uri).length;
    await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [], removed: [folder] } });
    const forgotten = await after(from, (c) => c.length === 0);
    assert.deepEqual(codes(forgotten.diagnostics), []);
  });
});
