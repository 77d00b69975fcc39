/**
 * `ecs-net env pull` with fake AWS clients: pagination, the error messages for each kind of failure,
 * usage errors, and merge details that moto cannot produce (it neither pages nor denies access).
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DescribeInstancesCommand, DescribeInstanceTypesCommand, DescribeSubnetsCommand, DescribeVpcsCommand } from '@aws-sdk/client-ec2';
import { DescribeContainerInstancesCommand, ListAccountSettingsCommand, ListContainerInstancesCommand } from '@aws-sdk/client-ecs';
import { runEnvPull, type PullClients } from '../../../server/src/cli/env-pull';
import { parseEnvironment } from '../../../server/src/core/environment';
import { main } from '../../../server/src/cli';
import { parse } from 'jsonc-parser';

type Handler = (input: any) => unknown;
type Handlers = Partial<Record<string, Handler>>;

const COMMANDS = {
  DescribeSubnets: DescribeSubnetsCommand,
  DescribeVpcs: DescribeVpcsCommand,
  DescribeInstances: DescribeInstancesCommand,
  DescribeInstanceTypes: DescribeInstanceTypesCommand,
  ListContainerInstances: ListContainerInstancesCommand,
  DescribeContainerInstances: DescribeContainerInstancesCommand,
  ListAccountSettings: ListAccountSettingsCommand,
} as const;

const awsError = (name: string, message = name) => Object.assign(new Error(message), { name, $metadata: {} });

const subnet = (id: string, cidr: string | undefined, az: string, extra: object = {}) => ({
  SubnetId: id,
  VpcId: 'vpc-1',
  CidrBlock: cidr,
  AvailabilityZone: az,
  AvailableIpAddressCount: 7,
  ...extra,
});

/** A small account: one VPC, two subnets over two pages, an empty cluster, no account settings. */
function defaults(): Handlers {
  return {
    DescribeSubnets: (input) =>
      input.NextToken === undefined
        ? { Subnets: [subnet('subnet-aa', '10.1.0.0/24', 'eu-west-1a')], NextToken: 'page-2' }
        : { Subnets: [subnet('subnet-bb', '10.1.1.0/24', 'eu-west-1b')] },
    DescribeVpcs: () => ({ Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.1.0.0/16' }] }),
    ListContainerInstances: () => ({ containerInstanceArns: [] }),
    ListAccountSettings: () => ({ settings: [] }),
  };
}

function fakeClients(handlers: Handlers, calls: { command: string; input: any }[]): PullClients {
  const send = async (command: unknown) => {
    for (const [name, type] of Object.entries(COMMANDS)) {
      if (command instanceof type) {
        calls.push({ command: name, input: command.input });
        const handler = handlers[name];
        if (!handler) throw new Error(`unexpected ${name}`);
        return handler(command.input);
      }
    }
    throw new Error('unexpected command');
  };
  return {
    ec2: { send } as unknown as PullClients['ec2'],
    ecs: { send } as unknown as PullClients['ecs'],
    resolveCredentials: async () => {},
    resolveRegion: async () => 'eu-west-1',
  };
}

async function pull(argv: string[], handlers: Handlers = defaults(), setup?: (dir: string) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-net-fake-pull-'));
  try {
    setup?.(dir);
    const calls: { command: string; input: any }[] = [];
    let stdout = '';
    let stderr = '';
    const code = await runEnvPull(
      argv,
      { stdout: (s) => (stdout += s + '\n'), stderr: (s) => (stderr += s + '\n') },
      { clientsFor: () => fakeClients(handlers, calls), cwd: dir, now: () => new Date('2030-01-02T03:04:05Z') },
    );
    const file = join(dir, 'ecs-network.json');
    return { code, stdout, stderr, calls, text: existsSync(file) ? readFileSync(file, 'utf8') : undefined };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

test('follows every page and sends only read-only calls', async () => {
  const arns = Array.from({ length: 150 }, (_, i) => `arn:aws:ecs:eu-west-1:1:container-instance/prod/${i}`);
  const handlers: Handlers = {
    ...defaults(),
    ListContainerInstances: (input) =>
      input.nextToken === undefined ? { containerInstanceArns: arns.slice(0, 100), nextToken: 'n' } : { containerInstanceArns: arns.slice(100) },
    DescribeContainerInstances: (input) => ({
      containerInstances: input.containerInstances.map((arn: string, i: number) => ({
        containerInstanceArn: arn,
        ec2InstanceId: `i-${i}`,
        versionInfo: { agentVersion: i === 3 ? '1.98.0' : '1.99.1' },
        attributes: [
          { name: 'ecs.instance-type', value: i % 2 ? 'c5.large' : 'm5.large' },
          { name: 'ecs.availability-zone', value: 'eu-west-1a' },
          { name: 'ecs.os-type', value: 'linux' },
          { name: 'ecs.vpc-id', value: 'vpc-1' },
        ],
      })),
    }),
    DescribeInstanceTypes: () => ({
      InstanceTypes: [
        { InstanceType: 'c5.large', NetworkInfo: { MaximumNetworkInterfaces: 4, Ipv4AddressesPerInterface: 10 } },
        { InstanceType: 'm5.large', NetworkInfo: { MaximumNetworkInterfaces: 3, Ipv4AddressesPerInterface: 10 } },
      ],
    }),
    ListAccountSettings: (input) =>
      input.nextToken === undefined
        ? { settings: [{ name: 'awsvpcTrunking', value: 'enabled' }], nextToken: 's' }
        : { settings: [{ name: 'dualStackIPv6', value: 'disabled' }] },
  };
  const r = await pull(['--cluster', 'prod'], handlers);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.calls.every((c) => /^(Describe|List)/.test(c.command)));
  assert.deepEqual(
    r.calls.filter((c) => c.command === 'DescribeContainerInstances').map((c) => c.input.containerInstances.length),
    [100, 50],
  );
  assert.equal(r.calls.filter((c) => c.command === 'DescribeSubnets').length, 2);
  assert.deepEqual(r.calls.find((c) => c.command === 'DescribeSubnets')!.input.Filters, [{ Name: 'vpc-id', Values: ['vpc-1'] }]);
  assert.deepEqual(r.calls.find((c) => c.command === 'DescribeInstanceTypes')!.input.InstanceTypes, ['c5.large', 'm5.large']);
  assert.ok(!r.calls.some((c) => c.command === 'DescribeInstances'), 'AZ attributes present: no DescribeInstances');
  assert.match(r.stderr, /warning: c5\.large: EC2 reports 4 ENIs × 10 IPv4 addresses, the bundled table 3 × 10/);
  assert.doesNotMatch(r.stderr, /m5\.large:/);

  const { env, problems } = parseEnvironment(JSON.parse(r.text!));
  assert.deepEqual(problems, []);
  assert.deepEqual(
    env.subnets.map((s) => s.id),
    ['subnet-aa', 'subnet-bb'],
  );
  assert.deepEqual(env.clusters[0].capacity, [
    { instanceType: 'c5.large', count: 75, az: 'eu-west-1a' },
    { instanceType: 'm5.large', count: 75, az: 'eu-west-1a' },
  ]);
  assert.equal(env.clusters[0].agentVersion, '1.98.0', 'the oldest agent');
  assert.deepEqual(env.accountSettings, { awsvpcTrunking: true, dualStackIPv6: false });
  assert.deepEqual(JSON.parse(r.text!).source, { pulledAt: '2030-01-02T03:04:05.000Z', region: 'eu-west-1', cluster: 'prod' });
});

test('asks EC2 for instances only when the AZ attribute is missing', async () => {
  const handlers: Handlers = {
    ...defaults(),
    ListContainerInstances: () => ({ containerInstanceArns: ['arn:ci/1'] }),
    DescribeContainerInstances: () => ({
      containerInstances: [{ containerInstanceArn: 'arn:ci/1', ec2InstanceId: 'i-1', attributes: [{ name: 'ecs.instance-type', value: 'c5.large' }] }],
    }),
    DescribeInstances: (input) => ({
      Reservations: [
        { Instances: [{ InstanceId: input.InstanceIds[0], InstanceType: 'c5.large', VpcId: 'vpc-1', Placement: { AvailabilityZone: 'eu-west-1b' } }] },
      ],
    }),
    DescribeInstanceTypes: () => ({ InstanceTypes: [] }),
  };
  const r = await pull(['--cluster', 'arn:aws:ecs:eu-west-1:1:cluster/prod'], handlers);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.calls.find((c) => c.command === 'DescribeInstances')!.input.InstanceIds, ['i-1']);
  const env = parseEnvironment(JSON.parse(r.text!)).env;
  assert.deepEqual(env.clusters[0], {
    name: 'prod',
    os: 'linux',
    agentVersion: undefined,
    services: [],
    capacity: [{ instanceType: 'c5.large', count: 1, az: 'eu-west-1b' }],
  });
});

test('--subnets asks for exactly those ids', async () => {
  const r = await pull(['--subnets', 'subnet-aa,subnet-bb']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.calls[0].input.SubnetIds, ['subnet-aa', 'subnet-bb']);
  assert.equal(r.calls[0].input.MaxResults, undefined);
});

const failures: [string, Handlers, RegExp][] = [
  [
    'access denied names the IAM action',
    { ...defaults(), DescribeSubnets: () => Promise.reject(awsError('UnauthorizedOperation', 'You are not authorized')) },
    /access denied for ec2:DescribeSubnets .*Allow ec2:DescribeSubnets/,
  ],
  [
    'ECS access denied',
    { ...defaults(), ListAccountSettings: () => Promise.reject(awsError('AccessDeniedException')) },
    /access denied for ecs:ListAccountSettings/,
  ],
  [
    'throttling says try again later',
    { ...defaults(), DescribeVpcs: () => Promise.reject(awsError('RequestLimitExceeded')) },
    /throttled ec2:DescribeVpcs .*Try again later/,
  ],
  [
    'unknown cluster',
    { ...defaults(), ListContainerInstances: () => Promise.reject(awsError('ClusterNotFoundException', 'Cluster not found.')) },
    /cluster 'nope' not found in eu-west-1/,
  ],
  [
    'a connection timeout is a network problem',
    { ...defaults(), DescribeSubnets: () => Promise.reject(awsError('TimeoutError', 'Socket timed out without establishing a connection within 5000 ms')) },
    /cannot reach AWS in eu-west-1 \(TimeoutError on ec2:DescribeSubnets\)/,
  ],
  [
    'rejected credentials',
    { ...defaults(), DescribeSubnets: () => Promise.reject(awsError('AuthFailure', 'AWS was not able to validate the provided access credentials')) },
    /AWS rejected the credentials/,
  ],
];

for (const [name, handlers, message] of failures) {
  test(`${name}; nothing is written`, async () => {
    const original = '{ "subnets": [] }\n';
    const r = await pull(['--cluster', 'nope'], handlers, (dir) => writeFileSync(join(dir, 'ecs-network.json'), original));
    assert.equal(r.code, 1);
    assert.match(r.stderr, message);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(r.stdout, '');
    assert.equal(r.text, original);
  });
}

test('a file that is not JSON is reported before any AWS call', async () => {
  const r = await pull([], defaults(), (dir) => writeFileSync(join(dir, 'ecs-network.json'), '{ "subnets": [ }'));
  assert.equal(r.code, 1);
  assert.match(r.stderr, /ecs-network\.json is not valid JSON \(\w+ on line 1\)/);
  assert.deepEqual(r.calls, []);
});

test('comments and formatting outside the pulled keys survive a merge', async () => {
  const original = '{\n    // written by hand\n    "$schema": "./schemas/ecs-network.schema.json",\n    "accountSettings": { "awsvpcTrunking": true }\n}\n';
  const r = await pull(['--yes'], defaults(), (dir) => writeFileSync(join(dir, 'ecs-network.json'), original));
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.text!.startsWith('{\n    // written by hand\n    "$schema": "./schemas/ecs-network.schema.json",\n'), r.text);
  assert.match(r.text!, /\n {4}"subnets": \[\n {8}\{\n {12}"id": "subnet-aa",/);
  // Nothing pulled for awsvpcTrunking, so the hand-written value stays.
  assert.deepEqual((parse(r.text!) as { accountSettings: unknown }).accountSettings, { awsvpcTrunking: true });
});

test('IPv6-only subnets are written with ipv6Only; instance types missing from the table are reported, not written', async () => {
  const handlers: Handlers = {
    ...defaults(),
    DescribeSubnets: () => ({
      Subnets: [
        subnet('subnet-aa', '10.1.0.0/24', 'eu-west-1a'),
        subnet('subnet-v6', undefined, 'eu-west-1a', {
          Ipv6Native: true,
          Ipv6CidrBlockAssociationSet: [{ Ipv6CidrBlock: '2600:1f18::/64', Ipv6CidrBlockState: { State: 'associated' } }],
        }),
      ],
    }),
    ListContainerInstances: () => ({ containerInstanceArns: ['arn:ci/1'] }),
    DescribeContainerInstances: () => ({
      containerInstances: [
        {
          containerInstanceArn: 'arn:ci/1',
          attributes: [
            { name: 'ecs.instance-type', value: 'zz9.huge' },
            { name: 'ecs.availability-zone', value: 'eu-west-1a' },
            { name: 'ecs.vpc-id', value: 'vpc-1' },
          ],
        },
      ],
    }),
    DescribeInstanceTypes: () => ({ InstanceTypes: [] }),
  };
  const r = await pull(['--cluster', 'prod'], handlers);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /warning: instance type zz9\.huge is not in the bundled table/);
  assert.match(r.stderr, /warning: ecs-network\.json: clusters\.0\.capacity\.0\.instanceType: /);
  const written = JSON.parse(r.text!) as { subnets: { id: string; cidr?: string; ipv6Only?: boolean; ipv6Cidr?: string }[] };
  assert.deepEqual(
    written.subnets.find((s) => s.id === 'subnet-v6'),
    { id: 'subnet-v6', ipv6Cidr: '2600:1f18::/64', ipv6Only: true, az: 'eu-west-1a' },
  );
});

const usage: [string[], RegExp][] = [
  [['--bogus'], /unknown option '--bogus'/],
  [['--subnets', '10.0.0.0/24'], /--subnets takes subnet IDs/],
  [['--endpoint-url', 'localhost:4566'], /--endpoint-url takes an http\(s\) URL/],
  [['--region'], /--region needs a value/],
  [['extra'], /unexpected argument 'extra'/],
];

for (const [argv, message] of usage) {
  test(`bad usage exits 2: ${argv.join(' ')}`, async () => {
    const r = await pull(argv);
    assert.equal(r.code, 2);
    assert.match(r.stderr, message);
    assert.deepEqual(r.calls, []);
  });
}

test('the CLI dispatcher runs env pull (loaded on demand) and lists it in the usage', async () => {
  let stdout = '';
  const out = { stdout: (s: string) => (stdout += s + '\n'), stderr: () => {} };
  assert.equal(await main(['env', 'pull', '--help'], out), 0);
  assert.match(stdout, /Usage: ecs-net env pull/);
  stdout = '';
  assert.equal(await main(['--help'], out), 0);
  assert.match(stdout, /ecs-net env pull \[--profile P\]/);
  assert.equal(await main(['env', 'push'], out), 2);
});
