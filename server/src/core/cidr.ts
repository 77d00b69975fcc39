/**
 * Subnet CIDR parsing and address arithmetic, with the AWS-specific limits.
 */
import { Address4, Address6 } from 'ip-address';

// AWS reserves 5 addresses in every subnet: network, VPC router, DNS, future use, broadcast (VPC user guide, "Subnet CIDR blocks").
export const AWS_RESERVED_IPV4_PER_SUBNET = 5;
// AWS IPv4 subnet (and VPC) blocks are between /16 and /28 (VPC user guide, "Subnet sizing").
export const MIN_SUBNET_PREFIX = 16;
export const MAX_SUBNET_PREFIX = 28;
// AWS subnet IPv6 blocks are always /64 (VPC user guide, "Subnet sizing for IPv6").
export const IPV6_SUBNET_PREFIX = 64;

export interface SubnetCidr {
  /** Normalised form, e.g. `10.0.0.0/20`. */
  text: string;
  network: string;
  prefix: number;
  totalIpv4: number;
  usableIpv4: number;
}

export interface Ipv6Cidr {
  text: string;
  network: string;
  prefix: number;
}

export type ParseResult<T> = { ok: true; cidr: T } | { ok: false; message: string };

/** Addresses AWS lets you use in an IPv4 subnet of this prefix length: 2^(32−prefix) − 5; 0 for nonsense input. */
export function usableIpv4ForPrefix(prefix: number): number {
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > 32) return 0;
  return Math.max(0, 2 ** (32 - prefix) - AWS_RESERVED_IPV4_PER_SUBNET);
}

interface RawIpv4Cidr {
  address: Address4;
  prefix: number;
  /** Network address as an integer. */
  start: bigint;
}

/** Any syntactically valid IPv4 CIDR `a.b.c.d/n`, n in 0–32; host bits may be set. */
function parseRawIpv4(input: string): { ok: true; raw: RawIpv4Cidr } | { ok: false; message: string } {
  if (input.includes(':')) {
    return { ok: false, message: `'${input}' is an IPv6 block; expected an IPv4 CIDR such as 10.0.0.0/20.` };
  }
  const match = /^([^/]+)\/(\d{1,3})$/.exec(input);
  if (!match) {
    if (!input.includes('/') && Address4.isValid(input)) {
      return { ok: false, message: `'${input}' has no prefix length; write it as ${input}/NN, for example ${input}/20.` };
    }
    return { ok: false, message: `'${input}' is not an IPv4 CIDR block; expected a.b.c.d/nn, for example 10.0.0.0/20.` };
  }
  const prefix = Number(match[2]);
  if (prefix > 32) {
    return { ok: false, message: `'${input}' has prefix /${prefix}; an IPv4 prefix length is at most 32.` };
  }
  let address: Address4;
  try {
    address = new Address4(`${match[1]}/${prefix}`);
  } catch {
    return { ok: false, message: `'${input}' is not an IPv4 CIDR block: '${match[1]}' is not a valid IPv4 address.` };
  }
  return { ok: true, raw: { address, prefix, start: address.startAddress().bigInt() } };
}

/**
 * An AWS IPv4 subnet block: valid syntax, prefix /16–/28, no host bits set. Surrounding spaces are
 * ignored; everything else must be exact.
 */
export function parseSubnetCidr(text: string): ParseResult<SubnetCidr> {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, message: 'Empty subnet CIDR; expected an IPv4 block such as 10.0.0.0/20.' };
  }
  const input = text.trim();
  const parsed = parseRawIpv4(input);
  if (!parsed.ok) return parsed;
  const { address, prefix, start } = parsed.raw;
  const network = Address4.fromBigInt(start).correctForm();
  if (prefix < MIN_SUBNET_PREFIX || prefix > MAX_SUBNET_PREFIX) {
    return {
      ok: false,
      message: `'${input}' is a /${prefix}; AWS subnets must be between /${MIN_SUBNET_PREFIX} and /${MAX_SUBNET_PREFIX}.`,
    };
  }
  if (address.bigInt() !== start) {
    return {
      ok: false,
      message: `'${input}' has host bits set; did you mean ${network}/${prefix}?`,
    };
  }
  const totalIpv4 = 2 ** (32 - prefix);
  return {
    ok: true,
    cidr: { text: `${network}/${prefix}`, network, prefix, totalIpv4, usableIpv4: usableIpv4ForPrefix(prefix) },
  };
}

/**
 * Whether IPv4 block `inner` lies entirely inside `outer` (e.g. a subnet inside its VPC range).
 * Accepts any valid IPv4 CIDRs; undefined when either does not parse, so callers can report that
 * separately instead of a misleading "not contained".
 */
export function cidrContains(outer: string, inner: string): boolean | undefined {
  if (typeof outer !== 'string' || typeof inner !== 'string') return undefined;
  const o = parseRawIpv4(outer.trim());
  const i = parseRawIpv4(inner.trim());
  if (!o.ok || !i.ok) return undefined;
  if (i.raw.prefix < o.raw.prefix) return false;
  const hostBits = BigInt(32 - o.raw.prefix);
  return i.raw.start >> hostBits === o.raw.start >> hostBits;
}

/**
 * Any IPv6 block of prefix /64 or shorter, host bits clear: what a VPC IPv6 range can be (AWS
 * hands out /56 by default and IPAM /44–/60; a subnet's own block is /64).
 */
export function parseIpv6Cidr(text: string): ParseResult<Ipv6Cidr> {
  if (typeof text !== 'string' || text.trim() === '') {
    return { ok: false, message: 'Empty IPv6 CIDR; expected a block such as 2600:1f18:abcd:1200::/56.' };
  }
  const input = text.trim();
  const match = /^([^/]+)\/(\d{1,3})$/.exec(input);
  if (!match) {
    const bare = !input.includes('/') && Address6.isValid(input);
    return {
      ok: false,
      message: bare
        ? `'${input}' has no prefix length; write it as ${input}/64 for a subnet or with the VPC's prefix.`
        : `'${input}' is not an IPv6 CIDR block; expected something like 2600:1f18:abcd:1200::/56.`,
    };
  }
  const prefix = Number(match[2]);
  if (prefix > 128) return { ok: false, message: `'${input}' has prefix /${prefix}; an IPv6 prefix length is at most 128.` };
  let address: Address6;
  try {
    address = new Address6(`${match[1]}/${prefix}`);
  } catch {
    return { ok: false, message: `'${input}' is not an IPv6 CIDR block: '${match[1]}' is not a valid IPv6 address.` };
  }
  const start = address.startAddress();
  const network = start.correctForm();
  if (prefix > IPV6_SUBNET_PREFIX) {
    return { ok: false, message: `'${input}' is a /${prefix}; AWS IPv6 VPC and subnet blocks are no smaller than /${IPV6_SUBNET_PREFIX}.` };
  }
  if (address.bigInt() !== start.bigInt()) {
    return { ok: false, message: `'${input}' has host bits set; did you mean ${network}/${prefix}?` };
  }
  return { ok: true, cidr: { text: `${network}/${prefix}`, network, prefix } };
}

/** A subnet's IPv6 block: as parseIpv6Cidr, and it must be exactly /64. */
export function parseIpv6SubnetCidr(text: string): ParseResult<Ipv6Cidr> {
  const parsed = parseIpv6Cidr(text);
  if (!parsed.ok || parsed.cidr.prefix === IPV6_SUBNET_PREFIX) return parsed;
  return {
    ok: false,
    message: `'${text.trim()}' is a /${parsed.cidr.prefix}; an AWS subnet's IPv6 block is always /${IPV6_SUBNET_PREFIX}.`,
  };
}
