import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eniDensity, type TrunkingNoteKind } from '../../../server/src/core/eni';
import { getInstanceType, instanceTypeDataNote, instanceTypeNames, type InstanceType } from '../../../server/src/core/instances';
import { capacityPlan, type CapacityPlan } from '../../../server/src/core/plan';
import { DOCUMENTED_ROWS } from '../../support/trunking-rows';

function type(name: string): InstanceType {
  const t = getInstanceType(name);
  assert.ok(t, name);
  return t;
}

function trunkedPlan(instanceType: string): CapacityPlan {
  const r = capacityPlan({ instanceType, trunking: true, tasks: 100 });
  assert.ok(r.ok, instanceType);
  return (r as { ok: true; plan: CapacityPlan }).plan;
}

const kinds = (name: string): TrunkingNoteKind[] => eniDensity({ type: type(name) }).withTrunkingNotes.map((n) => n.kind);

test('documented rows of the current ECS table, without → with trunking', () => {
  for (const [name, without, withT] of DOCUMENTED_ROWS) {
    const d = eniDensity({ type: type(name) });
    assert.deepEqual([d.withoutTrunking, d.withTrunking, d.withoutTrunkingSource], [without, withT, 'ecs-table'], name);
    assert.equal(d.withTrunkingNote, null, name);
    assert.equal(trunkedPlan(name).tasksPerInstance.effective, withT, name);
  }
});

test('a negative published figure is no figure: hpc8a.96xlarge prints -2 with trunking', () => {
  const d = eniDensity({ type: type('hpc8a.96xlarge') });
  assert.equal(d.withoutTrunking, 3);
  assert.equal(d.withTrunking, null);
  assert.deepEqual(kinds('hpc8a.96xlarge'), ['unpublished']);
  const plan = trunkedPlan('hpc8a.96xlarge');
  assert.equal(plan.tasksPerInstance.effective, 3, 'falls back to the untrunked figure');
  assert.ok(plan.warnings.some((w) => w.includes('-2')));
  for (const name of instanceTypeNames()) {
    const all = eniDensity({ type: type(name) });
    assert.ok(all.withoutTrunking >= 0 && (all.withTrunking === null || all.withTrunking >= 0), name);
  }
});

test('where the table gives fewer tasks with trunking (u-* types), trunking on uses the lower figure and says so', () => {
  for (const name of ['u-6tb1.56xlarge', 'u-18tb1.112xlarge', 'u-18tb1.metal', 'u-24tb1.112xlarge', 'u-24tb1.metal']) {
    const d = eniDensity({ type: type(name) });
    assert.deepEqual([d.withoutTrunking, d.withTrunking], [14, 12], name);
    assert.ok(kinds(name).includes('lowers'), name);
    assert.match(d.withTrunkingNote ?? '', /trunking lowers the limit/, name);
    const plan = trunkedPlan(name);
    assert.equal(plan.tasksPerInstance.effective, 12, name);
    assert.ok(
      plan.warnings.some((w) => w.includes('lowers the limit')),
      name,
    );
  }
  // u-3tb1.56xlarge rises 7 → 12: no note.
  assert.deepEqual(kinds('u-3tb1.56xlarge'), []);
});

test('types both listed and named "not supported" keep the figures, with a note and no warning', () => {
  const cases: [string, number, number][] = [
    ['r5b.16xlarge', 14, 120],
    ['r5dn.16xlarge', 14, 120],
    ['u-6tb1.56xlarge', 14, 12],
  ];
  for (const [name, without, withT] of cases) {
    const d = eniDensity({ type: type(name) });
    assert.deepEqual([d.withoutTrunking, d.withTrunking], [without, withT], name);
    assert.ok(kinds(name).includes('page-contradicts'), name);
    assert.match(d.withTrunkingNote ?? '', /contradicts itself/, name);
    const plan = trunkedPlan(name);
    assert.equal(plan.tasksPerInstance.effective, withT, name);
    assert.ok(!plan.warnings.some((w) => w.includes('contradicts')), `${name}: no warning rests on the contradiction`);
  }
  // Named unsupported and not listed: no figure.
  assert.equal(eniDensity({ type: type('a1.metal') }).withTrunking, null);
  assert.deepEqual(kinds('a1.metal'), ['not-supported']);
});

test('types only the 2023 table lists are history: no current figure, and the note says so', () => {
  const cases: [string, string][] = [
    ['m5n.large', '2 → 10'],
    ['m5zn.6xlarge', '7 → 120'],
    ['c5a.8xlarge', '7 → 60'],
    ['p3.2xlarge', '3 → 40'],
  ];
  for (const [name, figures] of cases) {
    const d = eniDensity({ type: type(name) });
    assert.equal(d.withTrunking, null, name);
    assert.deepEqual(kinds(name), ['only-2023'], name);
    assert.ok(d.withTrunkingNote?.includes(`Listed in the 2023-04-18 ECS table (${figures} with trunking), not in the current one`), name);
    assert.equal(trunkedPlan(name).tasksPerInstance.effective, d.withoutTrunking, name);
  }
});

test('types the EC2 data lacks take their ENI count from the table and are marked', () => {
  const cases: [string, number, number, number][] = [
    ['t8i.nano', 2, 1, 2],
    ['r9g.large', 3, 2, 10],
    ['r9gd.metal-48xl', 24, 23, 120],
  ];
  for (const [name, enis, without, withT] of cases) {
    const t = type(name);
    assert.equal(t.enisFromEcsTable, true, name);
    assert.deepEqual([t.maxEnis, t.vcpu, t.ipv4PerEni], [enis, null, null], name);
    const d = eniDensity({ type: t, taskCpu: 256 });
    assert.deepEqual([d.withoutTrunking, d.withTrunking, d.byCpu], [without, withT, null], name);
    assert.match(instanceTypeDataNote(t) ?? '', /not in the EC2 network data/, name);
  }
  assert.equal(type('c5.large').enisFromEcsTable, false);
  assert.equal(instanceTypeDataNote(type('c5.large')), null);
});
