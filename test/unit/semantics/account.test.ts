import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { checkText } from '../../../server/src/cli/check';
import { parseEnvironment } from '../../../server/src/core/environment';
import { referencesFor } from '../../../server/src/semantics/account';
import { createReferences } from '../../../server/src/semantics/references';
import { WorkspaceIndex } from '../../../server/src/workspace/index';
import { REPO_ROOT } from '../../support/lsp-client';
import { EcsDocument } from '../../../server/src/model/document';
import { hoverAt } from '../../../server/src/features/hover';
import { pulledLine } from '../../../server/src/features/hoverAccount';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';

// Target groups and task definitions that exist only in the account (the environment file's
// targetGroups and taskDefinitions) must be read by the rules exactly like workspace documents,
// lose to a workspace document of the same name, and never be offered as something to edit.

const DIR = join(REPO_ROOT, 'test', 'fixtures', 'account');
const ENV_JSON = JSON.parse(readFileSync(join(DIR, 'ecs-network.json'), 'utf8'));
const SERVICE = readFileSync(join(DIR, 'service-instance.json'), 'utf8');
const INSTANCE_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-instance/0a1b2c3d4e5f6789';
const IP_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web-ip/1b2c3d4e5f6a7b8c';

function check(text: string, index?: WorkspaceIndex, envJson: unknown = ENV_JSON) {
  const { env, problems } = parseEnvironment(envJson);
  assert.deepEqual(problems, []);
  const refs = referencesFor(index, env, createReferences(index));
  return checkText(text, 'file:///work/service.json', { env, refs }).findings;
}

/** A workspace with one bridge task definition, family worker, container web on a dynamic host port for 8080. */
function workerIndex(): WorkspaceIndex {
  const index = new WorkspaceIndex();
  const task = {
    family: 'worker',
    networkMode: 'bridge',
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{ name: 'web', memory: 256, portMappings: [{ containerPort: 8080 }] }],
  };
  index.update('file:///work/worker.json', JSON.stringify(task));
  return index;
}

/** An EC2 service of that task definition behind `targetGroupArn`. */
const workerService = (targetGroupArn: string) => ({
  cluster: 'prod',
  serviceName: 'worker',
  taskDefinition: 'worker',
  launchType: 'EC2',
  loadBalancers: [{ targetGroupArn, containerName: 'web', containerPort: 8080 }],
});

test('an instance target group from the account against a Fargate task from the account is an error, with no fix and no related place', () => {
  const findings = check(SERVICE);
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['target-type-network-mode'],
  );
  const [finding] = findings;
  assert.match(finding.message, /target group web-instance has target type instance/);
  assert.match(finding.message, /exists only in the account \(pulled 2026-12-01\)/);
  assert.equal(finding.fixes, undefined, 'the target group cannot be edited from here');
  assert.equal(finding.related, undefined, 'there is no document to point at');
});

test('the matching pair (ip target group, awsvpc task) stays silent', () => {
  assert.deepEqual(check(SERVICE.replace(INSTANCE_ARN, IP_ARN)), []);
});

test('a revision that is not on file, or a target group named by another ARN, resolves to nothing', () => {
  assert.deepEqual(check(SERVICE.replace('"web:7"', '"web:8"').replace(INSTANCE_ARN, IP_ARN)), []);
  const otherAccount = INSTANCE_ARN.replace('123456789012', '210987654321');
  assert.deepEqual(check(SERVICE.replace(INSTANCE_ARN, otherAccount)), []);
});

test('a workspace target group of the same name wins over the account', () => {
  const index = new WorkspaceIndex();
  index.update(
    'file:///work/tg.json',
    JSON.stringify({ Name: 'web-instance', TargetType: 'ip', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-0a1b2c3d4e5f67890' }),
  );
  // The environment entry carries an ARN the workspace document does not: drop it so the lookup is by name.
  const byName = { ...ENV_JSON, targetGroups: ENV_JSON.targetGroups.map((g: Record<string, unknown>) => ({ ...g, arn: undefined })) };
  assert.deepEqual(check(SERVICE.replace(INSTANCE_ARN, 'web-instance'), index, byName), []);
  const withoutWorkspace = check(SERVICE.replace(INSTANCE_ARN, 'web-instance'), undefined, byName);
  assert.deepEqual(
    withoutWorkspace.map((f) => f.ruleId),
    ['target-type-network-mode'],
  );
});

test('a workspace bridge task definition with an ip target group from the account: only the task definition fix is offered', () => {
  const index = workerIndex();
  const service = workerService(IP_ARN);
  const findings = check(JSON.stringify(service), index);
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['target-type-network-mode'],
  );
  assert.deepEqual(
    findings[0].fixes?.map((f) => f.title),
    ["Set the task definition's networkMode to 'awsvpc'"],
  );
  assert.equal(findings[0].fixes?.[0].edits[0].uri, 'file:///work/worker.json');
});

test('the load balancer container and port, and Fargate compatibility, are checked against an account task definition', () => {
  const wrongContainer = check(SERVICE.replace(INSTANCE_ARN, IP_ARN).replace('"containerName": "web"', '"containerName": "api"'));
  assert.deepEqual(
    wrongContainer.map((f) => f.ruleId),
    ['load-balancer-container'],
  );
  assert.match(wrongContainer[0].message, /Container 'api' is not in the task definition \(containers: web\)/);
  const wrongPort = check(SERVICE.replace(INSTANCE_ARN, IP_ARN).replace('"containerPort": 8080', '"containerPort": 9090'));
  assert.deepEqual(
    wrongPort.map((f) => f.ruleId),
    ['load-balancer-container'],
  );
  assert.equal(wrongPort[0].related, undefined);

  const ec2Only = { ...ENV_JSON, taskDefinitions: [{ ...ENV_JSON.taskDefinitions[0], requiresCompatibilities: ['EC2'] }] };
  const fargate = check(SERVICE.replace(INSTANCE_ARN, IP_ARN), undefined, ec2Only);
  assert.deepEqual(
    fargate.map((f) => f.ruleId),
    ['service-fargate-compatibility'],
  );
  assert.equal(fargate[0].fixes, undefined, 'the registered revision cannot be edited from here');
});

test('networkConfiguration against a bridge task definition from the account: only the fix on the service remains', () => {
  const bridge = { ...ENV_JSON, taskDefinitions: [{ ...ENV_JSON.taskDefinitions[0], networkMode: 'bridge', requiresCompatibilities: ['EC2'] }] };
  const service = SERVICE.replace('"FARGATE"', '"EC2"').replace(INSTANCE_ARN, IP_ARN);
  const findings = check(service, undefined, bridge).filter((f) => f.ruleId === 'service-network-configuration-mode');
  assert.equal(findings.length, 1);
  assert.deepEqual(
    findings[0].fixes?.map((f) => f.title),
    ['Remove networkConfiguration'],
  );
});

test('environment entries that cannot be used are problems, and the rest still counts', () => {
  const { env, problems } = parseEnvironment({
    targetGroups: [{ arn: 'arn:aws:ecs:eu-west-1:1:service/x' }, { name: 'a', targetType: 'ip' }, { name: 'a' }, 'x'],
    taskDefinitions: [{ family: 'web', revision: 2, containers: [{ ports: [] }] }, { family: 'web', revision: 3, containers: [] }, { family: 'api' }],
  });
  assert.deepEqual(
    env.targetGroups.map((g) => g.name),
    ['a'],
  );
  assert.deepEqual(
    env.taskDefinitions.map((t) => `${t.family}:${t.revision}`),
    ['web:3'],
  );
  assert.deepEqual(
    problems.map((p) => p.path.join('.')),
    ['targetGroups.0', 'targetGroups.2', 'targetGroups.3', 'taskDefinitions.0.containers', 'taskDefinitions.2'],
  );
});

function hoverOn(text: string, needle: string, envJson: unknown = ENV_JSON) {
  const { env } = parseEnvironment(envJson);
  const doc = new EcsDocument('file:///work/service.json', 1, text);
  return hoverAt(doc, text.indexOf(needle) + 1, DEFAULT_SETTINGS, referencesFor(undefined, env, createReferences()), env)?.markdown;
}

test('hovers on targetGroupArn and taskDefinition show what the account has', () => {
  const tg = hoverOn(SERVICE, INSTANCE_ARN)!;
  assert.match(tg, /Target group `web-instance`\*\* in the account/);
  assert.match(tg, /target type: instance/);
  assert.match(tg, /listens: HTTP port 8080/);
  assert.match(tg, /load balancers: `web`/);
  assert.match(tg, /pulled 2026-12-01/i);
  const td = hoverOn(SERVICE, '"web:7"')!;
  assert.match(td, /Task definition `web:7`\*\* in the account/);
  assert.match(td, /network mode: awsvpc/);
  assert.match(td, /compatibilities: FARGATE/);
  assert.match(td, /container `web`: 8080\/tcp/);
  // A workspace object (or nothing found) gets no account hover.
  assert.equal(hoverOn(SERVICE.replace('"web:7"', '"web:8"'), '"web:8"'), undefined);
});

test('a pull older than 7 days is called out', () => {
  const origin = { pulledAt: '2026-12-01T09:00:00.000Z' };
  assert.match(pulledLine(origin, new Date('2026-12-08T09:00:00Z')), /^From the account, pulled 2026-12-01 \(7 days ago\)/);
  assert.match(pulledLine(origin, new Date('2026-12-09T10:00:00Z')), /^\*\*Pulled 8 days ago\*\* \(2026-12-01\)/);
  assert.match(pulledLine({}, new Date()), /no pull date/);
});

test('health check port against dynamic host ports, with the target group in the account: reported without the fix that would edit it', () => {
  const index = workerIndex();
  const env = { ...ENV_JSON, targetGroups: ENV_JSON.targetGroups.map((g: Record<string, unknown>) => ({ ...g, healthCheckPort: '8081' })) };
  const service = workerService(INSTANCE_ARN);
  const findings = check(JSON.stringify(service), index, env);
  assert.deepEqual(
    findings.map((f) => f.ruleId),
    ['target-group-health-check-port'],
  );
  assert.match(findings[0].message, /target group web-instance has a health check port specified \(8081\)/);
  assert.equal(findings[0].fixes, undefined);
  assert.equal(findings[0].related, undefined);
});
