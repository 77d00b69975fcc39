import { declaredContainers, declaredSource } from '../semantics/containerList';
import { moduleFacts } from '../semantics/module';
import { fmt } from '../core/format';
import {
  eniDensity,
  fargateCpuOptions,
  fargateMemoryOptions,
  getInstanceType,
  instanceTypeDataNote,
  ipRequirements,
  ipv6Eligibility,
  parseSubnetCidr,
  type InstanceType,
  type Ipv6Eligibility,
  type Os,
} from '../core';
import { networkModeMarkdown } from '../core/networkModes';
import { hasTemplateToken, isIdPlaceholder } from '../core/placeholders';
import type { EcsDocument, Unit } from '../model/document';
import type { SyntaxNode } from '../model/syntax';
import type { Environment } from '../core/environment';
import { apiPathOf } from '../model/normalise';
import type { JsonPath, OffsetRange } from '../model/types';
import { bool, num, obj, str } from '../model/values';
import { serviceFacts, taskFacts, type TaskFacts } from '../semantics/facts';
import { createReferences } from '../semantics/references';
import type { References, UnitRef } from '../semantics/references';
import type { Settings } from '../settings';
import { awsvpcDensity, instanceTypesInPlay } from '../semantics/inPlay';
import { linkedTask, serviceNetworkMode } from '../semantics/service';
import { serviceSubnets } from '../semantics/subnets';
import { pendingText, servicePlacement } from '../semantics/placement';
import { accountObjectHover } from './hoverAccount';

/** Markdown for a hover and the text range it describes. Plain data: the server wraps it in an LSP Hover. */
export interface HoverContent {
  readonly markdown: string;
  readonly range: OffsetRange;
}

interface Place {
  readonly doc: EcsDocument;
  readonly unit: Unit;
  readonly self: UnitRef;
  readonly refs: References;
  readonly settings: Settings;
  readonly env?: Environment;
  /** Path relative to the unit in API spelling. */
  readonly apiPath: JsonPath;
  readonly node: SyntaxNode;
}

/**
 * What the cursor is on, answered with figures computed by the core: ENI density for network
 * modes and instance types, IPv4 needs against subnet capacity, IPv6 eligibility, and how a port
 * is reached in this network mode. Undefined where we have nothing better than the schema to say.
 */
export function hoverAt(
  doc: EcsDocument,
  offset: number,
  settings: Settings,
  refs: References = createReferences(),
  env?: Environment,
): HoverContent | undefined {
  const node = doc.syntaxNodeAt(offset);
  if (!node) return undefined;
  const path = node.path;
  const own = doc.unitAt(path);
  if (!own) return moduleInstanceHover(doc, node, offset, settings);
  // A container file read by a Terraform task definition is explained with that task's mode.
  const declared = declaredContainers({ unit: own, uri: doc.uri, doc }, refs);
  const unit = declared?.unit ?? own;
  const raw = path.slice(unit.basePath.length);
  const apiPath = unit.apiPathOf
    ? unit.apiPathOf(path)
    : own.kind === 'container-definitions'
      ? ['containerDefinitions', ...raw]
      : unit.style === 'cfn'
        ? apiPathOf(unit.kind, raw)
        : raw;
  if (!apiPath) return undefined;
  const place: Place = { doc, unit, self: { unit, uri: doc.uri, doc }, refs, settings, env, apiPath, node };
  const source = declared && `\n\nNetwork mode from ${declaredSource(declared)}.`;
  const range: OffsetRange = hoverRange(node);

  // An instance type named anywhere (placement constraint expressions, attributes): its figures.
  if (node.type === 'string' && typeof node.value === 'string') {
    const type = instanceTypeAt(node, offset);
    if (type) return { markdown: instanceTypeMarkdown(type, unit.kind === 'task-definition' ? taskFacts(unit) : undefined, settings.os), range };
  }

  const key = lastKey(apiPath);
  if (node.type === 'string' && typeof node.value === 'string' && isPlaceholderAt(node.value, key)) {
    return { markdown: placeholderMarkdown(node.value), range };
  }
  let markdown: string | undefined;
  if (unit.kind === 'task-definition') {
    if (key === 'networkMode' && apiPath.length === 1) markdown = networkModeHover(place);
    else if ((key === 'containerPort' || key === 'hostPort') && apiPath.includes('portMappings')) markdown = portMarkdown(place);
    else if ((key === 'cpu' || key === 'memory') && apiPath.length === 1) markdown = fargateSizeMarkdown(place, key);
  } else if (unit.kind === 'service') {
    if (key === 'taskDefinition' || key === 'targetGroupArn') markdown = accountObjectHover(place.self, refs, apiPath);
    else if (key === 'desiredCount' || key === 'maximumPercent' || key === 'subnets' || (apiPath.includes('subnets') && apiPath.length === 4)) {
      markdown = capacityMarkdown(place);
    } else if (key === 'platformVersion' || key === 'enableExecuteCommand') {
      markdown = ipv6Checklist(serviceIpv6(place), 'IPv6 eligibility of this service’s tasks');
    }
  }
  return markdown ? { markdown: source && unit.kind === 'task-definition' ? markdown + source : markdown, range } : undefined;
}

/** Where an id belongs, documentation stand-ins (`PRIVATE_SUBNET_ONE`, `sg-EXAMPLE`) are placeholders too. */
const ID_KEYS = new Set(['subnets', 'securityGroups', 'targetGroupArn', 'VpcId', 'vpcId', 'cluster', 'taskDefinition', 'executionRoleArn', 'taskRoleArn']);

function isPlaceholderAt(text: string, key: string | undefined): boolean {
  return key !== undefined && ID_KEYS.has(key) ? isIdPlaceholder(text) : hasTemplateToken(text);
}

function placeholderMarkdown(text: string): string {
  return `**Placeholder** \`${text.replace(/`/g, "'")}\`: a template value, filled in before the file reaches AWS. Checks that depend on it wait for the real value.`;
}

function lastKey(path: JsonPath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

function hoverRange(node: SyntaxNode): OffsetRange {
  return { offset: node.offset, length: node.length };
}

const INSTANCE_TOKEN = /[a-z][a-z0-9-]*\.[a-z0-9-]+/g;
/**
 * The longest string searched for instance types: ECS caps a placement constraint expression, the
 * longest place one is named, at 2,000 characters (PlacementConstraint.expression, ECS API reference).
 */
export const MAX_SEARCHED_STRING_LENGTH = 2000;

/** The instance type under the cursor inside a string such as `attribute:ecs.instance-type in [c5.large, m5.xlarge]`. */
/**
 * The instance type of a Terraform launch template or instance (the capacity the module's
 * services run on): its ENI density, as for an instance type named in a task definition.
 */
function moduleInstanceHover(doc: EcsDocument, node: SyntaxNode, offset: number, settings: Settings): HoverContent | undefined {
  const [mode, type, , attribute] = node.path;
  if (doc.syntax !== 'terraform' || mode !== 'resource' || node.path.length !== 4 || attribute !== 'instance_type') return undefined;
  if (type !== 'aws_launch_template' && type !== 'aws_instance') return undefined;
  if (node.type !== 'string' || typeof node.value !== 'string') return undefined;
  const instance = instanceTypeAt(node, offset);
  return instance && { markdown: instanceTypeMarkdown(instance, undefined, settings.os), range: hoverRange(node) };
}

function instanceTypeAt(node: SyntaxNode, offset: number): InstanceType | undefined {
  const text = node.value as string;
  if (node.contentOffset === undefined) return undefined;
  // INSTANCE_TOKEN backtracks on a long run of letters without a dot (quadratic: a 40,000-character
  // value took seconds), so only strings as long as a placement constraint expression are searched.
  if (text.length > MAX_SEARCHED_STRING_LENGTH) return undefined;
  const inner = offset - node.contentOffset;
  for (const m of text.matchAll(INSTANCE_TOKEN)) {
    const start = m.index ?? 0;
    if (inner >= start && inner <= start + m[0].length) return getInstanceType(m[0]);
  }
  return undefined;
}

function densityRow(type: InstanceType, os: Os, facts?: TaskFacts): string {
  const d = eniDensity({ type, os, taskCpu: facts?.cpu, taskMemoryMiB: facts?.memoryMiB });
  const trunked = d.withTrunking === null ? 'unknown' : String(d.withTrunking);
  const bound = (n: number | null) => (n === null ? '–' : String(n));
  const effective = `${d.effective.withoutTrunking}${d.effective.withTrunking !== null ? ` / ${d.effective.withTrunking}` : ''}`;
  return `| \`${type.name}\` | ${type.maxEnis} | ${d.withoutTrunking} | ${trunked} | ${bound(d.byCpu)} | ${bound(d.byMemory)} | ${effective} |`;
}

const DENSITY_HEADER = '| instance type | ENIs | awsvpc tasks | with trunking | by CPU | by memory | effective |\n|---|---:|---:|---:|---:|---:|---:|';

function instanceTypeMarkdown(type: InstanceType, facts: TaskFacts | undefined, defaultOs: Os): string {
  const os = facts?.os ?? defaultOs;
  const d = eniDensity({ type, os, taskCpu: facts?.cpu, taskMemoryMiB: facts?.memoryMiB });
  const lines = [
    `**${type.name}**: ${type.vcpu ?? '?'} vCPU, ${type.memoryMiB !== null ? fmt(type.memoryMiB) : '?'} MiB`,
    '',
    `- ENIs: ${type.maxEnis} (the primary ENI counts), ${type.ipv4PerEni ?? '?'} IPv4 addresses per ENI`,
    `- IPv6: ${type.ipv6Supported === null ? 'not known' : type.ipv6Supported ? `supported (${type.ipv6PerEni ?? '?'} per ENI)` : 'not supported'}`,
    `- awsvpc tasks per instance: **${d.withoutTrunking}** without trunking, **${d.withTrunking ?? 'unknown'}** with trunking${d.withTrunkingNote ? ` (${d.withTrunkingNote})` : ''}`,
  ];
  const dataNote = instanceTypeDataNote(type);
  if (dataNote) lines.push(`- ${dataNote}`);
  if (facts && (facts.cpu !== undefined || facts.memoryMiB !== undefined)) {
    lines.push(
      `- for this task (${facts.cpu ?? '?'} CPU units, ${facts.memoryMiB ?? '?'} MiB): by CPU ${d.byCpu ?? '–'}, by memory ${d.byMemory ?? '–'}; ` +
        `effective **${d.effective.withoutTrunking}**${d.effective.withTrunking !== null ? ` (**${d.effective.withTrunking}** with trunking)` : ''}, bound by ${d.binding.withoutTrunking === 'eni' ? 'ENIs' : d.binding.withoutTrunking}`,
    );
  }
  return lines.join('\n');
}

function networkModeHover(place: Place): string | undefined {
  const facts = taskFacts(place.unit);
  const mode = facts.effectiveMode;
  if (!mode) return undefined;
  const lines: string[] = [];
  if (mode === 'default') lines.push('**default (Windows NAT)**: the Windows default network mode; containers reach the network through NAT on the instance.');
  else lines.push(networkModeMarkdown(mode, facts.modeState === 'omitted' ? ' (networkMode left out: the Linux default)' : ''));
  if (mode === 'awsvpc') {
    const ec2Possible = !facts.fargate || (facts.compatibilities ?? []).some((c) => c !== 'FARGATE');
    if (ec2Possible) {
      const inPlay = instanceTypesInPlay(place.settings, place.env, undefined, undefined, moduleFacts(place.self, place.refs));
      if (inPlay.types.length) {
        lines.push('', `**ENI density on EC2** (${inPlay.source}):`, '', DENSITY_HEADER);
        for (const t of inPlay.types) lines.push(densityRow(t, facts.os ?? place.settings.os, facts));
        lines.push('', 'Each instance also uses one IPv4 address for its primary ENI, plus one for the trunk ENI with trunking.');
      }
    }
    if (facts.fargate) lines.push('', 'On Fargate every task has its own ENI; ENI limits and trunking do not apply.');
    lines.push(
      '',
      ipv6Checklist(
        ipv6Eligibility({ mode: 'dual-stack', launchType: onlyLaunchOf(facts), os: facts.os, networkMode: 'awsvpc' }),
        'IPv6 eligibility (dual-stack)',
      ),
    );
  }
  return lines.join('\n');
}

function portMarkdown(place: Place): string | undefined {
  const facts = taskFacts(place.unit);
  const mappingPath = place.apiPath.slice(0, place.apiPath.indexOf('portMappings') + 2);
  const mapping = facts.portMappings.find((m) => m.path.length === mappingPath.length && m.path.every((s, i) => s === mappingPath[i]));
  if (!mapping) return undefined;
  const port = mapping.containerPort;
  const p = port === undefined ? 'the container port' : String(port);
  const proto = mapping.protocol;
  switch (facts.effectiveMode) {
    case 'awsvpc':
      return `**awsvpc**: reached at the task’s own IP address, \`<task IP>:${p}/${proto}\`. There is no host port; \`hostPort\` must be left out or equal ${p}. Register the task in an \`ip\` target group on port ${p}.`;
    case 'host':
      return `**host**: the container binds \`<instance IP>:${p}/${proto}\` directly, so only one copy of this task fits on an instance. Register the instance in an \`instance\` target group.`;
    case 'bridge': {
      if (mapping.hostPort === undefined || mapping.hostPort === 0) {
        return `**bridge**, dynamic host port: Docker maps ${p}/${proto} to a free port from the instance’s ephemeral range, so several copies fit on one instance. Load balancers learn the port when ECS registers the task (\`instance\` target group).`;
      }
      return `**bridge**, static host port: reached at \`<instance IP>:${mapping.hostPort}/${proto}\` and forwarded to ${p}; only one copy of the task per instance can hold that host port.`;
    }
    case 'none':
      return '**none**: the task has no network; this port cannot be reached.';
    case 'default':
      return `**Windows default (NAT)**: reached through the instance, \`<instance IP>:${mapping.hostPort ?? p}\`.`;
    default:
      return undefined;
  }
}

function fargateSizeMarkdown(place: Place, key: 'cpu' | 'memory'): string | undefined {
  const facts = taskFacts(place.unit);
  if (!facts.fargate) return undefined;
  const os: Os = facts.os === 'windows' ? 'windows' : 'linux';
  if (key === 'cpu') {
    return `**Fargate CPU sizes** (${os}): ${fargateCpuOptions(os)
      .map((c) => `${c} (${c / 1024} vCPU)`)
      .join(', ')}.`;
  }
  if (facts.cpu === undefined) return undefined;
  const options = fargateMemoryOptions(facts.cpu, os);
  if (!options.length) return `${facts.cpu} CPU units is not a Fargate size for ${os}.`;
  return `**Fargate memory with ${facts.cpu} CPU units** (${os}): ${options.map(fmt).join(', ')} MiB.`;
}

function capacityMarkdown(place: Place): string | undefined {
  const v = place.unit.value;
  const tasks = num(v.desiredCount, place.unit.style);
  if (tasks === undefined) return typeof v.desiredCount === 'string' && hasTemplateToken(v.desiredCount) ? placeholderMarkdown(v.desiredCount) : undefined;
  const maximumPercent = num(obj(v.deploymentConfiguration)?.maximumPercent, place.unit.style);
  const served = serviceNetworkMode(place.self, place.refs);
  const { facts } = served;
  const task = served.task?.facts;
  if (served.mode !== 'awsvpc')
    return `**${fmt(tasks)} tasks** in ${served.mode ?? 'a non-awsvpc'} mode use the instances’ addresses, not addresses of their own.`;
  const launch = facts.launch ?? 'FARGATE';
  const inPlay = instanceTypesInPlay(place.settings, place.env, str(v.cluster), str(v.serviceName) ?? str(v.service), moduleFacts(place.self, place.refs));
  const type = launch === 'EC2' ? inPlay.types[0] : undefined;
  const density = type ? awsvpcDensity(type, task?.os ?? place.settings.os, task, inPlay.trunking) : undefined;
  const trunked = density?.trunked ?? false;
  const perInstance = density?.tasksPerInstance;
  const subnets = serviceSubnets(place.self, place.refs, place.env);
  const bad = subnets.ipv4Inputs.map((s) => parseSubnetCidr(s.cidr)).find((r) => !r.ok);
  // The cluster's real instances when the environment file lists them (the same simulation as cluster-capacity).
  const placement = launch === 'EC2' ? servicePlacement(place.self, place.refs, place.env) : undefined;
  const req = ipRequirements({
    networkMode: 'awsvpc',
    launchType: launch,
    tasks,
    maximumPercent,
    instances: placement?.instances,
    tasksPerInstance: perInstance,
    trunking: trunked,
    subnets: bad ? [] : subnets.ipv4Inputs,
  });
  const lines = [
    `**IPv4 addresses for ${fmt(tasks)} awsvpc tasks** (${launch === 'EC2' ? 'EC2' : 'Fargate'}${facts.launch ? '' : ', launch type not set: Fargate assumed'})`,
    '',
    `- steady state: **${fmt(req.needed)}** (${req.perTask} per task${req.instancesNeeded !== null && req.perInstance ? ` + ${req.perInstance} per instance × ${placement ? `the ${fmt(req.instancesNeeded)} instances of cluster ${placement.cluster.name}` : `${fmt(req.instancesNeeded)} ${type?.name ?? ''} instances`}${trunked ? ', trunking on' : ''}` : ''})`,
    `- during a deployment at ${maximumPercent ?? 200}%: **${fmt(req.peakDuringDeployment)}** (${fmt(req.peakTasksDuringDeployment)} tasks)`,
  ];
  if (placement) {
    const pending = pendingText(placement.result, fmt);
    lines.push(
      `- cluster ${placement.cluster.name} (${placement.instancesText}${placement.trunking ? ', trunking on' : ''}): ` +
        (pending.length ? `only ${fmt(placement.result.placed)} of ${fmt(tasks)} tasks fit; ${pending.join('; ')}` : `all ${fmt(tasks)} tasks fit`),
    );
  } else if (type) lines.push(`- EC2 figures use \`${type.name}\` (${inPlay.source})`);
  if (bad && !bad.ok) lines.push('', `Subnet capacity not computed: ${bad.message}`);
  else if (req.perSubnet.length) {
    lines.push('', '| subnet | CIDR | usable | expected use | fits |', '|---|---|---:|---:|---|');
    for (const s of req.perSubnet) lines.push(`| ${s.id ?? ''} | ${s.cidr} | ${fmt(s.usableIpv4)} | ${fmt(s.expectedUse)} | ${s.fits ? 'yes' : '**no**'} |`);
    lines.push(
      '',
      `Usable in all ${req.perSubnet.length} subnets: **${fmt(req.usable ?? 0)}**; the deployment peak ${req.usable !== null && req.peakDuringDeployment <= req.usable ? 'fits' : '**does not fit**'}.`,
    );
    if (subnets.ipv4Inputs.length < subnets.total)
      lines.push(`(${subnets.total - subnets.ipv4Inputs.length} of the subnets are not described here and are not counted.)`);
  } else {
    lines.push(
      '',
      'The subnets’ sizes are not known here (an ecs-network.json environment file or AWS::EC2::Subnet resources in this template give them). Each AWS subnet loses 5 addresses: a /24 has 251 usable, a /20 has 4,091.',
    );
  }
  return lines.join('\n');
}

function serviceIpv6(place: Place): Ipv6Eligibility {
  const facts = serviceFacts(place.unit);
  const task = linkedTask(place.self, place.refs)?.facts;
  const subnets = serviceSubnets(place.self, place.refs, place.env);
  return ipv6Eligibility({
    mode: 'dual-stack',
    launchType: facts.launch ?? (task && onlyLaunchOf(task)),
    os: task?.os,
    networkMode: task?.effectiveMode,
    platformVersion: str(place.unit.value.platformVersion),
    subnetHasIpv6Cidr: subnets.ipv6,
    enableExecuteCommand: bool(place.unit.value.enableExecuteCommand, place.unit.style),
    dualStackIPv6Setting: place.env?.accountSettings.dualStackIPv6 ?? moduleFacts(place.self, place.refs).dualStackIPv6,
  });
}

/**
 * The one launch type a task definition allows, so the IPv6 checklist leaves out the rows of the
 * others (no Fargate platform row for an EC2-only task, no agent row for a Fargate-only one).
 * Without `requiresCompatibilities` a task definition is EC2 only.
 */
function onlyLaunchOf(facts: TaskFacts): 'FARGATE' | 'EC2' | 'EXTERNAL' | undefined {
  const list = facts.compatibilities;
  if (!list) return undefined;
  if (list.length === 0) return 'EC2';
  const kinds = new Set(list);
  if (kinds.size !== 1) return undefined;
  const only = list[0];
  return only === 'FARGATE' || only === 'EC2' || only === 'EXTERNAL' ? only : undefined;
}

const STATUS_MARK: Readonly<Record<string, string>> = { met: '✅', unmet: '❌', unknown: '❔' };

function ipv6Checklist(result: Ipv6Eligibility, title: string): string {
  const verdict = result.eligible === true ? 'eligible' : result.eligible === false ? '**not eligible**' : 'not known yet';
  const rows = result.checks.filter((c) => c.status !== 'n/a').map((c) => `- ${STATUS_MARK[c.status]} ${c.label}: ${c.reason}`);
  return [`**${title}**: ${verdict}`, '', ...rows].join('\n');
}
