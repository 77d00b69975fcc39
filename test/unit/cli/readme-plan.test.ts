import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../support/lsp-client';

// The README's `ecs-net plan` example must print what the sentence under it says: the command is
// taken from the README as written (optional flags in brackets left out) and its figures compared.

const README = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');

test('the README plan example prints the figures its text quotes', () => {
  const section = README.slice(README.indexOf('## The simulation core and `ecs-net plan`'));
  const block = /```sh\n([\s\S]*?)```/.exec(section);
  assert.ok(block, 'no command block in the plan section');
  const command = block[1]
    .replace(/\\\n/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .trim()
    .split(/\s+/);
  assert.deepEqual(command.slice(0, 3), ['node', 'dist/cli.js', 'plan']);
  const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), ...command.slice(2)], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const row = (label: string, after = '') => {
    const from = after ? run.stdout.indexOf(after) : 0;
    const m = new RegExp(`^\\s*${label}\\s+([\\d,]+)`, 'm').exec(run.stdout.slice(from));
    assert.ok(m, `no '${label}' row in:\n${run.stdout}`);
    return Number(m[1].replace(/,/g, ''));
  };
  const text = section.slice(block.index + block[0].length).replace(/\s+/g, ' ');
  const quoted =
    /(\d+) tasks need (\d+) instances and (\d+) \+ (\d+) × (\d+) = ([\d,]+) IPv4 addresses \(([\d,]+) at the (\d+)% deployment peak, ([\d,]+) tasks on ([\d,]+) instances\)/.exec(
      text,
    );
  assert.ok(quoted, `the sentence under the command changed: ${text.slice(0, 300)}`);
  const n = quoted.slice(1).map((x) => Number(x.replace(/,/g, '')));
  const [tasks, instances, tasksAgain, instancesAgain, perInstance, needed, peak, , peakTasks, peakInstances] = n;
  assert.equal(tasks, tasksAgain);
  assert.equal(instances, instancesAgain);
  assert.equal(instances, row('needed', 'Instances'));
  assert.equal(peakInstances, row('during deployment', 'Instances'));
  assert.equal(perInstance, row('per instance', 'IPv4 addresses'));
  assert.equal(needed, row('needed', 'IPv4 addresses'));
  assert.equal(needed, tasks + instances * perInstance);
  assert.equal(peak, row('peak during deployment', 'IPv4 addresses'));
  assert.match(run.stdout, new RegExp(`^Capacity plan: ${tasks} awsvpc tasks`, 'm'));
  assert.match(run.stdout, new RegExp(`${peakTasks} tasks at \\d+%`));
});
