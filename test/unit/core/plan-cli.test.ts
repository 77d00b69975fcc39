import { test } from 'node:test';
import assert from 'node:assert/strict';
import { runPlan } from '../../../server/src/cli/plan';

function run(...argv: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = runPlan(argv, { stdout: (s) => (stdout += s), stderr: (s) => (stderr += s) });
  return { code, stdout, stderr };
}

test('--json prints the plan: c5.large with trunking, 300 tasks', () => {
  const r = run('--instance-type', 'c5.large', '--trunking', '--tasks', '300', '--json');
  assert.equal(r.code, 0);
  assert.equal(r.stderr, '');
  const plan = JSON.parse(r.stdout) as { instancesNeeded: number; ipv4: { needed: number; peakDuringDeployment: number } };
  assert.equal(plan.instancesNeeded, 30);
  assert.equal(plan.ipv4.needed, 360);
  assert.equal(plan.ipv4.peakDuringDeployment, 720);
});

test('--flag=value works the same as --flag value', () => {
  const a = run('--instance-type=c5.large', '--trunking', '--tasks=300', '--subnets=10.0.0.0/20,10.0.16.0/20', '--json');
  const b = run('--instance-type', 'c5.large', '--trunking', '--tasks', '300', '--subnets', '10.0.0.0/20', '--subnets', '10.0.16.0/20', '--json');
  assert.equal(a.code, 0);
  assert.equal(a.stdout, b.stdout);
});

test('task sizes accept vCPU and GB strings', () => {
  const r = run('--instance-type', 'c5.large', '--task-cpu', '0.5 vCPU', '--task-memory', '1GB', '--json');
  assert.equal(r.code, 0);
  const plan = JSON.parse(r.stdout) as { taskCpu: number; taskMemoryMiB: number; tasksPerInstance: { byCpu: number; byMemory: number } };
  assert.deepEqual([plan.taskCpu, plan.taskMemoryMiB, plan.tasksPerInstance.byCpu, plan.tasksPerInstance.byMemory], [512, 1024, 4, 4]);
});

test('text output shows the figures', () => {
  const r = run('--instance-type', 'c5.large', '--trunking', '--tasks', '300', '--subnets', '10.0.0.0/20,10.0.16.0/20,10.0.32.0/20');
  assert.equal(r.code, 0);
  for (const expected of ['c5.large', '12,273', '360', '720', '10.0.32.0/20', '4,091']) {
    assert.ok(r.stdout.includes(expected), expected);
  }
});

test('--help prints usage and exits 0', () => {
  for (const flag of ['--help', '-h']) {
    const r = run(flag);
    assert.equal(r.code, 0);
    assert.ok(r.stdout.startsWith('Usage: ecs-net plan'));
  }
});

test('a leading "plan" word is accepted', () => {
  assert.equal(run('plan', '--instance-type', 'c5.large').code, 0);
});

test('bad usage or input: exit 2, one line on stderr, nothing on stdout', () => {
  const cases: [string[], string | undefined][] = [
    [['--instance-type', 'c5.lrge'], 'c5.large'],
    [['--instance-type', 'c5.large', '--subnets', '10.0.0/20'], undefined],
    [['--instance-type', 'c5.large', '--subnets', '10.0.0.0/29'], undefined],
    [['--instance-type', 'c5.large', '--trunkin'], '--trunking'],
    [[], '--instance-type'],
    [['--instance-type'], undefined],
    [['--instance-type', 'c5.large', '--tasks', 'many'], undefined],
    [['--instance-type', 'c5.large', '--tasks', '-3'], undefined],
    [['--instance-type', 'c5.large', '--os', 'macos'], undefined],
    [['--instance-type', 'c5.large', '--task-cpu', 'lots'], undefined],
    [['--instance-type', 'c5.large', '--json=yes'], undefined],
    [['c5.large'], undefined],
  ];
  for (const [argv, mentions] of cases) {
    const r = run(...argv);
    const label = argv.join(' ');
    assert.equal(r.code, 2, label);
    assert.equal(r.stdout, '', label);
    assert.equal(r.stderr.trimEnd().split('\n').length, 1, label);
    assert.ok(!/\n\s+at /.test(r.stderr), `no stack trace: ${label}`);
    if (mentions) assert.ok(r.stderr.includes(mentions), `${label} mentions ${mentions}`);
  }
});
