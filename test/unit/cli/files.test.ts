import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { selectFiles } from '../../../server/src/cli/files';
import { listJsonFiles, MAX_WALKED_BYTES, walkJsonFiles } from '../../../server/src/workspace/walk';

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
    write('node_modules/pkg/taskdef.json', TASK);
    write('.git/taskdef.json', TASK);
    write('cdk.out/stack.template.json', TASK);
    // Over the limit by one byte: generated data, skipped by both walks.
    write('data/huge.json', `${TASK.slice(0, -1)}, "pad": "${'x'.repeat(MAX_WALKED_BYTES - TASK.length - 10)}"}`);

    const expected = [join(root, 'deploy', 'prod', 'taskdef.json'), join(root, 'deploy', 'stack.jsonc')];
    assert.deepEqual(listJsonFiles(root), expected);
    const walked: string[] = [];
    for await (const batch of walkJsonFiles(root)) walked.push(...batch);
    assert.deepEqual(walked.sort(), expected);
    assert.deepEqual(selectFiles(['.'], root).files, expected);
    assert.deepEqual(selectFiles(['**/*.json'], root).files, [expected[0]]);

    const named = selectFiles(['data/huge.json', 'node_modules/pkg/taskdef.json'], root);
    assert.deepEqual(named.files, [join(root, 'data', 'huge.json'), join(root, 'node_modules', 'pkg', 'taskdef.json')]);
    assert.deepEqual(named.unmatched, []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
