/**
 * `ecs-net plan`: capacity and IPv4 planning for an awsvpc service on EC2, as a table or JSON.
 * All output goes through `out`, and the exit code is returned, so the CLI entry point and tests
 * drive it the same way.
 */
import { capacityPlan, type CapacityPlan, type CapacityPlanInput } from '../core/plan';
import { parseTaskCpu, parseTaskMemoryMiB } from '../core/fargate';
import { fmt } from '../core/format';
import { parseCommand, reportUsageError, UsageError, type OptionValues } from './args';
import type { Output } from './output';
import { PLAN_USAGE } from './usage';

// Exit codes: 0 success, 1 internal error, 2 bad usage or input (unknown instance type, bad CIDR).
const EXIT_OK = 0;
const EXIT_INTERNAL = 1;

const PLAN_OPTIONS = {
  'instance-type': { type: 'string' },
  trunking: { type: 'boolean' },
  tasks: { type: 'string' },
  'task-cpu': { type: 'string' },
  'task-memory': { type: 'string' },
  // May be repeated, each a comma-separated list; for the other options the last one wins.
  subnets: { type: 'string', multiple: true },
  'max-percent': { type: 'string' },
  os: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

type PlanValues = OptionValues<typeof PLAN_OPTIONS>;

export function runPlan(argv: readonly string[], out: Output): number {
  try {
    const parsed = parseCommand(argv[0] === 'plan' ? argv.slice(1) : argv, PLAN_OPTIONS, false);
    if (parsed.help) {
      out.stdout(PLAN_USAGE);
      return EXIT_OK;
    }
    const result = capacityPlan(toPlanInput(parsed.values));
    if (!result.ok) return reportUsageError(out, 'plan', result.message);
    out.stdout(parsed.values.json ? JSON.stringify(result.plan, null, 2) : formatPlan(result.plan));
    return EXIT_OK;
  } catch (err) {
    if (err instanceof UsageError) return reportUsageError(out, 'plan', err.message);
    out.stderr(`ecs-net plan: internal error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_INTERNAL;
  }
}

function toPlanInput(values: PlanValues): CapacityPlanInput {
  const instanceType = values['instance-type'];
  if (instanceType === undefined) throw new UsageError('--instance-type is required, e.g. --instance-type c5.large');
  const input: CapacityPlanInput = { instanceType, trunking: values.trunking === true };
  if (values.tasks !== undefined) input.tasks = wholeNumber(values.tasks, '--tasks');
  if (values['task-cpu'] !== undefined) {
    input.taskCpu = parseTaskCpu(values['task-cpu']) ?? invalid('--task-cpu', values['task-cpu'], 'CPU units such as 256, or "0.25 vCPU"');
  }
  if (values['task-memory'] !== undefined) {
    input.taskMemoryMiB = parseTaskMemoryMiB(values['task-memory']) ?? invalid('--task-memory', values['task-memory'], 'MiB such as 512, or "0.5GB"');
  }
  if (values['max-percent'] !== undefined) input.maximumPercent = wholeNumber(values['max-percent'], '--max-percent');
  if (values.os !== undefined) {
    if (values.os !== 'linux' && values.os !== 'windows') invalid('--os', values.os, 'linux or windows');
    input.os = values.os;
  }
  const subnets = (values.subnets ?? []).flatMap((list) =>
    list
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
  );
  if (subnets.length) input.subnets = subnets;
  return input;
}

function wholeNumber(text: string, option: string): number {
  if (!/^\d+$/.test(text.trim())) invalid(option, text, 'a whole number');
  return Number(text.trim());
}

function invalid(option: string, value: string, expected: string): never {
  throw new UsageError(`${option} '${value}' is not valid; expected ${expected}`);
}

// ---------------------------------------------------------------- text output

function orDash(n: number | null): string {
  return n === null ? '-' : fmt(n);
}

function yesNo(value: boolean | null): string {
  return value === null ? '-' : value ? 'yes' : 'NO';
}

type Row = readonly [label: string, value: string, note?: string];
type Section = { title: string; rows: readonly Row[] };

/** Every section shares one label width and one right-aligned value column, so the figures line up. */
function renderSections(sections: readonly Section[]): string[] {
  const all = sections.flatMap((s) => s.rows);
  const labelWidth = Math.max(...all.map(([label]) => label.length));
  const valueWidth = Math.max(...all.map(([, value]) => value.length));
  const lines: string[] = [];
  for (const section of sections) {
    lines.push('', section.title);
    for (const [label, value, note] of section.rows) {
      lines.push(`  ${label.padEnd(labelWidth)}  ${value.padStart(valueWidth)}${note ? `  ${note}` : ''}`);
    }
  }
  return lines;
}

const BOUND_LABEL = { eni: 'ENIs', cpu: 'CPU', memory: 'memory' } as const;

export function formatPlan(plan: CapacityPlan): string {
  const tpi = plan.tasksPerInstance;
  const osName = plan.os === 'windows' ? 'Windows' : 'Linux';
  const lines = [
    `Capacity plan: ${fmt(plan.tasks)} awsvpc ${plan.tasks === 1 ? 'task' : 'tasks'} on ${plan.instanceType} ` +
      `(${osName}, ENI trunking ${plan.trunking ? 'on' : 'off'})`,
    ...renderSections([
      {
        title: 'Tasks per instance',
        rows: [
          ['without trunking (ENIs)', fmt(tpi.withoutTrunking)],
          ['with trunking (ENIs)', orDash(tpi.withTrunking), tpi.withTrunking === null ? 'not known or not available' : undefined],
          ['by CPU', orDash(tpi.byCpu), plan.taskCpu === null ? 'task CPU not set' : `${fmt(plan.taskCpu)} CPU units per task`],
          ['by memory', orDash(tpi.byMemory), plan.taskMemoryMiB === null ? 'task memory not set' : `${fmt(plan.taskMemoryMiB)} MiB per task, upper bound`],
          ['effective', fmt(tpi.effective), `bound by ${BOUND_LABEL[tpi.binding]}`],
        ],
      },
      {
        title: 'Instances',
        rows: [
          ['needed', orDash(plan.instancesNeeded)],
          ['during deployment', orDash(plan.instancesDuringDeployment), `${fmt(plan.ipv4.peakTasksDuringDeployment)} tasks at ${plan.maximumPercent}%`],
        ],
      },
      {
        title: 'IPv4 addresses',
        rows: [
          ['per task', fmt(plan.ipv4.perTask)],
          ['per instance', fmt(plan.ipv4.perInstance), plan.trunking ? 'primary ENI + trunk ENI' : 'primary ENI'],
          ['needed', fmt(plan.ipv4.needed)],
          ['peak during deployment', fmt(plan.ipv4.peakDuringDeployment)],
          ['usable in subnets', orDash(plan.ipv4.usable), plan.ipv4.usable === null ? 'no subnets given' : undefined],
          ['fits', yesNo(plan.ipv4.fits)],
        ],
      },
    ]),
  ];
  if (plan.perSubnet.length) lines.push('', 'Subnets', ...subnetTable(plan));
  if (plan.warnings.length) lines.push('', 'Warnings', ...plan.warnings.map((w) => `  - ${w}`));
  return lines.join('\n');
}

function subnetTable(plan: CapacityPlan): string[] {
  const rows = plan.perSubnet.map((s) => [s.cidr, fmt(s.usableIpv4), fmt(s.expectedUse), s.fits ? 'fits' : 'DOES NOT FIT']);
  const header = ['CIDR', 'usable', 'expected use', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const render = (cells: readonly string[]): string =>
    `  ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : c === cells.length - 1 ? cell : cell.padStart(widths[c]))).join('  ')}`.trimEnd();
  return [render(header), ...rows.map(render)];
}
