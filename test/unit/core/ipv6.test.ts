import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ipv6Eligibility, type Ipv6EligibilityInput, type CheckStatus } from '../../../server/src/core/ipv6';

const FARGATE_DUAL_STACK: Ipv6EligibilityInput = {
  mode: 'dual-stack',
  launchType: 'FARGATE',
  networkMode: 'awsvpc',
  platformVersion: '1.4.0',
  subnetHasIpv6Cidr: true,
  dualStackIPv6Setting: true,
};

const EC2_IPV6_ONLY: Ipv6EligibilityInput = {
  mode: 'ipv6-only',
  launchType: 'EC2',
  os: 'linux',
  networkMode: 'awsvpc',
  subnetHasIpv6Cidr: true,
  subnetIpv6Only: true,
  dualStackIPv6Setting: true,
  agentVersion: '1.99.1',
  enableExecuteCommand: false,
  loadBalancerDualStack: true,
};

function status(input: Ipv6EligibilityInput, id: string): CheckStatus | undefined {
  return ipv6Eligibility(input).checks.find((c) => c.id === id)?.status;
}

test('fully eligible inputs', () => {
  assert.equal(ipv6Eligibility(FARGATE_DUAL_STACK).eligible, true);
  assert.equal(ipv6Eligibility(EC2_IPV6_ONLY).eligible, true);
  assert.equal(ipv6Eligibility({ ...FARGATE_DUAL_STACK, os: 'windows', platformVersion: '1.0.0' }).eligible, true);
  assert.equal(ipv6Eligibility({ ...FARGATE_DUAL_STACK, platformVersion: 'LATEST' }).eligible, true);
});

test('each documented condition, one at a time', () => {
  // DOMAIN.md "IPv6 eligibility": [label, input, check id, expected status, eligible]
  const cases: [string, Ipv6EligibilityInput, string, CheckStatus, boolean | 'unknown'][] = [
    ['Fargate Linux 1.3.0', { ...FARGATE_DUAL_STACK, platformVersion: '1.3.0' }, 'fargate-platform-version', 'unmet', false],
    ['Fargate Linux LATEST', { ...FARGATE_DUAL_STACK, platformVersion: 'LATEST' }, 'fargate-platform-version', 'met', true],
    ['Fargate Linux, no version (LATEST)', { ...FARGATE_DUAL_STACK, platformVersion: undefined }, 'fargate-platform-version', 'met', true],
    ['unparseable platform version', { ...FARGATE_DUAL_STACK, platformVersion: '${Pv}' }, 'fargate-platform-version', 'unknown', 'unknown'],
    ['EC2 has no platform version', { ...EC2_IPV6_ONLY }, 'fargate-platform-version', 'n/a', true],
    ['bridge mode', { ...FARGATE_DUAL_STACK, launchType: 'EC2', networkMode: 'bridge' }, 'network-mode', 'unmet', false],
    ['Fargate without a mode is awsvpc', { ...FARGATE_DUAL_STACK, networkMode: undefined }, 'network-mode', 'met', true],
    ['subnet has no IPv6 block', { ...FARGATE_DUAL_STACK, subnetHasIpv6Cidr: false }, 'subnet-ipv6-cidr', 'unmet', false],
    ['subnet not known', { ...FARGATE_DUAL_STACK, subnetHasIpv6Cidr: undefined }, 'subnet-ipv6-cidr', 'unknown', 'unknown'],
    ['account setting off', { ...FARGATE_DUAL_STACK, dualStackIPv6Setting: false }, 'dual-stack-account-setting', 'unmet', false],
    ['account setting not known', { ...FARGATE_DUAL_STACK, dualStackIPv6Setting: undefined }, 'dual-stack-account-setting', 'unknown', 'unknown'],
    ['EC2 Windows awsvpc', { ...FARGATE_DUAL_STACK, launchType: 'EC2', os: 'windows', platformVersion: undefined }, 'ec2-windows', 'unmet', false],
    ['Windows, launch type not known', { ...FARGATE_DUAL_STACK, launchType: undefined, os: 'windows' }, 'ec2-windows', 'unknown', 'unknown'],
    ['Windows IPv6-only', { ...EC2_IPV6_ONLY, launchType: 'FARGATE', os: 'windows' }, 'ipv6-only-os', 'unmet', false],
    ['IPv6-only, agent too old', { ...EC2_IPV6_ONLY, agentVersion: '1.98.0' }, 'agent-version', 'unmet', false],
    ['IPv6-only, agent not known', { ...EC2_IPV6_ONLY, agentVersion: undefined }, 'agent-version', 'unknown', 'unknown'],
    ['IPv6-only on Fargate: no agent check', { ...EC2_IPV6_ONLY, launchType: 'FARGATE', agentVersion: undefined }, 'agent-version', 'n/a', true],
    ['IPv6-only with ECS Exec', { ...EC2_IPV6_ONLY, enableExecuteCommand: true }, 'ecs-exec', 'unmet', false],
    ['IPv6-only behind an IPv4 load balancer', { ...EC2_IPV6_ONLY, loadBalancerDualStack: false }, 'load-balancer-dual-stack', 'unmet', false],
    ['IPv6-only without a load balancer', { ...EC2_IPV6_ONLY, loadBalancerDualStack: null }, 'load-balancer-dual-stack', 'n/a', true],
    ['IPv6-only in a dual-stack subnet', { ...EC2_IPV6_ONLY, subnetIpv6Only: false }, 'subnet-ipv6-only', 'unmet', false],
    ['dual-stack: IPv6-only checks do not apply', { ...FARGATE_DUAL_STACK, enableExecuteCommand: true }, 'ecs-exec', 'n/a', true],
  ];
  for (const [label, input, id, expected, eligible] of cases) {
    assert.equal(status(input, id), expected, label);
    assert.equal(ipv6Eligibility(input).eligible, eligible, label);
  }
});

test('knowing nothing never yields unmet (precision first)', () => {
  for (const mode of ['dual-stack', 'ipv6-only'] as const) {
    const r = ipv6Eligibility({ mode });
    assert.equal(r.eligible, 'unknown', mode);
    assert.deepEqual(
      r.checks.filter((c) => c.status === 'unmet'),
      [],
      mode,
    );
  }
});

test('every check has a stable unique id, a label and a reason', () => {
  const { checks } = ipv6Eligibility(EC2_IPV6_ONLY);
  assert.equal(new Set(checks.map((c) => c.id)).size, checks.length);
  for (const c of checks) assert.ok(c.label && c.reason, c.id);
});
