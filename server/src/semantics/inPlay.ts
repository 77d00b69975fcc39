import type { ModuleFacts } from './module';
import { clusterFor, type Environment } from '../core/environment';
import { eniDensity } from '../core/eni';
import { getInstanceType, type InstanceType } from '../core/instances';
import type { Os } from '../core/kinds';
import type { Settings } from '../settings';

// What the figures in hovers, the capacity plan and the status bar are computed for. The
// environment file (the user's real cluster and subnets) wins; the settings' defaults stand in
// otherwise, and every figure says which one it used.

export interface TypesInPlay {
  readonly types: InstanceType[];
  /** Names that are not instance types we know (from the settings; the environment file reports its own). */
  readonly unknown: string[];
  readonly trunking: boolean;
  readonly fromEnvironment: boolean;
  /** Where the types come from, in words for the user. */
  readonly source: string;
}

/**
 * The cluster's instance types from the environment file, else those a Terraform module launches
 * (`declared`), else the `defaultInstanceTypes` setting.
 */
export function instanceTypesInPlay(settings: Settings, env?: Environment, cluster?: string, service?: string, declared?: ModuleFacts): TypesInPlay {
  const entry = env && (cluster || service) ? clusterFor(env, cluster, service) : undefined;
  const names = entry ? entry.capacity.map((c) => c.instanceType) : (env?.clusters ?? []).flatMap((c) => c.capacity.map((x) => x.instanceType));
  const fromEnv = [...new Set(names)].map((n) => getInstanceType(n)).filter((t): t is InstanceType => t !== undefined);
  if (fromEnv.length) {
    const trunking = env?.accountSettings.awsvpcTrunking ?? settings.trunking;
    return {
      types: fromEnv,
      unknown: [],
      trunking,
      fromEnvironment: true,
      source: `instance types from the environment file${trunking ? ', trunking on' : ''}`,
    };
  }
  const fromModule = (declared?.instanceTypes ?? []).map((n) => getInstanceType(n)).filter((t): t is InstanceType => t !== undefined);
  if (fromModule.length) {
    const trunking = env?.accountSettings.awsvpcTrunking ?? declared?.awsvpcTrunking ?? settings.trunking;
    return {
      types: fromModule,
      unknown: [],
      trunking,
      fromEnvironment: false,
      source: `instance types of the module's launch templates${trunking ? ', trunking on' : ''}`,
    };
  }
  const types: InstanceType[] = [];
  const unknown: string[] = [];
  for (const name of settings.defaultInstanceTypes) {
    const type = getInstanceType(name);
    if (type) types.push(type);
    else unknown.push(name);
  }
  const trunking = declared?.awsvpcTrunking ?? settings.trunking;
  return {
    types,
    unknown,
    trunking,
    fromEnvironment: false,
    source: `instance types from the \`ecsTaskNetworking.defaultInstanceTypes\` setting${trunking ? (declared?.awsvpcTrunking ? ', trunking on (the module enables it)' : ', trunking assumed on') : ''}; an environment file names your cluster’s own`,
  };
}

export interface AwsvpcDensity {
  readonly type: InstanceType;
  readonly tasksPerInstance: number;
  /** The trunking figure applies: trunking is on and ECS publishes one for this type. */
  readonly trunked: boolean;
}

/** awsvpc tasks of this size one instance holds, with the trunking figure when trunking is on and ECS publishes one. */
export function awsvpcDensity(type: InstanceType, os: Os, task: { cpu?: number; memoryMiB?: number } | undefined, trunking: boolean): AwsvpcDensity {
  const d = eniDensity({ type, os, taskCpu: task?.cpu, taskMemoryMiB: task?.memoryMiB });
  const trunked = trunking && d.effective.withTrunking !== null;
  return { type, tasksPerInstance: trunked ? d.effective.withTrunking! : d.effective.withoutTrunking, trunked };
}
