/**
 * ENI density: how many awsvpc tasks one EC2 container instance can run, with and without ENI
 * trunking, and how the task's CPU and memory reservations cap that further.
 */
import { TRUNKING_2023_ONLY, TRUNKING_TABLE, TRUNKING_UNPUBLISHED, TRUNKING_UNSUPPORTED_FAMILIES, TRUNKING_UNSUPPORTED_TYPES } from './data/instances';
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

/**
 * What a caveat on the trunked figure is about. Consumers may warn on most; `page-contradicts`
 * is shown only: the figure stands, and no warning rests on the page's own inconsistency.
 */
export type TrunkingNoteKind = 'windows' | 'not-supported' | 'not-listed' | 'only-2023' | 'unpublished' | 'lowers' | 'page-contradicts';

export interface TrunkingNote {
  readonly kind: TrunkingNoteKind;
  readonly text: string;
}

export interface EniDensity {
  instanceType: string;
  maxEnis: number;
  /** awsvpc tasks per instance from ENIs alone, without trunking. */
  withoutTrunking: number;
  withoutTrunkingSource: 'ecs-table' | 'eni-limit';
  /** awsvpc tasks per instance from ENIs alone, with awsvpcTrunking; null when not known or not possible. */
  withTrunking: number | null;
  /** Why withTrunking is null, or caveats about the published figure; null when there is nothing to add. */
  withTrunkingNote: string | null;
  /** The same caveats one by one, with what each is about. */
  withTrunkingNotes: readonly TrunkingNote[];
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
    withTrunkingNote: trunked.notes.length ? trunked.notes.map((n) => n.text).join(' ') : null,
    withTrunkingNotes: trunked.notes,
    byCpu,
    byMemory,
    effective: { withoutTrunking: without.tasks, withTrunking: withT ? withT.tasks : null },
    binding: { withoutTrunking: without.bound, withTrunking: withT ? withT.bound : null },
  };
}

/**
 * The ECS table wins where it has a row (the current page gives ENIs − 1 on every type it shares
 * with the EC2 data). Elsewhere the ECS guide's rule applies: every ENI but the primary one can
 * serve a task.
 */
function tasksWithoutTrunking(type: InstanceType): number {
  if (type.ecsTasksWithoutTrunking !== null) return type.ecsTasksWithoutTrunking;
  return Math.max(0, type.maxEnis - 1);
}

/**
 * Trunked limits are only taken from the current ECS table. The EKS branch-ENI counts are a
 * different limit (usually lower), and the 2023 table is history, so a missing row means
 * "unknown", never an estimate.
 */
function tasksWithTrunking(type: InstanceType, os: Os): { tasks: number | null; notes: TrunkingNote[] } {
  const none = (kind: TrunkingNoteKind, text: string) => ({ tasks: null, notes: [{ kind, text }] });
  // ECS guide: ENI trunking needs a Linux container instance; Windows is not supported.
  if (os === 'windows') return none('windows', 'ENI trunking is not available for Windows container instances.');
  const listedUnsupported = unsupportedListing(type);
  const old = TRUNKING_2023_ONLY[type.name];
  if (old) {
    const unsupported = listedUnsupported ? `; the current page names ${listedUnsupported} as not supporting ENI trunking` : '';
    return none(
      'only-2023',
      `Listed in the ${TRUNKING_TABLE.historyDate} ECS table (${old[0]} → ${old[1]} with trunking), not in the current one${unsupported}. No current figure.`,
    );
  }
  const published = TRUNKING_UNPUBLISHED[type.name];
  if (published && type.ecsTasksWithTrunking === null) {
    return none(
      'unpublished',
      `The current ECS table prints ${published[0]} → ${published[1]} for ${type.name}; a negative number is no task count, so there is no published figure with trunking.`,
    );
  }
  if (type.ecsTasksWithTrunking !== null) return { tasks: type.ecsTasksWithTrunking, notes: publishedFigureNotes(type, listedUnsupported) };
  if (listedUnsupported) return none('not-supported', `The current ECS trunking page lists ${listedUnsupported} as not supporting ENI trunking.`);
  return none('not-listed', `Unknown: the current ECS trunking table (${TRUNKING_TABLE.rows} types) has no row for ${type.name}; check the ECS documentation.`);
}

/** Caveats on a figure the table does publish. */
function publishedFigureNotes(type: InstanceType, listedUnsupported: string | null): TrunkingNote[] {
  const notes: TrunkingNote[] = [];
  const without = type.ecsTasksWithoutTrunking;
  if (type.ecsTasksWithTrunking !== null && without !== null && type.ecsTasksWithTrunking < without) {
    notes.push({
      kind: 'lowers',
      text: `The current ECS table gives fewer tasks with trunking (${type.ecsTasksWithTrunking}) than without (${without}): on ${type.name} trunking lowers the limit.`,
    });
  }
  if (listedUnsupported) {
    notes.push({
      kind: 'page-contradicts',
      text: `The current ECS page lists these figures but also names ${listedUnsupported} as not supporting ENI trunking; the page contradicts itself, so confirm before relying on trunking here.`,
    });
  }
  return notes;
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
