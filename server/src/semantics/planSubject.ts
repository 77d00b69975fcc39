import { DEFAULT_MAXIMUM_PERCENT } from '../core/ip';
import type { EffectiveNetworkMode, LaunchKind, Os } from '../core/kinds';
import type { EcsDocument, Unit } from '../model/document';
import { num, obj } from '../model/values';
import type { Settings } from '../settings';
import { taskFacts, type TaskFacts } from './facts';
import { createReferences, type References, type UnitRef } from './references';
import { serviceNetworkMode, type ServiceMode } from './service';

// What a capacity figure is computed for: a service and the task definition it runs, with the
// launch type and task count the documents give or, where they are silent, the assumption made
// (and said). The capacity plan view and the status bar summary read the same subject.

/** A service and the task definition it runs, as far as this document tells. */
export interface PlanSubject {
  readonly unit: Unit;
  readonly service?: UnitRef;
  readonly task?: TaskFacts;
  readonly tasks: number;
  readonly tasksAssumed: boolean;
  readonly maximumPercent: number;
  readonly networkMode: EffectiveNetworkMode | undefined;
  readonly launchType: LaunchKind | undefined;
  /** True when the launch type was not written and was inferred. */
  readonly launchAssumed: boolean;
  readonly os: Os;
}

/**
 * What to plan for: the service or task definition under the cursor, else the first service, else
 * the first task definition. A task definition in a template is planned through the service that
 * runs it, when there is one.
 */
export function planSubject(doc: EcsDocument, offset: number | undefined, settings: Settings, refs: References = createReferences()): PlanSubject | undefined {
  const plannable = (u: Unit | undefined) => (u && (u.kind === 'service' || u.kind === 'task-definition') ? u : undefined);
  const unit = plannable(offsetUnit(doc, offset)) ?? doc.units.find((u) => u.kind === 'service') ?? doc.units.find((u) => u.kind === 'task-definition');
  return unit ? subjectOf(doc, unit, settings, refs) : undefined;
}

/** The plan subject for one service or task definition unit of `doc`. */
export function subjectOf(doc: EcsDocument, unit: Unit, settings: Settings, refs: References = createReferences()): PlanSubject | undefined {
  if (unit.kind !== 'service' && unit.kind !== 'task-definition') return undefined;
  const self: UnitRef = { unit, uri: doc.uri, doc };

  let service: UnitRef | undefined;
  let task: TaskFacts | undefined;
  let served: ServiceMode | undefined;
  if (unit.kind === 'service') {
    service = self;
    served = serviceNetworkMode(self, refs);
    task = served.task?.facts;
  } else {
    task = taskFacts(unit);
    service = doc.units
      .filter((u) => u.kind === 'service')
      .map((u): UnitRef => ({ unit: u, uri: doc.uri, doc }))
      .find((s) => refs.taskDefinitionOf(s)?.unit === unit);
    if (service) served = serviceNetworkMode(service, refs);
  }
  const sFacts = served?.facts;

  const desired = service ? num(service.unit.value.desiredCount, service.unit.style) : undefined;
  const tasks = desired !== undefined && Number.isInteger(desired) && desired >= 0 ? desired : 1;
  const percent = service ? num(obj(service.unit.value.deploymentConfiguration)?.maximumPercent, service.unit.style) : undefined;

  let launchType: LaunchKind | undefined = sFacts?.launch;
  let launchAssumed = false;
  if (!launchType && task) {
    const compat = task.compatibilities ?? [];
    if (compat.includes('EC2') || (!task.fargate && compat.length === 0)) launchType = 'EC2';
    else if (task.fargate) launchType = 'FARGATE';
    else if (compat.includes('EXTERNAL')) launchType = 'EXTERNAL';
    launchAssumed = launchType !== undefined;
  }

  const networkMode: EffectiveNetworkMode | undefined = served ? served.mode : task?.effectiveMode;
  if (!launchType && networkMode === 'awsvpc') {
    launchType = 'FARGATE';
    launchAssumed = true;
  }

  return {
    unit,
    service,
    task,
    tasks,
    tasksAssumed: desired === undefined,
    maximumPercent: percent ?? DEFAULT_MAXIMUM_PERCENT,
    networkMode,
    launchType,
    launchAssumed,
    os: task?.os ?? settings.os,
  };
}

function offsetUnit(doc: EcsDocument, offset: number | undefined): Unit | undefined {
  const path = offset === undefined ? undefined : doc.pathAt(offset);
  return path ? doc.unitAt(path) : undefined;
}
