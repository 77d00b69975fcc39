import { arr, isUnset, num, obj, str } from '../model/values';
import { containerNamed, serviceFacts } from '../semantics/facts';
import { linkedTask, runsAwsvpc, serviceNetworkMode, type LinkedTask } from '../semantics/service';
import { targetTypeFor, targetTypeVerdict } from '../semantics/verdicts';
import { checkContainerRef } from './container-ref';
import { accountOrigin } from '../semantics/account';
import type { Rule } from './types';

/** Target types that route to instances or IPs, and so need a protocol, port and VPC (CreateTargetGroup API). */
const ROUTED_TYPES = new Set(['instance', 'ip', 'alb']);

export const targetGroupRequiredFields: Rule = {
  id: 'target-group-required-fields',
  fix: null,
  family: 'target-group',
  severity: 'error',
  appliesTo: ['target-group'],
  title: 'instance, ip and alb target groups need Protocol, Port and VpcId',
  description:
    'Except for Lambda targets, a target group forwards to a port in a VPC, so CreateTargetGroup requires ' +
    '`Protocol`, `Port` and `VpcId` (leaving out TargetType means `instance`).',
  needsCompleteDocument: true,
  check(ctx) {
    const v = ctx.unit.value;
    const rawType = v.TargetType;
    if (!isUnset(rawType) && str(rawType) === undefined) return;
    const type = str(rawType) ?? 'instance';
    if (!ROUTED_TYPES.has(type)) return;
    // GENEVE target groups of Gateway Load Balancers still need all three; nothing to relax.
    const missing = ['Protocol', 'Port', 'VpcId'].filter((k) => isUnset(v[k]));
    if (missing.length === 0) return;
    ctx.report({
      path: 'TargetType' in v ? ['TargetType'] : 'Name' in v ? ['Name'] : [],
      target: 'key',
      message: isUnset(rawType)
        ? `This target group has no TargetType, so it is of type instance (the default), which needs ${missing.join(', ')}.`
        : `A target group of type ${type} needs ${missing.join(', ')}.`,
    });
  },
};

export const classicLoadBalancerAwsvpc: Rule = {
  id: 'classic-load-balancer-awsvpc',
  fix: null,
  family: 'target-group',
  severity: 'error',
  appliesTo: ['service'],
  title: 'awsvpc and Fargate services need ALB/NLB target groups, not Classic Load Balancers',
  description:
    'Classic Load Balancers register instances, not IP addresses, so they cannot front awsvpc tasks. Use an ' +
    'Application or Network Load Balancer target group (`targetGroupArn`) of type `ip`.',
  check(ctx) {
    if (!runsAwsvpc(serviceNetworkMode(ctx.self, ctx.refs))) return;
    (arr(ctx.unit.value.loadBalancers) ?? []).forEach((lb, i) => {
      const entry = obj(lb);
      if (!entry || isUnset(entry.loadBalancerName)) return;
      ctx.report({
        path: ['loadBalancers', i, 'loadBalancerName'],
        target: 'key',
        message:
          'awsvpc and Fargate services support only Application and Network Load Balancers: use targetGroupArn with an ip target group instead of a Classic loadBalancerName.',
      });
    });
  },
};

export const targetTypeNetworkMode: Rule = {
  id: 'target-type-network-mode',
  fix: "Sets the target group's `TargetType` to the one the network mode needs. When an `ip` target group meets a `bridge` or `host` task definition, a second fix switches the task definition to `awsvpc` instead.",
  family: 'target-group',
  severity: 'error',
  appliesTo: ['service'],
  title: 'Target group type must match the network mode',
  description:
    'awsvpc tasks (all Fargate tasks) register their own IP address, so their target group must have ' +
    '`TargetType: ip`. bridge and host tasks register the instance and a port, so theirs must be `instance` ' +
    '(the default when TargetType is left out).',
  needsCompleteDocument: true,
  check(ctx) {
    const served = serviceNetworkMode(ctx.self, ctx.refs);
    const td = served.task;
    if (!served.certain || served.mode === 'default' || served.mode === undefined) return;
    const mode = served.mode;
    const needs = targetTypeFor(mode);
    if (!needs) return;
    for (const { index, ref } of ctx.refs.targetGroupsOf(ctx.self)) {
      const raw = ref.unit.value.TargetType;
      if (!isUnset(raw) && typeof raw !== 'string') continue;
      const omitted = typeof raw !== 'string' || raw === '';
      const actual = omitted ? 'instance' : raw;
      const name = ref.unit.logicalId ?? str(ref.unit.value.Name) ?? 'target group';
      const refusal = targetTypeVerdict(mode, name).refuse(actual);
      if (!refusal) continue;
      const origin = accountOrigin(ref.unit);
      // A target group's type cannot change: one that lives only in the account is replaced there, not edited here.
      const where = origin
        ? ` The target group exists only in the account (${origin.pulledAt ? `pulled ${origin.pulledAt.slice(0, 10)}` : 'environment file'}): point the service at a target group of type ${needs}.`
        : '';
      ctx.report({
        path: ['loadBalancers', index, 'targetGroupArn'],
        message: (omitted ? `${refusal.reason} (TargetType is not set, and defaults to instance.)` : refusal.reason) + where,
        related: [{ uri: ref.uri, path: ctx.docPath(['TargetType'], ref), message: `target type ${actual}` }],
        fixes: [
          { title: `Set the target group's TargetType to '${needs}'`, edits: [ctx.set(['TargetType'], needs, ref)], preferred: true },
          ...(needs === 'instance' && td
            ? [{ title: "Set the task definition's networkMode to 'awsvpc'", edits: [ctx.set(['networkMode'], 'awsvpc', td.ref)] }]
            : []),
        ],
      });
    }
  },
};

export const loadBalancerContainer: Rule = {
  id: 'load-balancer-container',
  fix: null,
  family: 'target-group',
  severity: 'error',
  appliesTo: ['service'],
  title: 'Load balancer containerName/containerPort must exist in the task definition',
  description:
    'ECS registers the container and port named in `loadBalancers` with the target group. Both must be a ' +
    'container of the task definition and one of its container ports.',
  needsCompleteDocument: true,
  check(ctx) {
    const td = linkedTask(ctx.self, ctx.refs);
    if (!td) return;
    (arr(ctx.unit.value.loadBalancers) ?? []).forEach((lb, i) => {
      const entry = obj(lb);
      if (entry) checkContainerRef(ctx, td, ['loadBalancers', i], entry);
    });
  },
};

/** The protocols an `alb` target group (a Network Load Balancer forwarding to an ALB) accepts: ELB user guide. */
const ALB_TARGET_PROTOCOL = 'TCP';
const ALB_HEALTH_CHECK_PROTOCOLS = new Set(['HTTP', 'HTTPS']);

export const targetGroupAlbProtocol: Rule = {
  id: 'target-group-alb-protocol',
  fix: 'Sets `Protocol` to `TCP`. A wrong health check protocol has no automatic fix: choose `HTTP` or `HTTPS`.',
  family: 'target-group',
  severity: 'error',
  appliesTo: ['target-group'],
  title: 'alb target groups use protocol TCP and HTTP(S) health checks',
  description:
    'A target group of type `alb` lets a Network Load Balancer forward to an Application Load Balancer. The NLB ' +
    'passes TCP connections through, so the target group protocol must be `TCP`, and the ALB is health-checked ' +
    'over `HTTP` or `HTTPS`. Elastic Load Balancing refuses other combinations.',
  check(ctx) {
    const v = ctx.unit.value;
    if (str(v.TargetType) !== 'alb') return;
    const protocol = str(v.Protocol);
    if (protocol !== undefined && protocol !== ALB_TARGET_PROTOCOL) {
      ctx.report({
        path: ['Protocol'],
        message: `A target group of type alb must use protocol TCP (it forwards connections from a Network Load Balancer to an Application Load Balancer); this one uses ${protocol}.`,
        fixes: [{ title: "Set Protocol to 'TCP'", edits: [ctx.set(['Protocol'], ALB_TARGET_PROTOCOL)], preferred: true }],
      });
    }
    const check = str(v.HealthCheckProtocol);
    if (check !== undefined && !ALB_HEALTH_CHECK_PROTOCOLS.has(check)) {
      ctx.report({
        path: ['HealthCheckProtocol'],
        message: `The Application Load Balancer behind an alb target group is health-checked over HTTP or HTTPS, not ${check}.`,
      });
    }
  },
};

/** True when the port mapping ECS would register for `containerPort` gets a dynamic host port. */
function dynamicHostPort(td: LinkedTask, containerName: string, containerPort: number): boolean {
  const container = containerNamed(td.facts, containerName);
  if (!container) return false;
  const mappings = td.facts.portMappings.filter((m) => m.container === container.index && m.containerPort === containerPort);
  return mappings.length > 0 && mappings.every((m) => !m.hostPortSet || m.hostPort === 0);
}

export const targetGroupHealthCheckPort: Rule = {
  id: 'target-group-health-check-port',
  fix: "Sets the target group's `HealthCheckPort` to `traffic-port`.",
  family: 'target-group',
  severity: 'error',
  appliesTo: ['service'],
  title: 'Dynamic host ports need the health check on traffic-port',
  description:
    'In bridge mode a port mapping without a host port (or with `hostPort: 0`) gets a different host port for ' +
    'every task. The load balancer can only health-check such targets on the port it sends traffic to, so the ' +
    'target group\'s `HealthCheckPort` must be `traffic-port` (the default). ECS refuses the service: "The task ' +
    'definition is configured to use a dynamic host port, but the target group … has a health check port specified."',
  needsCompleteDocument: true,
  check(ctx) {
    const td = linkedTask(ctx.self, ctx.refs);
    if (!td || td.facts.effectiveMode !== 'bridge' || serviceFacts(ctx.unit).launch === 'FARGATE') return;
    const entries = arr(ctx.unit.value.loadBalancers) ?? [];
    for (const { index, ref } of ctx.refs.targetGroupsOf(ctx.self)) {
      const raw = ref.unit.value.HealthCheckPort;
      const port = typeof raw === 'number' ? String(raw) : str(raw);
      if (port === undefined || port === 'traffic-port') continue;
      const entry = obj(entries[index]);
      const name = str(entry?.containerName);
      const containerPort = num(entry?.containerPort, ctx.unit.style);
      if (name === undefined || containerPort === undefined || !dynamicHostPort(td, name, containerPort)) continue;
      ctx.report({
        path: ['loadBalancers', index, 'targetGroupArn'],
        message: `The task definition is configured to use a dynamic host port, but the target group ${ref.unit.logicalId ?? str(ref.unit.value.Name) ?? 'target group'} has a health check port specified (${port}); with dynamic host ports it must be traffic-port.`,
        related: [{ uri: ref.uri, path: ctx.docPath(['HealthCheckPort'], ref), message: `health check port ${port}` }],
        fixes: [
          {
            title: "Set the target group's HealthCheckPort to 'traffic-port'",
            edits: [ctx.set(['HealthCheckPort'], 'traffic-port', ref)],
            preferred: true,
            safe: true,
          },
        ],
      });
    }
  },
};

export const targetGroupNoLoadBalancer: Rule = {
  id: 'target-group-no-load-balancer',
  fix: null,
  family: 'target-group',
  severity: 'error',
  appliesTo: ['service'],
  title: "A service's target group must be attached to a load balancer",
  description:
    'ECS registers tasks with a target group only through a load balancer that forwards to it (a listener or ' +
    'listener rule). A target group no load balancer uses is refused when the service is created. This is known ' +
    'only for target groups whose load balancers are listed, as `ecs-net env pull` writes them into the ' +
    "environment file's `targetGroups`; attach it with a listener rule, or name another target group.",
  check(ctx) {
    for (const { index, ref } of ctx.refs.targetGroupsOf(ctx.self)) {
      const attached = arr(ref.unit.value.LoadBalancerArns);
      if (!attached || attached.length !== 0) continue;
      ctx.report({
        path: ['loadBalancers', index, 'targetGroupArn'],
        message: `The target group ${ref.unit.logicalId ?? str(ref.unit.value.Name) ?? 'named here'} does not have an associated load balancer: attach it to a listener (or listener rule) first, or use another target group.`,
        related: [{ uri: ref.uri, path: ctx.docPath(['LoadBalancerArns'], ref), message: 'no load balancers' }],
      });
    }
  },
};
