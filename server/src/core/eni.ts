/**
 * ENI density: how many awsvpc tasks one EC2 container instance can run, with and without ENI
 * trunking, and how the task's CPU and memory reservations cap that further.
 */
import { TRUNKING_TABLE_DATE, TRUNKING_UNSUPPORTED_FAMILIES, TRUNKING_UNSUPPORTED_TYPES } from './data/instances';
import type { InstanceType } from './instances';
import type { Os } from './kinds';

/** Which limit sets the number of tasks per instance. */
export type DensityBound = 'eni' | 'cpu' | 'memory';

export interface EniDensityInput {
  type: InstanceType;
  /** Defaults to linux. */
  os?: Os;
  /** Task-level CPU reservation in CPU units (1024 = 1 vCPU). */
  taskCpu?: number;
  taskMemoryMiB?: number;
}

export interface EniDensity {
  instanceType: string;
  maxEnis: number;
  /** awsvpc tasks per instance from ENIs alone, without trunking. */
  withoutTrunking: number;
  withoutTrunkingSource: 'ecs-table' | 'eni-limit';
  /** awsvpc tasks per instance from ENIs alone, with awsvpcTrunking; null when not known or not possible. */
  withTrunking: number | null;
  /** Why withTrunking is null, or a caveat about the published figure; null when there is nothing to add. */
  withTrunkingNote: string | null;
  byCpu: number | null;
  byMemory: number | null;
  effective: { withoutTrunking: number; withTrunking: number | null };
  binding: { withoutTrunking: DensityBound; withTrunking: DensityBound | null };
}

// 1 vCPU = 1024 CPU units, the unit of task and container `cpu` (ECS task definition parameters).
export const CPU_UNITS_PER_VCPU = 1024;

export function eniDensity(input: EniDensityInput): EniDensity {
  const { type } = input;
  const os: Os = input.os ?? 'linux';
  const withoutTrunking = tasksWithoutTrunking(type);
  const trunked = tasksWithTrunking(type, os);
  const byCpu = boundByCpu(type, input.taskCpu);
  const byMemory = boundByMemory(type, input.taskMemoryMiB);
  const without = tightest(withoutTrunking, byCpu, byMemory);
  const withT = trunked.tasks === null ? null : tightest(trunked.tasks, byCpu, byMemory);
  return {
    instanceType: type.name,
    maxEnis: type.maxEnis,
    withoutTrunking,
    withoutTrunkingSource: type.ecsTasksWithoutTrunking !== null ? 'ecs-table' : 'eni-limit',
    withTrunking: trunked.tasks,
    withTrunkingNote: trunked.note,
    byCpu,
    byMemory,
    effective: { withoutTrunking: without.tasks, withTrunking: withT ? withT.tasks : null },
    binding: { withoutTrunking: without.bound, withTrunking: withT ? withT.bound : null },
  };
}

/**
 * The ECS table wins where it has a row: on ten two-card types (c6in/m6in/m6idn/r6in/r6idn
 * 32xlarge and metal) it says 13 although EC2 reports 16 ENIs. Elsewhere the ECS guide's rule
 * applies: every ENI but the primary one can serve a task.
 */
function tasksWithoutTrunking(type: InstanceType): number {
  if (type.ecsTasksWithoutTrunking !== null) return type.ecsTasksWithoutTrunking;
  return Math.max(0, type.maxEnis - 1);
}

/**
 * Trunked limits are only taken from the ECS table. The EKS branch-ENI counts are a different
 * limit (usually lower), so a missing row means "unknown", never an estimate.
 */
function tasksWithTrunking(type: InstanceType, os: Os): { tasks: number | null; note: string | null } {
  // ECS guide: ENI trunking needs a Linux container instance; Windows is not supported.
  if (os === 'windows') {
    return { tasks: null, note: 'ENI trunking is not available for Windows container instances.' };
  }
  const listedUnsupported = unsupportedListing(type);
  if (type.ecsTasksWithTrunking !== null) {
    // The 2023 page lists rows for some types its own "not supported" note excludes; keep the row, flag it.
    const note = listedUnsupported
      ? `The ECS guide (as of ${TRUNKING_TABLE_DATE}) gives this figure but also lists ${listedUnsupported} as not supporting ENI trunking; confirm before relying on it.`
      : null;
    return { tasks: type.ecsTasksWithTrunking, note };
  }
  if (listedUnsupported) {
    return {
      tasks: null,
      note: `The ECS guide (as of ${TRUNKING_TABLE_DATE}) lists ${listedUnsupported} as not supporting ENI trunking.`,
    };
  }
  return {
    tasks: null,
    note: `Unknown: the ECS trunking table we ship (dated ${TRUNKING_TABLE_DATE}) has no row for ${type.name}; check the current ECS documentation.`,
  };
}

function unsupportedListing(type: InstanceType): string | null {
  if (TRUNKING_UNSUPPORTED_TYPES.includes(type.name)) return type.name;
  if (TRUNKING_UNSUPPORTED_FAMILIES.includes(type.family)) return `the ${type.family} family`;
  return null;
}

function isPositive(value: number | undefined): value is number {
  return typeof value === 'number' && Number.isFinite(value) && value > 0;
}

function boundByCpu(type: InstanceType, taskCpu: number | undefined): number | null {
  if (!isPositive(taskCpu) || type.vcpu === null) return null;
  return Math.floor((type.vcpu * CPU_UNITS_PER_VCPU) / taskCpu);
}

/**
 * The container agent registers somewhat less memory than the type has (the OS and agent keep
 * some), so this is an upper bound: the real figure can be lower.
 */
function boundByMemory(type: InstanceType, taskMemoryMiB: number | undefined): number | null {
  if (!isPositive(taskMemoryMiB) || type.memoryMiB === null) return null;
  return Math.floor(type.memoryMiB / taskMemoryMiB);
}

/** Smallest of the known bounds; on a tie the ENI bound is named, then CPU. */
function tightest(eni: number, byCpu: number | null, byMemory: number | null): { tasks: number; bound: DensityBound } {
  let best: { tasks: number; bound: DensityBound } = { tasks: eni, bound: 'eni' };
  if (byCpu !== null && byCpu < best.tasks) best = { tasks: byCpu, bound: 'cpu' };
  if (byMemory !== null && byMemory < best.tasks) best = { tasks: byMemory, bound: 'memory' };
  return best;
}
