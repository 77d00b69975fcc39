import { taskFacts, type PortMappingFact } from '../semantics/facts';
import { LINUX_EPHEMERAL_FIRST, MAX_PORT, MAX_PORT_RANGES_PER_CONTAINER, parsePortRange, RESERVED_HOST_PORTS, WINDOWS_FARGATE_RESERVED } from '../core/ports';
import type { Rule, RuleContext } from './types';

function matchFixes(ctx: RuleContext, m: PortMappingFact) {
  return [
    { title: 'Remove hostPort', edits: [ctx.remove([...m.path, 'hostPort'])], preferred: true, safe: true },
    { title: `Set hostPort to ${m.containerPort}`, edits: [ctx.set([...m.path, 'hostPort'], m.containerPort!)] },
  ];
}

/** awsvpc and host share one rule shape: the container port is the port, so hostPort may only repeat it. */
function hostPortMustMatch(id: string, mode: 'awsvpc' | 'host', title: string, description: string, fix: string | null): Rule {
  return {
    id,
    fix,
    family: 'ports',
    severity: 'error',
    appliesTo: ['task-definition'],
    title,
    description,
    check(ctx) {
      const facts = taskFacts(ctx.unit);
      if (facts.effectiveMode !== mode) return;
      for (const m of facts.portMappings) {
        if (m.hostPort === undefined || m.containerPort === undefined || m.hostPort === m.containerPort) continue;
        ctx.report({
          path: [...m.path, 'hostPort'],
          message: `When networkMode=${mode}, the host ports and container ports in port mappings must match (hostPort ${m.hostPort}, containerPort ${m.containerPort}).`,
          fixes: matchFixes(ctx, m),
        });
      }
    },
  };
}

export const awsvpcHostPort = hostPortMustMatch(
  'awsvpc-host-port',
  'awsvpc',
  'With awsvpc, hostPort must be omitted or equal containerPort',
  'Each awsvpc task has its own IP address, so there is no host port to map to: the container port is reached ' +
    'directly on the task ENI. ECS rejects a `hostPort` that differs from `containerPort`.\n\n' +
    '`hostPort: 0` counts as different. The evidence: the current PortMapping API reference allows only leaving ' +
    '`hostPort` out or repeating the container port for awsvpc. Older guide text and 2018 reports ' +
    '(hashicorp/terraform-provider-aws#3401) said "0 or the container port", but what they observed is ECS filling an ' +
    'omitted host port with the container port. A 2020 report (aws/amazon-ecs-cli#1014, a compose port with no host ' +
    "side, registered as host port 0) shows RegisterTaskDefinition refusing it with this rule's message, and the " +
    "rewritten host port in aws/containers-roadmap#1776 (2022) was the console's doing, not the API's. So " +
    '`hostPort: 0` stays an error; the fix removes it.',
  'Deletes `hostPort` (ECS then uses the container port), or, as a second choice, sets `hostPort` to the value of `containerPort`.',
);

export const hostModeHostPort = hostPortMustMatch(
  'host-host-port',
  'host',
  'With host mode, hostPort must be omitted or equal containerPort',
  "In `host` mode containers bind directly to the instance's network stack, so a container port is the host port. " +
    'ECS rejects a `hostPort` that differs from `containerPort`.',
  'Deletes `hostPort` (the container port is then the host port), or, as a second choice, sets `hostPort` to the value of `containerPort`.',
);

export const hostPortConflict: Rule = {
  id: 'host-port-conflict',
  fix: null,
  family: 'ports',
  severity: 'error',
  appliesTo: ['task-definition', 'container-definitions'],
  title: 'Two containers bind the same port in host mode',
  description:
    'In `host` mode every container binds on the instance itself, so two port mappings with the same port and ' +
    'protocol collide. (It also means only one copy of the task fits on an instance.) In a bare list of container ' +
    'definitions, whose mode is not known, only the same fixed `hostPort` written twice is reported: it collides in ' +
    'every mode that takes port mappings.',
  needsCompleteDocument: true,
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    const list = ctx.unit.kind === 'container-definitions';
    if (facts.effectiveMode !== 'host' && !list) return;
    const seen = new Map<string, PortMappingFact>();
    for (const m of facts.portMappings) {
      // Mode unknown: a missing or zero host port may be dynamic (bridge), so only fixed ones count.
      const port = list ? (m.hostPort ? m.hostPort : undefined) : (m.hostPort ?? m.containerPort);
      if (port === undefined) continue;
      const key = `${port}/${m.protocol}`;
      const first = seen.get(key);
      if (!first) {
        seen.set(key, m);
        continue;
      }
      const firstName = facts.containers.find((c) => c.index === first.container)?.name;
      ctx.report({
        path: [...m.path, m.hostPort !== undefined ? 'hostPort' : 'containerPort'],
        message: `Port ${port}/${m.protocol} is already bound by ${firstName ? `container '${firstName}'` : 'another port mapping'}${list ? '; a host port can be bound once per instance' : '; in host mode each port can be bound once per instance'}.`,
        related: [{ path: ctx.docPath(first.path), message: `first binding of ${port}/${m.protocol}` }],
      });
    }
  },
};

export const bridgeEphemeralHostPort: Rule = {
  id: 'bridge-ephemeral-host-port',
  fix: 'Deletes `hostPort`, so Docker picks a free dynamic port for each task.',
  family: 'ports',
  severity: 'warning',
  appliesTo: ['task-definition'],
  title: 'A static bridge host port inside the ephemeral range',
  description:
    'In `bridge` mode a fixed `hostPort` between 49153 and 65535 lies in the range Docker and ECS hand out for ' +
    "dynamic host ports, so it can collide with another task's dynamic port and fail to start. Use `hostPort: 0` " +
    '(or leave it out) for a dynamic port, or pick a port below 49153.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (facts.effectiveMode !== 'bridge') return;
    for (const m of facts.portMappings) {
      if (m.hostPort === undefined || m.hostPort < LINUX_EPHEMERAL_FIRST || m.hostPort > MAX_PORT) continue;
      ctx.report({
        path: [...m.path, 'hostPort'],
        message: `Host port ${m.hostPort} is in the ephemeral range (${LINUX_EPHEMERAL_FIRST}-${MAX_PORT}) that bridge mode uses for dynamic ports; it may clash with another task.`,
        fixes: [{ title: 'Use a dynamic host port (remove hostPort)', edits: [ctx.remove([...m.path, 'hostPort'])], preferred: true }],
      });
    }
  },
};

export const portValueRange: Rule = {
  id: 'port-value-range',
  fix: null,
  family: 'ports',
  severity: 'error',
  appliesTo: ['task-definition', 'container-definitions'],
  title: 'Ports are whole numbers from 0 to 65535',
  description: '`containerPort` and `hostPort` are TCP/UDP port numbers: whole numbers from 0 to 65535.',
  check(ctx) {
    for (const m of taskFacts(ctx.unit).portMappings) {
      for (const key of ['containerPort', 'hostPort'] as const) {
        const value = m[key];
        // A fractional port is a type error, which wrong-type already reports at the same place.
        if (value === undefined || !Number.isInteger(value) || (value >= 0 && value <= MAX_PORT)) continue;
        ctx.report({ path: [...m.path, key], message: `'${key}' ${value} is not a port number: use a whole number from 0 to ${MAX_PORT}.` });
      }
    }
  },
};

export const containerPortRange: Rule = {
  id: 'container-port-range',
  fix: null,
  family: 'ports',
  severity: 'error',
  appliesTo: ['task-definition', 'container-definitions'],
  title: 'containerPortRange: bridge or awsvpc only, well-formed, at most 100, no overlaps',
  description:
    '`containerPortRange` maps a range of ports at once. ECS accepts it only in `bridge` and `awsvpc` mode, as ' +
    '`"first-last"` with first lower than last, at most 100 ranges per container, and ranges that do not overlap.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    const mode = facts.effectiveMode;
    for (const c of facts.containers) {
      const ranges: { range: [number, number]; path: (string | number)[] }[] = [];
      let count = 0;
      for (const m of facts.portMappings.filter((p) => p.container === c.index)) {
        const text = m.containerPortRange;
        if (text === undefined) continue;
        count++;
        const path = [...m.path, 'containerPortRange'];
        if ((mode === 'host' || mode === 'none' || mode === 'default') && facts.modeState !== 'unknown') {
          ctx.report({ path, message: `containerPortRange is only supported with the bridge and awsvpc network modes, not '${mode}'.` });
          continue;
        }
        const range = parsePortRange(text);
        if (!range) {
          ctx.report({
            path,
            message: `containerPortRange '${text}' must be written "first-last" with ports from 1 to ${MAX_PORT} and first lower than last.`,
          });
          continue;
        }
        const clash = ranges.find((r) => r.range[0] <= range[1] && range[0] <= r.range[1]);
        if (clash) {
          ctx.report({
            path,
            message: `containerPortRange '${text}' overlaps another range of this container (${clash.range[0]}-${clash.range[1]}).`,
            related: [{ path: ctx.docPath(clash.path), message: 'the overlapping range' }],
          });
        }
        ranges.push({ range, path });
      }
      if (count > MAX_PORT_RANGES_PER_CONTAINER) {
        ctx.report({
          path: [...c.path, 'portMappings'],
          target: 'key',
          message: `Container${c.name ? ` '${c.name}'` : ''} has ${count} port ranges; ECS allows at most ${MAX_PORT_RANGES_PER_CONTAINER} per container.`,
        });
      }
    }
  },
};

export const reservedHostPort: Rule = {
  id: 'reserved-host-port',
  fix: null,
  family: 'ports',
  severity: 'warning',
  appliesTo: ['task-definition'],
  title: 'Host ports the container instance reserves',
  description:
    'ECS keeps some ports of every container instance for itself: 22 (SSH), 2375 and 2376 (Docker) and ' +
    '51678-51680 (the container agent). In `bridge` and `host` mode a task that needs one of them as its host ' +
    'port is accepted at registration but never placed: the scheduler reports RESOURCE:PORTS. Windows tasks on ' +
    'Fargate cannot use container port 3150 either. awsvpc tasks on EC2 have their own ENI and are not affected.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    const mode = facts.effectiveMode;
    if (mode === 'bridge' || mode === 'host') {
      for (const m of facts.portMappings) {
        // host mode binds the container port itself; bridge only a static host port.
        const port = mode === 'host' ? (m.hostPort ?? m.containerPort) : m.hostPort;
        const owner = port === undefined ? undefined : RESERVED_HOST_PORTS.get(port);
        if (!owner) continue;
        ctx.report({
          path: [...m.path, m.hostPort !== undefined ? 'hostPort' : 'containerPort'],
          message: `Host port ${port} is reserved on every container instance (${owner}); a task that needs it cannot be placed (RESOURCE:PORTS).`,
        });
      }
    }
    if (facts.fargate && facts.os === 'windows') {
      for (const m of facts.portMappings) {
        if (m.containerPort !== WINDOWS_FARGATE_RESERVED) continue;
        ctx.report({
          path: [...m.path, 'containerPort'],
          message: `Container port ${WINDOWS_FARGATE_RESERVED} is reserved for Windows tasks on Fargate; use another port.`,
        });
      }
    }
  },
};
