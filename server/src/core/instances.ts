/**
 * EC2 instance types as typed objects, looked up by name, with "did you mean" help for typos.
 * The figures come from the generated table in ./data/instances (provenance: docs/DATA.md).
 */
import { INSTANCE_ROWS, type InstanceRow } from './data/instances';
import { closestMatches } from './suggest';

export interface InstanceType {
  readonly name: string;
  /** Part before the dot, e.g. `c5` or `u-6tb1`. */
  readonly family: string;
  /** Part after the dot, e.g. `large` or `metal-48xl`. */
  readonly size: string;
  readonly vcpu: number | null;
  readonly memoryMiB: number | null;
  /** All ENIs the type can attach, over every network card, primary ENI included. */
  readonly maxEnis: number;
  /** True when the EC2 network data lacks the type: maxEnis is then the ECS task figure + 1, and the other EC2 facts are null. */
  readonly enisFromEcsTable: boolean;
  /** Null only when the EC2 network data lacks the type. */
  readonly ipv4PerEni: number | null;
  readonly ipv6PerEni: number | null;
  readonly ipv6Supported: boolean | null;
  readonly hypervisor: 'nitro' | 'xen' | null;
  readonly bareMetal: boolean;
  readonly networkCards: number | null;
  /** awsvpc tasks per instance from the current ECS trunking table; null when it has no (usable) figure. */
  readonly ecsTasksWithoutTrunking: number | null;
  readonly ecsTasksWithTrunking: number | null;
}

export type ResolveInstanceTypeResult = { ok: true; type: InstanceType } | { ok: false; message: string; suggestions: string[] };

interface InstanceIndex {
  readonly byName: ReadonlyMap<string, InstanceType>;
  readonly names: readonly string[];
  /** family → its sizes, for suggestions that keep the family the user typed. */
  readonly sizesByFamily: ReadonlyMap<string, readonly string[]>;
}

// Built on first use and never mutated afterwards: derived from constant data, so tests never need to reset it.
let index: InstanceIndex | undefined;

function toInstanceType(row: InstanceRow): InstanceType {
  const [name, vcpu, memoryMiB, maxEnis, ipv4PerEni, ipv6PerEni, ipv6Supported, hyper, bareMetal, networkCards, without, withT, enisFromEcs] = row;
  const dot = name.indexOf('.');
  return {
    name,
    family: dot < 0 ? name : name.slice(0, dot),
    size: dot < 0 ? '' : name.slice(dot + 1),
    vcpu,
    memoryMiB,
    maxEnis,
    enisFromEcsTable: enisFromEcs === 1,
    ipv4PerEni,
    ipv6PerEni,
    ipv6Supported: ipv6Supported === null ? null : ipv6Supported === 1,
    hypervisor: hyper === 'n' ? 'nitro' : hyper === 'x' ? 'xen' : null,
    bareMetal: bareMetal === 1,
    networkCards,
    ecsTasksWithoutTrunking: without,
    ecsTasksWithTrunking: withT,
  };
}

function getIndex(): InstanceIndex {
  if (index) return index;
  const byName = new Map<string, InstanceType>();
  const sizesByFamily = new Map<string, string[]>();
  for (const row of INSTANCE_ROWS) {
    const type = toInstanceType(row);
    byName.set(type.name, type);
    const sizes = sizesByFamily.get(type.family);
    if (sizes) sizes.push(type.size);
    else sizesByFamily.set(type.family, [type.size]);
  }
  const names = [...byName.keys()].sort();
  index = { byName, names, sizesByFamily };
  return index;
}

/** Exact, case-sensitive lookup (EC2 rejects `C5.large`); O(1). */
export function getInstanceType(name: string): InstanceType | undefined {
  if (typeof name !== 'string') return undefined;
  return getIndex().byName.get(name);
}

/** Every known instance type name, sorted. */
export function instanceTypeNames(): readonly string[] {
  return getIndex().names;
}

/** The sizes of one family (`c5` → `large`, `xlarge`, …), or an empty list. */
export function instanceTypeFamilySizes(family: string): readonly string[] {
  return getIndex().sizesByFamily.get(family) ?? [];
}

/**
 * A line for hovers about where this type's figures come from, or null when they are the usual
 * EC2 network data: types only the ECS table lists get their ENI count from it.
 */
export function instanceTypeDataNote(type: InstanceType): string | null {
  if (!type.enisFromEcsTable) return null;
  return `${type.name} is in the ECS task-limit table but not in the EC2 network data we ship: its ${type.maxEnis} ENIs are the table's figure without trunking + 1, and its other EC2 figures are unknown.`;
}

/**
 * Like getInstanceType, but an unknown name gives a message and suggestions instead of undefined.
 * Matching stays exact; case, spacing and size spelling mistakes only show up as suggestions.
 */
export function resolveInstanceType(name: string): ResolveInstanceTypeResult {
  if (typeof name !== 'string' || name.trim() === '') {
    return { ok: false, message: 'No EC2 instance type given: expected a name such as c5.large.', suggestions: [] };
  }
  const type = getInstanceType(name);
  if (type) return { ok: true, type };
  const suggestions = suggestInstanceTypes(name);
  const hint = suggestions.length ? ` Did you mean ${joinOr(suggestions)}?` : '';
  return { ok: false, message: `Unknown EC2 instance type '${name}'.${hint}`, suggestions };
}

/** Up to `max` known names close to a mistyped one, best first. */
export function suggestInstanceTypes(input: string, max = 3): string[] {
  const { byName, names } = getIndex();
  const found: string[] = [];
  const add = (candidate: string | undefined): void => {
    if (candidate !== undefined && byName.has(candidate) && candidate !== input && !found.includes(candidate)) {
      found.push(candidate);
    }
  };
  const key = normaliseTypeName(input);
  add(key);
  for (const candidate of familyAwareMatches(key)) add(candidate);
  for (const candidate of closestMatches(input.trim(), names, max)) add(candidate);
  return found.slice(0, max);
}

/** Lower case, no spaces, common separator slips turned into the dot. */
function normaliseTypeName(input: string): string {
  return input.trim().toLowerCase().replace(/\s+/g, '').replace(/[_,:]/g, '.');
}

/**
 * People usually get the family right and slip on the size (`c5.lrge`, `m5.xxlarge`) or drop the
 * dot (`c5large`). Matching the size within the family finds these where plain edit distance over
 * 1,400 names would rank a neighbouring family first.
 */
function familyAwareMatches(key: string): string[] {
  const { sizesByFamily } = getIndex();
  const dot = key.indexOf('.');
  if (dot < 0) return splitMissingDot(key);
  const family = key.slice(0, dot);
  const size = normaliseSize(key.slice(dot + 1));
  const families = sizesByFamily.has(family) ? [family] : closestMatches(family, sizesByFamily.keys(), 2);
  const out: string[] = [];
  for (const fam of families) {
    const sizes = sizesByFamily.get(fam) ?? [];
    if (sizes.includes(size)) out.push(`${fam}.${size}`);
    else for (const s of closestMatches(size, sizes, 2)) out.push(`${fam}.${s}`);
  }
  return out;
}

/** `c5large` → `c5.large`: the longest known family the text starts with, if the rest is one of its sizes. */
function splitMissingDot(key: string): string[] {
  const { sizesByFamily } = getIndex();
  for (let cut = key.length - 1; cut > 0; cut--) {
    const sizes = sizesByFamily.get(key.slice(0, cut));
    if (!sizes) continue;
    const size = normaliseSize(key.slice(cut));
    if (sizes.includes(size)) return [`${key.slice(0, cut)}.${size}`];
  }
  return [];
}

/** Spellings of sizes that people use but EC2 does not: `xxlarge`, `2xl`, `xl`, `lg`. */
function normaliseSize(size: string): string {
  const xs = /^(x+)large$/.exec(size);
  if (xs && xs[1].length > 1) return `${xs[1].length}xlarge`;
  const xl = /^(\d*)xl$/.exec(size);
  if (xl) return `${xl[1]}xlarge`;
  if (size === 'lg') return 'large';
  return size;
}

function joinOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}
