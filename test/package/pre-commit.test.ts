// The pre-commit hook (.pre-commit-hooks.yaml) with Debian's pre-commit, in a temporary repository
// that has the ecs-net tarball installed: a faulty task definition is refused, naming the rule, and a
// valid one is committed. scripts/install-e2e-tools.sh installs pre-commit; without it this test fails.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/lsp-client';
import { installTarball, packCli, runCommand, type Ran } from '../support/packed-cli';

const FAULTY = readFileSync(join(REPO_ROOT, 'examples', 'mistakes', 'fargate-taskdef.json'), 'utf8');
const VALID = readFileSync(join(REPO_ROOT, 'examples', 'fargate-service', 'taskdef.json'), 'utf8');

test('the ecs-net hook refuses a commit with a faulty task definition and accepts a valid one', (t) => {
  const base = mkdtempSync(join(tmpdir(), 'ecs-net-pre-commit-'));
  t.after(() => rmSync(base, { recursive: true, force: true }));
  const gitConfig = join(base, 'gitconfig');
  writeFileSync(gitConfig, '[user]\n\tname = Hook Test\n\temail = hook@example.invalid\n[init]\n\tdefaultBranch = main\n');
  const env = { ...process.env, GIT_CONFIG_GLOBAL: gitConfig, GIT_CONFIG_NOSYSTEM: '1', PRE_COMMIT_HOME: join(base, 'cache') };
  const inDir =
    (cwd: string) =>
    (command: string, ...args: string[]): Ran =>
      runCommand(command, args, { cwd, env });

  // The hook's repository: this project's hook manifest, committed so pre-commit can clone it.
  const hooks = join(base, 'hooks');
  mkdirSync(hooks);
  const inHooks = inDir(hooks);
  copyFileSync(join(REPO_ROOT, '.pre-commit-hooks.yaml'), join(hooks, '.pre-commit-hooks.yaml'));
  for (const args of [
    ['init', '-q'],
    ['add', '.'],
    ['commit', '-qm', 'hooks'],
  ])
    assert.equal(inHooks('git', ...args).status, 0);
  const rev = inHooks('git', 'rev-parse', 'HEAD').stdout.trim();

  // The user's repository, with ecs-net as a development dependency.
  const project = join(base, 'project');
  mkdirSync(project);
  const inProject = inDir(project);
  assert.equal(inProject('git', 'init', '-q').status, 0);
  installTarball(project, packCli().file);
  writeFileSync(join(project, '.gitignore'), 'node_modules/\n');
  writeFileSync(join(project, '.pre-commit-config.yaml'), `repos:\n  - repo: ${hooks}\n    rev: ${rev}\n    hooks:\n      - id: ecs-net\n`);
  const install = inProject('pre-commit', 'install');
  assert.equal(install.status, 0, install.stderr);
  for (const args of [
    ['add', '.'],
    ['commit', '-qm', 'project'],
  ])
    assert.equal(inProject('git', ...args).status, 0);

  writeFileSync(join(project, 'taskdef.json'), FAULTY);
  inProject('git', 'add', 'taskdef.json');
  const refused = inProject('git', 'commit', '-m', 'faulty task definition');
  assert.equal(refused.status, 1, refused.stdout + refused.stderr);
  const said = refused.stdout + refused.stderr;
  assert.match(said, /ecs-net check\.+Failed/);
  assert.match(said, /^taskdef\.json:4:18 error fargate-network-mode /m);
  assert.equal(inProject('git', 'rev-list', '--count', 'HEAD').stdout.trim(), '1');

  writeFileSync(join(project, 'taskdef.json'), VALID);
  inProject('git', 'add', 'taskdef.json');
  const accepted = inProject('git', 'commit', '-m', 'valid task definition');
  assert.equal(accepted.status, 0, accepted.stdout + accepted.stderr);
  assert.match(accepted.stdout + accepted.stderr, /ecs-net check\.+Passed/);
  assert.equal(inProject('git', 'rev-list', '--count', 'HEAD').stdout.trim(), '2');
});
