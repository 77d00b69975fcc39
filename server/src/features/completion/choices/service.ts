import { FARGATE_LINUX_PLATFORM_VERSIONS, FARGATE_WINDOWS_PLATFORM_VERSIONS } from '../../../core/data/fargate';
import { serviceFacts } from '../../../semantics/facts';
import { linkedTask, type CompletionContext } from '../context';
import { choiceList, describedEnum, type Choice, type DescribedValue } from '../items';
import { pathIs, type ValueProvider } from '../providers/registry';

// Service settings whose validity depends on the launch kind: re-derives the service rules
// (no public IP on EC2, platformVersion only on Fargate, retired platform versions).

const PUBLIC_IP: readonly DescribedValue[] = [
  {
    value: 'DISABLED',
    detail: 'private address only (default)',
    documentation: 'Tasks get only a private IP. To pull images and reach AWS APIs they need a NAT gateway or VPC endpoints.',
  },
  {
    value: 'ENABLED',
    detail: 'public IPv4 for each task’s ENI (Fargate)',
    documentation: 'Each task’s ENI also gets a public IPv4 address. Fargate only: tasks on EC2 never get one. In a public subnet without a NAT gateway, Fargate tasks need this to pull images.',
  },
];

/** assignPublicIp: ENABLED invalid when the service launches on EC2. */
export function assignPublicIpChoices(ctx: CompletionContext): Choice[] {
  const facts = serviceFacts(ctx.unit);
  const verdict = (value: string): string | undefined =>
    value === 'ENABLED' && facts.launch === 'EC2'
      ? `Assign public IP is not supported for this launch type (EC2, from ${facts.launchVia ?? 'launchType'}).`
      : undefined;
  return describedEnum(ctx, PUBLIC_IP, verdict);
}

/** platformVersion: the Fargate versions for the OS of the task definition the service runs; LATEST preferred. */
export function platformVersionChoices(ctx: CompletionContext): Choice[] {
  const facts = serviceFacts(ctx.unit);
  const windows = linkedTask(ctx)?.os === 'windows';
  const versions = windows ? FARGATE_WINDOWS_PLATFORM_VERSIONS : FARGATE_LINUX_PLATFORM_VERSIONS;
  const notFargate =
    facts.launch === 'EC2' || facts.launch === 'EXTERNAL' ? `platformVersion applies only to Fargate; this service launches on ${facts.launch}.` : undefined;
  const os = windows ? 'Windows' : 'Linux';
  return versions.map((v): Choice => {
    const retired = v.status === 'retired';
    const latest = v.version === 'LATEST';
    const detail = latest ? `newest ${os} platform${v.resolvesTo ? ` (now ${v.resolvesTo})` : ''}` : `${os} platform${v.status ? ` · ${v.status}` : ''}`;
    const documentation = latest
      ? `Fargate picks the newest ${os} platform version${v.resolvesTo ? `, currently ${v.resolvesTo}` : ''}, when tasks start.`
      : `Fargate ${os} platform version ${v.version}${v.status ? ` (${v.status})` : ''}.${v.version === '1.4.0' && !windows ? ' Needed for 8 and 16 vCPU tasks and for IPv6.' : ''}`;
    return {
      value: v.version,
      detail,
      documentation,
      invalid: notFargate ?? (retired ? 'this platform version is retired; new tasks cannot use it.' : undefined),
      preferred: !notFargate && latest,
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
