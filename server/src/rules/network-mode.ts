import { arr, isUnset, str } from '../model/values';
import { taskFacts } from '../semantics/facts';
import { taskNetworkModeVerdict } from '../semantics/verdicts';
import type { Rule } from './types';

export const fargateNetworkMode: Rule = {
  id: 'fargate-network-mode',
  fix: 'Sets `networkMode` to `awsvpc` (adding it when it was left out).',
  family: 'network-mode',
  severity: 'error',
  appliesTo: ['task-definition'],
  title: 'Fargate task definitions must use the awsvpc network mode',
  description:
    'Every Fargate task gets its own elastic network interface, so `awsvpc` is the only network mode Fargate accepts. ' +
    'Leaving `networkMode` out does not help: ECS then assumes `bridge` and rejects the registration.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (facts.modeState === 'unknown') return;
    const refusal = taskNetworkModeVerdict(facts).refuse(facts.explicitMode ?? 'bridge');
    if (refusal?.ruleId !== 'fargate-network-mode') return;
    const written = facts.modeState === 'omitted' ? 'no networkMode, so ECS would use bridge' : `networkMode '${facts.explicitMode}'`;
    ctx.report({
      path: facts.modeState === 'omitted' ? ['requiresCompatibilities'] : ['networkMode'],
      message: `${refusal.reason} This task definition has ${written}.`,
      fixes: [{ title: "Set networkMode to 'awsvpc'", edits: [ctx.set(['networkMode'], 'awsvpc')], preferred: true, safe: true }],
    });
  },
};

/** Container settings that only make sense when containers share a Docker bridge. */
const AWSVPC_UNSUPPORTED: readonly { key: string; message: string }[] = [
  { key: 'hostname', message: 'hostname is not supported on container when networkMode=awsvpc. The task ENI gets its hostname from the VPC.' },
  { key: 'links', message: 'Links are not supported when networkMode=awsvpc. Containers of one task share the ENI and reach each other on localhost.' },
  { key: 'extraHosts', message: 'extraHosts is not supported when networkMode=awsvpc. Use DNS (for example a Route 53 private zone) instead.' },
];

export const awsvpcContainerOptions: Rule = {
  id: 'awsvpc-container-options',
  fix: 'Deletes `hostname`, `links` or `extraHosts` from the container.',
  family: 'network-mode',
  severity: 'error',
  appliesTo: ['task-definition'],
  title: 'hostname, links and extraHosts are not allowed with awsvpc',
  description:
    'With `awsvpc` all containers of a task share one network namespace on the task ENI. ECS rejects container ' +
    '`hostname`, `links` and `extraHosts` in that mode; containers talk to each other over `localhost`.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (facts.effectiveMode !== 'awsvpc') return;
    for (const c of facts.containers) {
      for (const { key, message } of AWSVPC_UNSUPPORTED) {
        if (isUnset(c.value[key])) continue;
        ctx.report({
          path: [...c.path, key],
          target: 'key',
          message,
          fixes: [
            { title: `Remove '${key}' from container${c.name ? ` '${c.name}'` : ''}`, edits: [ctx.remove([...c.path, key])], preferred: true, safe: true },
          ],
        });
      }
    }
  },
};

export const noneModePortMappings: Rule = {
  id: 'none-port-mappings',
  fix: "Deletes the container's `portMappings`.",
  family: 'network-mode',
  severity: 'error',
  appliesTo: ['task-definition'],
  title: "Port mappings are not allowed with network mode 'none'",
  description: 'A task in `none` mode has no external network connectivity at all, so ECS rejects port mappings in it.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (facts.effectiveMode !== 'none') return;
    for (const c of facts.containers) {
      const mappings = arr(c.value.portMappings);
      if (!mappings || mappings.length === 0) continue;
      ctx.report({
        path: [...c.path, 'portMappings'],
        target: 'key',
        message: `Container${c.name ? ` '${c.name}'` : ''} has port mappings, but networkMode 'none' gives the task no network to publish them on.`,
        fixes: [{ title: 'Remove portMappings', edits: [ctx.remove([...c.path, 'portMappings'])], preferred: true }],
      });
    }
  },
};

/** Link entries are `name` or `name:alias`. */
export function linkTarget(link: string): string {
  const colon = link.indexOf(':');
  return colon >= 0 ? link.slice(0, colon) : link;
}

export const bridgeLinkTarget: Rule = {
  id: 'bridge-link-target',
  fix: null,
  family: 'network-mode',
  severity: 'error',
  appliesTo: ['task-definition', 'container-definitions'],
  title: 'links must name a container of the same task definition',
  description:
    'In `bridge` mode a container can link to another container of the same task by name (`name` or `name:alias`). ' +
    'A link to a name that is not a container of the task fails.',
  needsCompleteDocument: true,
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    // In a bare container list the mode is unknown, but a link to a missing container is wrong in any mode.
    const anyMode = ctx.unit.kind === 'container-definitions';
    if (!anyMode && facts.effectiveMode !== 'bridge' && !(facts.modeState === 'omitted' && facts.os === undefined)) return;
    if (!facts.containersKnown) return;
    const names = new Set(facts.containers.map((c) => c.name));
    for (const c of facts.containers) {
      (arr(c.value.links) ?? []).forEach((entry, i) => {
        const link = str(entry);
        if (!link) return;
        const target = linkTarget(link);
        if (names.has(target)) return;
        ctx.report({
          path: [...c.path, 'links', i],
          message: `Link '${link}' names container '${target}', which is not in this task definition (containers: ${[...names].join(', ')}).`,
        });
      });
    }
  },
};
