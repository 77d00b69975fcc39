import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hoverAt } from '../../../server/src/features/hover';
import { EcsDocument } from '../../../server/src/model/document';
import { checkText } from '../../../server/src/cli/check';
import { readEnvironment } from '../../../server/src/workspace/files';
import type { Environment } from '../../../server/src/core/environment';
import { DEFAULT_SETTINGS } from '../../../server/src/settings';
import { FIXTURE_DIR, stripMarkers } from '../../support/fixtures';

// Hovers that say only true things: placeholders named as such, checklists without rows that
// cannot apply, and capacity figures that agree with the cluster-capacity rule.

function hover(text: string, env?: Environment): string | undefined {
  const offset = text.indexOf('|');
  assert.ok(offset >= 0, 'cursor marker missing');
  const doc = new EcsDocument('file:///t.json', 1, text.slice(0, offset) + text.slice(offset + 1));
  return hoverAt(doc, offset, DEFAULT_SETTINGS, undefined, env)?.markdown;
}

const task = (compat: string) =>
  `{ "family": "api", "networkMode": "aws|vpc", ${compat} "cpu": "256", "memory": "512",
     "containerDefinitions": [{ "name": "api", "image": "x" }] }`;

test('the IPv6 checklist of an EC2-only task definition has no Fargate platform row', () => {
  for (const compat of ['"requiresCompatibilities": ["EC2"],', '']) {
    const md = hover(task(compat))!;
    assert.match(md, /IPv6 eligibility/);
    assert.doesNotMatch(md, /Fargate platform version/, compat);
  }
});

test('the IPv6 checklist of a Fargate-only task definition has no agent-version row', () => {
  const md = hover(task('"requiresCompatibilities": ["FARGATE"],'))!;
  assert.doesNotMatch(md, /Container agent/);
  assert.match(md, /Fargate platform version/);
});

test('a task definition for both launch types keeps the Fargate platform row', () => {
  assert.match(hover(task('"requiresCompatibilities": ["EC2", "FARGATE"],'))!, /Fargate platform version/);
});

test('placeholders are named as such where the hover would show the value', () => {
  const service = (subnet: string, count: string) =>
    `{ "cluster": "c", "desiredCount": ${count}, "launchType": "FARGATE", "deploymentController": { "type": "ECS" },
       "networkConfiguration": { "awsvpcConfiguration": { "subnets": [${subnet}] } } }`;
  for (const subnet of ['"${SUB|NET}"', '"PRIVATE_SUB|NET_ONE"', '"subnet-EXA|MPLE"', '"{{ must_env `SUB|NET` }}"']) {
    assert.match(hover(service(subnet, '2'))!, /Placeholder/, subnet);
  }
  assert.match(hover(service('"subnet-0a1b2c3d4e5f60718"', '"${COU|NT}"'))!, /Placeholder/);
  // A malformed id is not a template value: the subnet hover shows the figures as for any subnet.
  assert.doesNotMatch(hover(service('"subnet-12|345"', '2'))!, /Placeholder/);
  assert.match(hover(`{ "family": "x", "containerDefinitions": [{ "name": "a", "image": "<IMAGE1|_NAME>" }] }`)!, /Placeholder/);
});

test('the desiredCount hover uses the cluster of the environment file and agrees with cluster-capacity', () => {
  const dir = join(FIXTURE_DIR, 'cluster-capacity');
  const env = readEnvironment(join(dir, 'ecs-network.json')).env;
  const text = stripMarkers(readFileSync(join(dir, 'invalid-eni.json'), 'utf8'));
  const rule = checkText(text, 'file:///t.jsonc', { env }).findings.find((f) => f.ruleId === 'cluster-capacity');
  assert.ok(rule, 'the fixture must trip cluster-capacity');
  const [, placed, pending] = /Only (\d+) of 10 tasks fit.*?(\d+) stay pending/.exec(rule.message) ?? [];
  assert.ok(placed && pending, rule.message);
  const at = text.indexOf('"DesiredCount"') + 3;
  const md = hoverAt(new EcsDocument('file:///t.json', 1, text), at, DEFAULT_SETTINGS, undefined, env)!.markdown;
  assert.match(md, new RegExp(`only ${placed} of 10 tasks fit; ${pending} stay pending with "RESOURCE:ENI"`));
  assert.match(md, /cluster batch \(2 × c5\.large in 1 AZ\)/);
  // 10 tasks × 1 address + 2 instances × 1 primary address.
  assert.match(md, /steady state: \*\*12\*\* \(1 per task \+ 1 per instance × the 2 instances of cluster batch\)/);
});
