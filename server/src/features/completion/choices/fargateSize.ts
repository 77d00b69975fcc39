import { CompletionItemKind } from 'vscode-languageserver';
import { fargateCpuOptions, fargateMemoryOptions, type Os } from '../../../core';
import { taskFacts, type TaskFacts } from '../../../semantics/facts';
import type { CompletionContext } from '../context';
import { choiceList, type Choice } from '../items';
import { pathIs, type ValueProvider } from '../providers/registry';

// Fargate task sizes: the cpu values, and the memory values valid with the chosen cpu. Re-derives
// the Fargate size rule from the same core table. Offered only for Fargate tasks.

const vcpu = (cpu: number) => `${cpu / 1024} vCPU`;
const gb = (memoryMiB: number) => `${memoryMiB / 1024} GB`;
const osOf = (facts: TaskFacts): Os => (facts.os === 'windows' ? 'windows' : 'linux');

export function fargateCpuChoices(ctx: CompletionContext): Choice[] {
  const os = osOf(taskFacts(ctx.unit));
  return fargateCpuOptions(os).map((cpu): Choice => {
    const memory = fargateMemoryOptions(cpu, os);
    const range = memory.length ? `${gb(memory[0])} to ${gb(memory[memory.length - 1])}` : 'none';
    const needsPlatform = cpu >= 8192 ? ' Needs Linux platform version 1.4.0 or later.' : '';
    return {
      value: String(cpu),
      detail: vcpu(cpu),
      documentation: `${cpu} CPU units = ${vcpu(cpu)} on Fargate (${os === 'windows' ? 'Windows' : 'Linux'}). Memory with this size: ${range}.${needsPlatform}`,
      kind: CompletionItemKind.Value,
    };
  });
}

export function fargateMemoryChoices(ctx: CompletionContext): Choice[] {
  const facts = taskFacts(ctx.unit);
  const os = osOf(facts);
  const cpu = facts.cpu;
  const forCpu = cpu !== undefined ? fargateMemoryOptions(cpu, os) : [];
  if (cpu !== undefined && forCpu.length) {
    return forCpu.map((memory) => ({
      value: String(memory),
      detail: gb(memory),
      documentation: `${memory} MiB = ${gb(memory)}, valid with cpu ${cpu} (${vcpu(cpu)}) on Fargate.`,
      kind: CompletionItemKind.Value,
    }));
  }
  // CPU not chosen yet (or not a Fargate size): every memory size, with the CPU sizes it fits.
  const fits = new Map<number, number[]>();
  for (const option of fargateCpuOptions(os)) {
    for (const memory of fargateMemoryOptions(option, os)) fits.set(memory, [...(fits.get(memory) ?? []), option]);
  }
  return [...fits.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([memory, cpus]) => ({
      value: String(memory),
      detail: `${gb(memory)} · with cpu ${cpus.join(', ')}`,
      documentation: `${memory} MiB = ${gb(memory)}. Fargate accepts it with cpu ${cpus.map((c) => `${c} (${vcpu(c)})`).join(', ')}.`,
      kind: CompletionItemKind.Value,
    }));
}

/** Whether the task's cpu and memory get Fargate sizes (also decides the property snippet's suggest command). */
export function offersFargateSizes(ctx: CompletionContext): boolean {
  return ctx.unit.kind === 'task-definition' && taskFacts(ctx.unit).fargate;
}

export const fargateSizeProviders: readonly ValueProvider[] = [
  {
    id: 'fargate-cpu',
    kinds: ['task-definition'],
    matches: pathIs('cpu'),
    provide: (ctx) => (offersFargateSizes(ctx) ? choiceList(ctx, fargateCpuChoices(ctx)) : undefined),
  },
  {
    id: 'fargate-memory',
    kinds: ['task-definition'],
    matches: pathIs('memory'),
    provide: (ctx) => (offersFargateSizes(ctx) ? choiceList(ctx, fargateMemoryChoices(ctx)) : undefined),
  },
];
