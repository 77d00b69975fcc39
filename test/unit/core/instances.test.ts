import { test } from 'node:test';
import assert from 'node:assert/strict';
import { INSTANCE_ROWS } from '../../../server/src/core/data/instances';
import { getInstanceType, instanceTypeNames, resolveInstanceType } from '../../../server/src/core/instances';

test('knows all 1,451 instance types of the generated table, sorted', () => {
  // data/SOURCES.md: ec2-instance-network.json holds 1,420 types; the ECS task-limit table adds 31 it lacks.
  const names = instanceTypeNames();
  assert.equal(names.length, 1451);
  assert.deepEqual([...names], [...names].sort());
  for (const name of names) assert.equal(getInstanceType(name)?.name, name);
});

test('c5.large carries the EC2 and ECS figures', () => {
  // ECS guide, ENI trunking intro: c5.large has 3 ENIs, 2 tasks without and 10 with trunking.
  const t = getInstanceType('c5.large');
  assert.ok(t);
  assert.deepEqual(
    { family: t.family, size: t.size, vcpu: t.vcpu, memoryMiB: t.memoryMiB, maxEnis: t.maxEnis, ipv4PerEni: t.ipv4PerEni },
    { family: 'c5', size: 'large', vcpu: 2, memoryMiB: 4096, maxEnis: 3, ipv4PerEni: 10 },
  );
  assert.equal(t.hypervisor, 'nitro');
  assert.equal(t.bareMetal, false);
  assert.equal(t.ecsTasksWithoutTrunking, 2);
  assert.equal(t.ecsTasksWithTrunking, 10);
});

test('family and size split on the first dot', () => {
  const cases: [string, string, string][] = [
    ['u-6tb1.56xlarge', 'u-6tb1', '56xlarge'],
    ['x8i.metal-48xl', 'x8i', 'metal-48xl'],
    ['m6in.32xlarge', 'm6in', '32xlarge'],
  ];
  for (const [name, family, size] of cases) {
    const t = getInstanceType(name);
    assert.ok(t, name);
    assert.deepEqual([t.family, t.size], [family, size], name);
  }
});

test('78 types lack vCPU and memory (47 missing from the moto snapshot, 31 known only from the ECS table)', () => {
  // data/SOURCES.md: vcpu/memoryMiB come from moto only and are null for its 47 missing types.
  assert.equal(INSTANCE_ROWS.filter((r) => r[1] === null || r[2] === null).length, 78);
  assert.equal(INSTANCE_ROWS.filter((r) => r[12] === 1).length, 31);
});

test('lookup is exact: case and spaces do not match', () => {
  for (const name of ['C5.large', 'c5.LARGE', ' c5.large', 'c5.large ', '']) assert.equal(getInstanceType(name), undefined, name);
  assert.equal(getInstanceType(undefined as unknown as string), undefined);
});

test('did-you-mean puts the intended type first', () => {
  const cases: [string, string][] = [
    ['c5.lrge', 'c5.large'],
    ['C5.Large', 'c5.large'],
    ['c5large', 'c5.large'],
    ['m5.xxlarge', 'm5.2xlarge'],
    ['m5.2xl', 'm5.2xlarge'],
    [' c5.large', 'c5.large'],
    ['t3.mcro', 't3.micro'],
    ['c5_large', 'c5.large'],
  ];
  for (const [input, first] of cases) {
    const r = resolveInstanceType(input);
    assert.equal(r.ok, false, input);
    if (!r.ok) {
      assert.equal(r.suggestions[0], first, input);
      assert.ok(r.suggestions.length <= 3, input);
      assert.ok(r.message.includes(first), input);
    }
  }
});

test('resolve: known names pass, empty and hopeless names fail without suggestions', () => {
  const ok = resolveInstanceType('m6in.32xlarge');
  assert.equal(ok.ok && ok.type.name, 'm6in.32xlarge');
  for (const input of ['', '   ', 'zzz', undefined as unknown as string]) {
    const r = resolveInstanceType(input);
    assert.equal(r.ok, false);
    if (!r.ok) {
      assert.deepEqual(r.suggestions, []);
      assert.ok(r.message.length > 0);
    }
  }
});
