/**
 * A deterministic model of how ECS places identical tasks on a fixed set of container instances,
 * and why the ones left over cannot be placed, in the terms ECS itself reports
 * (`RESOURCE:ENI`, `RESOURCE:CPU`, `RESOURCE:MEMORY`, `RESOURCE:PORTS`) plus subnet exhaustion.
 *
 * Runs in O(instances · log instances + AZs), independent of the task count: every instance's
 * capacity is computed once and tasks are shared out arithmetically, not one at a time.
 */
import { CPU_UNITS_PER_VCPU, eniDensity } from './eni';
import type { EffectiveNetworkMode, Os } from './kinds';
import { resolveInstanceType, type InstanceType } from './instances';

export type PlacementStrategy = 'spread' | 'binpack';

export type PlacementFailureReason =
  | 'RESOURCE:ENI'
  | 'RESOURCE:CPU'
  | 'RESOURCE:MEMORY'
  | 'RESOURCE:PORTS'
  | 'SUBNET:NO_FREE_IPV4'
  | 'UNKNOWN_INSTANCE_TYPE'
  /** Not one known container instance to place on (ECS: "No Container Instances were found in your cluster"). */
  | 'NO_CONTAINER_INSTANCES';

export interface PlacementCapacity {
  instanceType: string;
  count: number;
  az: string;
}

export interface PlacementTask {
  count: number;
  /** CPU units reserved per task. */
  cpu?: number;
  memoryMiB?: number;
  networkMode: EffectiveNetworkMode;
  /** Static host ports each task binds (host mode, or non-zero hostPort in bridge). */
  hostPorts?: number[];
}

export interface PlacementInput {
  capacity: PlacementCapacity[];
  /** awsvpcTrunking on for these instances. */
  trunking?: boolean;
  os?: Os;
  task: PlacementTask;
  strategy: PlacementStrategy;
  /**
   * IPv4 addresses left in each AZ's subnets. When given, each awsvpc task takes one, and every
   * instance takes its primary ENI's (and trunk ENI's) address up front.
   */
  subnets?: { az: string; usableIpv4: number }[];
}

export interface PlacedInstance {
  /** e.g. `c5.large#1@us-east-1a`: type, 1-based number within that type and AZ, AZ. */
  id: string;
  instanceType: string;
  az: string;
  tasks: number;
}

export interface PlacementFailure {
  reason: PlacementFailureReason;
  /** Tasks left unplaced for this reason (0 for capacity problems such as an unknown type). */
  tasks: number;
  message: string;
  suggestions?: string[];
}

export interface PlacementResult {
  placed: number;
  unplaced: number;
  perInstance: PlacedInstance[];
  perAz: Record<string, number>;
  failures: PlacementFailure[];
  warnings: string[];
}

type Bound = 'eni' | 'cpu' | 'memory' | 'ports';

/**
 * The most instances simulated, over all capacity entries: ECS registers at most 5,000 EC2
 * instances in a cluster (ECS developer guide, "Handle Amazon ECS service quotas and API throttling
 * limits"). Each instance is a slot, so a larger count could only be a typo, and one such as 1e12
 * would never finish.
 */
export const MAX_SIMULATED_INSTANCES = 5000;

interface Slot {
  id: string;
  instanceType: string;
  az: string;
  /** Tasks this instance can hold; Infinity when nothing limits it. */
  capacity: number;
  /** The limit that sets `capacity`; null when unlimited. */
  bound: Bound | null;
  /** Subnet addresses the instance itself holds (primary ENI, plus trunk ENI). */
  ownAddresses: number;
}

interface TypeProfile {
  capacity: number;
  bound: Bound | null;
  ownAddresses: number;
}

const BOUND_REASON: Record<Bound, PlacementFailureReason> = {
  eni: 'RESOURCE:ENI',
  cpu: 'RESOURCE:CPU',
  memory: 'RESOURCE:MEMORY',
  ports: 'RESOURCE:PORTS',
};

export function simulatePlacement(input: PlacementInput): PlacementResult {
  const warnings: string[] = [];
  const failures: PlacementFailure[] = [];
  const taskCount = validCount(input.task.count, 'task count', warnings);
  const slots = buildSlots(input, failures, warnings);
  const azs = sortedUnique(slots.map((s) => s.az));
  const pools = addressPools(input, slots, azs, warnings);

  const allocation = input.strategy === 'binpack' ? binpack(taskCount, slots, pools) : spread(taskCount, slots, azs, pools);
  const placed = allocation.reduce((sum, n) => sum + n, 0);
  const unplaced = taskCount - placed;

  const perInstance = slots.map((slot, i) => ({ id: slot.id, instanceType: slot.instanceType, az: slot.az, tasks: allocation[i] }));
  const perAz: Record<string, number> = Object.fromEntries(azs.map((az) => [az, 0]));
  for (const row of perInstance) perAz[row.az] += row.tasks;

  if (unplaced > 0) failures.push(...explainUnplaced(input, taskCount, placed, slots, pools, perAz));
  return { placed, unplaced, perInstance, perAz, failures, warnings };
}

function validCount(value: number, what: string, warnings: string[]): number {
  if (Number.isInteger(value) && value >= 0) return value;
  warnings.push(`The ${what} must be a whole number of 0 or more, got ${String(value)}; used 0.`);
  return 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareText);
}

/** One slot per instance, ordered by AZ name and then by the order the capacity was listed in. */
function buildSlots(input: PlacementInput, failures: PlacementFailure[], warnings: string[]): Slot[] {
  const profiles = new Map<string, TypeProfile>();
  const unknownTypes = new Set<string>();
  const numbering = new Map<string, number>();
  const slots: Slot[] = [];
  let capped = false;
  for (const entry of input.capacity) {
    const count = validCount(entry.count, `instance count for ${entry.instanceType}`, warnings);
    const resolved = resolveInstanceType(entry.instanceType);
    if (!resolved.ok) {
      if (!unknownTypes.has(entry.instanceType)) {
        unknownTypes.add(entry.instanceType);
        failures.push({ reason: 'UNKNOWN_INSTANCE_TYPE', tasks: 0, message: resolved.message, suggestions: resolved.suggestions });
      }
      continue;
    }
    let profile = profiles.get(resolved.type.name);
    if (!profile) {
      profile = typeProfile(resolved.type, input, warnings);
      profiles.set(resolved.type.name, profile);
    }
    const simulated = Math.min(count, MAX_SIMULATED_INSTANCES - slots.length);
    if (simulated < count && !capped) {
      capped = true;
      warnings.push(
        `${count} × ${resolved.type.name} goes past the ${MAX_SIMULATED_INSTANCES} instances ECS registers in a cluster; only the first ${MAX_SIMULATED_INSTANCES} instances listed are simulated.`,
      );
    }
    const key = `${resolved.type.name}@${entry.az}`;
    const first = numbering.get(key) ?? 0;
    numbering.set(key, first + simulated);
    for (let n = 1; n <= simulated; n++) {
      slots.push({ id: `${resolved.type.name}#${first + n}@${entry.az}`, instanceType: resolved.type.name, az: entry.az, ...profile });
    }
  }
  // A stable sort keeps the listed order within each AZ.
  return slots.sort((a, b) => compareText(a.az, b.az));
}

/** How many of these tasks one instance of the type holds, and what limits it. */
function typeProfile(type: InstanceType, input: PlacementInput, warnings: string[]): TypeProfile {
  const { task } = input;
  const limits: { bound: Bound; tasks: number }[] = [];
  let ownAddresses = 1;
  if (task.networkMode === 'awsvpc') {
    const density = eniDensity({ type, os: input.os });
    const trunked = input.trunking === true && density.withTrunking !== null;
    if (input.trunking === true && !trunked) {
      warnings.push(`${type.name}: no ENI trunking figure (${density.withTrunkingNote ?? 'unknown'}); used the untrunked limit.`);
    }
    limits.push({ bound: 'eni', tasks: trunked ? (density.withTrunking ?? 0) : density.withoutTrunking });
    // A trunked instance also holds the trunk ENI's address (ECS guide, ENI trunking).
    if (trunked) ownAddresses = 2;
  }
  const cpu = reservation(task.cpu);
  if (cpu !== undefined) {
    if (type.vcpu === null) warnings.push(`${type.name}: vCPU count not known, so CPU does not limit placement here.`);
    else limits.push({ bound: 'cpu', tasks: Math.floor((type.vcpu * CPU_UNITS_PER_VCPU) / cpu) });
  }
  const memory = reservation(task.memoryMiB);
  if (memory !== undefined) {
    // The agent registers a little less memory than the type has, so this is an upper bound.
    if (type.memoryMiB === null) warnings.push(`${type.name}: memory not known, so memory does not limit placement here.`);
    else limits.push({ bound: 'memory', tasks: Math.floor(type.memoryMiB / memory) });
  }
  // A static host port can be bound by one task per instance; awsvpc tasks have their own ENI, so never clash.
  if (task.networkMode !== 'awsvpc' && staticPorts(task).length > 0) limits.push({ bound: 'ports', tasks: 1 });

  let best: TypeProfile = { capacity: Infinity, bound: null, ownAddresses };
  for (const limit of limits) if (limit.tasks < best.capacity) best = { capacity: limit.tasks, bound: limit.bound, ownAddresses };
  return best;
}

function reservation(value: number | undefined): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : undefined;
}

function staticPorts(task: PlacementTask): number[] {
  return (task.hostPorts ?? []).filter((p) => Number.isInteger(p) && p > 0);
}

/**
 * IPv4 addresses left for tasks in each AZ, or null when addresses are not modelled (no subnets
 * given, or tasks that use the host's address).
 */
function addressPools(input: PlacementInput, slots: readonly Slot[], azs: readonly string[], warnings: string[]): Map<string, number> | null {
  if (!input.subnets || input.task.networkMode !== 'awsvpc') return null;
  const pools = new Map<string, number>();
  for (const subnet of input.subnets) {
    const n = Number.isFinite(subnet.usableIpv4) && subnet.usableIpv4 > 0 ? Math.floor(subnet.usableIpv4) : 0;
    pools.set(subnet.az, (pools.get(subnet.az) ?? 0) + n);
  }
  for (const az of azs) {
    if (!pools.has(az)) warnings.push(`No subnet given in ${az}, so awsvpc tasks cannot be placed on its instances.`);
  }
  for (const slot of slots) pools.set(slot.az, Math.max(0, (pools.get(slot.az) ?? 0) - slot.ownAddresses));
  return pools;
}

function poolFor(pools: Map<string, number> | null, az: string): number {
  return pools ? (pools.get(az) ?? 0) : Infinity;
}

/** Fill instances one after another, in slot order. */
function binpack(taskCount: number, slots: readonly Slot[], pools: Map<string, number> | null): number[] {
  const left = new Map<string, number>();
  let remaining = taskCount;
  return slots.map((slot) => {
    const pool = left.get(slot.az) ?? poolFor(pools, slot.az);
    const take = Math.min(slot.capacity, remaining, pool);
    left.set(slot.az, pool - take);
    remaining -= take;
    return take;
  });
}

/** Balance across AZs first, then across the instances of each AZ, the way spread(AZ) then spread(instanceId) does. */
function spread(taskCount: number, slots: readonly Slot[], azs: readonly string[], pools: Map<string, number> | null): number[] {
  const slotsByAz = new Map<string, number[]>(azs.map((az) => [az, []]));
  slots.forEach((slot, i) => slotsByAz.get(slot.az)?.push(i));
  const azCaps = azs.map((az) => {
    const held = (slotsByAz.get(az) ?? []).reduce((sum, i) => sum + slots[i].capacity, 0);
    return Math.min(held, poolFor(pools, az));
  });
  const perAz = waterFill(taskCount, azCaps);
  const result = new Array<number>(slots.length).fill(0);
  azs.forEach((az, a) => {
    const members = slotsByAz.get(az) ?? [];
    const shares = waterFill(
      perAz[a],
      members.map((i) => slots[i].capacity),
    );
    members.forEach((slotIndex, k) => (result[slotIndex] = shares[k]));
  });
  return result;
}

/**
 * Shares `total` over bins with capacities `caps` as evenly as possible: the same outcome as
 * placing one at a time on the emptiest bin with room, ties going to the earlier bin, but in
 * O(k log k) for k bins whatever the total.
 */
export function waterFill(total: number, caps: readonly number[]): number[] {
  const result = new Array<number>(caps.length).fill(0);
  const bySize = caps.map((_, i) => i).sort((a, b) => (caps[a] < caps[b] ? -1 : caps[a] > caps[b] ? 1 : a - b));
  let remaining = Math.max(0, total);
  for (let pos = 0; pos < bySize.length; pos++) {
    const open = bySize.length - pos;
    const level = Math.floor(remaining / open);
    const bin = bySize[pos];
    if (caps[bin] <= level) {
      result[bin] = caps[bin];
      remaining -= caps[bin];
      continue;
    }
    // Every bin from here on has room for level + 1: the leftover goes to the earliest ones.
    let extra = remaining - level * open;
    for (const i of bySize.slice(pos).sort((a, b) => a - b)) {
      result[i] = level + (extra > 0 ? 1 : 0);
      if (extra > 0) extra--;
    }
    break;
  }
  return result;
}

/**
 * Splits the unplaced tasks between subnet exhaustion (what unlimited addresses would have placed)
 * and the instances' own limits. For the latter ECS names the failing resource of the closest
 * matching instance; with identical tasks every full instance fails on its binding limit, so we
 * report the limit that binds on most instances.
 */
function explainUnplaced(
  input: PlacementInput,
  taskCount: number,
  placed: number,
  slots: readonly Slot[],
  pools: Map<string, number> | null,
  perAz: Readonly<Record<string, number>>,
): PlacementFailure[] {
  const unplaced = taskCount - placed;
  if (slots.length === 0) {
    return [
      {
        reason: 'NO_CONTAINER_INSTANCES',
        tasks: unplaced,
        message: `${unplaced} ${plural(unplaced, 'task')} could not be placed: there is no known container instance to place ${unplaced === 1 ? 'it' : 'them'} on.`,
      },
    ];
  }
  const capacity = slots.reduce((sum, s) => sum + s.capacity, 0);
  const withoutSubnetLimit = Math.min(taskCount, capacity);
  const failures: PlacementFailure[] = [];
  const subnetShort = withoutSubnetLimit - placed;
  if (subnetShort > 0) {
    const dry = Object.keys(perAz).filter((az) => perAz[az] >= poolFor(pools, az) && perAz[az] < heldIn(slots, az));
    failures.push({
      reason: 'SUBNET:NO_FREE_IPV4',
      tasks: subnetShort,
      message: `${subnetShort} ${plural(subnetShort, 'task')} could not get an IPv4 address: the subnets in ${dry.join(', ') || 'some AZs'} have none left.`,
    });
  }
  const resourceShort = taskCount - withoutSubnetLimit;
  if (resourceShort > 0) {
    const bound = dominantBound(slots);
    failures.push({
      reason: BOUND_REASON[bound],
      tasks: resourceShort,
      message: `${resourceShort} ${plural(resourceShort, 'task')} could not be placed: ${boundExplanation(bound, input)}; the ${slots.length} ${plural(slots.length, 'instance')} hold at most ${capacity}.`,
    });
  }
  return failures;
}

function heldIn(slots: readonly Slot[], az: string): number {
  return slots.reduce((sum, s) => (s.az === az ? sum + s.capacity : sum), 0);
}

function dominantBound(slots: readonly Slot[]): Bound {
  const tally: Record<Bound, number> = { eni: 0, cpu: 0, memory: 0, ports: 0 };
  for (const slot of slots) if (slot.bound) tally[slot.bound]++;
  const order: Bound[] = ['eni', 'cpu', 'memory', 'ports'];
  return order.reduce((best, b) => (tally[b] > tally[best] ? b : best), order[0]);
}

function boundExplanation(bound: Bound, input: PlacementInput): string {
  switch (bound) {
    case 'eni':
      return `no instance has an ENI left for another awsvpc task${input.trunking ? '' : ' (ENI trunking is off)'}`;
    case 'cpu':
      return `no instance has ${String(input.task.cpu)} CPU units left`;
    case 'memory':
      return `no instance has ${String(input.task.memoryMiB)} MiB of memory left`;
    case 'ports':
      return `every instance already binds host ${plural(staticPorts(input.task).length, 'port')} ${staticPorts(input.task).join(', ')}`;
  }
}

function plural(n: number, word: string): string {
  return n === 1 ? word : `${word}s`;
}
