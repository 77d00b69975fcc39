// `npm run pack:cli` produces a package that installs on its own and runs the checks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/lsp-client';
import { installTarball, packCli, runCommand } from '../support/packed-cli';

const { version } = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };

test('the ecs-net tarball installs into an empty folder and check, plan and help run from it', async (t) => {
  const packed = packCli();
  assert.equal(packed.file.endsWith(`ecs-net-${version}.tgz`), true, packed.file);
  const dir = mkdtempSync(join(tmpdir(), 'ecs-net-install-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  installTarball(dir, packed.file);
  cpSync(join(REPO_ROOT, 'examples'), join(dir, 'examples'), { recursive: true });

  const installed = join(dir, 'node_modules', 'ecs-net');
  const manifest = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8')) as Record<string, unknown>;
  assert.equal(manifest.name, 'ecs-net');
  assert.deepEqual(manifest.bin, { 'ecs-net': 'dist/cli.js' });
  for (const field of ['dependencies', 'devDependencies', 'contributes', 'engines.vscode', 'scripts']) assert.equal(field in manifest, false, field);
  assert.deepEqual(readdirSync(join(installed, 'dist')).sort(), ['cli.js', 'env-pull.js', 'tree-sitter-terraform.wasm', 'web-tree-sitter.wasm']);
  for (const file of ['README.md', 'LICENSE', 'schemas/task-definition.schema.json']) assert.ok(existsSync(join(installed, file)), file);
  assert.equal(existsSync(join(dir, 'node_modules', 'jsonc-parser')), false, 'nothing but ecs-net is installed');

  const npx = (...args: string[]) => runCommand('npx', ['--no-install', 'ecs-net', ...args], { cwd: dir });

  const bad = npx('check', 'examples/mistakes/fargate-taskdef.json');
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stdout, /^examples\/mistakes\/fargate-taskdef\.json:4:18 error fargate-network-mode /m);
  assert.match(bad.stderr, /1 ECS document checked: \d+ errors/);

  // The Terraform reader's wasm ships in the package and loads from beside the CLI.
  const tf = npx('check', 'examples/terraform/fargate-bridge');
  assert.equal(tf.status, 1, tf.stderr);
  assert.match(tf.stdout, /^examples\/terraform\/fargate-bridge\/ecs\.tf:\d+:\d+ error fargate-network-mode /m);

  const good = npx('check', '--format', 'json', 'examples/fargate-service');
  assert.equal(good.status, 0, good.stderr);
  const files = JSON.parse(good.stdout) as { file: string; diagnostics: unknown[] }[];
  assert.deepEqual(
    files.map((f) => [f.file, f.diagnostics.length]),
    [
      ['examples/fargate-service/ecs-network.json', 0],
      ['examples/fargate-service/service.json', 0],
      ['examples/fargate-service/target-group.json', 0],
      ['examples/fargate-service/taskdef.json', 0],
    ],
  );

  const plan = npx('plan', '--instance-type', 'c5.large', '--trunking', '--tasks', '300', '--subnets', '10.0.0.0/20,10.0.16.0/20');
  assert.equal(plan.status, 0, plan.stderr);
  assert.match(plan.stdout, /c5\.large/);

  const wrongType = npx('plan', '--instance-type', 'c5.lrge', '--tasks', '3');
  assert.equal(wrongType.status, 2);
  assert.match(wrongType.stderr, /c5\.large/);

  assert.deepEqual(npx('--version'), { status: 0, stdout: `${version}\n`, stderr: '' });
  const help = npx('help', 'check');
  assert.equal(help.status, 0);
  assert.match(help.stdout, /^Usage: ecs-net check /);
  const unknown = npx('check', '--fromat', 'json', 'examples');
  assert.equal(unknown.status, 2);
  assert.equal(unknown.stderr.trim().split('\n').length, 1, unknown.stderr);
});

test('without the AWS SDK bundle the package stays under 1 MB packed', () => {
  const lean = packCli(['--without-env-pull']);
  assert.ok(lean.size < 1024 * 1024, `${lean.size} bytes`);
});
