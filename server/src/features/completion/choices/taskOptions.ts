import { FARGATE_WINDOWS_OS_FAMILIES } from '../../../core/data/fargate';
import { taskFacts } from '../../../semantics/facts';
import { namespaceVerdict, osFamilyVerdict } from '../../../semantics/verdicts';
import type { CompletionContext } from '../context';
import { choiceList, describedEnum, modelEnum, type Choice, type DescribedValue } from '../items';
import { pathIs, type ValueProvider } from '../providers/registry';

// Task-level options that Fargate and Windows restrict: pidMode, ipcMode and the OS family.
// Judged by the same verdicts as the Fargate and Windows rules.

const PID_MODES: readonly DescribedValue[] = [
  {
    value: 'task',
    detail: 'containers of the task share one process namespace',
    documentation:
      'All containers of this task see each other’s processes (useful for sidecars that inspect or signal the main process). Supported on Fargate.',
  },
  {
    value: 'host',
    detail: 'containers see every process on the instance',
    documentation: 'Containers share the host’s process namespace. EC2 Linux only; it exposes every process on the instance to the task.',
  },
];

const IPC_MODES: readonly DescribedValue[] = [
  {
    value: 'task',
    detail: 'containers of the task share IPC resources',
    documentation: 'Containers of this task share shared memory and other IPC resources with each other. EC2 Linux only.',
  },
  { value: 'host', detail: 'containers share the instance’s IPC resources', documentation: 'Containers share IPC resources with the host. EC2 Linux only.' },
  {
    value: 'none',
    detail: 'private IPC namespace, no shared memory mounted',
    documentation: 'Each container gets a private IPC namespace with no shared memory. EC2 Linux only.',
  },
];

/** pidMode or ipcMode: none on Windows, no ipcMode and only pidMode `task` on Fargate. */
export function namespaceChoices(ctx: CompletionContext, key: 'pidMode' | 'ipcMode'): Choice[] {
  return describedEnum(ctx, key === 'pidMode' ? PID_MODES : IPC_MODES, namespaceVerdict(taskFacts(ctx.unit), key));
}

/** runtimePlatform.operatingSystemFamily: LINUX first; Windows invalid with a non-awsvpc mode or a version Fargate lacks. */
export function osFamilyChoices(ctx: CompletionContext): Choice[] {
  const verdict = osFamilyVerdict(taskFacts(ctx.unit));
  const values = modelEnum(ctx) ?? ['LINUX', ...FARGATE_WINDOWS_OS_FAMILIES];
  const ordered = [...values].sort((a, b) => (a === 'LINUX' ? -1 : b === 'LINUX' ? 1 : b.localeCompare(a)));
  return ordered.map((value): Choice => {
    const windows = value.startsWith('WINDOWS');
    const onFargate = FARGATE_WINDOWS_OS_FAMILIES.includes(value);
    return {
      value,
      detail: windows ? 'Windows containers · awsvpc or default (NAT) networking · no ENI trunking' : 'Linux containers · every network mode',
      documentation: windows
        ? `**${value}**: Windows containers. Network mode \`awsvpc\` or the Windows default; no \`links\`, \`pidMode\`, \`ipcMode\`, ENI trunking or IPv6-only.${onFargate ? ' Available on Fargate.' : ''}`
        : '**LINUX**: Linux containers, every network mode; the only family for Fargate sizes below 1 vCPU.',
      invalid: verdict.refuse(value)?.reason,
    };
  });
}

export const taskOptionProviders: readonly ValueProvider[] = [
  { id: 'pid-mode', kinds: ['task-definition'], matches: pathIs('pidMode'), provide: (ctx) => choiceList(ctx, namespaceChoices(ctx, 'pidMode')) },
  { id: 'ipc-mode', kinds: ['task-definition'], matches: pathIs('ipcMode'), provide: (ctx) => choiceList(ctx, namespaceChoices(ctx, 'ipcMode')) },
  {
    id: 'operating-system-family',
    kinds: ['task-definition'],
    matches: pathIs('runtimePlatform', 'operatingSystemFamily'),
    provide: (ctx) => choiceList(ctx, osFamilyChoices(ctx)),
  },
];
