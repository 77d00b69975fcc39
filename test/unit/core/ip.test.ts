import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipRequirements, type IpRequirementsInput } from '../../../server/src/core/ip';

const THREE_AZS = [
  { id: 'subnet-a', cidr: '10.0.0.0/20', az: 'us-east-1a' },
  { id: 'subnet-b', cidr: '10.0.16.0/20', az: 'us-east-1b' },
  { id: 'subnet-c', cidr: '10.0.32.0/20', az: 'us-east-1c' },
];

test('addresses needed, steady state and at the deployment peak', () => {
  // DOMAIN.md: one IPv4 per awsvpc task; each instance one for its primary ENI, one more for the trunk ENI.
  // c5.large: 10 tasks per instance with trunking, 2 without (ECS guide).
  const cases: [string, IpRequirementsInput, Record<string, number | null>][] = [
    [
      'c5.large trunking, 300 tasks',
      { networkMode: 'awsvpc', launchType: 'EC2', tasks: 300, tasksPerInstance: 10, trunking: true },
      { perTask: 1, perInstance: 2, instancesNeeded: 30, needed: 360, peakTasksDuringDeployment: 600, peakDuringDeployment: 720 },
    ],
    [
      'c5.large without trunking, 300 tasks',
      { networkMode: 'awsvpc', launchType: 'EC2', tasks: 300, tasksPerInstance: 2 },
      { perTask: 1, perInstance: 1, instancesNeeded: 150, needed: 450, peakTasksDuringDeployment: 600, peakDuringDeployment: 900 },
    ],
    [
      'Fargate, 300 tasks',
      { networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 300 },
      { perTask: 1, perInstance: 0, instancesNeeded: null, needed: 300, peakTasksDuringDeployment: 600, peakDuringDeployment: 600 },
    ],
    [
      'bridge on EC2: tasks share the host address',
      { networkMode: 'bridge', launchType: 'EC2', tasks: 300, tasksPerInstance: 50 },
      { perTask: 0, perInstance: 1, instancesNeeded: 6, needed: 6, peakTasksDuringDeployment: 600, peakDuringDeployment: 12 },
    ],
    [
      'maximumPercent 150',
      { networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 300, maximumPercent: 150 },
      { needed: 300, peakTasksDuringDeployment: 450, peakDuringDeployment: 450 },
    ],
    [
      'maximumPercent below 100 never peaks below the desired count',
      { networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 300, maximumPercent: 50 },
      { peakTasksDuringDeployment: 300 },
    ],
    ['peak rounds down: 3 tasks at 150%', { networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 3, maximumPercent: 150 }, { peakTasksDuringDeployment: 4 }],
    ['no tasks', { networkMode: 'awsvpc', launchType: 'EC2', tasks: 0, tasksPerInstance: 10 }, { instancesNeeded: 0, needed: 0 }],
  ];
  for (const [label, input, expected] of cases) {
    const r = ipRequirements(input);
    const actual = Object.fromEntries(Object.keys(expected).map((k) => [k, r[k as keyof typeof r]]));
    assert.deepEqual(actual, expected, label);
    assert.deepEqual(r.errors, [], label);
  }
});

test('with trunking every instance takes 2 addresses', () => {
  for (const tasks of [1, 10, 11, 1000]) {
    const r = ipRequirements({ networkMode: 'awsvpc', launchType: 'EC2', tasks, tasksPerInstance: 10, trunking: true });
    assert.equal(r.needed, tasks + Math.ceil(tasks / 10) * 2, String(tasks));
  }
});

test('subnets: usable sum, even spread over AZs, fit', () => {
  const r = ipRequirements({ networkMode: 'awsvpc', launchType: 'EC2', tasks: 300, tasksPerInstance: 10, trunking: true, subnets: THREE_AZS });
  assert.equal(r.usable, 12273);
  assert.equal(r.fits, true);
  assert.deepEqual(
    r.perSubnet.map((s) => [s.id, s.usableIpv4, s.expectedUse, s.fits]),
    [
      ['subnet-a', 4091, 120, true],
      ['subnet-b', 4091, 120, true],
      ['subnet-c', 4091, 120, true],
    ],
  );
});

test('subnets in the same AZ share that AZ part', () => {
  const r = ipRequirements({
    networkMode: 'awsvpc',
    launchType: 'FARGATE',
    tasks: 360,
    subnets: [
      { cidr: '10.0.0.0/24', az: 'a' },
      { cidr: '10.0.1.0/24', az: 'a' },
      { cidr: '10.0.2.0/24', az: 'b' },
    ],
  });
  assert.deepEqual(
    r.perSubnet.map((s) => s.expectedUse),
    [90, 90, 180],
  );
  assert.equal(r.usable, 753);
  assert.equal(r.fits, true);
});

test('the live available count wins over the CIDR size', () => {
  const r = ipRequirements({
    networkMode: 'awsvpc',
    launchType: 'FARGATE',
    tasks: 200,
    subnets: [{ cidr: '10.0.0.0/20', availableIpv4: 150 }],
  });
  assert.equal(r.usable, 150);
  assert.equal(r.fits, false);
  assert.equal(r.perSubnet[0].expectedUse, 200);
});

test('a /28 holds 11 tasks; the 200% peak warning fires before the steady state fails', () => {
  const ok = ipRequirements({ networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 11, subnets: [{ cidr: '10.0.0.0/28' }] });
  assert.equal(ok.usable, 11);
  assert.equal(ok.fits, true);
  assert.equal(ok.warnings.length, 1, 'peak of 22 exceeds 11');
  const full = ipRequirements({ networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 12, subnets: [{ cidr: '10.0.0.0/28' }] });
  assert.equal(full.fits, false);
});

test('no subnets: usable and fits are null', () => {
  const r = ipRequirements({ networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 5 });
  assert.equal(r.usable, null);
  assert.equal(r.fits, null);
  assert.deepEqual(r.perSubnet, []);
});

test('bad inputs become errors, not exceptions', () => {
  const r = ipRequirements({
    networkMode: 'awsvpc',
    launchType: 'FARGATE',
    tasks: 10,
    subnets: [{ id: 'subnet-x', cidr: '10.0.0/20' }, { cidr: '10.0.0.0/29' }, { cidr: '10.0.16.0/20' }],
  });
  assert.equal(r.errors.length, 2);
  assert.equal(r.perSubnet.length, 1);
  assert.equal(r.usable, 4091);
  assert.ok(r.errors[0].startsWith('subnet-x'));

  const allBad = ipRequirements({ networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 10, subnets: [{ cidr: 'abc' }] });
  assert.equal(allBad.usable, null);
  assert.equal(allBad.fits, null);

  const tasks = ipRequirements({ networkMode: 'awsvpc', launchType: 'FARGATE', tasks: -3 });
  assert.equal(tasks.errors.length, 1);
  assert.equal(tasks.needed, 0);

  const noneFit = ipRequirements({ networkMode: 'awsvpc', launchType: 'EC2', tasks: 10, tasksPerInstance: 0 });
  assert.equal(noneFit.instancesNeeded, null);
  assert.equal(noneFit.errors.length, 1);
});

test('EC2 without tasksPerInstance counts task addresses only, and says so', () => {
  const r = ipRequirements({ networkMode: 'awsvpc', launchType: 'EC2', tasks: 10 });
  assert.equal(r.instancesNeeded, null);
  assert.equal(r.needed, 10);
  assert.equal(r.warnings.length, 1);
});
