import { fmt } from '../core/format';
import { clusterFor, parseEnvironment, type EnvProblem, type EnvProblemCode, type Environment } from '../core/environment';
import { getInstanceType } from '../core/instances';
import { ipRequirements } from '../core/ip';
import type { Unit } from '../model/document';
import { num, obj, str } from '../model/values';
import { serviceFacts, type TaskFacts } from '../semantics/facts';
import { awsvpcDensity, type AwsvpcDensity } from '../semantics/inPlay';
import { pendingText, servicePlacement } from '../semantics/placement';
import { runsAwsvpc, serviceNetworkMode } from '../semantics/service';
import { serviceSubnets } from '../semantics/subnets';
import type { Rule, RuleContext } from './types';

// Two kinds of rules: problems in the environment file itself (so a typo there is seen, and the
// defaults are used for what cannot be read), and service checks that need the environment:
// which subnets exist, how big they are, what capacity the cluster has.

const problemCache = new WeakMap<Unit, EnvProblem[]>();

function problemsOf(unit: Unit): EnvProblem[] {
  let problems = problemCache.get(unit);
  if (!problems) {
    problems = parseEnvironment(unit.raw).problems;
    problemCache.set(unit, problems);
  }
  return problems;
}

function envProblemRule(code: EnvProblemCode, title: string, description: string, fix: string | null): Rule {
  return {
    id: code,
    fix,
    family: 'environment',
    severity: 'error',
    appliesTo: ['environment'],
    title,
    description,
    check(ctx) {
      for (const p of problemsOf(ctx.unit)) {
        if (p.code !== code) continue;
        const first = p.suggestions?.[0];
        ctx.report({
          path: p.path,
          message: p.message,
          fixes: first ? [{ title: `Change to '${first}'`, edits: [ctx.set(p.path, first)], preferred: true, safe: p.suggestions!.length === 1 }] : undefined,
        });
      }
    },
  };
}

export const envInvalidCidr = envProblemRule(
  'env-invalid-cidr',
  'Environment file: CIDR that is malformed or not a valid subnet size',
  'Subnet and VPC CIDRs in the environment file must be well-formed IPv4 blocks between /16 and /28 with no host bits set (IPv6 blocks must be valid IPv6 CIDRs). An entry that cannot be read is ignored, so its capacity is not counted.',
  'No automatic fix: write the block as `network/prefix` with a prefix from /16 to /28 and no host bits set.',
);
export const envSubnetOutsideVpc = envProblemRule(
  'env-subnet-outside-vpc',
  'Environment file: subnet outside the VPC range',
  "Every subnet lies inside its VPC's CIDR block. A subnet outside `vpc.cidr` is a typo in one of the two.",
  'No automatic fix: correct the subnet CIDR or `vpc.cidr`.',
);
export const envUnknownInstanceType = envProblemRule(
  'env-unknown-instance-type',
  'Environment file: unknown EC2 instance type',
  'Capacity entries need a real EC2 instance type to compute ENI limits and tasks per instance. An unknown type is ignored, with suggestions for what was probably meant.',
  'Replaces the type with the closest known instance type (applied by "fix all" only when there is a single candidate).',
);
export const envDuplicateSubnet = envProblemRule(
  'env-duplicate-subnet',
  'Environment file: subnet listed twice',
  'Each subnet id appears once; a second entry would count the same addresses twice. The first entry is used.',
  'No automatic fix: remove or merge the second entry.',
);
export const envInvalidEntry = envProblemRule(
  'env-invalid-entry',
  'Environment file: entry missing what it needs',
  'Subnets need `id` and `cidr`; cluster capacity entries need `instanceType` and a whole `count` of at most 5,000 (the most EC2 instances ECS registers in a cluster). Incomplete entries are ignored.',
  'No automatic fix: add the missing `id`/`cidr`, or `instanceType` and a whole `count`.',
);

const SUBNETS = ['networkConfiguration', 'awsvpcConfiguration', 'subnets'];

export const envUnknownSubnet: Rule = {
  id: 'env-unknown-subnet',
  fix: 'No automatic fix: add the subnet to the environment file by hand or with `ecs-net env pull`.',
  family: 'environment',
  severity: 'info',
  appliesTo: ['service'],
  title: 'Subnet not described in the environment file',
  description:
    'The environment file lists the subnets it knows; a service subnet missing from it cannot be counted in IP capacity checks. Add it by hand or run `ecs-net env pull`.',
  check(ctx) {
    if (!ctx.env || ctx.env.subnets.length === 0) return;
    for (const { id, index } of serviceSubnets(ctx.self, ctx.refs, ctx.env).unknownIds) {
      ctx.report({ path: [...SUBNETS, index], message: `Subnet ${id} is not in the environment file, so its free addresses are not counted.` });
    }
  },
};

/** The cluster's first instance type from the environment file, and its awsvpc density for this task. */
function clusterDensity(ctx: RuleContext, env: Environment, task: TaskFacts | undefined): AwsvpcDensity | undefined {
  const cluster = clusterFor(env, str(ctx.unit.value.cluster), str(ctx.unit.value.serviceName) ?? str(ctx.unit.value.service));
  const typeName = cluster?.capacity[0]?.instanceType;
  const type = typeName ? getInstanceType(typeName) : undefined;
  return type ? awsvpcDensity(type, cluster?.os ?? 'linux', task, env.accountSettings.awsvpcTrunking === true) : undefined;
}

export const subnetCapacity: Rule = {
  id: 'subnet-capacity',
  fix: 'No automatic fix: use larger or more subnets, lower `desiredCount`, or lower `deploymentConfiguration.maximumPercent` so a deployment needs fewer addresses at once.',
  family: 'environment',
  severity: 'warning',
  appliesTo: ['service'],
  title: 'Not enough IPv4 addresses in the service subnets',
  description:
    "Each awsvpc task takes an IPv4 address from the service's subnets, and so does each EC2 container instance (two with ENI trunking). A rolling deployment briefly runs up to `maximumPercent` of the desired count. When the subnets' usable addresses (2^(32−prefix) − 5 each, less what load balancers and other consumers hold) cannot cover that, tasks fail to start or deployments stall. " +
    "The subnets are read from the environment file, or from the template's or Terraform module's own subnet resources when their CIDRs are literals; an EC2 service also needs the environment file, which names its instances.",
  needsCompleteDocument: true,
  check(ctx) {
    // Subnets come from the environment file or, with literal CIDRs, from the template or module.
    const env = ctx.env;
    const facts = serviceFacts(ctx.unit);
    const tasks = num(ctx.unit.value.desiredCount, ctx.unit.style);
    const launch = facts.launch === 'EC2' ? 'EC2' : 'FARGATE';
    // On EC2 the instances' own addresses count too, and only the environment file says which instances.
    // Both tests are cheap and come first: this rule runs on every service at every keystroke.
    if (tasks === undefined || (launch === 'EC2' && !env)) return;
    const subnets = serviceSubnets(ctx.self, ctx.refs, env);
    // Only when every subnet is known: a missing one could hold the difference. IPv6-only subnets
    // hand out no IPv4 addresses, so this IPv4 count does not apply to them.
    if (!subnets.complete || subnets.ipv4Inputs.length !== subnets.total) return;
    const mode = serviceNetworkMode(ctx.self, ctx.refs);
    if (!runsAwsvpc(mode)) return;
    const density = launch === 'EC2' && env ? clusterDensity(ctx, env, mode.task?.facts) : undefined;
    const maximumPercent = num(obj(ctx.unit.value.deploymentConfiguration)?.maximumPercent, ctx.unit.style);
    const req = ipRequirements({
      networkMode: 'awsvpc',
      launchType: launch,
      tasks,
      maximumPercent,
      tasksPerInstance: density?.tasksPerInstance,
      trunking: density?.trunked ?? false,
      // Usable by size less other consumers; the live free count would already include this service's own tasks.
      subnets: subnets.ipv4Inputs,
    });
    if (req.usable === null) return;
    const steady = req.needed > req.usable;
    const peak = req.peakDuringDeployment > req.usable;
    if (!steady && !peak) return;
    const where = `${subnets.known.length} subnet${subnets.known.length === 1 ? '' : 's'} (${req.perSubnet.map((s) => `${s.cidr}: ${fmt(s.usableIpv4)}`).join(', ')})`;
    ctx.report({
      path: ['desiredCount'],
      message: steady
        ? `${fmt(tasks)} tasks need ${fmt(req.needed)} IPv4 addresses, but the ${where} ${subnets.known.length === 1 ? 'has' : 'have'} ${fmt(req.usable)} usable.`
        : `${fmt(tasks)} tasks fit (${fmt(req.needed)} of ${fmt(req.usable)} addresses), but a deployment at ${maximumPercent ?? 200}% needs ${fmt(req.peakDuringDeployment)}: it would stall for lack of addresses in the ${where}.`,
    });
  },
};

export const clusterCapacity: Rule = {
  id: 'cluster-capacity',
  fix: 'No automatic fix: turn on ENI trunking (`awsvpcTrunking`) on a supported instance type, use larger instance types, or add instances.',
  family: 'environment',
  severity: 'warning',
  appliesTo: ['service'],
  title: "The cluster's EC2 capacity cannot place the desired tasks",
  description:
    'On EC2, every awsvpc task needs an ENI of its own: an instance runs (ENIs − 1) such tasks, or the ECS trunking figure with `awsvpcTrunking`. The environment file\'s capacity is simulated the way ECS places tasks; when even this service alone does not fit, ECS reports "RESOURCE:ENI" (or CPU, MEMORY, PORTS) and tasks stay pending.',
  needsCompleteDocument: true,
  check(ctx) {
    const placement = servicePlacement(ctx.self, ctx.refs, ctx.env);
    if (!placement || placement.result.unplaced === 0) return;
    const { result, tasks, cluster, instancesText: instances, trunking } = placement;
    const pending = pendingText(result, fmt);
    if (pending.length === 0) return;
    ctx.report({
      path: ['desiredCount'],
      message:
        `Only ${fmt(result.placed)} of ${fmt(tasks)} tasks fit on cluster ${cluster.name} (${instances}${trunking ? ', trunking on' : ''}), even with no other services: ` +
        pending.join('; ') +
        '.',
    });
  },
};
