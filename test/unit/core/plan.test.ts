import { test } from 'node:test';
import assert from 'node:assert/strict';
import { capacityPlan, type CapacityPlan, type CapacityPlanInput } from '../../../server/src/core/plan';

function plan(input: CapacityPlanInput): CapacityPlan {
  const r = capacityPlan(input);
  assert.ok(r.ok, r.ok ? '' : r.message);
  return (r as { ok: true; plan: CapacityPlan }).plan;
}

test('headline figures', () => {
  // c5.large: 2 tasks without, 10 with trunking (ECS guide); 1 IPv4 per task, 1 (+1 trunk) per instance.
  const cases: [string, CapacityPlanInput, [number, number | null, number, number, number, number]][] = [
    // [effective tasks/instance, instances, perInstance, needed, peak tasks, peak addresses]
    ['c5.large trunking 300', { instanceType: 'c5.large', trunking: true, tasks: 300 }, [10, 30, 2, 360, 600, 720]],
    ['c5.large 300', { instanceType: 'c5.large', tasks: 300 }, [2, 150, 1, 450, 600, 900]],
    ['c4.large 10', { instanceType: 'c4.large', tasks: 10 }, [2, 5, 1, 15, 20, 30]],
    ['t3.micro 4', { instanceType: 't3.micro', tasks: 4 }, [1, 4, 1, 8, 8, 16]],
    // Current ECS table: 15 without trunking (the 2023 table said 13).
    ['m6in.32xlarge 26', { instanceType: 'm6in.32xlarge', tasks: 26 }, [15, 2, 1, 28, 52, 56]],
    ['default task count is 1', { instanceType: 'c5.large' }, [2, 1, 1, 2, 2, 3]],
    ['CPU binds: 512 units on trunked c5.large', { instanceType: 'c5.large', trunking: true, tasks: 300, taskCpu: 512 }, [4, 75, 2, 450, 600, 900]],
    ['maximumPercent 100', { instanceType: 'c5.large', trunking: true, tasks: 300, maximumPercent: 100 }, [10, 30, 2, 360, 300, 360]],
  ];
  for (const [label, input, expected] of cases) {
    const p = plan(input);
    assert.deepEqual(
      [p.tasksPerInstance.effective, p.instancesNeeded, p.ipv4.perInstance, p.ipv4.needed, p.ipv4.peakTasksDuringDeployment, p.ipv4.peakDuringDeployment],
      expected,
      label,
    );
  }
});

test('reports every bound and which binds', () => {
  const p = plan({ instanceType: 'c5.large', trunking: true, tasks: 10, taskCpu: 256, taskMemoryMiB: 1024 });
  assert.deepEqual(p.tasksPerInstance, {
    withoutTrunking: 2,
    withTrunking: 10,
    withTrunkingNote: null,
    byCpu: 8,
    byMemory: 4,
    effective: 4,
    binding: 'memory',
  });
  assert.ok(p.warnings.length >= 1, 'memory bound is an upper bound');
});

test('trunking that cannot be counted on falls back to the untrunked figure, with a warning', () => {
  const cases: CapacityPlanInput[] = [
    { instanceType: 'c4.large', trunking: true, tasks: 10 }, // no ECS row: unknown
    { instanceType: 'a1.metal', trunking: true, tasks: 10 }, // listed as unsupported
    { instanceType: 'c5.large', trunking: true, tasks: 10, os: 'windows' }, // Windows has none
  ];
  for (const input of cases) {
    const p = plan(input);
    assert.equal(p.trunking, false, input.instanceType);
    assert.equal(p.trunkingRequested, true, input.instanceType);
    assert.equal(p.tasksPerInstance.effective, p.tasksPerInstance.withoutTrunking, input.instanceType);
    assert.equal(p.ipv4.perInstance, 1, input.instanceType);
    assert.equal(p.warnings.length, 1, input.instanceType);
  }
});

test('subnets: usable, fit and the peak warning', () => {
  const three = plan({ instanceType: 'c5.large', trunking: true, tasks: 300, subnets: ['10.0.0.0/20', '10.0.16.0/20', '10.0.32.0/20'] });
  assert.equal(three.ipv4.usable, 12273);
  assert.equal(three.ipv4.fits, true);
  assert.deepEqual(
    three.perSubnet.map((s) => s.expectedUse),
    [120, 120, 120],
  );
  assert.deepEqual(three.warnings, []);

  // A /23 holds 507: enough for 360, not for the 720 of a 200% deployment.
  const tight = plan({ instanceType: 'c5.large', trunking: true, tasks: 300, subnets: ['10.0.0.0/23'] });
  assert.equal(tight.ipv4.usable, 507);
  assert.equal(tight.ipv4.fits, true);
  assert.equal(tight.warnings.length, 1);

  const none = plan({ instanceType: 'c5.large', tasks: 3 });
  assert.equal(none.ipv4.usable, null);
  assert.equal(none.ipv4.fits, null);
});

test('bad input gives ok:false with a message', () => {
  const cases: [CapacityPlanInput, string[]][] = [
    [{ instanceType: 'c5.lrge' }, ['c5.large']],
    [{ instanceType: '' }, []],
    [{ instanceType: 'c5.large', subnets: ['10.0.0/20'] }, []],
    [{ instanceType: 'c5.large', subnets: ['10.0.0.0/29'] }, []],
    [{ instanceType: 'c5.large', tasks: -1 }, []],
    [{ instanceType: 'c5.large', tasks: 2.5 }, []],
    [{ instanceType: 'c5.large', taskCpu: 0 }, []],
    [{ instanceType: 'c5.large', taskMemoryMiB: Number.NaN }, []],
    [{ instanceType: 'c5.large', maximumPercent: -5 }, []],
  ];
  for (const [input, firstSuggestions] of cases) {
    const r = capacityPlan(input);
    assert.equal(r.ok, false, JSON.stringify(input));
    if (!r.ok) {
      assert.ok(r.message.length > 0);
      assert.deepEqual(r.suggestions.slice(0, firstSuggestions.length), firstSuggestions);
    }
  }
});

test('a task too big for the instance: no instance count, a warning', () => {
  const p = plan({ instanceType: 'c5.large', tasks: 5, taskCpu: 4096 });
  assert.equal(p.tasksPerInstance.effective, 0);
  assert.equal(p.tasksPerInstance.binding, 'cpu');
  assert.equal(p.instancesNeeded, null);
  assert.equal(p.warnings.length, 1);
});
