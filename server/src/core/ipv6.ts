/**
 * IPv6 eligibility as a checklist: each condition ECS places on dual-stack or IPv6-only tasks, with
 * a reason. An input we were not told about gives 'unknown', never 'unmet': we only claim a task
 * cannot get IPv6 when the document says enough to be sure.
 */
import type { Os } from './kinds';
import type { LaunchKind } from './kinds';
import { atLeastPlatform, compareVersions, resolveFargatePlatformVersion } from './platform';

export type Ipv6Mode = 'dual-stack' | 'ipv6-only';
export type CheckStatus = 'met' | 'unmet' | 'unknown' | 'n/a';

export interface Ipv6EligibilityInput {
  mode: Ipv6Mode;
  launchType?: LaunchKind;
  /** Defaults to linux, as ECS does when runtimePlatform is absent. */
  os?: Os;
  networkMode?: string;
  platformVersion?: string;
  subnetHasIpv6Cidr?: boolean;
  subnetIpv6Only?: boolean;
  dualStackIPv6Setting?: boolean;
  agentVersion?: string;
  enableExecuteCommand?: boolean;
  /** true/false: the service's load balancers are (not) dual-stack; null: the service has no load balancer. */
  loadBalancerDualStack?: boolean | null;
}

export interface Ipv6Check {
  id: string;
  label: string;
  status: CheckStatus;
  reason: string;
}

export interface Ipv6Eligibility {
  eligible: boolean | 'unknown';
  checks: Ipv6Check[];
}

// Fargate Linux gives tasks IPv6 addresses from platform 1.4.0 (Fargate Linux platform changelog).
export const MIN_FARGATE_LINUX_PLATFORM_FOR_IPV6 = '1.4.0';
// Fargate Windows has a single platform version, 1.0.0, and it supports dual-stack (Fargate Windows platform notes).
export const MIN_FARGATE_WINDOWS_PLATFORM_FOR_IPV6 = '1.0.0';
// IPv6-only tasks on EC2 need container agent 1.99.1 or later (ECS IPv6-only announcement and guide).
export const MIN_AGENT_FOR_IPV6_ONLY = '1.99.1';

type Check = (input: Ipv6EligibilityInput, os: Os) => Omit<Ipv6Check, 'id' | 'label'>;

const CHECKS: readonly { id: string; label: string; run: Check }[] = [
  { id: 'network-mode', label: 'Network mode is awsvpc', run: checkNetworkMode },
  { id: 'subnet-ipv6-cidr', label: 'Subnet has an IPv6 CIDR block', run: checkSubnetCidr },
  { id: 'subnet-ipv6-only', label: 'Subnet is IPv6-only', run: checkSubnetIpv6Only },
  { id: 'dual-stack-account-setting', label: 'dualStackIPv6 account setting is on', run: checkAccountSetting },
  { id: 'fargate-platform-version', label: 'Fargate platform version supports IPv6', run: checkPlatform },
  { id: 'ec2-windows', label: 'Not an awsvpc task on EC2 Windows', run: checkEc2Windows },
  { id: 'ipv6-only-os', label: 'IPv6-only tasks run Linux', run: checkIpv6OnlyOs },
  { id: 'agent-version', label: `Container agent ${MIN_AGENT_FOR_IPV6_ONLY} or later`, run: checkAgent },
  { id: 'ecs-exec', label: 'ECS Exec is off', run: checkExec },
  { id: 'load-balancer-dual-stack', label: 'Load balancers are dual-stack', run: checkLoadBalancer },
];

export function ipv6Eligibility(input: Ipv6EligibilityInput): Ipv6Eligibility {
  const os: Os = input.os ?? 'linux';
  const checks = CHECKS.map(({ id, label, run }) => ({ id, label, ...run(input, os) }));
  const eligible = checks.some((c) => c.status === 'unmet') ? false : checks.some((c) => c.status === 'unknown') ? 'unknown' : true;
  return { eligible, checks };
}

const na = (reason: string) => ({ status: 'n/a' as const, reason });
const met = (reason: string) => ({ status: 'met' as const, reason });
const unmet = (reason: string) => ({ status: 'unmet' as const, reason });
const unknown = (reason: string) => ({ status: 'unknown' as const, reason });

function fromFlag(value: boolean | undefined, yes: string, no: string, notGiven: string) {
  if (value === true) return met(yes);
  if (value === false) return unmet(no);
  return unknown(notGiven);
}

function checkNetworkMode(input: Ipv6EligibilityInput) {
  // Only awsvpc tasks have an ENI of their own to carry an IPv6 address (ECS task networking).
  if (input.networkMode === 'awsvpc') return met('The task uses awsvpc.');
  if (input.networkMode === undefined) {
    return input.launchType === 'FARGATE' ? met('Fargate tasks always use awsvpc.') : unknown('The network mode is not known.');
  }
  return unmet(`Only awsvpc tasks get IPv6 addresses; this task uses '${input.networkMode}'.`);
}

function checkSubnetCidr(input: Ipv6EligibilityInput) {
  if (input.subnetIpv6Only === true) return met('IPv6-only subnets always have an IPv6 block.');
  return fromFlag(
    input.subnetHasIpv6Cidr,
    'The subnet has an IPv6 block.',
    'The subnet has no IPv6 CIDR block, so tasks get IPv4 only; associate one (and turn on auto-assign IPv6).',
    'Whether the subnet has an IPv6 block is not known.',
  );
}

function checkSubnetIpv6Only(input: Ipv6EligibilityInput) {
  if (input.mode !== 'ipv6-only') return na('Only IPv6-only tasks need an IPv6-only subnet.');
  return fromFlag(
    input.subnetIpv6Only,
    'The subnet is IPv6-only.',
    'The subnet also has IPv4, so tasks there are dual-stack rather than IPv6-only.',
    'Whether the subnet is IPv6-only is not known.',
  );
}

function checkAccountSetting(input: Ipv6EligibilityInput) {
  return fromFlag(
    input.dualStackIPv6Setting,
    'dualStackIPv6 is turned on.',
    'dualStackIPv6 is off, so ECS does not assign IPv6 addresses to tasks; turn it on with put-account-setting.',
    'The dualStackIPv6 account setting is not known.',
  );
}

function checkPlatform(input: Ipv6EligibilityInput, os: Os) {
  if (input.launchType === 'EC2' || input.launchType === 'EXTERNAL') return na('Platform versions apply to Fargate only.');
  if (input.launchType === undefined && input.platformVersion === undefined) {
    return met('No platform version is set, and Fargate then uses LATEST, which supports IPv6.');
  }
  const min = os === 'windows' ? MIN_FARGATE_WINDOWS_PLATFORM_FOR_IPV6 : MIN_FARGATE_LINUX_PLATFORM_FOR_IPV6;
  const resolved = resolveFargatePlatformVersion(input.platformVersion, os);
  const enough = atLeastPlatform(input.platformVersion, min, os);
  if (enough === undefined) return unknown(`Platform version '${resolved.version}' cannot be compared with ${min}.`);
  if (enough) return met(`Platform version ${resolved.version} supports IPv6.`);
  return unmet(
    `Fargate ${os === 'windows' ? 'Windows' : 'Linux'} needs platform version ${min} or later (or LATEST) for IPv6; this task uses ${resolved.version}.`,
  );
}

function checkEc2Windows(input: Ipv6EligibilityInput, os: Os) {
  if (os !== 'windows') return na('The task runs Linux.');
  // ECS guide: awsvpc on EC2 Windows supports neither dual-stack IPv6 nor ENI trunking.
  if (input.launchType === 'EC2') return unmet('awsvpc tasks on EC2 Windows instances cannot have IPv6 addresses.');
  if (input.launchType === undefined) return unknown('Windows tasks on EC2 get no IPv6; the launch type is not known.');
  return na('The task does not run on EC2.');
}

function checkIpv6OnlyOs(input: Ipv6EligibilityInput, os: Os) {
  if (input.mode !== 'ipv6-only') return na('Dual-stack tasks may run Windows on Fargate.');
  // No AWS source claims IPv6-only support for Windows tasks.
  return os === 'windows' ? unmet('IPv6-only tasks must run Linux; Windows is not supported.') : met('The task runs Linux.');
}

function checkAgent(input: Ipv6EligibilityInput) {
  if (input.mode !== 'ipv6-only') return na('The agent version matters for IPv6-only tasks.');
  if (input.launchType === 'FARGATE' || input.launchType === 'EXTERNAL') return na('Applies to EC2 container instances only.');
  const order = input.agentVersion === undefined ? undefined : compareVersions(input.agentVersion, MIN_AGENT_FOR_IPV6_ONLY);
  if (order !== undefined && order >= 0) return met(`Agent ${input.agentVersion ?? ''} is recent enough.`);
  if (input.launchType === undefined) return unknown('On EC2 the agent version matters, and the launch type is not known.');
  if (order === undefined) {
    return unknown(
      input.agentVersion === undefined
        ? 'The container agent version is not known.'
        : `Agent version '${input.agentVersion}' cannot be compared with ${MIN_AGENT_FOR_IPV6_ONLY}.`,
    );
  }
  return unmet(`IPv6-only tasks on EC2 need container agent ${MIN_AGENT_FOR_IPV6_ONLY} or later; the instances run ${input.agentVersion ?? ''}.`);
}

function checkExec(input: Ipv6EligibilityInput) {
  if (input.mode !== 'ipv6-only') return na('ECS Exec works with dual-stack tasks.');
  if (input.enableExecuteCommand === true) return unmet('ECS Exec (enableExecuteCommand) is not supported for IPv6-only tasks.');
  if (input.enableExecuteCommand === false) return met('ECS Exec is off.');
  return unknown('Whether ECS Exec is enabled is not known.');
}

function checkLoadBalancer(input: Ipv6EligibilityInput) {
  if (input.mode !== 'ipv6-only') return na('Dual-stack tasks can sit behind IPv4 load balancers.');
  if (input.loadBalancerDualStack === null) return na('The service has no load balancer.');
  return fromFlag(
    input.loadBalancerDualStack,
    'The load balancers are dual-stack.',
    'IPv6-only tasks need dual-stack load balancers with IPv6 target groups.',
    'Whether the load balancers are dual-stack is not known.',
  );
}
