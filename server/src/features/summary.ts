import { declaredContainers, declaredSource } from '../semantics/containerList';
import { fmt } from '../core/format';
import { eniDensity, ipRequirements } from '../core';
import type { EcsDocument, Unit } from '../model/document';
import type { DocumentKind } from '../model/types';
import { arr, num, str } from '../model/values';
import { taskFacts } from '../semantics/facts';
import { createReferences } from '../semantics/references';
import type { References } from '../semantics/references';
import type { Settings } from '../settings';
import type { Environment } from '../core/environment';
import { awsvpcDensity, instanceTypesInPlay } from '../semantics/inPlay';
import type { DocumentSummary as ContractSummary } from '../../../shared/src/protocol';
import { subjectOf } from '../semantics/planSubject';

/** The answer to the summary request (shared/src/protocol.ts). */
export type DocumentSummary = ContractSummary<Exclude<DocumentKind, 'unknown'>>;

const LABELS: Readonly<Record<Exclude<DocumentKind, 'unknown'>, string>> = {
  'task-definition': 'Task definition',
  'container-definitions': 'Container definitions',
  service: 'Service',
  'target-group': 'Target group',
  cloudformation: 'CloudFormation',
  terraform: 'Terraform',
  environment: 'Environment file',
};

const plural = (n: number, one: string, many = `${one}s`) => `${fmt(n)} ${n === 1 ? one : many}`;

/**
 * A one-line summary of an ECS document, e.g. `awsvpc · 2 tasks/c5.large (10 with trunking)`.
 * Null for documents that are not ECS documents, so the client hides its status bar item.
 */
export function summaryFor(doc: EcsDocument, settings: Settings, refs: References = createReferences(), env?: Environment): DocumentSummary | null {
  if (doc.kind === 'unknown' || doc.units.length === 0) return null;
  const lines = doc.units.map((u) => `${u.logicalId ? `${u.logicalId} (${LABELS[u.kind]})` : LABELS[u.kind]}: ${unitSummary(doc, u, settings, refs, env)}`);
  let text: string;
  if (doc.kind === 'cloudformation' || doc.kind === 'terraform') {
    const count = (kind: Unit['kind']) => doc.units.filter((u) => u.kind === kind).length;
    const parts = [
      [count('task-definition'), 'task definition'],
      [count('service'), 'service'],
      [count('target-group'), 'target group'],
    ] as const;
    text = parts
      .filter(([n]) => n > 0)
      .map(([n, one]) => plural(n, one))
      .join(', ');
  } else {
    text = unitSummary(doc, doc.units[0], settings, refs, env);
  }
  return { kind: doc.kind, label: LABELS[doc.kind], text, tooltip: lines.join('\n') };
}

function unitSummary(doc: EcsDocument, unit: Unit, settings: Settings, refs: References, env: Environment | undefined): string {
  switch (unit.kind) {
    case 'task-definition':
      return taskSummary(unit, settings, env);
    case 'container-definitions':
      return containerListSummary(doc, unit, refs);
    case 'service':
      return serviceSummary(doc, unit, settings, refs, env);
    case 'target-group':
      return targetGroupSummary(unit);
    case 'environment':
      return environmentSummary(unit);
  }
}

function taskSummary(unit: Unit, settings: Settings, env: Environment | undefined): string {
  const facts = taskFacts(unit);
  const mode = facts.effectiveMode;
  if (mode === undefined) return `network mode not known · ${plural(facts.containers.length, 'container')}`;
  if (mode === 'default') return `default (Windows NAT) · ${plural(facts.containers.length, 'container')}`;
  if (mode !== 'awsvpc') {
    return `${mode} · ${plural(facts.containers.length, 'container')}, ${plural(facts.portMappings.length, 'port mapping')}`;
  }
  const compat = facts.compatibilities ?? [];
  const fargateOnly = facts.fargate && !compat.some((c) => c !== 'FARGATE');
  if (fargateOnly) {
    const size = facts.cpu !== undefined && facts.memoryMiB !== undefined ? ` · ${facts.cpu / 1024} vCPU, ${fmt(facts.memoryMiB)} MiB` : '';
    return `awsvpc · Fargate${size}`;
  }
  const type = instanceTypesInPlay(settings, env).types[0];
  if (!type) return 'awsvpc';
  const d = eniDensity({ type, os: facts.os ?? settings.os, taskCpu: facts.cpu, taskMemoryMiB: facts.memoryMiB });
  const trunked = d.effective.withTrunking === null ? 'trunking: unknown' : `${d.effective.withTrunking} with trunking`;
  return `awsvpc · ${d.effective.withoutTrunking} ${d.effective.withoutTrunking === 1 ? 'task' : 'tasks'}/${type.name} (${trunked})`;
}

function serviceSummary(doc: EcsDocument, unit: Unit, settings: Settings, refs: References, env: Environment | undefined): string {
  const subject = subjectOf(doc, unit, settings, refs);
  const desired = num(unit.value.desiredCount, unit.style);
  const tasks = desired === undefined ? 'desiredCount not set' : plural(desired, 'task');
  const launch = subject?.launchType && !subject.launchAssumed ? ` on ${subject.launchType}` : '';
  const mode = subject?.networkMode;
  if (!subject || mode === undefined) return `${tasks}${launch}`;
  if (mode !== 'awsvpc' || desired === undefined) return `${mode} · ${tasks}${launch}`;
  const inPlay = instanceTypesInPlay(settings, env, str(unit.value.cluster), str(unit.value.serviceName) ?? str(unit.value.service));
  const type = subject.launchType === 'EC2' ? inPlay.types[0] : undefined;
  const density = type ? awsvpcDensity(type, subject.os, subject.task, inPlay.trunking) : undefined;
  const req = ipRequirements({
    networkMode: 'awsvpc',
    launchType: subject.launchType ?? 'FARGATE',
    tasks: subject.tasks,
    maximumPercent: subject.maximumPercent,
    tasksPerInstance: density?.tasksPerInstance,
    trunking: density?.trunked ?? false,
  });
  return `awsvpc · ${tasks}${launch} · ${fmt(req.needed)} IPv4 (${fmt(req.peakDuringDeployment)} at deployment peak)`;
}

function targetGroupSummary(unit: Unit): string {
  const v = unit.value;
  const type = str(v.TargetType) ?? 'instance';
  const protocol = str(v.Protocol);
  const port = num(v.Port, unit.style);
  const listener = protocol || port !== undefined ? ` · ${protocol ?? '?'}:${port ?? '?'}` : '';
  return `${type} targets${listener}`;
}

function environmentSummary(unit: Unit): string {
  const v = unit.value;
  return `${plural(arr(v.subnets)?.length ?? 0, 'subnet')}, ${plural(arr(v.clusters)?.length ?? 0, 'cluster')}`;
}

/** The mode is not in a bare container list (the task definition reading the file sets it). */
function containerListSummary(doc: EcsDocument, unit: Unit, refs: References): string {
  const count = arr(unit.value.containerDefinitions)?.length ?? 0;
  const declared = declaredContainers({ unit, uri: doc.uri, doc }, refs);
  if (!declared) return `${plural(count, 'container')} · network mode set by the task definition that reads this file`;
  const mode = taskFacts(declared.unit).effectiveMode;
  return `${plural(count, 'container')} · ${mode ?? 'network mode not known'}, from ${declaredSource(declared)}`;
}
