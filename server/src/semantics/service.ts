import type { EffectiveNetworkMode } from '../core/kinds';
import { serviceFacts, taskFacts, type ServiceFacts, type TaskFacts } from './facts';
import type { References, UnitRef } from './references';

// What a service means once its task definition is found: the mode its tasks run in and how we
// know it. Rules, hovers, the capacity plan and the status bar all ask here, so "does this service
// run awsvpc" has one answer.

export interface LinkedTask {
  readonly ref: UnitRef;
  readonly facts: TaskFacts;
}

/** The service's task definition (same template, workspace), with its facts. */
export function linkedTask(service: UnitRef, refs: References): LinkedTask | undefined {
  const ref = refs.taskDefinitionOf(service);
  return ref ? { ref, facts: taskFacts(ref.unit) } : undefined;
}

/**
 * `task-definition`: the linked task definition says so. `fargate`: the service runs on Fargate,
 * which runs nothing but awsvpc. `network-configuration`: the task definition is out of sight (or
 * its mode unreadable) and the service configures task ENIs, so awsvpc is the likely reading.
 */
export type ModeSource = 'task-definition' | 'fargate' | 'network-configuration';

export interface ServiceMode {
  readonly mode?: EffectiveNetworkMode;
  readonly source?: ModeSource;
  /** Pinned down by the documents, so fit to report errors on; an inference serves figures only. */
  readonly certain: boolean;
  readonly task?: LinkedTask;
  readonly facts: ServiceFacts;
}

export function serviceNetworkMode(service: UnitRef, refs: References): ServiceMode {
  const facts = serviceFacts(service.unit);
  const task = linkedTask(service, refs);
  const taskMode = task?.facts.effectiveMode;
  if (taskMode === 'awsvpc') return { mode: 'awsvpc', source: 'task-definition', certain: true, task, facts };
  if (facts.launch === 'FARGATE') return { mode: 'awsvpc', source: 'fargate', certain: true, task, facts };
  if (taskMode) return { mode: taskMode, source: 'task-definition', certain: true, task, facts };
  if (facts.hasNetworkConfiguration) return { mode: 'awsvpc', source: 'network-configuration', certain: false, task, facts };
  return { certain: false, task, facts };
}

/** The service's tasks certainly run in awsvpc mode. */
export function runsAwsvpc(mode: ServiceMode): boolean {
  return mode.certain && mode.mode === 'awsvpc';
}

/** ECS will run the task definition in a mode other than awsvpc: written so, or left out (bridge). */
export function definitelyNotAwsvpc(facts: TaskFacts): boolean {
  return facts.modeState === 'omitted' || (facts.modeState === 'explicit' && facts.explicitMode !== 'awsvpc');
}

/** Where the service's launch kind comes from, in words: "launch type EC2", "capacity provider `prod-asg` (EC2)". */
export function launchDescription(facts: ServiceFacts): string | undefined {
  if (!facts.launch) return undefined;
  if (facts.launchVia !== 'capacityProviderStrategy' || !facts.providers?.length) return `launch type ${facts.launch}`;
  const names = facts.providers.map((n) => `\`${n}\``).join(', ');
  return `capacity provider${facts.providers.length === 1 ? '' : 's'} ${names} (${facts.launch})`;
}
