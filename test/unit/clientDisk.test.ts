// The browser server's disk (workspace/clientDisk.ts) against a client that answers FIND_FILES and
// READ_FILES from files it holds, as client/src/workspaceFiles.ts does with the workspace API.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { test } from 'node:test';
import { isWalkedPath } from '../../server/src/workspace/documentFiles';
import { listDocumentFiles } from '../../server/src/workspace/walk';
import { clientDisk, resolveUri, uriParent, type AskClient } from '../../server/src/workspace/clientDisk';
import { FIND_FILES, READ_FILES, type FindFilesParams, type ReadFilesParams } from '../../shared/src/protocol';

const ROOT = 'vscode-vfs://github/example/infra';

/** A client holding `files`; it records every request, and lists a folder's files whatever the globs say. */
function workspace(files: Record<string, string>) {
  const reads: string[][] = [];
  const listed: FindFilesParams[] = [];
  const ask = (async (request: { method: string }, params: unknown) => {
    if (request.method === FIND_FILES.method) {
      const { folder } = params as FindFilesParams;
      listed.push(params as FindFilesParams);
      return Object.keys(files).filter((uri) => uri.startsWith(`${folder}/`));
    }
    if (request.method === READ_FILES.method) {
      const { uris } = params as ReadFilesParams;
      reads.push([...uris]);
      return uris.map((uri) => files[uri] ?? null);
    }
    throw new Error(`unexpected request ${request.method}`);
  }) as AskClient;
  return { files, reads, listed, disk: clientDisk(ask) };
}

const env = (cidr: string) => JSON.stringify({ vpc: { cidr } });

test('URIs as paths: the parent folder and a setting resolved against a folder', () => {
  assert.equal(uriParent(`${ROOT}/deploy/service.json`), `${ROOT}/deploy`);
  assert.equal(uriParent('vscode-vfs://github/x.json'), 'vscode-vfs://github');
  assert.equal(uriParent('vscode-vfs://github'), 'vscode-vfs://github');
  assert.equal(resolveUri(ROOT, 'config/ecs-network.json'), `${ROOT}/config/ecs-network.json`);
  assert.equal(resolveUri(ROOT, '../shared/./env.json'), 'vscode-vfs://github/example/shared/env.json');
  assert.equal(resolveUri(ROOT, 'config\\env.json'), `${ROOT}/config/env.json`);
  assert.equal(resolveUri(ROOT, '/etc/env.json'), 'vscode-vfs://github/etc/env.json');
  assert.equal(resolveUri(ROOT, 'my env.json'), `${ROOT}/my%20env.json`);
});

test('which URIs have files around them, and which folder holds which file', () => {
  const { disk } = workspace({});
  assert.equal(disk.pathOf('untitled:Untitled-1'), undefined);
  assert.equal(disk.pathOf(`${ROOT}/a.json`), `${ROOT}/a.json`);
  assert.equal(disk.contains(ROOT, `${ROOT}/deploy/a.json`), true);
  assert.equal(disk.contains(ROOT, `${ROOT}-other/a.json`), false);
  assert.equal(disk.contains(`${ROOT}/`, `${ROOT}/a.json`), true);
});

test('the walk leaves out what the Node walk leaves out, and reads the rest in one request per batch', async () => {
  const { disk, reads, listed } = workspace({
    [`${ROOT}/b/taskdef.json`]: '{}',
    [`${ROOT}/a.yaml`]: 'x: 1',
    [`${ROOT}/README.md`]: '#',
    [`${ROOT}/node_modules/p/taskdef.json`]: '{}',
    [`${ROOT}/.github/workflow.yml`]: 'on: push',
    [`${ROOT}/dist/out.json`]: '{}',
    [`${ROOT}/.hidden.json`]: '{}',
  });
  const batches: string[][] = [];
  for await (const batch of disk.walkDocumentFiles(ROOT, 4)) batches.push(batch);
  assert.deepEqual(batches, [[`${ROOT}/.hidden.json`, `${ROOT}/a.yaml`, `${ROOT}/b/taskdef.json`]]);
  assert.equal(listed[0].folder, ROOT);
  assert.match(listed[0].exclude, /node_modules/);
  assert.deepEqual(reads, [batches[0]]);
});

test('the browser walk takes the same files as the Node walk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-net-walks-'));
  try {
    const all = [
      'a.json',
      'b.JSON',
      'c.jsonc',
      'd.yml',
      'e.yaml',
      'f.template',
      'g.md',
      '.h.json',
      'x/y/z.json',
      'cdk.out/t.json',
      '.vscode/s.json',
      'out/o.json',
      'src/.git/c.json',
    ];
    for (const file of all) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), '{}');
    }
    const node = listDocumentFiles(dir).map((f) => relative(dir, f).split(sep).join('/'));
    assert.deepEqual(all.filter(isWalkedPath).sort(), node.sort());
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a walked file is read once: the walk reads ahead, readText takes it; other files are asked for', async () => {
  const { disk, reads } = workspace({ [`${ROOT}/a.json`]: '{"a":1}', [`${ROOT}/b.json`]: '{"b":2}' });
  for await (const batch of disk.walkDocumentFiles(ROOT, 4)) {
    assert.equal(await disk.readText(batch[0]), '{"a":1}');
  }
  assert.equal(reads.length, 1);
  // Not read ahead any more once the walk went past it.
  assert.equal(await disk.readText(`${ROOT}/b.json`), '{"b":2}');
  assert.equal(reads.length, 2);
  await assert.rejects(disk.readText(`${ROOT}/missing.json`), /could not read/);
});

test('the nearest environment file above a document, asked for in one request and kept until it changes', async () => {
  const { disk, reads, files } = workspace({ [`${ROOT}/ecs-network.json`]: env('10.0.0.0/16') });
  const noOpen = () => undefined;
  const found = await disk.environmentFor(`${ROOT}/deploy/api/service.json`, 'ecs-network.json', ROOT, noOpen);
  assert.equal(found?.path, `${ROOT}/ecs-network.json`);
  assert.equal(found?.env.vpcCidr, '10.0.0.0/16');
  assert.deepEqual(reads, [[`${ROOT}/deploy/api/ecs-network.json`, `${ROOT}/deploy/ecs-network.json`, `${ROOT}/ecs-network.json`]]);

  await disk.environmentFor(`${ROOT}/deploy/api/service.json`, 'ecs-network.json', ROOT, noOpen);
  assert.equal(reads.length, 1, 'kept, not asked again');

  // A nearer file appears: the watcher's event makes the disk ask again for that one only.
  files[`${ROOT}/deploy/ecs-network.json`] = env('10.1.0.0/16');
  disk.changed?.(`${ROOT}/deploy/ecs-network.json`);
  const nearer = await disk.environmentFor(`${ROOT}/deploy/api/service.json`, 'ecs-network.json', ROOT, noOpen);
  assert.equal(nearer?.env.vpcCidr, '10.1.0.0/16');
  assert.deepEqual(reads[1], [`${ROOT}/deploy/ecs-network.json`]);

  // An open editor's text wins over the file's.
  const open = await disk.environmentFor(`${ROOT}/deploy/api/service.json`, 'ecs-network.json', ROOT, (path) =>
    path === `${ROOT}/deploy/ecs-network.json` ? env('10.2.0.0/16') : undefined,
  );
  assert.equal(open?.env.vpcCidr, '10.2.0.0/16');
});

test('an environment file named by path, a missing one, and one that is not JSON', async () => {
  const { disk } = workspace({ [`${ROOT}/config/env.json`]: env('10.0.0.0/16'), [`${ROOT}/broken.json`]: '{' });
  const none = () => undefined;
  assert.equal((await disk.environmentFor(`${ROOT}/a/service.json`, 'config/env.json', ROOT, none))?.env.vpcCidr, '10.0.0.0/16');
  assert.equal(await disk.environmentFor(`${ROOT}/a/service.json`, 'ecs-network.json', ROOT, none), undefined);
  const broken = await disk.environmentFor(`${ROOT}/a/service.json`, 'broken.json', ROOT, none);
  assert.match(broken?.error ?? '', /not valid JSON/);
});

test('rule pages link into the extension once the client said where it is', () => {
  const { disk } = workspace({});
  assert.equal(disk.docsUrl('fargate-network-mode'), undefined);
  disk.useExtensionUri?.('https://example.test/ext/');
  assert.equal(disk.docsUrl('fargate-network-mode'), 'https://example.test/ext/docs/rules/fargate-network-mode.md');
});
