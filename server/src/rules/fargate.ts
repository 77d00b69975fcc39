import { fargateSizeCheck, minLinuxPlatformForCpu, nearestFargateSize } from '../core/fargate';
import { arr, bool, isKnown, isUnset, num, obj, str } from '../model/values';
import { serviceFacts, taskFacts, type TaskFacts } from '../semantics/facts';
import { linkedTask } from '../semantics/service';
import { FARGATE_NO_IPC_MODE, FARGATE_PID_MODE_TASK_ONLY, platformVersionVerdict } from '../semantics/verdicts';
import type { Fix, Rule, RuleContext } from './types';

function fargateOs(facts: TaskFacts) {
  return facts.os === 'windows' ? 'windows' : 'linux';
}

/**
 * The smallest valid Fargate size that holds what the containers reserve and is no smaller than
 * the task-level value already written (the fix must not shrink what the user asked for).
 */
function sizeFromContainers(ctx: RuleContext, facts: TaskFacts) {
  let cpu = 0;
  let memory = 0;
  for (const c of facts.containers) {
    cpu += num(c.value.cpu, ctx.unit.style) ?? 0;
    memory += num(c.value.memory, ctx.unit.style) ?? num(c.value.memoryReservation, ctx.unit.style) ?? 0;
  }
  cpu = Math.max(cpu, facts.cpu ?? 0);
  memory = Math.max(memory, facts.memoryMiB ?? 0);
  return nearestFargateSize(cpu || undefined, memory || undefined, fargateOs(facts));
}

function sizeFix(ctx: RuleContext, size: { cpu: number; memoryMiB: number }, title: string): Fix {
  // The API and CloudFormation both take cpu and memory as strings of units/MiB.
  return {
    title,
    edits: [ctx.set(['cpu'], String(size.cpu)), ctx.set(['memory'], String(size.memoryMiB))],
    preferred: true,
    safe: true,
  };
}

export const fargateTaskSizeRequired: Rule = {
  id: 'fargate-task-size-required',
  fix: 'Writes task-level `cpu` and `memory`: the smallest Fargate size that holds what the containers reserve and is no smaller than a task-level value already there.',
  family: 'fargate',
  severity: 'error',
  appliesTo: ['task-definition'],
  title: 'Fargate task definitions need task-level cpu and memory',
  description:
    'Fargate sizes each task from the task-level `cpu` and `memory`; container-level values are not enough. ' +
    'A task definition that requires FARGATE without both is rejected.',
  needsCompleteDocument: true,
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (!facts.fargate) return;
    const v = ctx.unit.value;
    const missing = (['cpu', 'memory'] as const).filter((k) => isUnset(v[k]));
    if (missing.length === 0) return;
    const size = sizeFromContainers(ctx, facts);
    ctx.report({
      path: ['requiresCompatibilities'],
      target: 'key',
      message: `Fargate requires task-level 'cpu' and 'memory'; this task definition has no ${missing.map((k) => `'${k}'`).join(' and no ')}.`,
      fixes: size ? [sizeFix(ctx, size, `Set task size to ${size.cpu} CPU / ${size.memoryMiB} MiB`)] : undefined,
    });
  },
};

export const fargateTaskSize: Rule = {
  id: 'fargate-task-size',
  fix: 'Replaces `cpu` and `memory` with the nearest Fargate size that is at least as large as what was asked for.',
  family: 'fargate',
  severity: 'error',
  appliesTo: ['task-definition'],
  title: 'Fargate cpu/memory must be one of the published sizes',
  description:
    'Fargate runs tasks only in fixed CPU and memory combinations (0.25 vCPU with 0.5-2 GB up to 16 vCPU with ' +
    '32-120 GB); Windows starts at 1 vCPU and stops at 4. Anything else fails with "Invalid \'cpu\' setting for task."',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (!facts.fargate || facts.cpu === undefined || facts.memoryMiB === undefined) return;
    const os = fargateOs(facts);
    const result = fargateSizeCheck(facts.cpu, facts.memoryMiB, os);
    if (result.valid) return;
    const size = nearestFargateSize(facts.cpu, facts.memoryMiB, os);
    const cpuWrong = result.validMemoryForCpu.length === 0;
    ctx.report({
      path: [cpuWrong ? 'cpu' : 'memory'],
      // ECS words both cases as a cpu problem; when only the memory is off, say so first.
      message: cpuWrong
        ? `Invalid 'cpu' setting for task. ${result.reason ?? ''}`.trim()
        : `The memory does not fit this cpu. ${result.reason ?? ''} (ECS reports this as "Invalid 'cpu' setting for task.")`,
      fixes: size ? [sizeFix(ctx, size, `Use the nearest Fargate size: ${size.cpu} CPU / ${size.memoryMiB} MiB`)] : undefined,
    });
  },
};

interface Forbidden {
  readonly key: string;
  readonly when: (value: unknown, ctx: RuleContext) => boolean;
  readonly message: string;
}

const set = (v: unknown) => isKnown(v as never);
const isTrue = (v: unknown, ctx: RuleContext) => bool(v as never, ctx.unit.style) === true;

/** Task-level settings Fargate rejects. */
const FARGATE_TASK_FORBIDDEN: readonly Forbidden[] = [
  { key: 'ipcMode', when: set, message: FARGATE_NO_IPC_MODE },
  { key: 'pidMode', when: (v) => v === 'host', message: FARGATE_PID_MODE_TASK_ONLY },
  { key: 'placementConstraints', when: set, message: 'Fargate does not support task placement constraints: Fargate chooses where tasks run.' },
];

/** Sysctls that live in a container's own namespaces; Fargate accepts only these in systemControls. */
const NAMESPACED_SYSCTL = /^(net\.|kernel\.(shm|msg|sem)|fs\.mqueue\.)/;

/** Container settings Fargate rejects (hostname, links and extraHosts are awsvpc-container-options' job). */
const FARGATE_CONTAINER_FORBIDDEN: readonly Forbidden[] = [
  { key: 'dnsServers', when: set, message: 'Fargate does not support dnsServers: tasks use the VPC resolver.' },
  { key: 'dnsSearchDomains', when: set, message: 'Fargate does not support dnsSearchDomains.' },
  { key: 'privileged', when: isTrue, message: 'Fargate does not support privileged containers.' },
  { key: 'disableNetworking', when: isTrue, message: 'Fargate does not support disableNetworking.' },
  { key: 'dockerSecurityOptions', when: set, message: 'Fargate does not support dockerSecurityOptions.' },
  {
    key: 'systemControls',
    when: (v) =>
      (arr(v as never) ?? []).some((entry) => {
        const ns = str(obj(entry)?.namespace);
        return ns !== undefined && !NAMESPACED_SYSCTL.test(ns);
      }),
    message: 'Fargate supports only namespaced systemControls (net.*, kernel.shm*/msg*/sem, fs.mqueue.*).',
  },
];

export const fargateUnsupportedParameter: Rule = {
  id: 'fargate-unsupported-parameter',
  fix: 'Deletes the setting Fargate rejects.',
  family: 'fargate',
  severity: 'error',
  appliesTo: ['task-definition'],
  title: 'Task definition parameters Fargate does not support',
  description:
    'Fargate manages the host for you, so host-level settings are off limits: `ipcMode`, `pidMode: host`, ' +
    '`placementConstraints`, and container `dnsServers`, `dnsSearchDomains`, `privileged`, `disableNetworking`, ' +
    '`dockerSecurityOptions` and non-namespaced `systemControls`.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (!facts.fargate) return;
    for (const f of FARGATE_TASK_FORBIDDEN) {
      const value = ctx.unit.value[f.key];
      if (!f.when(value, ctx)) continue;
      ctx.report({
        path: [f.key],
        target: 'key',
        message: f.message,
        fixes: [{ title: `Remove '${f.key}'`, edits: [ctx.remove([f.key])], preferred: true, safe: true }],
      });
    }
    for (const c of facts.containers) {
      for (const f of FARGATE_CONTAINER_FORBIDDEN) {
        if (!f.when(c.value[f.key], ctx)) continue;
        ctx.report({
          path: [...c.path, f.key],
          target: 'key',
          message: f.message,
          fixes: [{ title: `Remove '${f.key}'`, edits: [ctx.remove([...c.path, f.key])], preferred: true, safe: true }],
        });
      }
    }
  },
};

export const fargatePlatformTaskSize: Rule = {
  id: 'fargate-platform-task-size',
  fix: 'Sets `platformVersion` to the lowest version that runs the task size (1.4.0).',
  family: 'fargate',
  severity: 'error',
  appliesTo: ['service'],
  title: '8 and 16 vCPU Fargate tasks need platform version 1.4.0 or later',
  description: 'The 8 and 16 vCPU Fargate sizes exist only on Linux platform version 1.4.0 and later (LATEST qualifies).',
  check(ctx) {
    const service = serviceFacts(ctx.unit);
    const version = str(ctx.unit.value.platformVersion);
    if (service.launch !== 'FARGATE' || version === undefined) return;
    const task = linkedTask(ctx.self, ctx.refs)?.facts;
    const refusal = platformVersionVerdict(service, task).refuse(version);
    if (refusal?.ruleId !== 'fargate-platform-task-size' || !task?.cpu) return;
    const min = minLinuxPlatformForCpu(task.cpu)!;
    ctx.report({
      path: ['platformVersion'],
      message: refusal.reason,
      fixes: [{ title: `Set platformVersion to '${min}'`, edits: [ctx.set(['platformVersion'], min)], preferred: true }],
    });
  },
};
