import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectFiles } from '../../../server/src/cli/files';
import { listDocumentFiles, MAX_WALKED_BYTES, walkDocumentFiles } from '../../../server/src/workspace/walk';

const TASK = JSON.stringify({ family: 'web', containerDefinitions: [{ name: 'web', image: 'x' }] });

test('the CLI and the workspace index walk a folder the same way; a file named explicitly is taken as it is', async () => {
  const root = mkdtempSync(join(tmpdir(), 'ecs-net-walk-'));
  try {
    const write = (path: string, text: string) => {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), text);
    };
    write('deploy/prod/taskdef.json', TASK);
    write('deploy/stack.jsonc', TASK);
    write('deploy/notes.txt', TASK);
    write('deploy/stack.yaml', 'Resources: {}\n');
    write('deploy/service.yml', 'Resources: {}\n');
    write('deploy/legacy.template', 'Resources: {}\n');
    write('node_modules/pkg/taskdef.json', TASK);
    write('.git/taskdef.json', TASK);
    write('cdk.out/stack.template.json', TASK);
    // Over the limit by one byte: generated data, skipped by both walks.
    write('data/huge.json', `${TASK.slice(0, -1)}, "pad": "${'x'.repeat(MAX_WALKED_BYTES - TASK.length - 10)}"}`);

    const expected = ['legacy.template', 'prod/taskdef.json', 'service.yml', 'stack.jsonc', 'stack.yaml'].map((f) => join(root, 'deploy', f));
    assert.deepEqual(listDocumentFiles(root), expected);
    const walked: string[] = [];
    for await (const batch of walkDocumentFiles(root)) walked.push(...batch);
    assert.deepEqual(walked.sort(), expected);
    assert.deepEqual(selectFiles(['.'], root).files, expected);
    assert.deepEqual(selectFiles(['**/*.json'], root).files, [expected[1]]);

    const named = selectFiles(['data/huge.json', 'node_modules/pkg/taskdef.json'], root);
    assert.deepEqual(named.files, [join(root, 'data', 'huge.json'), join(root, 'node_modules', 'pkg', 'taskdef.json')]);
    assert.deepEqual(named.unmatched, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
