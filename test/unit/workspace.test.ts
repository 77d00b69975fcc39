import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseEnvironment, clusterFor } from '../../server/src/core/environment';
import { parseTargetGroupRef, parseTaskDefinitionRef, WorkspaceIndex } from '../../server/src/workspace/index';
import { EnvironmentCache, findUp } from '../../server/src/workspace/files';
import { listDocumentFiles } from '../../server/src/workspace/walk';

test('task definition references: family, family:revision, ARN', () => {
  const cases: [string, ReturnType<typeof parseTaskDefinitionRef>][] = [
    ['web', { family: 'web', revision: undefined }],
    ['web:12', { family: 'web', revision: 12 }],
    ['arn:aws:ecs:eu-west-1:123456789012:task-definition/web:3', { family: 'web', revision: 3 }],
    ['arn:aws:ecs:eu-west-1:123456789012:service/x', undefined],
  ];
  for (const [ref, expected] of cases) assert.deepEqual(parseTaskDefinitionRef(ref), expected, ref);
  assert.equal(parseTargetGroupRef('arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/api-tg/abc'), 'api-tg');
  assert.equal(parseTargetGroupRef('api-tg'), 'api-tg');
});

test('the index resolves by family and name, and refuses ambiguity', () => {
  const index = new WorkspaceIndex();
  assert.equal(index.update('file:///a.json', JSON.stringify({ family: 'web', containerDefinitions: [] })), true);
  assert.equal(index.update('file:///tg.json', JSON.stringify({ Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1', TargetType: 'ip' })), true);
  assert.equal(index.update('file:///pkg.json', JSON.stringify({ name: 'x' })), false);
  assert.equal(index.taskDefinition('web:4')?.uri, 'file:///a.json');
  assert.equal(index.targetGroup('arn:aws:elasticloadbalancing:r:1:targetgroup/web-tg/1')?.uri, 'file:///tg.json');
  index.update('file:///b.json', JSON.stringify({ family: 'web', containerDefinitions: [] }));
  assert.equal(index.taskDefinition('web'), undefined, 'two files define family web');
  index.remove('file:///b.json');
  assert.equal(index.taskDefinition('web')?.uri, 'file:///a.json');
});

test('environment parsing: figures, problems, and the defaults for what cannot be read', () => {
  const { env, problems } = parseEnvironment({
    vpc: { cidr: '10.0.0.0/16' },
    subnets: [
      { id: 'subnet-1', cidr: '10.0.0.0/20', az: 'a' },
      { id: 'subnet-2', cidr: '10.0.16.0/28', otherConsumers: [{ ipv4: 3 }] },
      { id: 'subnet-3', cidr: '10.9.0.0/24' },
      { id: 'subnet-1', cidr: '10.0.32.0/24' },
      { id: 'subnet-4', cidr: 'nonsense' },
    ],
    clusters: [
      {
        name: 'c',
        capacity: [
          { instanceType: 'c5.lrge', count: 2 },
          { instanceType: 'c5.large', count: 3, az: 'a' },
        ],
      },
    ],
    accountSettings: { awsvpcTrunking: 'enabled' },
  });
  assert.deepEqual(
    env.subnets.map((s) => [s.id, s.usableIpv4, s.otherConsumersIpv4]),
    [
      ['subnet-1', 4091, 0],
      ['subnet-2', 11, 3],
      ['subnet-3', 251, 0],
    ],
  );
  assert.deepEqual(problems.map((p) => p.code).sort(), ['env-duplicate-subnet', 'env-invalid-cidr', 'env-subnet-outside-vpc', 'env-unknown-instance-type']);
  assert.deepEqual(problems.find((p) => p.code === 'env-unknown-instance-type')?.suggestions?.[0], 'c5.large');
  assert.deepEqual(env.clusters[0].capacity, [{ instanceType: 'c5.large', count: 3, az: 'a' }]);
  assert.equal(env.accountSettings.awsvpcTrunking, true);
  assert.equal(clusterFor(env, 'arn:aws:ecs:r:1:cluster/c', 'svc')?.name, 'c');
  assert.deepEqual(parseEnvironment('not an object').env.subnets, []);
});

test('the nearest environment file above a document, re-read when it changes', () => {
  const root = mkdtempSync(join(tmpdir(), 'ecs-net-env-'));
  try {
    mkdirSync(join(root, 'deploy', 'prod'), { recursive: true });
    writeFileSync(join(root, 'ecs-network.json'), JSON.stringify({ subnets: [{ id: 'subnet-1', cidr: '10.0.0.0/24' }] }));
    writeFileSync(join(root, 'deploy', 'prod', 'service.json'), '{}');
    assert.equal(findUp(join(root, 'deploy', 'prod'), 'ecs-network.json'), join(root, 'ecs-network.json'));
    assert.equal(findUp(join(root, 'deploy', 'prod'), 'ecs-network.json', join(root, 'deploy')), undefined);
    const cache = new EnvironmentCache();
    const file = join(root, 'deploy', 'prod', 'service.json');
    assert.equal(cache.forFile(file)?.env.subnets[0].usableIpv4, 251);
    writeFileSync(join(root, 'deploy', 'ecs-network.json'), '{ broken');
    const broken = cache.forFile(file);
    assert.match(broken?.error ?? '', /not valid JSON/);
    assert.deepEqual(broken?.env.subnets, []);
    assert.equal(
      cache.forFile(file, 'ecs-network.json', undefined, () => JSON.stringify({ subnets: [{ id: 's', cidr: '10.0.0.0/28' }] }))?.env.subnets[0].usableIpv4,
      11,
    );
    assert.deepEqual(
      listDocumentFiles(root).map((f) => f.slice(root.length)),
      ['/deploy/ecs-network.json', '/deploy/prod/service.json', '/ecs-network.json'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
