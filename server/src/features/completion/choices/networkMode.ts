import { taskFacts } from '../../../semantics/facts';
import type { CompletionContext } from '../context';
import { choiceList, describedEnum, type Choice, type DescribedValue } from '../items';
import { pathIs, type ValueProvider } from '../providers/registry';

// Network mode choices: re-derive what the network-mode rules decide (Fargate and Windows need
// awsvpc, `none` allows no port mappings).

const NETWORK_MODES: readonly DescribedValue[] = [
  {
    value: 'awsvpc',
    detail: 'Fargate, EC2 Linux/Windows, External · own ENI per task · ports: container port = task port',
    documentation: [
      '**awsvpc**: every task gets its own elastic network interface and private IP address, with its own security groups.',
      '',
      '- Runs on: Fargate (the only mode there), EC2 Linux and Windows, External',
      '- Ports: `hostPort` omitted or equal to `containerPort`; clients reach `<task IP>:<containerPort>`',
      '- Load balancer target type: `ip`; the service needs `networkConfiguration.awsvpcConfiguration`',
      '- On EC2, tasks per instance are limited by ENIs (ENI trunking raises the limit)',
    ].join('\n'),
  },
  {
    value: 'bridge',
    detail: 'EC2 Linux, External · Docker bridge · ports: dynamic host ports',
    documentation: [
      '**bridge**: containers sit behind Docker’s virtual bridge on the instance; the default when `networkMode` is left out on Linux.',
      '',
      '- Runs on: EC2 Linux, External',
      '- Ports: `hostPort` 0 or omitted picks a dynamic host port, so many copies fit on one instance; `links` work only in this mode',
      '- Load balancer target type: `instance`',
    ].join('\n'),
  },
  {
    value: 'host',
    detail: 'EC2 Linux, External · instance network stack · ports: container port opened on the host',
    documentation: [
      '**host**: containers use the instance’s own network stack directly, with no translation.',
      '',
      '- Runs on: EC2 Linux, External',
      '- Ports: `hostPort` omitted or equal to `containerPort`; only one task per instance can hold a given port',
      '- Load balancer target type: `instance`',
    ].join('\n'),
  },
  {
    value: 'none',
    detail: 'EC2 Linux · no external networking · no port mappings',
    documentation: [
      '**none**: containers get no external network connectivity.',
      '',
      '- Runs on: EC2 Linux',
      '- Ports: `portMappings` are not allowed at all',
      '- Cannot sit behind a load balancer',
    ].join('\n'),
  },
];

/** Every network mode; awsvpc preferred where it is the only valid one, the others with the reason. */
export function networkModeChoices(ctx: CompletionContext): Choice[] {
  const facts = taskFacts(ctx.unit);
  const hasPortMappings = facts.portMappings.length > 0;
  const verdict = (mode: string): string | undefined => {
    if (mode === 'awsvpc') return undefined;
    if (facts.fargate) return "Fargate only supports network mode 'awsvpc' (FARGATE is in requiresCompatibilities).";
    if (facts.os === 'windows') return 'Windows tasks support only awsvpc, or leaving networkMode out for the Windows default.';
    if (mode === 'none' && hasPortMappings) return "the containers have portMappings, which network mode 'none' does not allow.";
    return undefined;
  };
  const onlyAwsvpc = facts.fargate || facts.os === 'windows';
  return describedEnum(ctx, NETWORK_MODES, verdict).map((c) => (onlyAwsvpc && c.value === 'awsvpc' ? { ...c, preferred: true } : c));
}

export const networkModeProvider: ValueProvider = {
  id: 'network-mode',
  kinds: ['task-definition'],
  matches: pathIs('networkMode'),
  provide: (ctx) => choiceList(ctx, networkModeChoices(ctx)),
};
