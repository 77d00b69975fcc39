import { FARGATE_LINUX_PLATFORM_VERSIONS, FARGATE_WINDOWS_PLATFORM_VERSIONS } from '../../../core/data/fargate';
import { serviceFacts } from '../../../semantics/facts';
import { assignPublicIpVerdict, platformVersionVerdict } from '../../../semantics/verdicts';
import { linkedTask, type CompletionContext } from '../context';
import { choiceList, describedEnum, type Choice, type DescribedValue } from '../items';
import { pathIs, type ValueProvider } from '../providers/registry';

// Service settings whose validity depends on the launch kind, judged by the service rules' verdicts
// (no public IP on EC2, platformVersion only on Fargate and new enough for the task size); retired
// platform versions are marked too.

const PUBLIC_IP: readonly DescribedValue[] = [
  {
    value: 'DISABLED',
    detail: 'private address only (default)',
    documentation: 'Tasks get only a private IP. To pull images and reach AWS APIs they need a NAT gateway or VPC endpoints.',
  },
  {
    value: 'ENABLED',
    detail: 'public IPv4 for each task’s ENI (Fargate)',
    documentation:
      'Each task’s ENI also gets a public IPv4 address. Fargate only: tasks on EC2 never get one. In a public subnet without a NAT gateway, Fargate tasks need this to pull images.',
  },
];

/** assignPublicIp: ENABLED invalid when the service launches on EC2. */
export function assignPublicIpChoices(ctx: CompletionContext): Choice[] {
  return describedEnum(ctx, PUBLIC_IP, assignPublicIpVerdict(serviceFacts(ctx.unit)));
}

/** platformVersion: the Fargate versions for the OS of the task definition the service runs; LATEST preferred. */
export function platformVersionChoices(ctx: CompletionContext): Choice[] {
  const task = linkedTask(ctx);
  const verdict = platformVersionVerdict(serviceFacts(ctx.unit), task);
  const windows = task?.os === 'windows';
  const versions = windows ? FARGATE_WINDOWS_PLATFORM_VERSIONS : FARGATE_LINUX_PLATFORM_VERSIONS;
  const os = windows ? 'Windows' : 'Linux';
  return versions.map((v): Choice => {
    const retired = v.status === 'retired';
    const latest = v.version === 'LATEST';
    const detail = latest ? `newest ${os} platform${v.resolvesTo ? ` (now ${v.resolvesTo})` : ''}` : `${os} platform${v.status ? ` · ${v.status}` : ''}`;
    const documentation = latest
      ? `Fargate picks the newest ${os} platform version${v.resolvesTo ? `, currently ${v.resolvesTo}` : ''}, when tasks start.`
      : `Fargate ${os} platform version ${v.version}${v.status ? ` (${v.status})` : ''}.${v.version === '1.4.0' && !windows ? ' Needed for 8 and 16 vCPU tasks and for IPv6.' : ''}`;
    const refused = verdict.refuse(v.version)?.reason;
    return {
      value: v.version,
      detail,
      documentation,
      invalid: refused ?? (retired ? 'this platform version is retired; new tasks cannot use it.' : undefined),
      preferred: !refused && latest,
    };
  });
}

export const serviceChoiceProviders: readonly ValueProvider[] = [
  { id: 'platform-version', kinds: ['service'], matches: pathIs('platformVersion'), provide: (ctx) => choiceList(ctx, platformVersionChoices(ctx)) },
  {
    id: 'assign-public-ip',
    kinds: ['service'],
    matches: pathIs('networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'),
    provide: (ctx) => choiceList(ctx, assignPublicIpChoices(ctx)),
  },
];
