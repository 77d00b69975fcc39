import { clusterFor } from '../core/environment';
import { ipv6Eligibility } from '../core/ipv6';
import { atLeastPlatform } from '../core/platform';
import type { CfnResource } from '../model/document';
import { arr, bool, isUnset, str } from '../model/values';
import { serviceFacts, taskFacts } from '../semantics/facts';
import type { Rule, RuleContext } from './types';

// These rules look at what the service's subnets are: AWS::EC2::Subnet resources of the same
// template named with Ref, or subnet ids the environment file describes. Only subnets we can see
// count; when any subnet is unknown, the rules stay silent.

interface SubnetView {
  readonly ipv6Only: boolean;
  readonly hasIpv6: boolean;
}

interface SubnetFacts {
  readonly all: number;
  readonly resolved: SubnetView[];
}

function cfnView(s: CfnResource): SubnetView {
  const only = bool(s.properties.Ipv6Native, 'cfn') === true;
  return { ipv6Only: only, hasIpv6: only || !isUnset(s.properties.Ipv6CidrBlock) || !isUnset(s.properties.Ipv6CidrBlocks) };
}

function serviceSubnetViews(ctx: RuleContext): SubnetFacts | undefined {
  const subnets = arr(serviceFacts(ctx.unit).awsvpcConfiguration?.subnets);
  if (!subnets || subnets.length === 0) return undefined;
  const resolved: SubnetView[] = [];
  for (const s of subnets) {
    const res = ctx.refs.cfnResourceOf(ctx.self, s);
    if (res?.type === 'AWS::EC2::Subnet') {
      resolved.push(cfnView(res));
      continue;
    }
    const id = str(s);
    const known = id ? ctx.env?.subnets.find((e) => e.id === id) : undefined;
    if (known) resolved.push({ ipv6Only: known.ipv6Only, hasIpv6: known.ipv6Only || known.ipv6Cidr !== undefined });
  }
  return { all: subnets.length, resolved };
}

const ipv6Only = (s: SubnetView) => s.ipv6Only;
const hasIpv6 = (s: SubnetView) => s.hasIpv6;

export const ipv6OnlyRequirements: Rule = {
  id: 'ipv6-only-requirements',
  family: 'ipv6',
  severity: 'error',
  appliesTo: ['service'],
  title: 'Services in IPv6-only subnets must meet the IPv6-only conditions',
  description:
    'In IPv6-only subnets tasks have no IPv4 address at all. ECS supports that only for awsvpc Linux tasks, on ' +
    'Fargate platform 1.4.0 or later, without ECS Exec, behind dual-stack load balancers.',
  needsCompleteDocument: true,
  check(ctx) {
    const subnets = serviceSubnetViews(ctx);
    if (!subnets || subnets.resolved.length !== subnets.all || !subnets.resolved.every(ipv6Only)) return;
    const service = serviceFacts(ctx.unit);
    const td = ctx.refs.taskDefinitionOf(ctx.self);
    const task = td ? taskFacts(td.unit) : undefined;
    const result = ipv6Eligibility({
      mode: 'ipv6-only',
      launchType: service.launch,
      os: task?.os,
      networkMode: task?.effectiveMode === 'default' ? 'default' : task?.effectiveMode,
      platformVersion: str(ctx.unit.value.platformVersion),
      subnetHasIpv6Cidr: true,
      subnetIpv6Only: true,
      enableExecuteCommand: bool(ctx.unit.value.enableExecuteCommand, ctx.unit.style) ?? false,
      dualStackIPv6Setting: ctx.env?.accountSettings.dualStackIPv6,
      agentVersion: ctx.env ? clusterFor(ctx.env, str(ctx.unit.value.cluster), str(ctx.unit.value.serviceName))?.agentVersion : undefined,
    });
    // The network mode is service-network-configuration-mode's to report; the rest are IPv6-only conditions.
    const reported = new Set(['fargate-platform-version', 'ec2-windows', 'ipv6-only-os', 'ecs-exec', 'agent-version', 'dual-stack-account-setting']);
    for (const check of result.checks) {
      if (check.status !== 'unmet' || !reported.has(check.id)) continue;
      const path = check.id === 'ecs-exec' ? ['enableExecuteCommand'] : check.id === 'fargate-platform-version' ? ['platformVersion'] : ['networkConfiguration', 'awsvpcConfiguration', 'subnets'];
      ctx.report({
        path,
        message: `The service's subnets are IPv6-only, but: ${check.reason}`,
        fixes:
          check.id === 'ecs-exec'
            ? [{ title: 'Turn off ECS Exec', edits: [ctx.set(['enableExecuteCommand'], false)], preferred: true }]
            : check.id === 'fargate-platform-version'
              ? [{ title: "Set platformVersion to 'LATEST'", edits: [ctx.set(['platformVersion'], 'LATEST')], preferred: true }]
              : undefined,
      });
    }
  },
};

export const ipv6DualStackPlatform: Rule = {
  id: 'ipv6-dual-stack-platform',
  family: 'ipv6',
  severity: 'info',
  appliesTo: ['service'],
  title: 'Fargate platform versions before 1.4.0 give tasks no IPv6 address',
  description:
    'Fargate tasks in dual-stack subnets receive an IPv6 address from Linux platform version 1.4.0 on. An older ' +
    'platform version runs the tasks with IPv4 only.',
  check(ctx) {
    if (serviceFacts(ctx.unit).launch !== 'FARGATE') return;
    const version = str(ctx.unit.value.platformVersion);
    if (version === undefined) return;
    const subnets = serviceSubnetViews(ctx);
    if (!subnets || !subnets.resolved.some(hasIpv6) || subnets.resolved.every(ipv6Only)) return;
    const td = ctx.refs.taskDefinitionOf(ctx.self);
    if (td && taskFacts(td.unit).os === 'windows') return;
    if (atLeastPlatform(version, '1.4.0', 'linux') !== false) return;
    ctx.report({
      path: ['platformVersion'],
      message: `The service's subnets have IPv6 blocks, but Fargate platform ${version} gives tasks IPv4 only; 1.4.0 or LATEST adds IPv6.`,
      fixes: [{ title: "Set platformVersion to 'LATEST'", edits: [ctx.set(['platformVersion'], 'LATEST')], preferred: true }],
    });
  },
};
