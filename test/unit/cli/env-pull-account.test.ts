/**
 * Target groups and task definitions from the account, for real: the AWS SDK against moto_server
 * on 127.0.0.1 creates a VPC, an ALB, an ip and an instance target group and task definitions; the
 * pull writes them, and `ecs-net check` and the language server then report the target-type
 * mismatch and stay silent on the matching pair.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CreateSubnetCommand, CreateVpcCommand, EC2Client } from '@aws-sdk/client-ec2';
import { DeregisterTaskDefinitionCommand, ECSClient, RegisterTaskDefinitionCommand } from '@aws-sdk/client-ecs';
import {
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateTargetGroupCommand,
  ElasticLoadBalancingV2Client,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import type { Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { parseEnvironment } from '../../../server/src/core/environment';
import { runEnvPull } from '../../../server/src/cli/env-pull';
import { runCheck } from '../../../server/src/cli/check';
import { LspTestClient } from '../../support/lsp-client';
import { startMoto, type Moto } from './moto';

const REGION = 'us-east-1';
const CREDENTIALS = { AWS_ACCESS_KEY_ID: 'testing', AWS_SECRET_ACCESS_KEY: 'testing', AWS_REGION: REGION };
const ISOLATION = {
  AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/ecs-net-test/credentials',
  AWS_CONFIG_FILE: '/nonexistent/ecs-net-test/config',
  AWS_EC2_METADATA_DISABLED: 'true',
};

let moto: Moto;
let dir: string;
const saved: Record<string, string | undefined> = {};
const arns = { ip: '', instance: '', lonely: '' };

const service = (name: string, targetGroupArn: string, taskDefinition: string, launchType = 'FARGATE') => ({
  cluster: 'prod',
  serviceName: name,
  taskDefinition,
  desiredCount: 2,
  launchType,
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f67890'], securityGroups: ['sg-0123456789abcdef0'] } },
  loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 8080 }],
});

before(async () => {
  for (const key of [...Object.keys(CREDENTIALS), ...Object.keys(ISOLATION), 'AWS_PROFILE', 'AWS_SESSION_TOKEN']) saved[key] = process.env[key];
  Object.assign(process.env, CREDENTIALS, ISOLATION);
  delete process.env.AWS_PROFILE;
  delete process.env.AWS_SESSION_TOKEN;
  moto = await startMoto({ ...process.env });
  dir = mkdtempSync(join(tmpdir(), 'ecs-net-account-'));

  const config = { region: REGION, endpoint: moto.url, credentials: { accessKeyId: 'testing', secretAccessKey: 'testing' } };
  const ec2 = new EC2Client(config);
  const ecs = new ECSClient(config);
  const elbv2 = new ElasticLoadBalancingV2Client(config);
  const vpc = (await ec2.send(new CreateVpcCommand({ CidrBlock: '10.8.0.0/16' }))).Vpc!.VpcId!;
  const subnets = [];
  for (const [cidr, az] of [
    ['10.8.0.0/24', 'us-east-1a'],
    ['10.8.1.0/24', 'us-east-1b'],
  ]) {
    subnets.push((await ec2.send(new CreateSubnetCommand({ VpcId: vpc, CidrBlock: cidr, AvailabilityZone: az }))).Subnet!.SubnetId!);
  }
  const alb = (await elbv2.send(new CreateLoadBalancerCommand({ Name: 'web', Subnets: subnets }))).LoadBalancers![0].LoadBalancerArn!;
  const group = async (name: string, type: 'ip' | 'instance') =>
    (await elbv2.send(new CreateTargetGroupCommand({ Name: name, Protocol: 'HTTP', Port: 8080, VpcId: vpc, TargetType: type }))).TargetGroups![0]
      .TargetGroupArn!;
  arns.ip = await group('web-ip', 'ip');
  arns.instance = await group('web-instance', 'instance');
  arns.lonely = await group('lonely', 'ip');
  for (const [port, target] of [
    [80, arns.ip],
    [81, arns.instance],
  ] as const) {
    await elbv2.send(
      new CreateListenerCommand({ LoadBalancerArn: alb, Protocol: 'HTTP', Port: port, DefaultActions: [{ Type: 'forward', TargetGroupArn: target }] }),
    );
  }
  const register = () =>
    ecs.send(
      new RegisterTaskDefinitionCommand({
        family: 'web',
        networkMode: 'awsvpc',
        requiresCompatibilities: ['FARGATE'],
        cpu: '256',
        memory: '512',
        containerDefinitions: [
          { name: 'web', image: 'registry.example/web:1', environment: [{ name: 'API_KEY', value: 'do-not-write' }], portMappings: [{ containerPort: 8080 }] },
        ],
      }),
    );
  await register();
  await register();
  await register();
  await ecs.send(new DeregisterTaskDefinitionCommand({ taskDefinition: 'web:1' }));
  for (const client of [ec2, ecs, elbv2]) client.destroy();

  writeFileSync(join(dir, 'mismatch.json'), JSON.stringify(service('web-a', arns.instance, 'web:2'), null, 2));
  writeFileSync(join(dir, 'matching.json'), JSON.stringify(service('web-b', arns.ip, 'web'), null, 2));
  writeFileSync(join(dir, 'inactive.json'), JSON.stringify(service('web-c', arns.instance, 'web:1', 'EC2'), null, 2));
});

after(async () => {
  await moto?.stop();
  if (dir) rmSync(dir, { recursive: true, force: true });
  for (const [key, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[key];
    else process.env[key] = value;
  }
});

async function capture(run: (out: { stdout(s: string): void; stderr(s: string): void }) => Promise<number>) {
  let stdout = '';
  let stderr = '';
  const code = await run({ stdout: (s) => (stdout += s + '\n'), stderr: (s) => (stderr += s + '\n') });
  return { code, stdout, stderr };
}

test('pull writes the target groups and the ACTIVE task definitions the services name, and nothing secret', async () => {
  const r = await capture((out) =>
    runEnvPull(['--endpoint-url', moto.url, '--region', REGION, '--no-subnets', '--target-groups', '--task-definitions'], out, { cwd: dir }),
  );
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /task definition web:1 is INACTIVE/);
  const text = readFileSync(join(dir, 'ecs-network.json'), 'utf8');
  assert.ok(!text.includes('do-not-write') && !text.includes('registry.example'), 'no environment values or images on disk');
  const { env, problems } = parseEnvironment(JSON.parse(text));
  assert.deepEqual(problems, []);
  assert.deepEqual(env.subnets, [], '--no-subnets leaves the subnets alone');
  assert.deepEqual(env.targetGroups.map((g) => [g.name, g.targetType, g.loadBalancerArns?.length]).sort(), [
    ['web-instance', 'instance', 1],
    ['web-ip', 'ip', 1],
  ]);
  assert.deepEqual(
    env.taskDefinitions.map((t) => `${t.family}:${t.revision}:${t.networkMode}`),
    ['web:2:awsvpc', 'web:3:awsvpc'],
  );
});

test('ecs-net check reports the target-type mismatch and stays silent on the matching pair and the INACTIVE revision', async () => {
  const r = await capture(async (out) => runCheck(['--format', 'json', dir], out, dir));
  const results = JSON.parse(r.stdout) as { file: string; diagnostics: { code: string; message: string }[] }[];
  const byFile = Object.fromEntries(results.map((f) => [f.file.replace(/^.*\//, ''), f.diagnostics]));
  assert.deepEqual(
    byFile['mismatch.json'].map((d) => d.code),
    ['target-type-network-mode'],
  );
  assert.match(byFile['mismatch.json'][0].message, /target group web-instance has target type instance, which is incompatible with the awsvpc network mode/);
  assert.deepEqual(byFile['matching.json'], []);
  assert.deepEqual(byFile['inactive.json'], [], 'on EC2 only the task definition pins the mode, and an INACTIVE revision is not on file: nothing is claimed');
});

test('--all-target-groups pulls every group of the VPC, including one with no load balancer', async () => {
  const r = await capture((out) => runEnvPull(['--endpoint-url', moto.url, '--region', REGION, '--all-target-groups', '--dry-run'], out, { cwd: dir }));
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /target group lonely is attached to no load balancer/);
  assert.match(r.stdout, /"name": "lonely"/);
});

test('the language server reports the same through LSP, and hovers show the pulled target group', async () => {
  const client = new LspTestClient();
  try {
    await client.initialize({ workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'account' }] });
    const uri = pathToFileURL(join(dir, 'mismatch.json')).href;
    const text = readFileSync(join(dir, 'mismatch.json'), 'utf8');
    const diagnostics: Diagnostic[] = await client.open(uri, text);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['target-type-network-mode'],
    );
    assert.equal(diagnostics[0].relatedInformation, undefined);
    const offset = text.indexOf(arns.instance) + 1;
    const line = text.slice(0, offset).split('\n').length - 1;
    const character = offset - text.lastIndexOf('\n', offset - 1) - 1;
    const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } })) as Hover | null;
    const markdown = hover && typeof hover.contents === 'object' && 'value' in hover.contents ? hover.contents.value : '';
    assert.match(markdown, /Target group `web-instance`\*\* in the account/);
    assert.match(markdown, /target type: instance/);

    const matching = pathToFileURL(join(dir, 'matching.json')).href;
    assert.deepEqual(await client.open(matching, readFileSync(join(dir, 'matching.json'), 'utf8')), []);
  } finally {
    await client.shutdown();
  }
});
