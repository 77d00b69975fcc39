import type { Unit } from '../model/document';
import type { JsonPath } from '../model/types';
import type { References, UnitRef } from './references';

// A bare container-definitions file (Terraform's `file("containers.json")`) does not say its network
// mode or launch type: the `aws_ecs_task_definition` that reads it does. When the workspace shows
// that task definition, the file's containers are checked as part of it: the task's settings as
// Terraform holds them (a computed value stays unknown), the containers as the file has them.

/** Paths outside the container list belong to the Terraform file: findings there are not this file's. */
export const ELSEWHERE = '\u0000elsewhere';

export interface DeclaredContainers {
  /** The containers as part of their task definition; findings outside `containerDefinitions` do not apply to the file. */
  readonly unit: Unit;
  /** The task definition that reads the file, in its own document. */
  readonly task: UnitRef;
}

const cache = new WeakMap<Unit, { task: UnitRef; declared: DeclaredContainers }>();

/** The container list as part of the task definition that reads it; undefined when none is known. */
export function declaredContainers(list: UnitRef, refs: References): DeclaredContainers | undefined {
  if (list.unit.kind !== 'container-definitions') return undefined;
  const task = refs.declaringTaskOf(list);
  if (!task) return undefined;
  const cached = cache.get(list.unit);
  if (cached && cached.task.unit === task.unit) return cached.declared;
  const own = list.unit;
  const toDocPath = (p: JsonPath): JsonPath => (p[0] === 'containerDefinitions' ? own.toDocPath(p) : [ELSEWHERE, ...p]);
  const unit: Unit = {
    ...own,
    kind: 'task-definition',
    value: { ...task.unit.value, containerDefinitions: own.value.containerDefinitions },
    rootRequiredElsewhere: true,
    declaredBy: task.unit.logicalId ?? 'a task definition',
    toDocPath,
    fromRaw: toDocPath,
  };
  const declared = { unit, task };
  cache.set(own, { task, declared });
  return declared;
}

/** Whether a finding's path (a document path) lies in the container file rather than the task definition. */
export function inContainerFile(path: JsonPath): boolean {
  return path[0] !== ELSEWHERE;
}

/** Where a declared container list takes its mode from, in words: `aws_ecs_task_definition.app in ecs.tf`. */
export function declaredSource(declared: DeclaredContainers): string {
  const file = decodeURIComponent(declared.task.uri.slice(declared.task.uri.lastIndexOf('/') + 1));
  return `${declared.unit.declaredBy ?? 'the task definition'} in ${file}`;
}
