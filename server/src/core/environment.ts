/**
 * The environment file (`ecs-network.json`): what we know about the user's VPC, cluster capacity
 * and account settings. Parsed from plain JSON into typed values plus a list of problems; a broken
 * entry is dropped with a problem, never a throw, so the rest of the file still counts.
 */
import { cidrContains, parseIpv6Cidr, parseSubnetCidr } from './cidr';
import type { Os } from './kinds';
import { resolveInstanceType } from './instances';
import { MAX_SIMULATED_INSTANCES } from './placement';
import { fmt } from './format';
import { parseTargetGroups, parseTaskDefinitions, type EnvTargetGroup, type EnvTaskDefinition } from './environment-objects';

export type { EnvContainer, EnvPortMapping, EnvTargetGroup, EnvTaskDefinition } from './environment-objects';

export interface EnvSubnet {
  readonly id: string;
  /** IPv4 CIDR; undefined for an IPv6-only subnet. */
  readonly cidr?: string;
  /** 0 for an IPv6-only subnet. */
  readonly usableIpv4: number;
  readonly ipv6Cidr?: string;
  readonly ipv6Only: boolean;
  readonly az?: string;
  /** Free addresses right now (EC2 AvailableIpAddressCount), when pulled from AWS. */
  readonly availableIpv4?: number;
  /** Addresses other things in the subnet hold (load balancers, NAT gateways, endpoints). */
  readonly otherConsumersIpv4: number;
}

export interface EnvCapacity {
  readonly instanceType: string;
  readonly count: number;
  readonly az: string;
}

export interface EnvCluster {
  readonly name: string;
  readonly capacity: readonly EnvCapacity[];
  readonly os: Os;
  readonly agentVersion?: string;
  /** Services this cluster entry is for; empty means every service of the cluster. */
  readonly services: readonly string[];
}

export interface Environment {
  readonly vpcCidr?: string;
  readonly subnets: readonly EnvSubnet[];
  readonly clusters: readonly EnvCluster[];
  readonly accountSettings: { readonly awsvpcTrunking?: boolean; readonly dualStackIPv6?: boolean };
  /** Target groups that live in the account (pulled or written by hand). */
  readonly targetGroups: readonly EnvTargetGroup[];
  /** Task definition revisions that live in the account. */
  readonly taskDefinitions: readonly EnvTaskDefinition[];
  /** When `env pull` last wrote the file (ISO 8601), from `source.pulledAt`. */
  readonly pulledAt?: string;
}

export type EnvProblemCode = 'env-invalid-cidr' | 'env-subnet-outside-vpc' | 'env-unknown-instance-type' | 'env-duplicate-subnet' | 'env-invalid-entry';

export interface EnvProblem {
  readonly code: EnvProblemCode;
  /** Path inside the environment file. */
  readonly path: (string | number)[];
  readonly message: string;
  readonly suggestions?: readonly string[];
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() !== '' ? v.trim() : undefined);
const count = (v: unknown): number | undefined => (typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined);

export function parseEnvironment(value: unknown): { env: Environment; problems: EnvProblem[] } {
  const problems: EnvProblem[] = [];
  const root = isObj(value) ? value : {};
  const vpc = isObj(root.vpc) ? root.vpc : {};
  let vpcCidr = text(vpc.cidr);
  if (vpcCidr !== undefined) {
    const parsed = parseSubnetCidr(vpcCidr);
    // A VPC block follows the same /16–/28 bounds as subnets (VPC user guide).
    if (!parsed.ok) {
      problems.push({ code: 'env-invalid-cidr', path: ['vpc', 'cidr'], message: `VPC CIDR: ${parsed.message}` });
      vpcCidr = undefined;
    }
  }
  return {
    env: {
      vpcCidr,
      subnets: parseSubnets(root.subnets, vpcCidr, problems),
      clusters: parseClusters(root.clusters, problems),
      accountSettings: parseAccountSettings(root.accountSettings),
      targetGroups: parseTargetGroups(root.targetGroups, problems),
      taskDefinitions: parseTaskDefinitions(root.taskDefinitions, problems),
      pulledAt:
        isObj(root.source) && text(root.source.pulledAt) && !Number.isNaN(Date.parse(text(root.source.pulledAt)!)) ? text(root.source.pulledAt) : undefined,
    },
    problems,
  };
}

function parseSubnets(value: unknown, vpcCidr: string | undefined, problems: EnvProblem[]): EnvSubnet[] {
  const subnets: EnvSubnet[] = [];
  const seen = new Map<string, number>();
  (Array.isArray(value) ? value : []).forEach((entry, i) => {
    if (!isObj(entry)) {
      problems.push({ code: 'env-invalid-entry', path: ['subnets', i], message: 'A subnet entry must be an object with at least "id" and "cidr".' });
      return;
    }
    const id = text(entry.id);
    const cidrText = text(entry.cidr);
    const ipv6Only = entry.ipv6Only === true;
    let ipv6Cidr = text(entry.ipv6Cidr);
    if (!id || (!cidrText && !(ipv6Only && ipv6Cidr))) {
      problems.push({
        code: 'env-invalid-entry',
        path: ['subnets', i],
        message: 'A subnet entry needs an "id" (subnet-…) and a "cidr" (IPv6-only subnets: "ipv6Only": true and an "ipv6Cidr").',
      });
      return;
    }
    if (seen.has(id)) {
      problems.push({
        code: 'env-duplicate-subnet',
        path: ['subnets', i, 'id'],
        message: `Subnet ${id} is listed twice (first as entry ${seen.get(id)! + 1}).`,
      });
      return;
    }
    seen.set(id, i);
    let cidr: string | undefined;
    let usableIpv4 = 0;
    if (cidrText) {
      const parsed = parseSubnetCidr(cidrText);
      if (!parsed.ok) {
        problems.push({ code: 'env-invalid-cidr', path: ['subnets', i, 'cidr'], message: parsed.message });
        return;
      }
      cidr = parsed.cidr.text;
      usableIpv4 = parsed.cidr.usableIpv4;
      if (vpcCidr && cidrContains(vpcCidr, cidr) === false) {
        problems.push({ code: 'env-subnet-outside-vpc', path: ['subnets', i, 'cidr'], message: `Subnet ${id} (${cidr}) is outside the VPC range ${vpcCidr}.` });
      }
    }
    if (ipv6Cidr !== undefined) {
      const v6 = parseIpv6Cidr(ipv6Cidr);
      if (!v6.ok) {
        problems.push({ code: 'env-invalid-cidr', path: ['subnets', i, 'ipv6Cidr'], message: v6.message });
        ipv6Cidr = undefined;
        if (!cidr) return;
      }
    }
    const consumers = Array.isArray(entry.otherConsumers) ? entry.otherConsumers : [];
    const other = consumers.reduce<number>((sum, c) => sum + (isObj(c) ? (count(c.ipv4) ?? 0) : 0), 0);
    subnets.push({
      id,
      cidr,
      usableIpv4,
      ipv6Cidr,
      ipv6Only,
      az: text(entry.az),
      availableIpv4: count(entry.availableIpv4),
      otherConsumersIpv4: other,
    });
  });
  return subnets;
}

function parseClusters(value: unknown, problems: EnvProblem[]): EnvCluster[] {
  const clusters: EnvCluster[] = [];
  (Array.isArray(value) ? value : []).forEach((entry, i) => {
    if (!isObj(entry)) {
      problems.push({ code: 'env-invalid-entry', path: ['clusters', i], message: 'A cluster entry must be an object with a "name".' });
      return;
    }
    const capacity: EnvCapacity[] = [];
    (Array.isArray(entry.capacity) ? entry.capacity : []).forEach((c, j) => {
      const type = isObj(c) ? text(c.instanceType) : undefined;
      const n = isObj(c) ? count(c.count) : undefined;
      if (!isObj(c) || !type || n === undefined) {
        problems.push({
          code: 'env-invalid-entry',
          path: ['clusters', i, 'capacity', j],
          message: 'A capacity entry needs "instanceType" and a whole "count" (and usually "az").',
        });
        return;
      }
      if (n > MAX_SIMULATED_INSTANCES) {
        problems.push({
          code: 'env-invalid-entry',
          path: ['clusters', i, 'capacity', j, 'count'],
          message: `A cluster holds at most ${fmt(MAX_SIMULATED_INSTANCES)} EC2 instances (ECS service quota), so this count cannot be right; the entry is ignored.`,
        });
        return;
      }
      const resolved = resolveInstanceType(type);
      if (!resolved.ok) {
        problems.push({
          code: 'env-unknown-instance-type',
          path: ['clusters', i, 'capacity', j, 'instanceType'],
          message: resolved.message,
          suggestions: resolved.suggestions,
        });
        return;
      }
      capacity.push({ instanceType: type, count: n, az: text(c.az) ?? 'unspecified' });
    });
    clusters.push({
      name: text(entry.name) ?? 'default',
      capacity,
      os: entry.os === 'windows' ? 'windows' : 'linux',
      agentVersion: text(entry.agentVersion),
      services: (Array.isArray(entry.services) ? entry.services : []).filter((s): s is string => typeof s === 'string'),
    });
  });
  return clusters;
}

function parseAccountSettings(value: unknown): Environment['accountSettings'] {
  if (!isObj(value)) return {};
  const flag = (v: unknown) => (v === true || v === 'enabled' ? true : v === false || v === 'disabled' ? false : undefined);
  return { awsvpcTrunking: flag(value.awsvpcTrunking), dualStackIPv6: flag(value.dualStackIPv6) };
}

/** The cluster entry that describes where a service runs: by cluster name and service list, or the only one. */
export function clusterFor(env: Environment, cluster: string | undefined, service: string | undefined): EnvCluster | undefined {
  const clusterName = cluster?.includes('/') ? cluster.slice(cluster.lastIndexOf('/') + 1) : cluster;
  const matches = env.clusters.filter(
    (c) => (clusterName === undefined || c.name === clusterName) && (c.services.length === 0 || (service !== undefined && c.services.includes(service))),
  );
  if (matches.length === 1) return matches[0];
  if (clusterName === undefined && env.clusters.length === 1) return env.clusters[0];
  return matches.find((c) => service !== undefined && c.services.includes(service)) ?? matches[0];
}
