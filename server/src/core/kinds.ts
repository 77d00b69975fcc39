// The vocabulary every layer shares: where a task runs and how it is networked. Defined once,
// here, so the core, the semantic layer, rules and features speak of the same things.

/** Network modes a task definition can name (RegisterTaskDefinition `networkMode`). */
export type NetworkMode = 'awsvpc' | 'bridge' | 'host' | 'none';

export const NETWORK_MODES: readonly NetworkMode[] = ['awsvpc', 'bridge', 'host', 'none'];

/** The mode ECS applies: a named mode, or Windows' own default (NAT) when `networkMode` is left out on Windows. */
export type EffectiveNetworkMode = NetworkMode | 'default';

/** Container instance / task operating system. */
export type Os = 'linux' | 'windows';

/** Where tasks run: the launch type, or what a capacity provider strategy amounts to. */
export type LaunchKind = 'FARGATE' | 'EC2' | 'EXTERNAL';

export function isNetworkMode(value: unknown): value is NetworkMode {
  return typeof value === 'string' && (NETWORK_MODES as readonly string[]).includes(value);
}
