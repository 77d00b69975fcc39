import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Regenerates every generated file from the pinned inputs into a temporary folder and compares it
// byte for byte with what is committed. The inputs live beside the clone (../shared/data; CI has
// them there) or where ECS_NET_SHARED_DATA points, the same place the generators look.
const root = join(__dirname, '..', '..', '..', '..');
const shared = process.env.ECS_NET_SHARED_DATA || join(root, '..', 'shared', 'data');

/** Folders whose every file is generated, and single generated files elsewhere. */
const GENERATED_FOLDERS = ['server/src/core/data', 'server/src/structure/data', 'docs/rules'];
const GENERATED_FILES = ['schemas/task-definition.schema.json', 'schemas/service.schema.json', 'schemas/target-group.schema.json'];

function run(script: string, ...args: string[]): void {
  const r = spawnSync(process.execPath, [join(root, 'scripts', script), ...args], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${script} failed:\n${r.stderr}`);
}

test('the generators reproduce every committed generated file from the pinned inputs', () => {
  assert.ok(existsSync(shared), `the shared data folder ${shared} is missing: these checks need it (set ECS_NET_SHARED_DATA or put it beside the repository)`);
  const out = mkdtempSync(join(tmpdir(), 'ecs-net-regen-'));
  try {
    run('gen-data.mjs', '--shared', shared, '--out', out);
    run('gen-shapes.mjs', '--shared', shared, '--out', out);
    // Reads the API shapes gen-shapes.mjs has just written under the same output root.
    run('gen-terraform.mjs', '--shared', shared, '--out', out);
    run('gen-rule-docs.mjs', '--out', out);
    const files = [...GENERATED_FILES];
    for (const folder of GENERATED_FOLDERS) {
      const committed = readdirSync(join(root, folder)).sort();
      const regenerated = readdirSync(join(out, folder)).sort();
      assert.deepEqual(committed, regenerated, `${folder}: committed and regenerated files differ`);
      files.push(...regenerated.map((name) => `${folder}/${name}`));
    }
    const stale = files.filter((file) => !readFileSync(join(root, file)).equals(readFileSync(join(out, file))));
    assert.deepEqual(stale, [], 'committed files that differ from a fresh generation: run npm run gen:data && npm run gen:docs');
    assert.ok(files.length > 50, `${files.length} files compared`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
});

test('a changed input stops the generator with a message naming it, before anything is written', () => {
  assert.ok(existsSync(shared), `the shared data folder ${shared} is missing`);
  const copy = mkdtempSync(join(tmpdir(), 'ecs-net-pins-'));
  try {
    for (const file of ['ec2-instance-network.json', 'ecs-eni-trunking.json', 'ecs-eni-trunking-newer.md', 'fargate.json']) {
      copyFileSync(join(shared, file), join(copy, file));
    }
    appendFileSync(join(copy, 'fargate.json'), '\n');
    const out = join(copy, 'out');
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'gen-data.mjs'), '--shared', copy, '--out', out], { encoding: 'utf8' });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /input fargate\.json changed: its sha256 is [0-9a-f]{64}, scripts\/data-inputs\.json pins [0-9a-f]{64}/);
    assert.equal(existsSync(out), false);
  } finally {
    rmSync(copy, { recursive: true, force: true });
  }
});
