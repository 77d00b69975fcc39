import type { Environment } from '../core/environment';
import type { SubnetInput } from '../core/ip';
import { arr, bool, idStr, str } from '../model/values';
import type { Json } from '../model/types';
import { serviceFacts } from './facts';
import type { References, UnitRef } from './references';

// The subnets a service's tasks land in, as far as we can see them: entries of the environment
// file by subnet id, or AWS::EC2::Subnet resources of the same template by Ref. Rules, hovers and
// the capacity plan all count addresses from this one reading.

export interface KnownSubnet {
  /** Position in the service's `subnets` list. */
  readonly index: number;
  /** Subnet id, or the template's logical id. */
  readonly id: string;
  readonly from: 'environment' | 'template';
  /** IPv4 CIDR; undefined for an IPv6-only subnet or a template subnet whose CIDR is not a literal. */
  readonly cidr?: string;
  readonly az?: string;
  /** Usable addresses less what other consumers hold, when the environment file says. */
  readonly availableIpv4?: number;
  readonly hasIpv6: boolean;
  readonly ipv6Only: boolean;
}

export interface ServiceSubnets {
  /** How many entries the list has, readable or not. */
  readonly total: number;
  readonly known: readonly KnownSubnet[];
  /** Plain subnet ids that neither the environment file nor the template describes. */
  readonly unknownIds: readonly { id: string; index: number }[];
  /** Every entry is known. */
  readonly complete: boolean;
  /** Known subnets with an IPv4 CIDR, as the core's IP requirement input. */
  readonly ipv4Inputs: SubnetInput[];
  /** Whether every listed subnet has IPv6: false as soon as a known one has none, undefined while unknowns could decide. */
  readonly ipv6: boolean | undefined;
}

export function serviceSubnets(service: UnitRef, refs: References, env?: Environment): ServiceSubnets {
  const list = arr(serviceFacts(service.unit).awsvpcConfiguration?.subnets) ?? [];
  const known: KnownSubnet[] = [];
  const unknownIds: { id: string; index: number }[] = [];
  list.forEach((entry, index) => {
    const id = idStr(entry);
    const listed = id !== undefined ? env?.subnets.find((s) => s.id === id) : undefined;
    if (listed) {
      known.push({
        index,
        id: listed.id,
        from: 'environment',
        cidr: listed.cidr,
        az: listed.az,
        availableIpv4: Math.max(0, listed.usableIpv4 - listed.otherConsumersIpv4),
        hasIpv6: listed.ipv6Cidr !== undefined || listed.ipv6Only,
        ipv6Only: listed.ipv6Only,
      });
      return;
    }
    const resource = refs.cfnResourceOf(service, entry);
    if (resource?.type === 'AWS::EC2::Subnet') {
      const p = resource.properties;
      const ipv6Only = bool(p.Ipv6Native, 'cfn') === true;
      known.push({
        index,
        id: resource.logicalId,
        from: 'template',
        cidr: str(p.CidrBlock),
        az: str(p.AvailabilityZone),
        hasIpv6: p.Ipv6CidrBlock !== undefined || p.Ipv6CidrBlocks !== undefined || ipv6Only,
        ipv6Only,
      });
      return;
    }
    if (id !== undefined) unknownIds.push({ id, index });
  });
  const complete = list.length > 0 && known.length === list.length;
  const ipv4Inputs = known.flatMap((s): SubnetInput[] => (s.cidr ? [{ id: s.id, cidr: s.cidr, az: s.az, availableIpv4: s.availableIpv4 }] : []));
  return { total: list.length, known, unknownIds, complete, ipv4Inputs, ipv6: known.some((s) => !s.hasIpv6) ? false : complete ? true : undefined };
}

/**
 * The subnets a new `awsvpcConfiguration` can name without guessing: the template's or module's own
 * subnets that give no public IP on launch (where tasks usually belong), as references the
 * document understands. Empty when there are none, or only public ones.
 */
export function privateSubnetReferences(service: UnitRef, refs: References): Json[] {
  const own = service.doc ? [...service.doc.cfnResources.values()] : [];
  const inModule = service.doc?.syntax === 'terraform' ? refs.moduleResources(service) : own;
  return inModule.filter((r) => r.type === 'AWS::EC2::Subnet' && bool(r.properties.MapPublicIpOnLaunch, 'cfn') !== true).map((r) => r.reference);
}
