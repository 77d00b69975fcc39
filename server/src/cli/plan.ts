/**
 * `ecs-net plan`: capacity and IPv4 planning for an awsvpc service on EC2, as a table or JSON.
 * All output goes through `out`, and the exit code is returned, so the CLI entry point and tests
 * drive it the same way.
 */
import { capacityPlan, type CapacityPlan, type CapacityPlanInput } from '../core/plan';
import { parseTaskCpu, parseTaskMemoryMiB } from '../core/fargate';
import { closestMatches } from '../core/suggest';

/** Same contract as the CLI's Output: each call is one message without its final newline, which the caller adds. */
export interface PlanOutput {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

// Exit codes: 0 success, 1 internal error, 2 bad usage or input (unknown instance type, bad CIDR).
const EXIT_OK = 0;
const EXIT_INTERNAL = 1;
const EXIT_USAGE = 2;

export const PLAN_USAGE = `Usage: ecs-net plan --instance-type TYPE [options]

Tasks per instance, instances needed and IPv4 addresses for an awsvpc service on EC2.

Options:
  --instance-type TYPE   EC2 instance type, e.g. c5.large (required)
  --trunking             assume the awsvpcTrunking account setting is on
  --tasks N              desired task count (default 1)
  --task-cpu CPU         task CPU in units (256) or vCPU ("0.25 vCPU")
  --task-memory MEM      task memory in MiB (512) or GB ("0.5GB")
  --subnets CIDRS        comma-separated subnet IPv4 CIDRs, e.g. 10.0.0.0/20,10.0.16.0/20
  --max-percent P        deployment maximumPercent (default 200)
  --os linux|windows     container instance OS (default linux)
  --json                 print the plan as JSON
  -h, --help             show this help
`;

type ValueOption = 'instance-type' | 'tasks' | 'task-cpu' | 'task-memory' | 'subnets' | 'max-percent' | 'os';
type FlagOption = 'trunking' | 'json' | 'help';

const VALUE_OPTIONS: readonly ValueOption[] = ['instance-type', 'tasks', 'task-cpu', 'task-memory', 'subnets', 'max-percent', 'os'];
const FLAG_OPTIONS: readonly FlagOption[] = ['trunking', 'json', 'help'];

interface ParsedArgs {
  values: Partial<Record<ValueOption, string>>;
  subnets: string[];
  flags: Set<FlagOption>;
}

class UsageError extends Error {}

export function runPlan(argv: string[], out: PlanOutput): number {
  try {
    const args = parseArgs(argv[0] === 'plan' ? argv.slice(1) : argv);
    if (args.flags.has('help')) {
      out.stdout(PLAN_USAGE.trimEnd());
      return EXIT_OK;
    }
    const result = capacityPlan(toPlanInput(args));
    if (!result.ok) {
      out.stderr(`ecs-net plan: ${result.message}`);
      return EXIT_USAGE;
    }
    out.stdout(args.flags.has('json') ? JSON.stringify(result.plan, null, 2) : formatPlan(result.plan));
    return EXIT_OK;
  } catch (err) {
    if (err instanceof UsageError) {
      out.stderr(`ecs-net plan: ${err.message} (see ecs-net plan --help)`);
      return EXIT_USAGE;
    }
    out.stderr(`ecs-net plan: internal error: ${err instanceof Error ? err.message : String(err)}`);
    return EXIT_INTERNAL;
  }
}

function parseArgs(argv: readonly string[]): ParsedArgs {
  const parsed: ParsedArgs = { values: {}, subnets: [], flags: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '-h') {
      parsed.flags.add('help');
      continue;
    }
    if (!arg.startsWith('--')) throw new UsageError(`unexpected argument '${arg}'`);
    const eq = arg.indexOf('=');
    const name = eq < 0 ? arg.slice(2) : arg.slice(2, eq);
    const inline = eq < 0 ? undefined : arg.slice(eq + 1);
    if (isFlag(name)) {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value`);
      parsed.flags.add(name);
    } else if (isValueOption(name)) {
      const value = inline ?? argv[++i];
      if (value === undefined || (inline === undefined && value.startsWith('--'))) throw new UsageError(`--${name} needs a value`);
      // --subnets may be repeated; other options: the last one wins.
      if (name === 'subnets') parsed.subnets.push(...value.split(',').map((s) => s.trim()).filter((s) => s !== ''));
      else parsed.values[name] = value;
    } else {
      const known = [...VALUE_OPTIONS, ...FLAG_OPTIONS];
      const hint = closestMatches(name, known, 1);
      throw new UsageError(`unknown option '--${name}'${hint.length ? `; did you mean --${hint[0]}?` : ''}`);
    }
  }
  return parsed;
}

function isFlag(name: string): name is FlagOption {
  return (FLAG_OPTIONS as readonly string[]).includes(name);
}

function isValueOption(name: string): name is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(name);
}

function toPlanInput(args: ParsedArgs): CapacityPlanInput {
  const { values } = args;
  const instanceType = values['instance-type'];
  if (instanceType === undefined) throw new UsageError('--instance-type is required, e.g. --instance-type c5.large');
  const input: CapacityPlanInput = { instanceType, trunking: args.flags.has('trunking') };
  if (values.tasks !== undefined) input.tasks = wholeNumber(values.tasks, '--tasks');
  if (values['task-cpu'] !== undefined) {
    input.taskCpu = parseTaskCpu(values['task-cpu']) ?? invalid('--task-cpu', values['task-cpu'], 'CPU units such as 256, or "0.25 vCPU"');
  }
  if (values['task-memory'] !== undefined) {
    input.taskMemoryMiB =
      parseTaskMemoryMiB(values['task-memory']) ?? invalid('--task-memory', values['task-memory'], 'MiB such as 512, or "0.5GB"');
  }
  if (values['max-percent'] !== undefined) input.maximumPercent = wholeNumber(values['max-percent'], '--max-percent');
  if (values.os !== undefined) {
    if (values.os !== 'linux' && values.os !== 'windows') invalid('--os', values.os, 'linux or windows');
    input.os = values.os;
  }
  if (args.subnets.length) input.subnets = args.subnets;
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

function count(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

function orDash(n: number | null): string {
  return n === null ? '-' : count(n);
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
    `Capacity plan: ${count(plan.tasks)} awsvpc ${plan.tasks === 1 ? 'task' : 'tasks'} on ${plan.instanceType} ` +
      `(${osName}, ENI trunking ${plan.trunking ? 'on' : 'off'})`,
    ...renderSections([
      {
        title: 'Tasks per instance',
        rows: [
          ['without trunking (ENIs)', count(tpi.withoutTrunking)],
          ['with trunking (ENIs)', orDash(tpi.withTrunking), tpi.withTrunking === null ? 'not known or not available' : undefined],
          ['by CPU', orDash(tpi.byCpu), plan.taskCpu === null ? 'task CPU not set' : `${count(plan.taskCpu)} CPU units per task`],
          ['by memory', orDash(tpi.byMemory), plan.taskMemoryMiB === null ? 'task memory not set' : `${count(plan.taskMemoryMiB)} MiB per task, upper bound`],
          ['effective', count(tpi.effective), `bound by ${BOUND_LABEL[tpi.binding]}`],
        ],
      },
      {
        title: 'Instances',
        rows: [
          ['needed', orDash(plan.instancesNeeded)],
          ['during deployment', orDash(plan.instancesDuringDeployment), `${count(plan.ipv4.peakTasksDuringDeployment)} tasks at ${plan.maximumPercent}%`],
        ],
      },
      {
        title: 'IPv4 addresses',
        rows: [
          ['per task', count(plan.ipv4.perTask)],
          ['per instance', count(plan.ipv4.perInstance), plan.trunking ? 'primary ENI + trunk ENI' : 'primary ENI'],
          ['needed', count(plan.ipv4.needed)],
          ['peak during deployment', count(plan.ipv4.peakDuringDeployment)],
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
  const rows = plan.perSubnet.map((s) => [s.cidr, count(s.usableIpv4), count(s.expectedUse), s.fits ? 'fits' : 'DOES NOT FIT']);
  const header = ['CIDR', 'usable', 'expected use', ''];
  const widths = header.map((h, c) => Math.max(h.length, ...rows.map((r) => r[c].length)));
  const render = (cells: readonly string[]): string =>
    `  ${cells.map((cell, c) => (c === 0 ? cell.padEnd(widths[c]) : c === cells.length - 1 ? cell : cell.padStart(widths[c]))).join('  ')}`.trimEnd();
  return [render(header), ...rows.map(render)];
}
