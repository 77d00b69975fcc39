import { ipv6Eligibility } from '../core/ipv6';
import { atLeastPlatform } from '../core/platform';
import type { CfnResource } from '../model/document';
import { arr, bool, isUnset, str } from '../model/values';
import { serviceFacts, taskFacts } from './facts';
import type { Rule, RuleContext } from './types';

// These rules look at the subnets a CloudFormation service names with Ref, when those subnets are
// AWS::EC2::Subnet resources of the same template: only then do we know what the subnets are.

interface SubnetFacts {
  readonly all: number;
  readonly resolved: CfnResource[];
}

function templateSubnets(ctx: RuleContext): SubnetFacts | undefined {
  const subnets = arr(serviceFacts(ctx.unit).awsvpcConfiguration?.subnets);
  if (!subnets || subnets.length === 0) return undefined;
  const resolved: CfnResource[] = [];
  for (const s of subnets) {
    const res = ctx.refs.cfnResourceOf(ctx.self, s);
    if (res?.type === 'AWS::EC2::Subnet') resolved.push(res);
  }
  return { all: subnets.length, resolved };
}

const ipv6Only = (s: CfnResource) => bool(s.properties.Ipv6Native, 'cfn') === true;
const hasIpv6 = (s: CfnResource) => !isUnset(s.properties.Ipv6CidrBlock) || !isUnset(s.properties.Ipv6CidrBlocks) || ipv6Only(s);

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
    const subnets = templateSubnets(ctx);
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
    });
    // The network mode is service-network-configuration-mode's to report; the rest are IPv6-only conditions.
    const reported = new Set(['fargate-platform-version', 'ec2-windows', 'ipv6-only-os', 'ecs-exec']);
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
    const subnets = templateSubnets(ctx);
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
