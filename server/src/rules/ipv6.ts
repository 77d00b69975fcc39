import { moduleFacts } from '../semantics/module';
import { clusterFor } from '../core/environment';
import { ipv6Eligibility } from '../core/ipv6';
import { atLeastPlatform } from '../core/platform';
import { bool, str } from '../model/values';
import { serviceFacts } from '../semantics/facts';
import { linkedTask } from '../semantics/service';
import { serviceSubnets } from '../semantics/subnets';
import type { Rule } from './types';

// These rules look at what the service's subnets are: AWS::EC2::Subnet resources of the same
// template named with Ref, or subnet ids the environment file describes. Only subnets we can see
// count; when any subnet is unknown, the rules stay silent.

export const ipv6OnlyRequirements: Rule = {
  id: 'ipv6-only-requirements',
  fix: 'For ECS Exec, the fix turns `enableExecuteCommand` off; for an old platform version, it sets `platformVersion` to `LATEST`. The other conditions (network mode, operating system) have no automatic fix.',
  family: 'ipv6',
  severity: 'error',
  appliesTo: ['service'],
  title: 'Services in IPv6-only subnets must meet the IPv6-only conditions',
  description:
    'In IPv6-only subnets tasks have no IPv4 address at all. ECS supports that only for awsvpc Linux tasks, on ' +
    'Fargate platform 1.4.0 or later, without ECS Exec, behind dual-stack load balancers.',
  needsCompleteDocument: true,
  check(ctx) {
    const subnets = serviceSubnets(ctx.self, ctx.refs, ctx.env);
    if (!subnets.complete || !subnets.known.every((s) => s.ipv6Only)) return;
    const service = serviceFacts(ctx.unit);
    const task = linkedTask(ctx.self, ctx.refs)?.facts;
    const result = ipv6Eligibility({
      mode: 'ipv6-only',
      launchType: service.launch,
      os: task?.os,
      networkMode: task?.effectiveMode,
      platformVersion: str(ctx.unit.value.platformVersion),
      subnetHasIpv6Cidr: true,
      subnetIpv6Only: true,
      enableExecuteCommand: bool(ctx.unit.value.enableExecuteCommand, ctx.unit.style) ?? false,
      dualStackIPv6Setting: ctx.env?.accountSettings.dualStackIPv6 ?? moduleFacts(ctx.self, ctx.refs).dualStackIPv6,
      agentVersion: ctx.env ? clusterFor(ctx.env, str(ctx.unit.value.cluster), str(ctx.unit.value.serviceName))?.agentVersion : undefined,
    });
    // The network mode is service-network-configuration-mode's to report; the rest are IPv6-only conditions.
    const reported = new Set(['fargate-platform-version', 'ec2-windows', 'ipv6-only-os', 'ecs-exec', 'agent-version', 'dual-stack-account-setting']);
    for (const check of result.checks) {
      if (check.status !== 'unmet' || !reported.has(check.id)) continue;
      const path =
        check.id === 'ecs-exec'
          ? ['enableExecuteCommand']
          : check.id === 'fargate-platform-version'
            ? ['platformVersion']
            : ['networkConfiguration', 'awsvpcConfiguration', 'subnets'];
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
  fix: 'Sets `platformVersion` to `LATEST`.',
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
    const { known } = serviceSubnets(ctx.self, ctx.refs, ctx.env);
    if (!known.some((s) => s.hasIpv6) || known.every((s) => s.ipv6Only)) return;
    if (linkedTask(ctx.self, ctx.refs)?.facts.os === 'windows') return;
    if (atLeastPlatform(version, '1.4.0', 'linux') !== false) return;
    ctx.report({
      path: ['platformVersion'],
      message: `The service's subnets have IPv6 blocks, but Fargate platform ${version} gives tasks IPv4 only; 1.4.0 or LATEST adds IPv6.`,
      fixes: [{ title: "Set platformVersion to 'LATEST'", edits: [ctx.set(['platformVersion'], 'LATEST')], preferred: true }],
    });
  },
};

export const ipv6SubnetMissing: Rule = {
  id: 'ipv6-subnet-missing',
  fix: 'No automatic fix: associate an IPv6 CIDR with the subnets (and record it in the environment file), or use an `ipv4`/`dualstack` target group.',
  family: 'ipv6',
  severity: 'error',
  appliesTo: ['service'],
  title: 'IPv6 target group, but the service subnets have no IPv6 CIDR',
  description:
    'A target group with `IpAddressType: ipv6` registers task IPv6 addresses. Tasks get one only in subnets with an IPv6 CIDR block; in the IPv4-only subnets the environment file describes, registration cannot work.',
  needsCompleteDocument: true,
  check(ctx) {
    const env = ctx.env;
    if (!env) return;
    const subnets = serviceSubnets(ctx.self, ctx.refs, env);
    if (!subnets.complete) return;
    const withoutIpv6 = subnets.known.filter((s) => !s.hasIpv6);
    if (withoutIpv6.length === 0) return;
    for (const { index, ref } of ctx.refs.targetGroupsOf(ctx.self)) {
      if (ref.unit.value.IpAddressType !== 'ipv6') continue;
      ctx.report({
        path: ['loadBalancers', index, 'targetGroupArn'],
        message: `This target group takes IPv6 targets, but subnet${withoutIpv6.length === 1 ? '' : 's'} ${withoutIpv6.map((s) => s.id).join(', ')} ha${withoutIpv6.length === 1 ? 's' : 've'} no IPv6 CIDR, so tasks there get no IPv6 address.`,
      });
    }
  },
};
