/**
 * Fargate task sizes: parsing task-level `cpu`/`memory` the way ECS accepts them, checking a pair
 * against the published size table, and finding the nearest valid size.
 */
import { FARGATE_TASK_SIZES, type FargateTaskSize } from './data/fargate';
import type { Os } from './kinds';

// 1 vCPU = 1024 CPU units and 1 GB = 1024 MiB in task definitions (RegisterTaskDefinition cpu/memory docs).
const CPU_UNITS_PER_VCPU = 1024;
const MIB_PER_GB = 1024;

export interface FargateSizeCheck {
  valid: boolean;
  reason?: string;
  /** Memory sizes Fargate accepts with this CPU size for this OS; empty when the CPU size itself is not offered. */
  validMemoryForCpu: number[];
}

export interface FargateSize {
  cpu: number;
  memoryMiB: number;
}

/**
 * Task `cpu` as CPU units. ECS takes an integer of units (`1024`, also as a string) or a vCPU
 * string (`"1 vCPU"`, `"0.25 vcpu"`, `"2vCPU"`) and converts strings at registration. Anything
 * else, including CloudFormation intrinsic-function objects, gives undefined.
 */
export function parseTaskCpu(value: unknown): number | undefined {
  if (typeof value === 'number') return positiveInteger(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return positiveInteger(Number(text));
  const vcpu = /^(\d+(?:\.\d+)?|\.\d+)\s*vcpu$/i.exec(text);
  return vcpu ? positiveInteger(Number(vcpu[1]) * CPU_UNITS_PER_VCPU) : undefined;
}

/** Task `memory` in MiB: an integer of MiB (also as a string) or a GB string (`"1GB"`, `"1 GB"`, `"0.5GB"`). */
export function parseTaskMemoryMiB(value: unknown): number | undefined {
  if (typeof value === 'number') return positiveInteger(value);
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return positiveInteger(Number(text));
  const gb = /^(\d+(?:\.\d+)?|\.\d+)\s*gb$/i.exec(text);
  return gb ? positiveInteger(Number(gb[1]) * MIB_PER_GB) : undefined;
}

/** Fractions that do not come out as whole units (e.g. "0.1 vCPU") are not sizes ECS can register. */
function positiveInteger(n: number): number | undefined {
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

function sizesFor(os: Os): readonly FargateTaskSize[] {
  const wanted = os === 'windows' ? 'WINDOWS' : 'LINUX';
  return FARGATE_TASK_SIZES.filter((size) => size.os.includes(wanted));
}

/** CPU sizes (units) Fargate offers for the OS, ascending. */
export function fargateCpuOptions(os: Os): number[] {
  return sizesFor(os).map((size) => size.cpu);
}

/** Memory sizes (MiB) Fargate offers with this CPU size for the OS, ascending; empty if the CPU size is not offered. */
export function fargateMemoryOptions(cpu: number, os: Os): number[] {
  const size = sizesFor(os).find((s) => s.cpu === cpu);
  return size ? [...size.memoryMiB] : [];
}

/** Every valid (cpu, memory) pair for the OS: 74 on Linux. */
export function fargateSizes(os: Os): FargateSize[] {
  return sizesFor(os).flatMap((size) => size.memoryMiB.map((memoryMiB) => ({ cpu: size.cpu, memoryMiB })));
}

export function fargateSizeCheck(cpu: number, memoryMiB: number, os: Os): FargateSizeCheck {
  const validMemoryForCpu = fargateMemoryOptions(cpu, os);
  if (validMemoryForCpu.length === 0) {
    return { valid: false, reason: cpuReason(cpu, os), validMemoryForCpu };
  }
  if (!validMemoryForCpu.includes(memoryMiB)) {
    return {
      valid: false,
      reason: `With ${cpu} CPU units Fargate accepts ${describeMemory(validMemoryForCpu)} of memory, not ${String(memoryMiB)} MiB.`,
      validMemoryForCpu,
    };
  }
  return { valid: true, validMemoryForCpu };
}

function cpuReason(cpu: number, os: Os): string {
  const options = fargateCpuOptions(os).join(', ');
  const linuxOnly = os === 'windows' && fargateCpuOptions('linux').includes(cpu);
  // Windows on Fargate starts at 1 vCPU (ECS guide, Fargate task sizes).
  if (linuxOnly) return `${cpu} CPU units is a Linux-only Fargate size; Windows tasks take ${options}.`;
  return `${String(cpu)} CPU units is not a Fargate task size; valid sizes are ${options}.`;
}

/** "512, 1024 or 2048 MiB"; long regular runs as "8192 to 30720 MiB in steps of 1024". */
function describeMemory(list: readonly number[]): string {
  if (list.length > 4) {
    const step = list[1] - list[0];
    const regular = list.every((m, i) => i === 0 || m - list[i - 1] === step);
    if (regular) return `${list[0]} to ${list[list.length - 1]} MiB in steps of ${step}`;
  }
  return `${list.slice(0, -1).join(', ')}${list.length > 1 ? ' or ' : ''}${list[list.length - 1]} MiB`;
}

/**
 * The smallest valid size with at least the CPU and memory asked for (either may be unknown).
 * Memory is rounded up within the same CPU size first, then the next CPU size is tried, so a fix
 * changes as little as possible. Undefined when nothing is big enough or the input is nonsense.
 */
export function nearestFargateSize(cpu: number | undefined, memoryMiB: number | undefined, os: Os): FargateSize | undefined {
  if (cpu !== undefined && !Number.isFinite(cpu)) return undefined;
  if (memoryMiB !== undefined && !Number.isFinite(memoryMiB)) return undefined;
  for (const size of sizesFor(os)) {
    if (cpu !== undefined && size.cpu < cpu) continue;
    const memory = size.memoryMiB.find((m) => memoryMiB === undefined || m >= memoryMiB);
    if (memory !== undefined) return { cpu: size.cpu, memoryMiB: memory };
  }
  return undefined;
}

/** Lowest Linux platform version that offers this CPU size ('1.4.0' for 8 and 16 vCPU), if it has one. */
export function minLinuxPlatformForCpu(cpu: number): string | undefined {
  return FARGATE_TASK_SIZES.find((size) => size.cpu === cpu)?.minLinuxPlatformVersion;
}
