import type { NetworkMode } from './kinds';

// What each network mode is, in one table: where it runs, how ports work, which target type a
// load balancer needs. Hovers, completion items and the published schema descriptions are all
// written from these fields, so the modes are described once.

export interface NetworkModeProfile {
  readonly mode: NetworkMode;
  /** One sentence: what the containers get. */
  readonly summary: string;
  /** Where it runs. */
  readonly runsOn: string;
  /** A few words for lists: "own ENI per task". */
  readonly shortly: string;
  /** How container ports are reached. */
  readonly ports: string;
  /** Target type a load balancer target group needs; undefined where no load balancer can reach the task. */
  readonly targetType?: 'ip' | 'instance';
  /** What else follows from choosing it. */
  readonly notes: readonly string[];
}

export const NETWORK_MODE_PROFILES: Readonly<Record<NetworkMode, NetworkModeProfile>> = {
  awsvpc: {
    mode: 'awsvpc',
    summary: 'every task gets its own elastic network interface and private IP address in your subnets, with its own security groups.',
    runsOn: 'Fargate (the only mode there), EC2 Linux and Windows, External',
    shortly: 'own ENI per task, required on Fargate',
    ports: '`hostPort` left out or equal to `containerPort`; clients reach `<task IP>:<containerPort>`',
    targetType: 'ip',
    notes: ['the service needs `networkConfiguration.awsvpcConfiguration`', 'on EC2, ENIs limit the tasks per instance (ENI trunking raises the limit)'],
  },
  bridge: {
    mode: 'bridge',
    summary: 'containers sit on Docker’s bridge network on the instance, behind a virtual bridge; the default when `networkMode` is left out on Linux.',
    runsOn: 'EC2 Linux, External',
    shortly: 'Docker bridge, the Linux default',
    ports: '`hostPort` 0 or left out picks a dynamic host port, so many copies fit on one instance; `links` work only in this mode',
    targetType: 'instance',
    notes: [],
  },
  host: {
    mode: 'host',
    summary: 'containers use the instance’s own network stack directly, with no translation.',
    runsOn: 'EC2 Linux, External',
    shortly: 'instance network stack',
    ports: '`hostPort` left out or equal to `containerPort`; only one task per instance can hold a given port',
    targetType: 'instance',
    notes: [],
  },
  none: {
    mode: 'none',
    summary: 'containers get no external network connectivity.',
    runsOn: 'EC2 Linux',
    shortly: 'no external networking',
    ports: '`portMappings` are not allowed at all',
    notes: ['cannot sit behind a load balancer'],
  },
};

/** The profile as Markdown: summary, then where it runs, ports and target type as a list. */
export function networkModeMarkdown(mode: NetworkMode, qualifier = ''): string {
  const p = NETWORK_MODE_PROFILES[mode];
  return [
    `**${mode}**${qualifier}: ${p.summary}`,
    '',
    `- Runs on: ${p.runsOn}`,
    `- Ports: ${p.ports}`,
    `- Load balancer target type: ${p.targetType ? `\`${p.targetType}\`` : 'none (no load balancer can reach it)'}`,
    ...p.notes.map((n) => `- ${n.charAt(0).toUpperCase()}${n.slice(1)}`),
  ].join('\n');
}
