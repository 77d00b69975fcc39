import { arr, isUnset, num, obj, str } from '../model/values';
import { containerNamed } from '../semantics/facts';
import { exposesPort, portMappingsKnown } from '../semantics/ports';
import { linkedTask, runsAwsvpc, serviceNetworkMode } from '../semantics/service';
import { targetTypeFor, targetTypeVerdict } from '../semantics/verdicts';
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
      message: `A target group of type ${type} needs ${missing.join(', ')}.`,
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
        message: 'awsvpc and Fargate services support only Application and Network Load Balancers: use targetGroupArn with an ip target group instead of a Classic loadBalancerName.',
      });
    });
  },
};

export const targetTypeNetworkMode: Rule = {
  id: 'target-type-network-mode',
  fix: 'Sets the target group\'s `TargetType` to the one the network mode needs. When an `ip` target group meets a `bridge` or `host` task definition, a second fix switches the task definition to `awsvpc` instead.',
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
      ctx.report({
        path: ['loadBalancers', index, 'targetGroupArn'],
        message: omitted ? `${refusal.reason} (TargetType is not set, and defaults to instance.)` : refusal.reason,
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
    if (!td || td.ref.doc?.hasSyntaxErrors) return;
    if (!td.facts.containersKnown) return;
    const style = td.ref.unit.style;
    (arr(ctx.unit.value.loadBalancers) ?? []).forEach((lb, i) => {
      const entry = obj(lb);
      const name = str(entry?.containerName);
      if (!entry || name === undefined) return;
      const container = containerNamed(td.facts, name);
      const names = td.facts.containers.length ? `containers: ${td.facts.containers.map((c) => c.name).join(', ')}` : 'it has no containers';
      if (!container) {
        ctx.report({
          path: ['loadBalancers', i, 'containerName'],
          message: `Container '${name}' is not in the task definition (${names}).`,
        });
        return;
      }
      const port = num(entry.containerPort, ctx.unit.style);
      if (port === undefined || exposesPort(container, port, style) || !portMappingsKnown(container, style)) return;
      ctx.report({
        path: ['loadBalancers', i, 'containerPort'],
        message: `Container '${name}' has no port mapping for container port ${port}.`,
        related: [{ uri: td.ref.uri, path: ctx.docPath([...container.path, 'portMappings'], td.ref), message: `port mappings of '${name}'` }],
      });
    });
  },
};
