import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eniDensity, type EniDensityInput } from '../../../server/src/core/eni';
import { getInstanceType, instanceTypeNames, type InstanceType } from '../../../server/src/core/instances';

function type(name: string): InstanceType {
  const t = getInstanceType(name);
  assert.ok(t, name);
  return t;
}

test('tasks per instance from ENIs, with and without trunking', () => {
  // [type, without, source, with]; sources: the current ECS task-limit table and EC2 ENI limits.
  const cases: [string, number, 'ecs-table' | 'eni-limit', number | null][] = [
    ['c4.large', 2, 'eni-limit', null], // 3 ENIs − primary; no ECS trunking row
    ['c5.large', 2, 'ecs-table', 10], // ECS guide intro: 2 → 10
    ['t3.micro', 1, 'eni-limit', null], // 2 ENIs − primary
    ['m5.xlarge', 3, 'ecs-table', 20],
    ['m6in.32xlarge', 15, 'ecs-table', 120], // the 2023 table said 13; the current one says 16 ENIs − 1
    ['a1.metal', 7, 'eni-limit', null], // listed as not supporting trunking
  ];
  for (const [name, without, source, withT] of cases) {
    const d = eniDensity({ type: type(name) });
    assert.equal(d.withoutTrunking, without, name);
    assert.equal(d.withoutTrunkingSource, source, name);
    assert.equal(d.withTrunking, withT, name);
    assert.equal(d.withTrunkingNote === null, withT !== null, `${name}: a null figure always comes with a note`);
  }
});

test('the ten two-card types the 2023 table gave 13 now follow ENIs − 1 = 15', () => {
  // ecs-eni-trunking-newer.md header: these 10 rows read 15 without trunking where 2023 read 13.
  const names = ['c6in', 'm6in', 'm6idn', 'r6in', 'r6idn'].flatMap((f) => [`${f}.32xlarge`, `${f}.metal`]);
  for (const name of names) {
    const d = eniDensity({ type: type(name) });
    assert.equal(d.maxEnis, 16, name);
    assert.equal(d.withoutTrunking, 15, name);
  }
});

test('without trunking = ENIs − 1 on all 1,171 ECS rows the EC2 data also has', () => {
  // ecs-eni-trunking-newer.md header: holds for all 1171 rows that appear in ec2-instance-network.json;
  // the other 31 rows take their ENI count from the table, so it holds there by construction.
  let shared = 0;
  let fromTable = 0;
  for (const name of instanceTypeNames()) {
    const t = type(name);
    if (t.ecsTasksWithoutTrunking === null) continue;
    assert.equal(t.ecsTasksWithoutTrunking, t.maxEnis - 1, name);
    if (t.enisFromEcsTable) fromTable++;
    else shared++;
  }
  assert.deepEqual([shared, fromTable], [1171, 31]);
});

test('a trunked figure only ever comes from the ECS table, never estimated', () => {
  for (const name of instanceTypeNames()) {
    const t = type(name);
    const d = eniDensity({ type: t });
    assert.equal(d.withTrunking, t.ecsTasksWithTrunking, name);
    assert.ok(d.withoutTrunking >= 0, name);
  }
});

test('Windows container instances have no trunking', () => {
  for (const name of ['c5.large', 'm5.xlarge', 'm6in.32xlarge']) {
    const d = eniDensity({ type: type(name), os: 'windows' });
    assert.equal(d.withTrunking, null, name);
    assert.equal(d.effective.withTrunking, null, name);
    assert.equal(d.binding.withTrunking, null, name);
    assert.ok(d.withTrunkingNote, name);
  }
});

test('CPU and memory bounds and which one binds', () => {
  // c5.large: 2 vCPU = 2048 units, 4096 MiB, 2 tasks without / 10 with trunking.
  const cases: [Omit<EniDensityInput, 'type'>, number | null, number | null, [number, string], [number, string]][] = [
    [{}, null, null, [2, 'eni'], [10, 'eni']],
    [{ taskCpu: 512 }, 4, null, [2, 'eni'], [4, 'cpu']],
    [{ taskMemoryMiB: 1024 }, null, 4, [2, 'eni'], [4, 'memory']],
    [{ taskCpu: 256, taskMemoryMiB: 512 }, 8, 8, [2, 'eni'], [8, 'cpu']],
    [{ taskCpu: 1024 }, 2, null, [2, 'eni'], [2, 'cpu']], // without trunking ENI and CPU tie at 2: the ENI bound is named
    [{ taskCpu: 4096 }, 0, null, [0, 'cpu'], [0, 'cpu']],
    [{ taskCpu: 0, taskMemoryMiB: -1 }, null, null, [2, 'eni'], [10, 'eni']], // nonsense reservations are ignored
    [{ taskCpu: Number.NaN }, null, null, [2, 'eni'], [10, 'eni']],
  ];
  for (const [extra, byCpu, byMemory, without, withT] of cases) {
    const d = eniDensity({ type: type('c5.large'), ...extra });
    const label = JSON.stringify(extra);
    assert.equal(d.byCpu, byCpu, label);
    assert.equal(d.byMemory, byMemory, label);
    assert.deepEqual([d.effective.withoutTrunking, d.binding.withoutTrunking], without, label);
    assert.deepEqual([d.effective.withTrunking, d.binding.withTrunking], withT, label);
  }
});

test('types without vCPU or memory figures give null bounds, not NaN', () => {
  const d = eniDensity({ type: type('bmn-sf1.metal'), taskCpu: 256, taskMemoryMiB: 512 });
  assert.equal(d.byCpu, null);
  assert.equal(d.byMemory, null);
  assert.equal(d.effective.withoutTrunking, 14);
});
