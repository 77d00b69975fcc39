import type { JsonObject, JsonPath } from '../model/types';
import { arr, num, obj, str } from '../model/values';
import { accountOrigin, type AccountOrigin } from '../semantics/account';
import type { References, UnitRef } from '../semantics/references';

// Hovers on a service's `taskDefinition` and `loadBalancers[].targetGroupArn` when what they name
// lives only in the account (the environment file's pulled objects): what AWS has, and how old
// that knowledge is.

/** A pull older than this is called out as stale. */
export const STALE_AFTER_DAYS = 7;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Markdown for an account object named at `apiPath` of the service, or undefined when it is not one. */
export function accountObjectHover(self: UnitRef, refs: References, apiPath: JsonPath, now: Date = new Date()): string | undefined {
  if (apiPath.length === 1 && apiPath[0] === 'taskDefinition') {
    const ref = refs.taskDefinitionOf(self);
    const origin = ref && accountOrigin(ref.unit);
    return ref && origin ? taskDefinitionMarkdown(ref.unit.value, origin, now) : undefined;
  }
  if (apiPath.length === 3 && apiPath[0] === 'loadBalancers' && apiPath[2] === 'targetGroupArn') {
    const ref = refs.targetGroupsOf(self).find((g) => g.index === apiPath[1])?.ref;
    const origin = ref && accountOrigin(ref.unit);
    return ref && origin ? targetGroupMarkdown(ref.unit.value, origin, now) : undefined;
  }
  return undefined;
}

/** When the file was pulled, and a warning once that is more than a week ago. */
export function pulledLine(origin: AccountOrigin, now: Date): string {
  if (!origin.pulledAt) return 'From the environment file (no pull date: written by hand?).';
  const days = Math.floor((now.getTime() - Date.parse(origin.pulledAt)) / DAY_MS);
  const date = origin.pulledAt.slice(0, 10);
  if (days > STALE_AFTER_DAYS) return `**Pulled ${days} days ago** (${date}): the account may have changed since. Run \`ecs-net env pull\` to refresh.`;
  return `From the account, pulled ${date}${days >= 1 ? ` (${days} day${days === 1 ? '' : 's'} ago)` : ''}.`;
}

function targetGroupMarkdown(v: JsonObject, origin: AccountOrigin, now: Date): string {
  const type = str(v.TargetType);
  const lbs = arr(v.LoadBalancerArns);
  const lines = [
    `**Target group \`${str(v.Name) ?? '?'}\`** in the account`,
    '',
    `- target type: ${type ?? 'instance (not reported; the API default)'}${type === 'ip' ? ' — for awsvpc tasks' : type === 'instance' || !type ? ' — for bridge and host tasks' : ''}`,
    `- listens: ${[str(v.Protocol), num(v.Port, 'api')].filter((x) => x !== undefined).join(' port ') || 'not reported'}`,
  ];
  if (str(v.HealthCheckPort)) lines.push(`- health check port: ${str(v.HealthCheckPort)}`);
  if (str(v.IpAddressType)) lines.push(`- IP address type: ${str(v.IpAddressType)}`);
  if (str(v.VpcId)) lines.push(`- VPC: ${str(v.VpcId)}`);
  if (lbs)
    lines.push(
      `- load balancers: ${lbs.length === 0 ? '**none** (ECS refuses a target group without one)' : lbs.map((a) => `\`${String(a).split('/').slice(-2, -1)[0] ?? a}\``).join(', ')}`,
    );
  return [...lines, '', pulledLine(origin, now)].join('\n');
}

function taskDefinitionMarkdown(v: JsonObject, origin: AccountOrigin, now: Date): string {
  const revision = num(v.revision, 'api');
  const platform = obj(v.runtimePlatform);
  const compat = arr(v.requiresCompatibilities)?.map(String) ?? [];
  const lines = [
    `**Task definition \`${str(v.family) ?? '?'}${revision ? `:${revision}` : ''}\`** in the account`,
    '',
    `- network mode: ${str(v.networkMode) ?? 'not set (bridge on Linux)'}`,
    `- compatibilities: ${compat.length ? compat.join(', ') : 'none registered'}`,
  ];
  if (platform) lines.push(`- runtime platform: ${[str(platform.operatingSystemFamily), str(platform.cpuArchitecture)].filter(Boolean).join(', ')}`);
  if (str(v.cpu) || str(v.memory)) lines.push(`- task size: cpu ${str(v.cpu) ?? '—'}, memory ${str(v.memory) ?? '—'}`);
  for (const c of arr(v.containerDefinitions) ?? []) {
    const container = obj(c);
    if (!container) continue;
    const ports = (arr(container.portMappings) ?? []).map((m) => {
      const mapping = obj(m) ?? {};
      const host = num(mapping.hostPort, 'api');
      return `${num(mapping.containerPort, 'api') ?? str(mapping.containerPortRange) ?? '?'}/${str(mapping.protocol) ?? 'tcp'}${host !== undefined && host !== num(mapping.containerPort, 'api') ? ` (host ${host === 0 ? 'dynamic' : host})` : ''}`;
    });
    lines.push(`- container \`${str(container.name)}\`: ${ports.length ? ports.join(', ') : 'no port mappings'}`);
  }
  return [...lines, '', pulledLine(origin, now)].join('\n');
}
