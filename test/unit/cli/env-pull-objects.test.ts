/**
 * Target groups and task definitions pulled with fake clients: pagination, a reference AWS does not
 * know, throttling and access denied on one call, an INACTIVE revision, and what is (not) kept.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { pullObjects, type ObjectsRequest } from '../../../server/src/cli/env-pull-objects';
import type { PullClients } from '../../../server/src/cli/env-pull-aws';
import { describePullError } from '../../../server/src/cli/env-pull-errors';
import { runEnvPull } from '../../../server/src/cli/env-pull';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

type Answer = (input: any) => unknown;

const ARN = (name: string, id = '0a1b2c3d4e5f6789') => `arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/${name}/${id}`;
const ALB = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1a2b3c4d5e6f7a8b';
const failure = (name: string) => Object.assign(new Error(`${name} from the fake`), { name, $metadata: {} });

const group = (name: string, extra: object = {}) => ({
  TargetGroupArn: ARN(name),
  TargetGroupName: name,
  TargetType: 'ip',
  Protocol: 'HTTP',
  Port: 8080,
  HealthCheckPort: 'traffic-port',
  IpAddressType: 'ipv4',
  VpcId: 'vpc-1',
  LoadBalancerArns: [ALB],
  HealthCheckPath: '/health',
  ...extra,
});

const revision = (family: string, rev: number, extra: object = {}) => ({
  taskDefinition: {
    family,
    revision: rev,
    status: 'ACTIVE',
    taskDefinitionArn: `arn:aws:ecs:eu-west-1:123456789012:task-definition/${family}:${rev}`,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    compatibilities: ['EC2', 'FARGATE'],
    cpu: '256',
    memory: '512',
    executionRoleArn: 'arn:aws:iam::123456789012:role/exec',
    containerDefinitions: [
      {
        name: 'web',
        image: 'registry.example/web:1',
        environment: [{ name: 'DB_PASSWORD', value: 'hunter2' }],
        secrets: [{ name: 'TOKEN', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/token' }],
        portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http' }],
      },
    ],
    ...extra,
  },
});

/** Answers by command class name; records every call. */
function clients(answers: Record<string, Answer>, calls: { command: string; input: any }[]): PullClients {
  const send = async (command: { constructor: { name: string }; input: unknown }) => {
    const name = command.constructor.name.replace(/Command$/, '');
    calls.push({ command: name, input: command.input });
    const answer = answers[name];
    if (!answer) throw new Error(`no answer for ${name}`);
    return answer(command.input);
  };
  const client = { send } as never;
  return { ec2: client, ecs: client, elbv2: client, resolveCredentials: async () => {}, resolveRegion: async () => 'eu-west-1' };
}

async function run(request: ObjectsRequest, answers: Record<string, Answer>) {
  const calls: { command: string; input: any }[] = [];
  const result = await pullObjects(clients(answers, calls), request);
  return { ...result, calls };
}

test('all target groups of a VPC: every page is read, other VPCs are left out', async () => {
  const { targetGroups, calls } = await run(
    { allTargetGroupsOf: ['vpc-1'] },
    {
      DescribeTargetGroups: (input) =>
        input.Marker === undefined
          ? { TargetGroups: [group('b-ip'), group('elsewhere', { VpcId: 'vpc-2' })], NextMarker: 'm2' }
          : { TargetGroups: [group('a-instance', { TargetType: 'instance', LoadBalancerArns: [] })] },
    },
  );
  assert.deepEqual(
    calls.map((c) => c.input.Marker),
    [undefined, 'm2'],
  );
  assert.deepEqual(
    targetGroups.map((g) => g.name),
    ['a-instance', 'b-ip'],
  );
  assert.deepEqual(targetGroups[1], {
    arn: ARN('b-ip'),
    name: 'b-ip',
    targetType: 'ip',
    protocol: 'HTTP',
    port: 8080,
    healthCheckPort: 'traffic-port',
    ipAddressType: 'ipv4',
    vpcId: 'vpc-1',
    loadBalancerArns: [ALB],
  });
});

test('a target group with no load balancer is kept and named in a note', async () => {
  const { targetGroups, notes } = await run(
    { targetGroups: [ARN('lonely')] },
    { DescribeTargetGroups: () => ({ TargetGroups: [group('lonely', { LoadBalancerArns: [] })] }) },
  );
  assert.deepEqual(targetGroups[0].loadBalancerArns, []);
  assert.match(notes.join('\n'), /target group lonely is attached to no load balancer/);
});

test('named target groups: 20 per call; an unknown one is asked alone and left out with a note', async () => {
  const names = Array.from({ length: 21 }, (_, i) => `tg-${String(i).padStart(2, '0')}`);
  const { targetGroups, notes, calls } = await run(
    { targetGroups: [...names.map((n) => ARN(n)), ARN('tg-00')] },
    {
      DescribeTargetGroups: (input) => {
        const arns: string[] = input.TargetGroupArns;
        if (arns.includes(ARN('tg-07'))) throw failure('TargetGroupNotFoundException');
        return { TargetGroups: arns.map((a) => group(a.split('/')[1])) };
      },
    },
  );
  assert.equal(calls[0].input.TargetGroupArns.length, 20, 'the first call carries 20 ARNs');
  assert.equal(targetGroups.length, 20);
  assert.ok(!targetGroups.some((g) => g.name === 'tg-07'));
  assert.deepEqual(notes, [`target group ${ARN('tg-07')} was not found in this account and region; it is left out.`]);
});

test('access denied and throttling on DescribeTargetGroups fail the pull with the IAM action named', async () => {
  for (const [name, expected] of [
    ['AccessDenied', /access denied for elasticloadbalancing:DescribeTargetGroups .*Allow elasticloadbalancing:DescribeTargetGroups/],
    ['Throttling', /AWS throttled elasticloadbalancing:DescribeTargetGroups/],
  ] as const) {
    await assert.rejects(
      run(
        { targetGroups: [ARN('web')] },
        {
          DescribeTargetGroups: () => {
            throw failure(name);
          },
        },
      ),
      (error: unknown) => {
        assert.match(describePullError(error, { region: 'eu-west-1' }), expected);
        return true;
      },
    );
  }
});

test('access denied on DescribeTaskDefinition names ecs:DescribeTaskDefinition', async () => {
  await assert.rejects(
    run(
      { taskDefinitions: ['web:3'] },
      {
        DescribeTaskDefinition: () => {
          throw failure('AccessDeniedException');
        },
      },
    ),
    (error: unknown) => {
      assert.match(describePullError(error, {}), /access denied for ecs:DescribeTaskDefinition/);
      return true;
    },
  );
});

test('task definitions: the named revision and the latest; an INACTIVE revision is not written; nothing secret is kept', async () => {
  const { taskDefinitions, notes, calls } = await run(
    { taskDefinitions: ['web:3', 'web:2', 'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:1', 'gone'] },
    {
      DescribeTaskDefinition: (input) => {
        const asked: string = input.taskDefinition;
        if (asked === 'web' || asked === 'web:5') return revision('web', 5);
        if (asked === 'web:3') return revision('web', 3, { networkMode: 'bridge', requiresCompatibilities: ['EC2'] });
        if (asked === 'web:2') return revision('web', 2, { status: 'INACTIVE' });
        if (asked.endsWith('api:1') || asked === 'api') return revision('api', 1, { requiresCompatibilities: undefined });
        throw failure('ClientException');
      },
    },
  );
  assert.deepEqual(calls.map((c) => c.input.taskDefinition).sort(), [
    'api',
    'arn:aws:ecs:eu-west-1:123456789012:task-definition/api:1',
    'gone',
    'web',
    'web:2',
    'web:3',
  ]);
  assert.deepEqual(
    taskDefinitions.map((t) => `${t.family}:${t.revision}`),
    ['api:1', 'web:3', 'web:5'],
  );
  assert.deepEqual(notes, [
    'task definition gone was not found in this account and region; it is left out.',
    'task definition web:2 is INACTIVE, so it is not written; services must name an ACTIVE revision.',
  ]);
  assert.deepEqual(
    taskDefinitions[0].requiresCompatibilities,
    ['EC2', 'FARGATE'],
    'registered without requiresCompatibilities: what ECS found it compatible with',
  );
  const written = JSON.stringify(taskDefinitions);
  for (const secret of ['hunter2', 'DB_PASSWORD', 'TOKEN', 'registry.example', 'role/exec', '"compatibilities"'])
    assert.ok(!written.includes(secret), `${secret} must not be written`);
  assert.deepEqual(taskDefinitions[1].containers, [{ name: 'web', ports: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http' }] }]);
});

test('env pull: usage errors for the new flags, and an access denied on one call writes nothing', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-net-objects-'));
  try {
    writeFileSync(
      join(dir, 'service.json'),
      JSON.stringify({
        cluster: 'prod',
        serviceName: 'web',
        taskDefinition: 'web:3',
        loadBalancers: [{ targetGroupArn: ARN('web'), containerName: 'web', containerPort: 8080 }],
      }),
    );
    const before = '{ "accountSettings": { "awsvpcTrunking": true } }\n';
    writeFileSync(join(dir, 'ecs-network.json'), before);
    const pull = async (argv: string[], answers: Record<string, Answer> = {}) => {
      let stderr = '';
      const calls: { command: string; input: any }[] = [];
      const code = await runEnvPull(argv, { stdout: () => {}, stderr: (s) => (stderr += s + '\n') }, { cwd: dir, clientsFor: () => clients(answers, calls) });
      return { code, stderr, calls };
    };
    for (const argv of [['--no-subnets'], ['--target-groups', '--all-target-groups'], ['--no-subnets', '--task-definitions', '--cluster', 'prod']]) {
      const r = await pull(argv);
      assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
      assert.deepEqual(r.calls, [], 'no call before the usage is right');
    }
    const denied = await pull(['--no-subnets', '--target-groups', '--task-definitions'], {
      DescribeTargetGroups: () => ({ TargetGroups: [group('web')] }),
      DescribeTaskDefinition: () => {
        throw failure('AccessDeniedException');
      },
    });
    assert.equal(denied.code, 1);
    assert.match(denied.stderr, /access denied for ecs:DescribeTaskDefinition/);
    assert.equal(readFileSync(join(dir, 'ecs-network.json'), 'utf8'), before, 'nothing written');

    const ok = await pull(['--no-subnets', '--target-groups', '--task-definitions'], {
      DescribeTargetGroups: () => ({ TargetGroups: [group('web')] }),
      DescribeTaskDefinition: (input) => revision('web', input.taskDefinition === 'web:3' ? 3 : 4),
    });
    assert.equal(ok.code, 0, ok.stderr);
    assert.deepEqual(ok.calls.map((c) => c.command).sort(), ['DescribeTargetGroups', 'DescribeTaskDefinition', 'DescribeTaskDefinition']);
    assert.match(ok.stderr, /Pulled 1 target group and 2 task definitions from eu-west-1/);
    const written = JSON.parse(readFileSync(join(dir, 'ecs-network.json'), 'utf8'));
    assert.deepEqual(written.accountSettings, { awsvpcTrunking: true }, 'the network part stays as it was');
    assert.deepEqual(
      written.taskDefinitions.map((t: { revision: number }) => t.revision),
      [3, 4],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
