import { clusterFor, type Environment } from '../core/environment';
import { getInstanceType, type InstanceType } from '../core/instances';
import type { SubnetInput } from '../core/ip';
import { arr, bool, str } from '../model/values';
import { serviceFacts } from '../semantics/facts';
import type { References, UnitRef } from '../semantics/references';
import type { Settings } from '../settings';

// What the figures in hovers, the capacity plan and the status bar are computed for. The
// environment file (the user's real cluster and subnets) wins; the settings' defaults stand in
// otherwise, and every figure says which one it used.

export interface TypesInPlay {
  readonly types: InstanceType[];
  /** Names that are not instance types we know (from the settings; the environment file reports its own). */
  readonly unknown: string[];
  readonly trunking: boolean;
  readonly fromEnvironment: boolean;
  /** Where the types come from, in words for the user. */
  readonly source: string;
}

/** The cluster's instance types from the environment file, else the `defaultInstanceTypes` setting. */
export function instanceTypesInPlay(settings: Settings, env?: Environment, cluster?: string, service?: string): TypesInPlay {
  const entry = env && (cluster || service) ? clusterFor(env, cluster, service) : undefined;
  const names = entry ? entry.capacity.map((c) => c.instanceType) : (env?.clusters ?? []).flatMap((c) => c.capacity.map((x) => x.instanceType));
  const fromEnv = [...new Set(names)].map((n) => getInstanceType(n)).filter((t): t is InstanceType => t !== undefined);
  if (fromEnv.length) {
    const trunking = env?.accountSettings.awsvpcTrunking ?? settings.trunking;
    return { types: fromEnv, unknown: [], trunking, fromEnvironment: true, source: `instance types from the environment file${trunking ? ', trunking on' : ''}` };
  }
  const types: InstanceType[] = [];
  const unknown: string[] = [];
  for (const name of settings.defaultInstanceTypes) {
    const type = getInstanceType(name);
    if (type) types.push(type);
    else unknown.push(name);
  }
  return {
    types,
    unknown,
    trunking: settings.trunking,
    fromEnvironment: false,
    source: `instance types from the \`ecsTaskNetworking.defaultInstanceTypes\` setting${settings.trunking ? ', trunking assumed on' : ''}; an environment file names your cluster’s own`,
  };
}

export interface SubnetsInPlay {
  /** Subnets with a known IPv4 CIDR, for address counts. */
  readonly inputs: SubnetInput[];
  /** How many subnets the service lists, known here or not. */
  readonly all: number;
  /** Whether every listed subnet has IPv6; undefined unless every one is known. */
  readonly ipv6: boolean | undefined;
}

/**
 * The service's subnets we can see: entries of the environment file by subnet id (their usable
 * addresses less other consumers), or AWS::EC2::Subnet resources of the same template by Ref.
 */
export function serviceSubnets(service: UnitRef, refs: References, env?: Environment): SubnetsInPlay {
  const list = arr(serviceFacts(service.unit).awsvpcConfiguration?.subnets) ?? [];
  const inputs: SubnetInput[] = [];
  let ipv6: boolean | undefined = list.length ? true : undefined;
  for (const entry of list) {
    const id = str(entry);
    const known = id ? env?.subnets.find((s) => s.id === id) : undefined;
    if (known) {
      if (known.cidr) inputs.push({ id: known.id, cidr: known.cidr, az: known.az, availableIpv4: Math.max(0, known.usableIpv4 - known.otherConsumersIpv4) });
      if (ipv6 !== undefined && !known.ipv6Cidr && !known.ipv6Only) ipv6 = false;
      continue;
    }
    const res = refs.cfnResourceOf(service, entry);
    if (res?.type !== 'AWS::EC2::Subnet') {
      ipv6 = undefined;
      continue;
    }
    const cidr = str(res.properties.CidrBlock);
    if (cidr) inputs.push({ id: res.logicalId, cidr, az: str(res.properties.AvailabilityZone) });
    const has = res.properties.Ipv6CidrBlock !== undefined || res.properties.Ipv6CidrBlocks !== undefined || bool(res.properties.Ipv6Native, 'cfn') === true;
    if (ipv6 !== undefined && !has) ipv6 = false;
  }
  return { inputs, all: list.length, ipv6 };
}
