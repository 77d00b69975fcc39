import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { appendFileSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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

test('a provider argument that matches no API member and is not listed stops the Terraform generator, naming it', () => {
  assert.ok(existsSync(shared), `the shared data folder ${shared} is missing`);
  const copy = mkdtempSync(join(tmpdir(), 'ecs-net-tf-'));
  const pins = join(root, 'scripts', 'data-inputs.json');
  const pinned = readFileSync(pins);
  try {
    const pages = join(copy, 'terraform-aws', 'r');
    mkdirSync(pages, { recursive: true });
    for (const name of readdirSync(join(shared, 'terraform-aws', 'r'))) copyFileSync(join(shared, 'terraform-aws', 'r', name), join(pages, name));
    const page = join(pages, 'ecs_service.html.markdown');
    const text = readFileSync(page, 'utf8');
    assert.ok(text.includes('\n* `cluster` - '));
    writeFileSync(page, text.replace('\n* `cluster` - ', '\n* `warm_pool` - (Optional) Added for this test.\n* `cluster` - '));
    const out = join(copy, 'out');
    const data = join(out, 'server', 'src', 'structure', 'data');
    mkdirSync(data, { recursive: true });
    copyFileSync(join(root, 'server', 'src', 'structure', 'data', 'api-shapes.ts'), join(data, 'api-shapes.ts'));
    // --accept-inputs gets past the pins to the mapping, which must fail before any pin is written.
    const r = spawnSync(process.execPath, [join(root, 'scripts', 'gen-terraform.mjs'), '--shared', copy, '--out', out, '--accept-inputs'], {
      encoding: 'utf8',
    });
    assert.equal(r.status, 1);
    assert.match(r.stderr, /aws_ecs_service warm_pool: no API member matches; add an override or list it as not mapped/);
    assert.equal(existsSync(join(data, 'terraform-names.ts')), false);
    assert.ok(readFileSync(pins).equals(pinned), 'the pins are untouched');
  } finally {
    if (!readFileSync(pins).equals(pinned)) writeFileSync(pins, pinned);
    rmSync(copy, { recursive: true, force: true });
  }
});
