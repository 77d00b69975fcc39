/**
 * The two sections of the environment file that describe objects living in the account rather than
 * the workspace: target groups and task definition revisions, as `env pull` writes them (or as a
 * person writes them by hand). Reduced to what the checks read: no environment variables, secrets,
 * images or role ARNs ever appear here.
 */
import type { EnvProblem } from './environment';

export interface EnvTargetGroup {
  readonly arn?: string;
  readonly name: string;
  /** As AWS reports it; a hand-written entry without one means `instance`, the API default. */
  readonly targetType?: string;
  readonly protocol?: string;
  readonly port?: number;
  readonly healthCheckPort?: string;
  readonly ipAddressType?: string;
  readonly vpcId?: string;
  /** Undefined when the entry does not say (hand-written); an empty list is a known "none". */
  readonly loadBalancerArns?: readonly string[];
  /** Index in the file's `targetGroups` list. */
  readonly index: number;
}

export interface EnvPortMapping {
  readonly containerPort?: number;
  readonly hostPort?: number;
  readonly protocol?: string;
  readonly name?: string;
  readonly containerPortRange?: string;
}

export interface EnvContainer {
  readonly name: string;
  /** The file's `ports` (the API's portMappings, reduced). */
  readonly portMappings: readonly EnvPortMapping[];
}

export interface EnvTaskDefinition {
  readonly family: string;
  readonly revision?: number;
  readonly arn?: string;
  readonly networkMode?: string;
  /** Absent when the entry does not say; the checks then read it as a document without the key. */
  readonly requiresCompatibilities?: readonly string[];
  readonly runtimePlatform?: { readonly cpuArchitecture?: string; readonly operatingSystemFamily?: string };
  readonly cpu?: string;
  readonly memory?: string;
  readonly containers: readonly EnvContainer[];
  readonly index: number;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const port = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= 65535 ? v : undefined);
const texts = (v: unknown): string[] | undefined => (Array.isArray(v) ? v.filter((s): s is string => typeof s === 'string' && s !== '') : undefined);
/** cpu and memory are strings in the API ("256", "0.25 vCPU"); a number written by hand counts too. */
const size = (v: unknown): string | undefined => (typeof v === 'number' && v > 0 ? String(v) : text(v));

const TARGET_GROUP_ARN = /^arn:aws[\w-]*:elasticloadbalancing:[^:]*:\d*:targetgroup\/([^/]+)\/[0-9a-f]+$/;

/** The name inside a target group ARN. */
export function targetGroupNameOfArn(arn: string): string | undefined {
  return TARGET_GROUP_ARN.exec(arn)?.[1];
}

export function parseTargetGroups(value: unknown, problems: EnvProblem[]): EnvTargetGroup[] {
  const groups: EnvTargetGroup[] = [];
  const seen = new Set<string>();
  (Array.isArray(value) ? value : []).forEach((entry, i) => {
    const arn = isObj(entry) ? text(entry.arn) : undefined;
    const name = isObj(entry) ? (text(entry.name) ?? (arn ? targetGroupNameOfArn(arn) : undefined)) : undefined;
    if (!isObj(entry) || !name) {
      problems.push({ code: 'env-invalid-entry', path: ['targetGroups', i], message: 'A target group entry needs a "name" or a target group "arn".' });
      return;
    }
    if (arn !== undefined && targetGroupNameOfArn(arn) === undefined) {
      problems.push({
        code: 'env-invalid-entry',
        path: ['targetGroups', i, 'arn'],
        message: `'${arn}' is not a target group ARN (arn:aws:elasticloadbalancing:region:account:targetgroup/name/id); the entry is ignored.`,
      });
      return;
    }
    const key = arn ?? name;
    if (seen.has(key)) {
      problems.push({ code: 'env-invalid-entry', path: ['targetGroups', i], message: `Target group ${key} is listed twice; the later entry is ignored.` });
      return;
    }
    seen.add(key);
    groups.push({
      arn,
      name,
      targetType: text(entry.targetType),
      protocol: text(entry.protocol),
      port: port(entry.port),
      healthCheckPort: typeof entry.healthCheckPort === 'number' ? String(entry.healthCheckPort) : text(entry.healthCheckPort),
      ipAddressType: text(entry.ipAddressType),
      vpcId: text(entry.vpcId),
      loadBalancerArns: texts(entry.loadBalancerArns),
      index: i,
    });
  });
  return groups;
}

export function parseTaskDefinitions(value: unknown, problems: EnvProblem[]): EnvTaskDefinition[] {
  const found: EnvTaskDefinition[] = [];
  const seen = new Set<string>();
  (Array.isArray(value) ? value : []).forEach((entry, i) => {
    const family = isObj(entry) ? text(entry.family) : undefined;
    if (!isObj(entry) || !family || !Array.isArray(entry.containers)) {
      problems.push({
        code: 'env-invalid-entry',
        path: ['taskDefinitions', i],
        message: 'A task definition entry needs a "family" and its "containers".',
      });
      return;
    }
    const revision = typeof entry.revision === 'number' && Number.isInteger(entry.revision) && entry.revision > 0 ? entry.revision : undefined;
    const key = `${family}:${revision ?? ''}`;
    if (seen.has(key)) {
      problems.push({
        code: 'env-invalid-entry',
        path: ['taskDefinitions', i],
        message: `Task definition ${revision ? key : family} is listed twice; the later entry is ignored.`,
      });
      return;
    }
    seen.add(key);
    // A container without a name would make "no container named X" a guess: the entry is dropped instead.
    if (!entry.containers.every((c) => isObj(c) && text(c.name))) {
      problems.push({
        code: 'env-invalid-entry',
        path: ['taskDefinitions', i, 'containers'],
        message: 'Every container of a task definition entry needs a "name"; the entry is ignored.',
      });
      return;
    }
    const containers: EnvContainer[] = [];
    for (const c of entry.containers as Obj[]) {
      const name = text(c.name)!;
      const mappings = (Array.isArray(c.ports) ? c.ports : []).filter(isObj).map((m) => ({
        containerPort: port(m.containerPort),
        hostPort: port(m.hostPort),
        protocol: text(m.protocol),
        name: text(m.name),
        containerPortRange: text(m.containerPortRange),
      }));
      containers.push({ name, portMappings: mappings });
    }
    const platform = isObj(entry.runtimePlatform) ? entry.runtimePlatform : undefined;
    found.push({
      family,
      revision,
      arn: text(entry.taskDefinitionArn),
      networkMode: text(entry.networkMode),
      requiresCompatibilities: texts(entry.requiresCompatibilities),
      runtimePlatform: platform && { cpuArchitecture: text(platform.cpuArchitecture), operatingSystemFamily: text(platform.operatingSystemFamily) },
      cpu: size(entry.cpu),
      memory: size(entry.memory),
      containers,
      index: i,
    });
  });
  return found;
}

/**
 * The target group fields the environment file keeps: its own key, the key in ELBv2's
 * DescribeTargetGroups output, and the key in a target group document (CreateTargetGroup input).
 */
export const TARGET_GROUP_FIELDS = [
  ['arn', 'TargetGroupArn', 'TargetGroupArn'],
  ['name', 'TargetGroupName', 'Name'],
  ['targetType', 'TargetType', 'TargetType'],
  ['protocol', 'Protocol', 'Protocol'],
  ['port', 'Port', 'Port'],
  ['healthCheckPort', 'HealthCheckPort', 'HealthCheckPort'],
  ['ipAddressType', 'IpAddressType', 'IpAddressType'],
  ['vpcId', 'VpcId', 'VpcId'],
  ['loadBalancerArns', 'LoadBalancerArns', 'LoadBalancerArns'],
] as const;

/** The port mapping fields kept for a container (same names in the API and the file). */
export const PORT_MAPPING_FIELDS = ['containerPort', 'hostPort', 'protocol', 'name', 'containerPortRange'] as const;

/** `family`, `family:3` or a task definition ARN → family and revision; undefined for anything else. */
export function taskDefinitionRef(ref: string): { family: string; revision?: number } | undefined {
  const marker = ':task-definition/';
  const tail = ref.startsWith('arn:') ? (ref.includes(marker) ? ref.slice(ref.indexOf(marker) + marker.length) : undefined) : ref;
  const [family, revision, extra] = (tail ?? '').split(':');
  if (!family || extra !== undefined || !/^[A-Za-z0-9_-]{1,255}$/.test(family)) return undefined;
  if (revision === undefined) return { family };
  return /^\d+$/.test(revision) ? { family, revision: Number(revision) } : undefined;
}
