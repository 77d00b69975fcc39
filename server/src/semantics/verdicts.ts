import { minLinuxPlatformForCpu } from '../core/fargate';
import type { EffectiveNetworkMode, NetworkMode } from '../core/kinds';
import { atLeastPlatform } from '../core/platform';
import { FARGATE_WINDOWS_OS_FAMILIES } from '../core/data/fargate';
import type { ServiceFacts, TaskFacts } from './facts';
import { launchDescription } from './service';

// Verdicts: for one constraint, which values a setting may take here and why not the others. The
// rules report from these, completion ranks and explains with them, so the reason a value is
// refused is written once, in this file. ECS's own error wording leads where there is one: it is
// what people search for.

export interface Refusal {
  /** The rule that reports this value when it is written; undefined for advice no rule enforces. */
  readonly ruleId?: string;
  readonly reason: string;
}

export interface Verdict<T extends string = string> {
  /** Why `value` is not allowed here, or undefined when it is. */
  refuse(value: T): Refusal | undefined;
  /** The only value the constraints leave, when they leave one. */
  readonly only?: T;
}

export const FARGATE_ONLY_AWSVPC = "Fargate only supports network mode 'awsvpc'";

/** Which network modes this task definition may name. */
export function taskNetworkModeVerdict(task: TaskFacts): Verdict<string> {
  return {
    only: task.fargate || task.os === 'windows' ? 'awsvpc' : undefined,
    refuse(mode) {
      if (mode === 'awsvpc') return undefined;
      if (task.fargate) return { ruleId: 'fargate-network-mode', reason: `${FARGATE_ONLY_AWSVPC} (FARGATE is in requiresCompatibilities).` };
      if (task.os === 'windows') return { ruleId: 'windows-network-mode', reason: windowsModeReason(mode) };
      if (mode === 'none' && task.portMappings.length > 0) {
        return { ruleId: 'none-port-mappings', reason: "the containers have portMappings, which network mode 'none' does not allow." };
      }
      return undefined;
    },
  };
}

export function windowsModeReason(mode: string): string {
  return `Windows tasks support only awsvpc or the default network mode (networkMode left out); '${mode}' is not supported for Windows containers.`;
}

/** Which launch targets a task definition may list in `requiresCompatibilities`. */
export function compatibilityVerdict(task: TaskFacts): Verdict<string> {
  return {
    refuse(value) {
      if (value !== 'FARGATE' || !task.explicitMode || task.explicitMode === 'awsvpc') return undefined;
      return { ruleId: 'fargate-network-mode', reason: `${FARGATE_ONLY_AWSVPC}; this task uses '${task.explicitMode}'.` };
    },
  };
}

export const LAUNCH_TYPE_AND_PROVIDERS = 'launchType and capacityProviderStrategy cannot both be set: keep one of them.';

/** Which launch types a service may name, given its capacity providers and its task definition. */
export function launchTypeVerdict(service: ServiceFacts, task: TaskFacts | undefined): Verdict<string> {
  return {
    refuse(value) {
      if (service.hasCapacityProviders) return { ruleId: 'launch-type-with-capacity-provider', reason: LAUNCH_TYPE_AND_PROVIDERS };
      if (value !== 'FARGATE' || !task) return undefined;
      if (task.explicitMode && task.explicitMode !== 'awsvpc') {
        return { ruleId: 'fargate-network-mode', reason: `${FARGATE_ONLY_AWSVPC}; the task definition uses '${task.explicitMode}'.` };
      }
      if (task.compatibilities !== undefined && !task.fargate) return { ruleId: 'service-fargate-compatibility', reason: FARGATE_INCOMPATIBLE };
      return undefined;
    },
  };
}

export const FARGATE_INCOMPATIBLE = 'Task definition does not support launch_type FARGATE: add FARGATE to its requiresCompatibilities.';

/** `assignPublicIp`: only Fargate gives a task ENI a public address. */
export function assignPublicIpVerdict(service: ServiceFacts): Verdict<string> {
  return {
    only: service.launch === 'EC2' ? 'DISABLED' : undefined,
    refuse(value) {
      if (value !== 'ENABLED' || service.launch !== 'EC2') return undefined;
      return {
        ruleId: 'assign-public-ip-ec2',
        reason: `Assign public IP is not supported for this launch type: this service runs on ${launchDescription(service)}, and EC2 task ENIs never get a public IP (use a NAT gateway for outbound traffic).`,
      };
    },
  };
}

/** `platformVersion`: Fargate only, and new enough for the task's size. */
export function platformVersionVerdict(service: ServiceFacts, task: TaskFacts | undefined): Verdict<string> {
  const min = task?.cpu !== undefined && task.os !== 'windows' ? minLinuxPlatformForCpu(task.cpu) : undefined;
  return {
    refuse(version) {
      if (service.launchVia === 'launchType' && service.launch !== 'FARGATE') {
        return {
          ruleId: 'platform-version-ec2',
          reason: `The platform version must be null when specifying an ${service.launch} launch type: platformVersion applies only to Fargate.`,
        };
      }
      if (service.launch === 'FARGATE' && min && atLeastPlatform(version, min, 'linux') === false) {
        return {
          ruleId: 'fargate-platform-task-size',
          reason: `A task with ${task!.cpu} CPU units needs Fargate platform version ${min} or later; this service uses ${version}.`,
        };
      }
      return undefined;
    },
  };
}

export const FARGATE_NO_IPC_MODE = 'Tasks using the Fargate launch type do not support ipcMode: shared IPC namespaces are not supported on Fargate.';
export const FARGATE_PID_MODE_TASK_ONLY = "Tasks using the Fargate launch type do not support pidMode 'host': Fargate supports only pidMode 'task'.";

export function windowsUnsupported(key: string): string {
  return `'${key}' is not supported for Windows containers.`;
}

/** `pidMode` and `ipcMode`: Linux on EC2 only, bar Fargate's `pidMode: task`. */
export function namespaceVerdict(task: TaskFacts, key: 'pidMode' | 'ipcMode'): Verdict<string> {
  return {
    refuse(value) {
      if (task.os === 'windows') return { ruleId: 'windows-unsupported-option', reason: windowsUnsupported(key) };
      if (task.fargate && key === 'ipcMode') return { ruleId: 'fargate-unsupported-parameter', reason: FARGATE_NO_IPC_MODE };
      if (task.fargate && value === 'host') return { ruleId: 'fargate-unsupported-parameter', reason: FARGATE_PID_MODE_TASK_ONLY };
      return undefined;
    },
  };
}

/** `runtimePlatform.operatingSystemFamily`: Windows needs awsvpc or the default mode; Fargate offers some Windows versions. */
export function osFamilyVerdict(task: TaskFacts): Verdict<string> {
  return {
    refuse(family) {
      if (!family.startsWith('WINDOWS')) return undefined;
      if (task.explicitMode && task.explicitMode !== 'awsvpc') return { ruleId: 'windows-network-mode', reason: windowsModeReason(task.explicitMode) };
      if (task.fargate && !FARGATE_WINDOWS_OS_FAMILIES.includes(family)) return { reason: 'Fargate does not offer this Windows version.' };
      return undefined;
    },
  };
}

/** The target type a target group needs to receive tasks of this mode; undefined where no load balancer fits or the mode is unknown. */
export function targetTypeFor(mode: EffectiveNetworkMode | undefined): 'ip' | 'instance' | undefined {
  if (mode === 'awsvpc') return 'ip';
  if (mode === 'bridge' || mode === 'host') return 'instance';
  return undefined;
}

/** Which target types a target group may have to receive tasks in `mode`. */
export function targetTypeVerdict(mode: NetworkMode | undefined, targetGroup: string): Verdict<string> {
  const needs = targetTypeFor(mode);
  return {
    only: needs,
    refuse(type) {
      if (!needs || type === needs || (type !== 'ip' && type !== 'instance')) return undefined;
      return {
        ruleId: 'target-type-network-mode',
        reason: `The provided target group ${targetGroup} has target type ${type}, which is incompatible with the ${mode} network mode specified in the task definition.`,
      };
    },
  };
}
