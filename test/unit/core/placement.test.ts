import { test } from 'node:test';
import assert from 'node:assert/strict';
import { simulatePlacement, waterFill, type PlacementInput } from '../../../server/src/core/placement';

/** n instances of a type in each AZ given. */
function fleet(instanceType: string, perAz: number, azs: string[]): PlacementInput['capacity'] {
  return azs.map((az) => ({ instanceType, count: perAz, az }));
}

test('ENI exhaustion: c5.large holds 2 awsvpc tasks without trunking', () => {
  // ECS guide: c5.large runs 2 awsvpc tasks without trunking, 10 with.
  const r = simulatePlacement({
    capacity: fleet('c5.large', 3, ['us-east-1a']),
    task: { count: 10, networkMode: 'awsvpc' },
    strategy: 'spread',
  });
  assert.deepEqual([r.placed, r.unplaced], [6, 4]);
  assert.deepEqual(
    r.failures.map((f) => [f.reason, f.tasks]),
    [['RESOURCE:ENI', 4]],
  );
});

test('trunking raises the ENI bound to 10 on c5.large', () => {
  const base: PlacementInput = {
    capacity: fleet('c5.large', 3, ['us-east-1a']),
    trunking: true,
    task: { count: 30, networkMode: 'awsvpc' },
    strategy: 'binpack',
  };
  const full = simulatePlacement(base);
  assert.deepEqual([full.placed, full.unplaced, full.failures.length], [30, 0, 0]);
  const over = simulatePlacement({ ...base, task: { count: 35, networkMode: 'awsvpc' } });
  assert.deepEqual(
    over.failures.map((f) => [f.reason, f.tasks]),
    [['RESOURCE:ENI', 5]],
  );
});

test('which resource runs out first', () => {
  // c5.large: 2 vCPU (2048 units), 4096 MiB, 3 ENIs.
  const cases: [string, PlacementInput['task'], boolean, number, string][] = [
    ['CPU: 1024 units per task, 2 per instance', { count: 10, networkMode: 'bridge', cpu: 1024 }, false, 6, 'RESOURCE:CPU'],
    ['CPU binds before trunked ENIs', { count: 30, networkMode: 'awsvpc', cpu: 512 }, true, 12, 'RESOURCE:CPU'],
    ['memory: 3072 MiB per task, 1 per instance', { count: 10, networkMode: 'bridge', memoryMiB: 3072 }, false, 3, 'RESOURCE:MEMORY'],
    ['host mode on port 80: one per instance', { count: 10, networkMode: 'host', hostPorts: [80] }, false, 3, 'RESOURCE:PORTS'],
    ['bridge with a static host port', { count: 10, networkMode: 'bridge', hostPorts: [8080, 0] }, false, 3, 'RESOURCE:PORTS'],
    ['task bigger than the instance', { count: 2, networkMode: 'bridge', cpu: 4096 }, false, 0, 'RESOURCE:CPU'],
  ];
  for (const [label, task, trunking, placed, reason] of cases) {
    const r = simulatePlacement({ capacity: fleet('c5.large', 3, ['a']), trunking, task, strategy: 'spread' });
    assert.equal(r.placed, placed, label);
    assert.deepEqual(
      r.failures.map((f) => [f.reason, f.tasks]),
      [[reason, task.count - placed]],
      label,
    );
  }
});

test('no limit when nothing binds: dynamic ports, no reservations', () => {
  for (const task of [
    { count: 500, networkMode: 'bridge' as const, hostPorts: [0] },
    { count: 500, networkMode: 'host' as const },
  ]) {
    const r = simulatePlacement({ capacity: fleet('c5.large', 2, ['a']), task, strategy: 'spread' });
    assert.deepEqual([r.placed, r.unplaced], [500, 0]);
    assert.deepEqual(
      r.perInstance.map((i) => i.tasks),
      [250, 250],
    );
  }
});

test('awsvpc tasks never clash on host ports', () => {
  const r = simulatePlacement({
    capacity: fleet('c5.large', 3, ['a']),
    trunking: true,
    task: { count: 30, networkMode: 'awsvpc', hostPorts: [80] },
    strategy: 'spread',
  });
  assert.equal(r.placed, 30);
});

test('subnet exhaustion has its own reason', () => {
  // AZ a: 11 addresses (a /28) − 3 instances × 2 (primary + trunk ENI) = 5 left for tasks.
  const r = simulatePlacement({
    capacity: fleet('c5.large', 3, ['a', 'b']),
    trunking: true,
    task: { count: 50, networkMode: 'awsvpc' },
    strategy: 'spread',
    subnets: [
      { az: 'a', usableIpv4: 11 },
      { az: 'b', usableIpv4: 4091 },
    ],
  });
  assert.deepEqual(r.perAz, { a: 5, b: 30 });
  assert.deepEqual(
    r.failures.map((f) => [f.reason, f.tasks]),
    [['SUBNET:NO_FREE_IPV4', 15]],
  );
});

test('subnet and instance limits together split the unplaced tasks', () => {
  const r = simulatePlacement({
    capacity: fleet('c5.large', 1, ['a', 'b']),
    task: { count: 10, networkMode: 'awsvpc' },
    strategy: 'binpack',
    subnets: [{ az: 'a', usableIpv4: 2 }], // no subnet in b at all; a keeps 1 after the instance
  });
  assert.equal(r.placed, 1);
  assert.deepEqual(
    r.failures.map((f) => [f.reason, f.tasks]),
    [
      ['SUBNET:NO_FREE_IPV4', 3],
      ['RESOURCE:ENI', 6],
    ],
  );
  assert.equal(r.warnings.length, 1, 'AZ b has no subnet');
});

test('spread balances across AZs, then across instances', () => {
  const input: PlacementInput = {
    capacity: fleet('c5.large', 2, ['us-east-1c', 'us-east-1a', 'us-east-1b']),
    trunking: true,
    task: { count: 31, networkMode: 'awsvpc' },
    strategy: 'spread',
  };
  const r = simulatePlacement(input);
  assert.deepEqual(Object.entries(r.perAz), [
    ['us-east-1a', 11],
    ['us-east-1b', 10],
    ['us-east-1c', 10],
  ]);
  assert.deepEqual(
    r.perInstance.map((i) => [i.id, i.tasks]),
    [
      ['c5.large#1@us-east-1a', 6],
      ['c5.large#2@us-east-1a', 5],
      ['c5.large#1@us-east-1b', 5],
      ['c5.large#2@us-east-1b', 5],
      ['c5.large#1@us-east-1c', 5],
      ['c5.large#2@us-east-1c', 5],
    ],
  );
});

test('spread moves tasks on when an AZ is full', () => {
  const r = simulatePlacement({
    capacity: [
      { instanceType: 'c5.large', count: 1, az: 'a' },
      { instanceType: 'c5.large', count: 5, az: 'b' },
    ],
    task: { count: 8, networkMode: 'awsvpc' },
    strategy: 'spread',
  });
  assert.deepEqual(r.perAz, { a: 2, b: 6 });
});

test('binpack fills instances in order', () => {
  const r = simulatePlacement({
    capacity: fleet('c5.large', 2, ['b', 'a']),
    trunking: true,
    task: { count: 12, networkMode: 'awsvpc' },
    strategy: 'binpack',
  });
  assert.deepEqual(
    r.perInstance.map((i) => i.tasks),
    [10, 2, 0, 0],
  );
  assert.deepEqual(r.perAz, { a: 12, b: 0 });
});

test('unknown instance types are reported with suggestions, not thrown', () => {
  const r = simulatePlacement({
    capacity: [
      { instanceType: 'c5.lrge', count: 2, az: 'a' },
      { instanceType: 'c5.large', count: 1, az: 'a' },
    ],
    task: { count: 2, networkMode: 'awsvpc' },
    strategy: 'spread',
  });
  assert.equal(r.placed, 2);
  assert.equal(r.failures[0].reason, 'UNKNOWN_INSTANCE_TYPE');
  assert.equal(r.failures[0].suggestions?.[0], 'c5.large');

  const none = simulatePlacement({ capacity: [{ instanceType: 'nope', count: 2, az: 'a' }], task: { count: 3, networkMode: 'awsvpc' }, strategy: 'spread' });
  assert.deepEqual(
    none.failures.map((f) => [f.reason, f.tasks]),
    [
      ['UNKNOWN_INSTANCE_TYPE', 0],
      ['NO_CONTAINER_INSTANCES', 3],
    ],
  );
});

test('trunking on a type without a trunked figure falls back, with a warning', () => {
  for (const [instanceType, os] of [
    ['c4.large', 'linux'],
    ['c5.large', 'windows'],
  ] as const) {
    const r = simulatePlacement({
      capacity: fleet(instanceType, 1, ['a']),
      trunking: true,
      os,
      task: { count: 5, networkMode: 'awsvpc' },
      strategy: 'spread',
    });
    assert.equal(r.placed, 2, instanceType);
    assert.equal(r.warnings.length, 1, instanceType);
  }
});

test('deterministic: the same input gives the same result', () => {
  const input: PlacementInput = {
    capacity: [
      { instanceType: 'm5.xlarge', count: 7, az: 'us-east-1b' },
      { instanceType: 'c5.large', count: 5, az: 'us-east-1a' },
      { instanceType: 'c5.large', count: 3, az: 'us-east-1b' },
    ],
    trunking: true,
    task: { count: 123, networkMode: 'awsvpc', cpu: 256, memoryMiB: 512 },
    strategy: 'spread',
    subnets: [
      { az: 'us-east-1a', usableIpv4: 40 },
      { az: 'us-east-1b', usableIpv4: 4091 },
    ],
  };
  assert.deepEqual(simulatePlacement(input), simulatePlacement(structuredClone(input)));
});

test('bad counts become warnings, not exceptions', () => {
  const r = simulatePlacement({
    capacity: [
      { instanceType: 'c5.large', count: -1, az: 'a' },
      { instanceType: 'c5.large', count: 1.5, az: 'a' },
    ],
    task: { count: Number.NaN, networkMode: 'awsvpc' },
    strategy: 'spread',
  });
  assert.deepEqual([r.placed, r.unplaced, r.perInstance.length], [0, 0, 0]);
  assert.equal(r.warnings.length, 3);
});

/** The one-task-at-a-time rule waterFill must match: next task to the emptiest bin with room, earliest on ties. */
function naiveFill(total: number, caps: number[]): number[] {
  const out = caps.map(() => 0);
  for (let t = 0; t < total; t++) {
    let best = -1;
    for (let i = 0; i < caps.length; i++) if (out[i] < caps[i] && (best < 0 || out[i] < out[best])) best = i;
    if (best < 0) break;
    out[best]++;
  }
  return out;
}

test('waterFill matches one-at-a-time placement', () => {
  let seed = 42;
  const next = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  for (let round = 0; round < 300; round++) {
    const caps = Array.from({ length: 1 + next(7) }, () => next(12));
    const total = next(60);
    assert.deepEqual(waterFill(total, caps), naiveFill(total, caps), `${total} over ${JSON.stringify(caps)}`);
  }
  assert.deepEqual(waterFill(5, [Infinity, Infinity]), [3, 2]);
});

// Speed is measured by `npm run bench` (bench/placement.ts), never asserted here.
test('10,000 tasks on 1,000 instances are all placed, evenly across four AZs', () => {
  const capacity = ['a', 'b', 'c', 'd'].map((az) => ({ instanceType: 'm5.xlarge', count: 250, az }));
  const input: PlacementInput = { capacity, trunking: true, task: { count: 10000, networkMode: 'awsvpc', cpu: 256 }, strategy: 'spread' };
  for (const strategy of ['spread', 'binpack'] as const) {
    const r = simulatePlacement({ ...input, strategy });
    assert.equal(r.placed, 10000);
    assert.equal(r.unplaced, 0);
    if (strategy === 'spread') assert.deepEqual(Object.values(r.perAz), [2500, 2500, 2500, 2500]);
  }
});
