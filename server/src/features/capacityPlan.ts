import { fmt } from '../core/format';
import {
  capacityPlan,
  eniDensity,
  ipRequirements,
  type CapacityPlan,
  type IpRequirements,
  type LaunchKind,
  type EffectiveNetworkMode,
  type SubnetUse,
} from '../core';
import type { EcsDocument } from '../model/document';
import type { UnitKind } from '../model/types';
import { str } from '../model/values';
import { createReferences } from '../semantics/references';
import type { References } from '../semantics/references';
import type { Settings } from '../settings';
import { instanceTypesInPlay } from '../semantics/inPlay';
import { planSubject, type PlanSubject } from '../semantics/planSubject';
import { serviceSubnets } from '../semantics/subnets';
import type { Environment } from '../core/environment';
import type { BarChart, CapacityPlanView as ContractPlanView, Table } from '../../../shared/src/protocol';

/** The answer to the capacity plan request (shared/src/protocol.ts), with the server's figures. */
export type CapacityPlanView = ContractPlanView<CapacityFigures, UnitKind>;

export interface CapacityFigures {
  readonly networkMode: EffectiveNetworkMode | undefined;
  readonly launchType: LaunchKind | undefined;
  readonly tasks: number;
  readonly maximumPercent: number;
  readonly ipv4: Omit<IpRequirements, 'warnings' | 'errors' | 'perSubnet'>;
  readonly perSubnet: readonly SubnetUse[];
  /** One capacity plan per instance type from the settings (EC2 and awsvpc only). */
  readonly instanceTypes: readonly InstanceTypeFigures[];
}

export interface InstanceTypeFigures {
  readonly instanceType: string;
  readonly maxEnis: number;
  /** Tasks per instance from ENIs alone; null where ENIs do not limit the mode. */
  readonly withoutTrunking: number | null;
  readonly withTrunking: number | null;
  readonly byCpu: number | null;
  readonly byMemory: number | null;
  /** Tasks per instance under the trunking setting, after CPU and memory. */
  readonly effective: number;
  readonly instancesNeeded: number | null;
  readonly instancesDuringDeployment: number | null;
}

function instanceFigures(
  subject: PlanSubject,
  settings: Settings,
  env?: Environment,
): { figures: InstanceTypeFigures[]; warnings: string[]; source: string; trunking: boolean } {
  const figures: InstanceTypeFigures[] = [];
  const warnings: string[] = [];
  const service = subject.service?.unit.value;
  const inPlay = instanceTypesInPlay(settings, env, str(service?.cluster), str(service?.serviceName) ?? str(service?.service));
  if (subject.launchType !== 'EC2') return { figures, warnings, source: inPlay.source, trunking: inPlay.trunking };
  for (const name of inPlay.unknown) {
    warnings.push(`Instance type '${name}' from the ecsTaskNetworking.defaultInstanceTypes setting is not known; it is left out.`);
  }
  for (const type of inPlay.types) {
    if (subject.networkMode === 'awsvpc') {
      const result = capacityPlan({
        instanceType: type.name,
        trunking: inPlay.trunking,
        os: subject.os,
        tasks: subject.tasks,
        taskCpu: subject.task?.cpu,
        taskMemoryMiB: subject.task?.memoryMiB,
        // Subnet capacity is computed once, below, with the first instance type.
        maximumPercent: subject.maximumPercent,
      });
      if (!result.ok) {
        warnings.push(result.message);
        continue;
      }
      figures.push(fromPlan(result.plan));
      for (const w of result.plan.warnings) if (!warnings.includes(w)) warnings.push(w);
    } else {
      // bridge, host, none: tasks share the instance's ENI, so only CPU and memory limit them.
      const d = eniDensity({ type, os: subject.os, taskCpu: subject.task?.cpu, taskMemoryMiB: subject.task?.memoryMiB });
      const hostBound = subject.networkMode === 'host' && (subject.task?.portMappings.length ?? 0) > 0 ? 1 : null;
      const bounds = [d.byCpu, d.byMemory, hostBound].filter((b): b is number => b !== null);
      if (!bounds.length) continue;
      const effective = Math.min(...bounds);
      const per = (n: number) => (effective > 0 ? Math.ceil(n / effective) : null);
      figures.push({
        instanceType: type.name,
        maxEnis: type.maxEnis,
        withoutTrunking: null,
        withTrunking: null,
        byCpu: d.byCpu,
        byMemory: d.byMemory,
        effective,
        instancesNeeded: per(subject.tasks),
        instancesDuringDeployment: per(Math.max(subject.tasks, Math.floor((subject.tasks * subject.maximumPercent) / 100))),
      });
    }
  }
  return { figures, warnings, source: inPlay.source, trunking: inPlay.trunking };
}

function fromPlan(plan: CapacityPlan): InstanceTypeFigures {
  const t = plan.tasksPerInstance;
  return {
    instanceType: plan.instanceType,
    maxEnis: plan.instance.maxEnis,
    withoutTrunking: t.withoutTrunking,
    withTrunking: t.withTrunking,
    byCpu: t.byCpu,
    byMemory: t.byMemory,
    effective: t.effective,
    instancesNeeded: plan.instancesNeeded,
    instancesDuringDeployment: plan.instancesDuringDeployment,
  };
}

/**
 * A capacity plan for the service or task definition at `offset` (or the document's first), with
 * instance types and subnets from the environment file, else instance types from
 * `settings.defaultInstanceTypes` and subnets from the template's AWS::EC2::Subnet resources the
 * service names. Undefined when the document holds neither.
 */
export function capacityPlanFor(
  doc: EcsDocument,
  offset: number,
  settings: Settings,
  refs: References = createReferences(),
  env?: Environment,
): CapacityPlanView | undefined {
  const subject = planSubject(doc, offset, settings, refs);
  if (!subject) return undefined;
  const notes: string[] = [];
  const subnets = subject.service ? serviceSubnets(subject.service, refs, env) : undefined;
  const { figures, warnings, source, trunking } = instanceFigures(subject, settings, env);
  const first = figures[0];
  const trunked = trunking && subject.networkMode === 'awsvpc' && first?.withTrunking !== null && first?.withTrunking !== undefined;

  const req = ipRequirements({
    networkMode: subject.networkMode ?? 'bridge',
    launchType: subject.launchType ?? 'EC2',
    tasks: subject.tasks,
    maximumPercent: subject.maximumPercent,
    tasksPerInstance: first?.effective,
    trunking: trunked,
    subnets: subnets?.ipv4Inputs ?? [],
  });

  const name = subject.unit.logicalId ?? str(subject.unit.value.serviceName) ?? str(subject.unit.value.family) ?? str(subject.unit.value.service);
  const what = subject.unit.kind === 'service' ? 'service' : 'task definition';
  const title = `Capacity plan: ${what}${name ? ` ${name}` : ''}`;

  const facts: { label: string; value: string }[] = [
    { label: 'Network mode', value: subject.networkMode ?? 'not known' },
    { label: 'Launch type', value: `${subject.launchType ?? 'not known'}${subject.launchAssumed ? ' (assumed)' : ''}` },
    { label: 'Tasks', value: `${fmt(subject.tasks)}${subject.tasksAssumed ? ' (no desiredCount: one task)' : ''}` },
    { label: 'Deployment maximum', value: `${subject.maximumPercent}%` },
    { label: 'IPv4 per task', value: String(req.perTask) },
  ];
  if (req.perInstance) facts.push({ label: 'IPv4 per instance', value: `${req.perInstance}${trunked ? ' (primary + trunk ENI)' : ' (primary ENI)'}` });
  facts.push(
    { label: 'IPv4 steady state', value: fmt(req.needed) },
    { label: 'IPv4 at deployment peak', value: `${fmt(req.peakDuringDeployment)} (${fmt(req.peakTasksDuringDeployment)} tasks)` },
  );
  if (req.usable !== null) facts.push({ label: 'Usable IPv4 in the subnets', value: fmt(req.usable) });
  if (first)
    facts.push({
      label: `Instances (${first.instanceType})`,
      value: first.instancesNeeded === null ? 'no number is enough' : `${fmt(first.instancesNeeded)} (${fmt(first.instancesDuringDeployment ?? 0)} at peak)`,
    });

  const charts: BarChart[] = [];
  const tables: Table[] = [];
  if (req.perSubnet.length) {
    charts.push({
      title: 'IPv4 addresses per subnet (steady state, spread evenly over Availability Zones)',
      unit: 'IPv4 addresses',
      series: ['expected use'],
      bars: req.perSubnet.map((s) => ({ label: s.id ?? s.cidr, values: [s.expectedUse], limit: s.usableIpv4, limitLabel: 'usable' })),
    });
    tables.push({
      title: 'Subnets',
      columns: [
        { title: 'subnet' },
        { title: 'CIDR' },
        { title: 'AZ' },
        { title: 'usable', numeric: true },
        { title: 'expected use', numeric: true },
        { title: 'fits' },
      ],
      rows: req.perSubnet.map((s) => [s.id ?? '', s.cidr, s.az ?? '', fmt(s.usableIpv4), fmt(s.expectedUse), s.fits ? 'yes' : 'no']),
    });
    for (const s of req.perSubnet) {
      if (!s.fits) notes.push(`${s.id ?? s.cidr} is expected to hold ${fmt(s.expectedUse)} addresses but has ${fmt(s.usableIpv4)} usable.`);
    }
    if (subnets && subnets.ipv4Inputs.length < subnets.total)
      notes.push(
        `${subnets.total - subnets.ipv4Inputs.length} of the service's ${subnets.total} subnets are described neither in the environment file nor as AWS::EC2::Subnet resources of this template, and are not counted.`,
      );
  } else if (subject.networkMode === 'awsvpc') {
    charts.push({
      title: 'IPv4 addresses needed',
      unit: 'IPv4 addresses',
      series: ['addresses'],
      bars: [
        { label: 'steady state', values: [req.needed] },
        { label: `deployment peak (${subject.maximumPercent}%)`, values: [req.peakDuringDeployment] },
      ],
    });
    notes.push(
      'The subnets’ sizes are not known here: an environment file (ecs-network.json) or AWS::EC2::Subnet resources that the service names with Ref in this template give them.',
    );
  }

  if (figures.length) {
    const awsvpc = subject.networkMode === 'awsvpc';
    charts.push({
      title: `Tasks per instance${awsvpc ? '' : ` (${subject.networkMode ?? 'this'} mode: CPU and memory bound, not ENIs)`}`,
      unit: 'tasks',
      series: awsvpc ? ['without trunking', 'with trunking'] : ['tasks'],
      bars: figures.map((f) =>
        awsvpc
          ? { label: f.instanceType, values: [effectiveWithout(f), f.withTrunking === null ? 0 : Math.min(f.withTrunking, cpuMemBound(f))] }
          : { label: f.instanceType, values: [f.effective] },
      ),
    });
    const dash = (n: number | null) => (n === null ? '–' : fmt(n));
    tables.push({
      title: `Instance types (${source.replace(/`/g, '')})`,
      columns: [
        { title: 'instance type' },
        { title: 'ENIs', numeric: true },
        { title: 'awsvpc tasks', numeric: true },
        { title: 'with trunking', numeric: true },
        { title: 'by CPU', numeric: true },
        { title: 'by memory', numeric: true },
        { title: 'tasks per instance', numeric: true },
        { title: 'instances', numeric: true },
        { title: 'at peak', numeric: true },
      ],
      rows: figures.map((f) => [
        f.instanceType,
        fmt(f.maxEnis),
        dash(f.withoutTrunking),
        dash(f.withTrunking),
        dash(f.byCpu),
        dash(f.byMemory),
        fmt(f.effective),
        dash(f.instancesNeeded),
        dash(f.instancesDuringDeployment),
      ]),
    });
  } else if (subject.launchType === 'FARGATE') {
    notes.push('On Fargate every task has its own ENI and address; there are no instances to plan.');
  }

  notes.push(...warnings, ...req.warnings, ...req.errors);
  const { warnings: _w, errors: _e, perSubnet, ...ipv4 } = req;
  void _w;
  void _e;
  return {
    title,
    subject: { kind: subject.unit.kind, ...(name ? { name } : {}) },
    figures: {
      networkMode: subject.networkMode,
      launchType: subject.launchType,
      tasks: subject.tasks,
      maximumPercent: subject.maximumPercent,
      ipv4,
      perSubnet,
      instanceTypes: figures,
    },
    facts,
    charts,
    tables,
    notes: [...new Set(notes)],
  };
}

const cpuMemBound = (f: InstanceTypeFigures) => Math.min(f.byCpu ?? Infinity, f.byMemory ?? Infinity);
const effectiveWithout = (f: InstanceTypeFigures) => Math.min(f.withoutTrunking ?? 0, cpuMemBound(f));
