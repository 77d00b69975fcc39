import { clusterFor, type EnvCluster, type Environment } from '../core/environment';
import { simulatePlacement, type PlacementFailureReason, type PlacementResult } from '../core/placement';
import { num, str } from '../model/values';
import { serviceFacts, taskFacts } from './facts';
import type { References, UnitRef } from './references';

// How a service's desired tasks land on the EC2 capacity the environment file describes, simulated
// once the way ECS places them. The cluster-capacity rule and the desiredCount hover read this same
// answer, so the figures they quote agree.

/** What a task waits for, by the reason ECS gives for leaving it pending. */
export const RESOURCE_TEXT: Partial<Record<PlacementFailureReason, string>> = {
  'RESOURCE:ENI': 'free ENI slots',
  'RESOURCE:CPU': 'CPU',
  'RESOURCE:MEMORY': 'memory',
  'RESOURCE:PORTS': 'free host ports',
};

/** "2 stay pending with "RESOURCE:ENI" (out of free ENI slots)", one part per reason. */
export function pendingText(result: PlacementResult, fmt: (n: number) => string): string[] {
  return result.failures
    .filter((f) => f.tasks > 0 && RESOURCE_TEXT[f.reason])
    .map((f) => `${fmt(f.tasks)} stay pending with "${f.reason}" (out of ${RESOURCE_TEXT[f.reason]})`);
}

export interface ServicePlacement {
  readonly cluster: EnvCluster;
  readonly tasks: number;
  /** Container instances the environment file lists for the cluster. */
  readonly instances: number;
  /** "3 × c5.large in 2 AZs", for messages. */
  readonly instancesText: string;
  readonly trunking: boolean;
  readonly result: PlacementResult;
}

export function servicePlacement(service: UnitRef, refs: References, env: Environment | undefined): ServicePlacement | undefined {
  const { unit } = service;
  if (!env || serviceFacts(unit).launch !== 'EC2') return undefined;
  const tasks = num(unit.value.desiredCount, unit.style);
  const cluster = clusterFor(env, str(unit.value.cluster), str(unit.value.serviceName) ?? str(unit.value.service));
  const td = refs.taskDefinitionOf(service);
  if (tasks === undefined || tasks === 0 || !cluster || cluster.capacity.length === 0 || !td) return undefined;
  const task = taskFacts(td.unit);
  const mode = task.effectiveMode;
  if (!mode) return undefined;
  const hostPorts =
    mode === 'host'
      ? task.portMappings.map((m) => m.containerPort).filter((p): p is number => p !== undefined)
      : mode === 'bridge'
        ? task.portMappings.map((m) => m.hostPort).filter((p): p is number => p !== undefined && p !== 0)
        : [];
  const trunking = env.accountSettings.awsvpcTrunking === true;
  const result = simulatePlacement({
    capacity: cluster.capacity.map((c) => ({ ...c })),
    trunking,
    os: cluster.os,
    task: { count: tasks, cpu: task.cpu, memoryMiB: task.memoryMiB, networkMode: mode, hostPorts },
    strategy: 'spread',
  });
  const byType = new Map<string, number>();
  for (const c of cluster.capacity) byType.set(c.instanceType, (byType.get(c.instanceType) ?? 0) + c.count);
  const azs = new Set(cluster.capacity.map((c) => c.az)).size;
  const instancesText = `${[...byType].map(([type, n]) => `${n} × ${type}`).join(' + ')} in ${azs} AZ${azs === 1 ? '' : 's'}`;
  const instances = [...byType.values()].reduce((a, b) => a + b, 0);
  return { cluster, tasks, instances, instancesText, trunking, result };
}
