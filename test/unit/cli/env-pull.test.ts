/**
 * `ecs-net env pull` for real: the AWS SDK against moto_server on 127.0.0.1, never AWS.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CreateSubnetCommand, CreateVpcCommand, EC2Client, RunInstancesCommand } from '@aws-sdk/client-ec2';
import { CreateClusterCommand, ECSClient, PutAccountSettingCommand, RegisterContainerInstanceCommand } from '@aws-sdk/client-ecs';
import { parseEnvironment } from '../../../server/src/core/environment';
import { ipRequirements } from '../../../server/src/core/ip';
import { runEnvPull } from '../../../server/src/cli/env-pull';
import { runCheck } from '../../../server/src/cli/check';
import { freePort, startMoto, type Moto } from './moto';

const REGION = 'us-east-1';
const CLUSTER = 'net-test';
// A Linux AMI from moto's built-in catalogue (its first entries are Windows images).
const LINUX_AMI = 'ami-1e749f67';

const TEST_ENV: Record<string, string | undefined> = {
  AWS_ACCESS_KEY_ID: 'testing',
  AWS_SECRET_ACCESS_KEY: 'testing',
  AWS_SESSION_TOKEN: undefined,
  AWS_REGION: REGION,
  AWS_PROFILE: undefined,
  // Keep the machine's own AWS configuration and the instance metadata service out of the tests.
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ecs-net-test/credentials',
  AWS_CONFIG_FILE: '/nonexistent/ecs-net-test/config',
  AWS_EC2_METADATA_DISABLED: 'true',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
};

let moto: Moto;
let dir: string;
const saved: Record<string, string | undefined> = {};
const ids = { vpc: '', a: '', b: '', c: '' };

function setEnv(values: Record<string, string | undefined>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
}

before(async () => {
  for (const key of Object.keys(TEST_ENV)) saved[key] = process.env[key];
  setEnv(TEST_ENV);
  const childEnv = { ...process.env };
  moto = await startMoto(childEnv);
  dir = mkdtempSync(join(tmpdir(), 'ecs-net-env-pull-'));

  const config = { region: REGION, endpoint: moto.url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const ec2 = new EC2Client(config);
  const ecs = new ECSClient(config);
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.0.0.0/16', AmazonProvidedIpv6CidrBlock: true }))).Vpc!;
  ids.vpc = vpc.VpcId!;
  const subnet = async (cidr: string, az: string, ipv6?: string) =>
    (await ec2.send(new CreateSubnetCommand({ VpcId: ids.vpc, CidrBlock: cidr, AvailabilityZone: az, Ipv6CidrBlock: ipv6 }))).Subnet!.SubnetId!;
  ids.a = await subnet('10.0.0.0/24', 'us-east-1a');
  ids.b = await subnet('10.0.1.0/28', 'us-east-1b');
  // The first /64 of the VPC's Amazon-provided /56.
  const vpcIpv6 = vpc.Ipv6CidrBlockAssociationSet![0].Ipv6CidrBlock!;
  ids.c = await subnet('10.0.2.0/24', 'us-east-1c', vpcIpv6.replace(/\/56$/, '/64'));

  const run = async (type: 'c5.large' | 'm5.xlarge', count: number, subnetId: string) =>
    (await ec2.send(new RunInstancesCommand({ ImageId: LINUX_AMI, InstanceType: type, MinCount: count, MaxCount: count, SubnetId: subnetId }))).Instances!.map(
      (i) => i.InstanceId!,
    );
  const instances = [...(await run('c5.large', 2, ids.a)), ...(await run('m5.xlarge', 1, ids.c))];
  await ecs.send(new CreateClusterCommand({ clusterName: CLUSTER }));
  for (const instanceId of instances) {
    await ecs.send(new RegisterContainerInstanceCommand({ cluster: CLUSTER, instanceIdentityDocument: JSON.stringify({ instanceId }) }));
  }
  await ecs.send(new PutAccountSettingCommand({ name: 'awsvpcTrunking', value: 'enabled' }));
  // Not in the SDK's SettingName enum, but ECS and moto accept it.
  await ecs.send(new PutAccountSettingCommand({ name: 'dualStackIPv6' as 'awsvpcTrunking', value: 'enabled' }));
  ec2.destroy();
  ecs.destroy();
});

after(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  setEnv(saved);
});

async function pull(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runEnvPull(argv, { stdout: (s) => (stdout += s + '\n'), stderr: (s) => (stderr += s + '\n') });
  return { code, stdout, stderr };
}

const fileIn = (name: string) => join(dir, name);
const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8')) as Record<string, any>;

test('pulls subnets, VPC, cluster capacity and account settings into a new file that parses cleanly', async () => {
  const out = fileIn('ecs-network.json');
  const r = await pull('--endpoint-url', moto.url, '--region', REGION, '--cluster', CLUSTER, '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^--- \/dev\/null\n\+\+\+ .*ecs-network\.json\t\(pulled\)\n@@ -0,0 \+1,\d+ @@\n\+\{/);
  assert.match(r.stderr, /Wrote /);

  const raw = readJson(out);
  const { env, problems } = parseEnvironment(raw);
  assert.deepEqual(problems, []);
  assert.equal(raw.$schema, undefined, 'no $schema unless the file had one');
  assert.equal(env.vpcCidr, '10.0.0.0/16');
  // Only the subnets of the VPC the cluster's instances run in, not moto's default VPC.
  assert.deepEqual(env.subnets.map((s) => s.id).sort(), [ids.a, ids.b, ids.c].sort());
  const a = env.subnets.find((s) => s.id === ids.a)!;
  const b = env.subnets.find((s) => s.id === ids.b)!;
  const c = env.subnets.find((s) => s.id === ids.c)!;
  assert.deepEqual([a.cidr, a.az, a.usableIpv4], ['10.0.0.0/24', 'us-east-1a', 251]);
  assert.deepEqual([b.cidr, b.az, b.usableIpv4, b.availableIpv4], ['10.0.1.0/28', 'us-east-1b', 11, 11]);
  assert.ok(a.availableIpv4! < 251, 'the two instances hold addresses in subnet a');
  assert.match(c.ipv6Cidr ?? '', /::\/64$/);

  assert.deepEqual(env.clusters, [
    {
      name: CLUSTER,
      os: 'linux',
      agentVersion: '1.0.0',
      services: [],
      capacity: [
        { instanceType: 'c5.large', count: 2, az: 'us-east-1a' },
        { instanceType: 'm5.xlarge', count: 1, az: 'us-east-1c' },
      ],
    },
  ]);
  assert.deepEqual(env.accountSettings, { awsvpcTrunking: true, dualStackIPv6: true });
  assert.equal(raw.source.region, REGION);
  assert.equal(raw.source.cluster, CLUSTER);
  assert.ok(!Number.isNaN(Date.parse(raw.source.pulledAt)));
});

test('core data flow: the pulled /28 is too small for a Fargate service of 20 tasks', () => {
  const { env } = parseEnvironment(readJson(fileIn('ecs-network.json')));
  const small = env.subnets.find((s) => s.cidr === '10.0.1.0/28')!;
  assert.equal(small.usableIpv4, 11);
  const toInput = (s: typeof small) => ({ id: s.id, cidr: s.cidr!, az: s.az, availableIpv4: s.availableIpv4 });
  const tooSmall = ipRequirements({ networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 20, subnets: [toInput(small)] });
  assert.equal(tooSmall.fits, false);
  assert.deepEqual([tooSmall.perSubnet[0].usableIpv4, tooSmall.perSubnet[0].expectedUse], [11, 20]);
  const big = env.subnets.find((s) => s.cidr === '10.0.0.0/24')!;
  assert.equal(ipRequirements({ networkMode: 'awsvpc', launchType: 'FARGATE', tasks: 20, subnets: [toInput(big)] }).fits, true);
});

test('end to end: the pulled file makes ecs-net check warn about a service too big for the /28', () => {
  const envFile = fileIn('ecs-network.json');
  const { env } = parseEnvironment(readJson(envFile));
  const small = env.subnets.find((s) => s.cidr === '10.0.1.0/28')!;
  const service = JSON.stringify({
    serviceName: 'web',
    taskDefinition: 'web:1',
    desiredCount: 20,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: [small.id] } },
  });
  const serviceFile = fileIn('service.json');
  writeFileSync(serviceFile, service);
  const lines: string[] = [];
  const code = runCheck(['--env', envFile, serviceFile], { stdout: (t) => lines.push(t), stderr: () => undefined });
  assert.equal(code, 0, 'a warning alone does not fail the check');
  assert.equal(lines.length, 1, lines.join('\n'));
  assert.match(lines[0], /warning subnet-capacity 20 tasks need 20 IPv4 addresses, but the 1 subnet \(10\.0\.1\.0\/28: 11\) has 11 usable\./);
});

test('a second pull replaces pulled entries and keeps hand-written ones and other keys', async () => {
  const out = fileIn('ecs-network.json');
  const raw = readJson(out);
  const handSubnet = { id: 'subnet-0abc1234', cidr: '10.0.200.0/24', az: 'us-east-1a' };
  const edited = {
    $schema: './schemas/ecs-network.schema.json',
    ...raw,
    subnets: [
      ...raw.subnets.map((s: any) =>
        s.id === ids.a ? { ...s, cidr: '10.0.0.0/25' } : s.id === ids.b ? { ...s, otherConsumers: [{ name: 'alb', ipv4: 3 }] } : s,
      ),
      handSubnet,
    ],
    clusters: [...raw.clusters, { name: 'batch', os: 'linux', capacity: [{ instanceType: 'm5.large', count: 2, az: 'us-east-1a' }] }],
  };
  writeFileSync(out, JSON.stringify(edited, null, 2) + '\n');

  const r = await pull('--endpoint-url', moto.url, '--region', REGION, '--cluster', CLUSTER, '--out', out);
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes('\n-      "cidr": "10.0.0.0/25",\n+      "cidr": "10.0.0.0/24",\n'), r.stdout);
  assert.ok(!r.stdout.includes('-      "id": "subnet-0abc1234"'), 'the hand-written subnet is not removed');

  const merged = readJson(out);
  const { env, problems } = parseEnvironment(merged);
  assert.deepEqual(problems, []);
  assert.equal(merged.$schema, './schemas/ecs-network.schema.json');
  assert.deepEqual(
    merged.subnets.find((s: any) => s.id === handSubnet.id),
    handSubnet,
  );
  assert.equal(env.subnets.find((s) => s.id === ids.a)?.cidr, '10.0.0.0/24');
  assert.deepEqual(merged.subnets.find((s: any) => s.id === ids.b).otherConsumers, [{ name: 'alb', ipv4: 3 }]);
  assert.deepEqual(
    env.clusters.map((c) => c.name),
    [CLUSTER, 'batch'],
  );
  assert.equal(env.subnets.length, 4);
});

test('--dry-run prints the diff and writes nothing', async () => {
  const out = fileIn('ecs-network.json');
  const before = readFileSync(out, 'utf8').replace('"us-east-1b"', '"us-east-1z"');
  writeFileSync(out, before);
  const r = await pull('--endpoint-url', moto.url, '--region', REGION, '--cluster', CLUSTER, '--out', out, '--dry-run');
  assert.equal(r.code, 0, r.stderr);
  assert.ok(r.stdout.includes('\n-      "az": "us-east-1z",\n+      "az": "us-east-1b",\n'), r.stdout);
  assert.match(r.stdout, /^- {4}"pulledAt": /m);
  assert.match(r.stderr, /Dry run: .* not written/);
  assert.equal(readFileSync(out, 'utf8'), before);

  const fresh = fileIn('never-written.json');
  const r2 = await pull('--endpoint-url', moto.url, '--region', REGION, '--out', fresh, '--dry-run');
  assert.equal(r2.code, 0, r2.stderr);
  assert.match(r2.stdout, /^--- \/dev\/null/);
  assert.equal(existsSync(fresh), false);
});

test('--subnets pulls exactly those; with neither --subnets nor --cluster the whole region', async () => {
  const one = fileIn('one-subnet.json');
  const r = await pull('--endpoint-url', moto.url, '--region', REGION, '--subnets', ids.b, '--out', one);
  assert.equal(r.code, 0, r.stderr);
  const { env, problems } = parseEnvironment(readJson(one));
  assert.deepEqual(problems, []);
  assert.deepEqual(
    env.subnets.map((s) => [s.id, s.cidr]),
    [[ids.b, '10.0.1.0/28']],
  );
  assert.equal(env.vpcCidr, '10.0.0.0/16');
  assert.deepEqual(env.clusters, []);

  const region = fileIn('region.json');
  const r2 = await pull('--endpoint-url', moto.url, '--region', REGION, '--out', region);
  assert.equal(r2.code, 0, r2.stderr);
  const all = parseEnvironment(readJson(region));
  assert.deepEqual(all.problems, []);
  for (const id of [ids.a, ids.b, ids.c])
    assert.ok(
      all.env.subnets.some((s) => s.id === id),
      id,
    );
  // moto's default VPC (172.31.0.0/16) is there too, so no single VPC range is written.
  assert.ok(all.env.subnets.some((s) => s.cidr?.startsWith('172.31.')));
  assert.equal(all.env.vpcCidr, undefined);
  assert.match(r2.stderr, /warning: the subnets span 2 VPCs/);
});

test('an endpoint on a closed port fails with a network message and writes nothing', async () => {
  const port = await freePort();
  const out = fileIn('unreachable.json');
  const r = await pull('--endpoint-url', `http://127.0.0.1:${port}`, '--region', REGION, '--cluster', CLUSTER, '--out', out);
  assert.equal(r.code, 1);
  assert.equal(r.stdout, '');
  assert.match(
    r.stderr,
    new RegExp(`^ecs-net env pull: cannot reach http://127\\.0\\.0\\.1:${port} \\(ECONNREFUSED on ecs:ListContainerInstances\\).*network`),
  );
  assert.equal(r.stderr.trim().split('\n').length, 1, 'one line, no stack trace');
  assert.equal(existsSync(out), false);
});

test('missing credentials fail with a credentials message and write nothing', async () => {
  const keys = { AWS_ACCESS_KEY_ID: process.env.AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY: process.env.AWS_SECRET_ACCESS_KEY };
  setEnv({ AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
  try {
    const out = fileIn('no-credentials.json');
    const r = await pull('--endpoint-url', moto.url, '--region', REGION, '--out', out);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^ecs-net env pull: no AWS credentials found .*--profile/);
    assert.equal(r.stderr.trim().split('\n').length, 1);
    assert.equal(existsSync(out), false);
  } finally {
    setEnv(keys);
  }
});

test('the bundled CLI loads env pull lazily; the SDK stays out of cli.js and server.js', async () => {
  const dist = resolve(__dirname, '../../../../dist');
  assert.ok(existsSync(join(dist, 'env-pull.js')), 'dist/env-pull.js is missing: run `node esbuild.mjs` before the tests');
  for (const bundle of ['cli.js', 'server.js']) {
    const text = readFileSync(join(dist, bundle), 'utf8');
    assert.ok(!/DescribeSubnets|@aws-sdk|fromNodeProviderChain/.test(text), `${bundle} must not contain the AWS SDK`);
  }
  const out = fileIn('bundled.json');
  // Region from AWS_REGION; the SDK's Node version warning is silenced by the command itself.
  const env = { ...process.env };
  delete env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED;
  const child = spawn(process.execPath, [join(dist, 'cli.js'), 'env', 'pull', '--endpoint-url', moto.url, '--cluster', CLUSTER, '--out', out], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.once('close', done));
  assert.equal(code, 0, stderr);
  assert.match(stdout, /^\+\+\+ /m);
  assert.doesNotMatch(stderr, /NodeVersionSupportWarning|\n\s+at /);
  assert.deepEqual(parseEnvironment(readJson(out)).problems, []);
});
