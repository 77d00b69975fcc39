/**
 * Capacity plan for an awsvpc service on one EC2 instance type: tasks per instance, instances
 * needed, and the IPv4 addresses the subnets must hold. `ecs-net plan --json` prints this object.
 */
import { eniDensity, type DensityBound } from './eni';
import type { Os } from './kinds';
import { resolveInstanceType } from './instances';
import { DEFAULT_MAXIMUM_PERCENT, ipRequirements, type SubnetUse } from './ip';
import { parseSubnetCidr } from './cidr';

export interface CapacityPlanInput {
  instanceType: string;
  /** awsvpcTrunking on. */
  trunking?: boolean;
  os?: Os;
  /** Desired task count; default 1. */
  tasks?: number;
  /** CPU units per task. */
  taskCpu?: number;
  taskMemoryMiB?: number;
  /** IPv4 CIDRs of the service's subnets. */
  subnets?: string[];
  maximumPercent?: number;
}

export interface CapacityPlan {
  instanceType: string;
  instance: { vcpu: number | null; memoryMiB: number | null; maxEnis: number };
  os: Os;
  tasks: number;
  taskCpu: number | null;
  taskMemoryMiB: number | null;
  maximumPercent: number;
  /** Whether the figures assume trunking: asked for, and known for this type. */
  trunking: boolean;
  trunkingRequested: boolean;
  tasksPerInstance: {
    withoutTrunking: number;
    withTrunking: number | null;
    withTrunkingNote: string | null;
    byCpu: number | null;
    byMemory: number | null;
    /** Tasks per instance for the trunking setting used, after CPU and memory. */
    effective: number;
    binding: DensityBound;
  };
  instancesNeeded: number | null;
  instancesDuringDeployment: number | null;
  ipv4: {
    perTask: number;
    perInstance: number;
    needed: number;
    peakTasksDuringDeployment: number;
    peakDuringDeployment: number;
    usable: number | null;
    fits: boolean | null;
  };
  perSubnet: SubnetUse[];
  warnings: string[];
}

export type CapacityPlanResult = { ok: true; plan: CapacityPlan } | { ok: false; message: string; suggestions: string[] };

function fail(message: string, suggestions: string[] = []): CapacityPlanResult {
  return { ok: false, message, suggestions };
}

export function capacityPlan(input: CapacityPlanInput): CapacityPlanResult {
  const resolved = resolveInstanceType(input.instanceType);
  if (!resolved.ok) return fail(resolved.message, resolved.suggestions);
  const type = resolved.type;

  const tasks = input.tasks ?? 1;
  if (!Number.isInteger(tasks) || tasks < 0) return fail(`The task count must be a whole number of 0 or more, got ${String(tasks)}.`);
  const badSize = checkPositive(input.taskCpu, 'task CPU (units)') ?? checkPositive(input.taskMemoryMiB, 'task memory (MiB)');
  if (badSize) return fail(badSize);
  const maximumPercent = input.maximumPercent ?? DEFAULT_MAXIMUM_PERCENT;
  if (!Number.isFinite(maximumPercent) || maximumPercent < 0) {
    return fail(`maximumPercent must be a percentage of 0 or more, got ${String(maximumPercent)}.`);
  }
  const cidrs = input.subnets ?? [];
  for (const cidr of cidrs) {
    const parsed = parseSubnetCidr(cidr);
    if (!parsed.ok) return fail(parsed.message);
  }

  const os: Os = input.os ?? 'linux';
  const density = eniDensity({ type, os, taskCpu: input.taskCpu, taskMemoryMiB: input.taskMemoryMiB });
  const trunkingRequested = input.trunking === true;
  const trunking = trunkingRequested && density.effective.withTrunking !== null;
  const effective = trunking ? (density.effective.withTrunking ?? 0) : density.effective.withoutTrunking;
  const binding = trunking ? (density.binding.withTrunking ?? 'eni') : density.binding.withoutTrunking;

  const warnings: string[] = [];
  if (trunkingRequested && !trunking) {
    const why = density.withTrunkingNote ?? '';
    warnings.push(`ENI trunking requested, but it cannot be counted on for ${type.name}, so the figures assume no trunking. ${why}`.trim());
  } else if (trunking) {
    // The page's self-contradiction is shown in hovers only: the published figure stands.
    for (const note of density.withTrunkingNotes) if (note.kind !== 'page-contradicts') warnings.push(note.text);
  }
  if (effective === 0) {
    warnings.push(`Not one task fits on ${type.name}: its ${boundName(binding)} is smaller than one task needs.`);
  }
  if (density.byMemory !== null && binding === 'memory') {
    warnings.push('Memory binds: the agent registers a little less memory than the instance has, so the real figure may be lower.');
  }

  const ip = ipRequirements({
    networkMode: 'awsvpc',
    launchType: 'EC2',
    tasks,
    maximumPercent,
    tasksPerInstance: effective,
    trunking,
    subnets: cidrs.map((cidr) => ({ cidr })),
  });
  warnings.push(...ip.warnings);
  // Inputs were validated above, so the only error left is "no task fits", already explained more precisely.
  if (effective > 0) warnings.push(...ip.errors);
  if (ip.fits === false) warnings.push(`The subnets cannot hold the ${ip.needed} IPv4 addresses needed when spread evenly.`);

  const instancesDuringDeployment = effective > 0 ? Math.ceil(ip.peakTasksDuringDeployment / effective) : null;
  return {
    ok: true,
    plan: {
      instanceType: type.name,
      instance: { vcpu: type.vcpu, memoryMiB: type.memoryMiB, maxEnis: type.maxEnis },
      os,
      tasks,
      taskCpu: input.taskCpu ?? null,
      taskMemoryMiB: input.taskMemoryMiB ?? null,
      maximumPercent,
      trunking,
      trunkingRequested,
      tasksPerInstance: {
        withoutTrunking: density.withoutTrunking,
        withTrunking: density.withTrunking,
        withTrunkingNote: density.withTrunkingNote,
        byCpu: density.byCpu,
        byMemory: density.byMemory,
        effective,
        binding,
      },
      instancesNeeded: ip.instancesNeeded,
      instancesDuringDeployment: tasks === 0 ? 0 : instancesDuringDeployment,
      ipv4: {
        perTask: ip.perTask,
        perInstance: ip.perInstance,
        needed: ip.needed,
        peakTasksDuringDeployment: ip.peakTasksDuringDeployment,
        peakDuringDeployment: ip.peakDuringDeployment,
        usable: ip.usable,
        fits: ip.fits,
      },
      perSubnet: ip.perSubnet,
      warnings,
    },
  };
}

function checkPositive(value: number | undefined, what: string): string | undefined {
  if (value === undefined || (Number.isFinite(value) && value > 0)) return undefined;
  return `The ${what} must be a number above 0, got ${String(value)}.`;
}

function boundName(bound: DensityBound): string {
  return bound === 'eni' ? 'ENI limit' : bound === 'cpu' ? 'CPU' : 'memory';
}
