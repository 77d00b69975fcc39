// @ts-check
// Exports the real-module corpus of the Terraform precision table: the example (and module) folders
// of public ECS Terraform repositories, at pinned commits, from git snapshots already on this
// machine. The corpus is third-party code and stays out of this repository; this list of sources
// is what we keep.
//
//   node scripts/tf-corpus.mjs [--mirrors DIR] [--out DIR]
//
// --mirrors: where the snapshots are, one git directory per repository at <DIR>/<owner>+<name>/repo
// (default /work/.mirror). --out: where the corpus goes (default /work/tfcorpus): one folder per
// repository, named after it, holding the listed paths as they are in the repository, and
// SOURCES.json with the repository, commit, commit date, licence, paths and file count of each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * @typedef {{ repo: string, commit: string, license: string, paths: string[], why: string }} Source
 * @type {Source[]}
 */
const SOURCES = [
  {
    repo: 'terraform-aws-modules/terraform-aws-ecs',
    commit: '8d25f4e9989475e2b94ede517253e2d069990073',
    license: 'Apache-2.0',
    paths: ['examples', 'modules'],
    why: 'the most used public ECS modules: examples are module calls (silent); modules/service holds the resources, driven by variables',
  },
  {
    repo: 'cloudposse/terraform-aws-ecs-alb-service-task',
    commit: '9e9fef3ac15f188f2e7d28cf033ab07e945462cd',
    license: 'Apache-2.0',
    paths: ['main.tf', 'variables.tf', 'outputs.tf', 'versions.tf', 'context.tf', 'examples'],
    why: 'a root module with aws_ecs_task_definition and aws_ecs_service written directly, full of count, dynamic blocks and conditionals',
  },
  {
    repo: 'turnerlabs/terraform-ecs-fargate',
    commit: 'a54f3312f479c2b2615da5a44989d6d1ab0b09fb',
    license: 'Apache-2.0',
    paths: ['env/dev', 'base'],
    why: 'a Fargate stack spread over many .tf files of one folder, heredoc container definitions with interpolation',
  },
];

/** @param {string} flag @param {string} fallback */
function option(flag, fallback) {
  const at = process.argv.indexOf(flag);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/** @param {string} gitDir @param {string[]} args */
function git(gitDir, args) {
  const result = spawnSync('git', ['--git-dir', gitDir, ...args], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (result.status !== 0) throw new Error(`git ${args.join(' ')} in ${gitDir}: ${result.stderr.trim()}`);
  return result.stdout;
}

const mirrors = option('--mirrors', '/work/.mirror');
const out = option('--out', '/work/tfcorpus');
mkdirSync(out, { recursive: true });

const written = [];
for (const source of SOURCES) {
  const gitDir = join(mirrors, source.repo.replace('/', '+'), 'repo');
  if (!existsSync(gitDir)) {
    console.error(`${source.repo}: no snapshot at ${gitDir}; bring it here first (the session's fetch tool, github:${source.repo})`);
    process.exit(1);
  }
  if (spawnSync('git', ['--git-dir', gitDir, 'cat-file', '-e', `${source.commit}^{commit}`]).status !== 0) {
    console.error(`${source.repo}: the snapshot at ${gitDir} does not hold the pinned commit ${source.commit}`);
    process.exit(1);
  }
  const name = source.repo.split('/')[1];
  const target = join(out, name);
  rmSync(target, { recursive: true, force: true });
  mkdirSync(target, { recursive: true });
  // git archive | tar: the files exactly as committed, without a work tree.
  const archive = spawnSync('git', ['--git-dir', gitDir, 'archive', '--format=tar', source.commit, '--', ...source.paths], { maxBuffer: 1 << 28 });
  if (archive.status !== 0) throw new Error(`git archive for ${source.repo}: ${archive.stderr.toString().trim()}`);
  const untar = spawnSync('tar', ['-x', '-C', target], { input: archive.stdout });
  if (untar.status !== 0) throw new Error(`tar for ${source.repo}: ${untar.stderr.toString().trim()}`);
  const files = git(gitDir, ['ls-tree', '-r', '--name-only', source.commit, '--', ...source.paths])
    .split('\n')
    .filter(Boolean);
  const tfFiles = files.filter((f) => f.endsWith('.tf'));
  const committed = git(gitDir, ['show', '-s', '--format=%cI', source.commit]).trim();
  written.push({ ...source, committed, folder: name, files: files.length, tfFiles: tfFiles.length });
  console.log(`${source.repo}@${source.commit.slice(0, 12)} (${committed}): ${files.length} files, ${tfFiles.length} .tf, in ${target}`);
}

writeFileSync(
  join(out, 'SOURCES.json'),
  JSON.stringify(
    { exportedBy: 'scripts/tf-corpus.mjs', note: 'Third-party code under the licences named; not part of this repository.', sources: written },
    null,
    2,
  ) + '\n',
);
console.log(`wrote ${join(out, 'SOURCES.json')}`);
