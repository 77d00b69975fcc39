import type { Json } from '../model/types';
import { arr, idStr, isKnown, isUnset, obj, str } from '../model/values';
import { serviceFacts } from '../semantics/facts';
import { privateSubnetReferences } from '../semantics/subnets';
import { definitelyNotAwsvpc, launchDescription, linkedTask, runsAwsvpc, serviceNetworkMode } from '../semantics/service';
import { assignPublicIpVerdict, FARGATE_INCOMPATIBLE, LAUNCH_TYPE_AND_PROVIDERS, platformVersionVerdict } from '../semantics/verdicts';
import type { Rule, RuleContext } from './types';

// Limits from the AwsVpcConfiguration API reference: 16 subnets, 5 security groups.
export const MAX_SUBNETS = 16;
export const MAX_SECURITY_GROUPS = 5;

/** Where a service finding about the task definition is shown: the taskDefinition key when present. */
function anchor(ctx: RuleContext): (string | number)[] {
  return 'taskDefinition' in ctx.unit.value ? ['taskDefinition'] : 'serviceName' in ctx.unit.value ? ['serviceName'] : ['service'];
}

/** The configuration a fix adds: the template's or module's private subnets when it has some, to fill in otherwise. */
const skeleton = (subnets: Json[]): Json => ({ awsvpcConfiguration: { subnets, securityGroups: [], assignPublicIp: 'DISABLED' } });

export const serviceAwsvpcNetworkConfiguration: Rule = {
  id: 'service-awsvpc-network-configuration',
  fix: "Inserts `networkConfiguration.awsvpcConfiguration` with `assignPublicIp: DISABLED`, an empty `securityGroups` list and, in `subnets`, the template's or Terraform module's own subnets that give no public IP on launch (an empty list when it has none); fill in what is missing.",
  family: 'service',
  severity: 'error',
  appliesTo: ['service'],
  title: 'awsvpc services need networkConfiguration.awsvpcConfiguration',
  description:
    'An awsvpc task gets its own ENI, and ECS needs to know which subnets and security groups to create it in. ' +
    'Creating a service for an awsvpc task definition (every Fargate service) without ' +
    '`networkConfiguration.awsvpcConfiguration` fails.',
  needsCompleteDocument: true,
  check(ctx) {
    if (ctx.unit.update) return; // UpdateService keeps the existing configuration when it is left out.
    const facts = serviceFacts(ctx.unit);
    if (facts.launch === 'EXTERNAL') return; // awsvpc itself is the mistake there: external-service-feature.
    const networkConfiguration = ctx.unit.value.networkConfiguration;
    // Present, or an intrinsic function we cannot see into: either way nothing to say.
    if (!isUnset(networkConfiguration) && !obj(networkConfiguration)) return;
    if (!isUnset(obj(networkConfiguration)?.awsvpcConfiguration)) return;
    const mode = serviceNetworkMode(ctx.self, ctx.refs);
    if (!runsAwsvpc(mode)) return;
    const why = mode.source === 'task-definition' ? 'its task definition uses awsvpc' : 'it runs on Fargate';
    ctx.report({
      path: facts.hasNetworkConfiguration ? ['networkConfiguration'] : anchor(ctx),
      target: 'key',
      message: `Network Configuration must be provided when networkMode 'awsvpc' is specified: this service has no networkConfiguration.awsvpcConfiguration, and ${why}.`,
      fixes: [
        {
          title: 'Add networkConfiguration.awsvpcConfiguration (fill in subnets and security groups)',
          edits: [ctx.set(['networkConfiguration'], skeleton(privateSubnetReferences(ctx.self, ctx.refs)))],
          preferred: true,
        },
      ],
    });
  },
};

export const serviceNetworkConfigurationMode: Rule = {
  id: 'service-network-configuration-mode',
  fix: "Deletes the service's `networkConfiguration`, or, as a second choice, switches the task definition's `networkMode` to `awsvpc`.",
  family: 'service',
  severity: 'error',
  appliesTo: ['service'],
  title: 'networkConfiguration is only for awsvpc task definitions',
  description: '`networkConfiguration` describes the ENI of awsvpc tasks. For a task definition in bridge, host or none ' + 'mode ECS rejects it.',
  check(ctx) {
    const facts = serviceFacts(ctx.unit);
    if (!facts.hasNetworkConfiguration) return;
    const td = linkedTask(ctx.self, ctx.refs);
    if (!td || !definitelyNotAwsvpc(td.facts) || facts.launch === 'FARGATE') return;
    const mode = td.facts.explicitMode ?? 'bridge (the default)';
    ctx.report({
      path: ['networkConfiguration'],
      target: 'key',
      message: `Network Configuration is not valid for the given networkMode of this task definition: the task definition uses ${mode}.`,
      related: [{ uri: td.ref.uri, path: ctx.docPath(['networkMode'], td.ref), message: "the task definition's network mode" }],
      fixes: [
        { title: 'Remove networkConfiguration', edits: [ctx.remove(['networkConfiguration'])] },
        { title: "Set the task definition's networkMode to 'awsvpc'", edits: [ctx.set(['networkMode'], 'awsvpc', td.ref)] },
      ],
    });
  },
};

function idListRule(options: {
  id: string;
  fix: string | null;
  key: 'subnets' | 'securityGroups';
  title: string;
  description: string;
  check: (ctx: RuleContext, list: Json[]) => void;
}): Rule {
  return {
    id: options.id,
    fix: options.fix,
    family: 'service',
    severity: 'error',
    appliesTo: ['service'],
    title: options.title,
    description: options.description,
    check(ctx) {
      const config = serviceFacts(ctx.unit).awsvpcConfiguration;
      if (!config) return;
      const list = arr(config[options.key]);
      if (!list) return;
      options.check(ctx, list);
    },
  };
}

const SUBNETS_PATH = ['networkConfiguration', 'awsvpcConfiguration', 'subnets'];
const GROUPS_PATH = ['networkConfiguration', 'awsvpcConfiguration', 'securityGroups'];

export const awsvpcSubnetCount = idListRule({
  id: 'awsvpc-subnet-count',
  fix: null,
  key: 'subnets',
  title: 'awsvpcConfiguration needs 1 to 16 subnets',
  description: 'ECS places awsvpc tasks in the listed subnets: at least one is needed, and at most 16 are accepted.',
  check(ctx, list) {
    if (list.length === 0 && 'subnets' in (serviceFacts(ctx.unit).awsvpcConfiguration ?? {})) {
      ctx.report({ path: SUBNETS_PATH, message: 'awsvpcConfiguration.subnets is empty: list at least one subnet for the task ENIs.' });
    } else if (list.length > MAX_SUBNETS) {
      ctx.report({ path: SUBNETS_PATH, message: `subnets can have at most ${MAX_SUBNETS} items (this list has ${list.length}).` });
    }
  },
});

export const awsvpcSecurityGroupCount = idListRule({
  id: 'awsvpc-security-group-count',
  fix: null,
  key: 'securityGroups',
  title: 'awsvpcConfiguration takes at most 5 security groups',
  description: 'A task ENI can carry at most 5 security groups; ECS rejects a longer list.',
  check(ctx, list) {
    if (list.length > MAX_SECURITY_GROUPS) {
      ctx.report({ path: GROUPS_PATH, message: `securityGroups can have at most ${MAX_SECURITY_GROUPS} items (this list has ${list.length}).` });
    }
  },
});

const ID_FORMATS = {
  subnets: { prefix: 'subnet', re: /^subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})$/ },
  securityGroups: { prefix: 'sg', re: /^sg-(?:[0-9a-f]{8}|[0-9a-f]{17})$/ },
};

export const awsvpcIdFormat: Rule = {
  id: 'awsvpc-id-format',
  fix: 'When the ID is right apart from surrounding spaces, the fix trims them. A name or an ARN has no automatic fix: look up the ID.',
  family: 'service',
  severity: 'error',
  appliesTo: ['service'],
  title: 'Subnet and security group IDs must be IDs, not names',
  description:
    'ECS takes subnet IDs (`subnet-0abc…`) and security group IDs (`sg-0abc…`), not names or ARNs. A name, a ' +
    'stray space or a typo fails when the service creates its first task.',
  check(ctx) {
    const config = serviceFacts(ctx.unit).awsvpcConfiguration;
    if (!config) return;
    for (const key of ['subnets', 'securityGroups'] as const) {
      const { prefix, re } = ID_FORMATS[key];
      (arr(config[key]) ?? []).forEach((item, i) => {
        const id = idStr(item);
        if (id === undefined || re.test(id)) return;
        const trimmed = id.trim();
        ctx.report({
          path: [...(key === 'subnets' ? SUBNETS_PATH : GROUPS_PATH), i],
          message: `'${id}' is not a ${key === 'subnets' ? 'subnet' : 'security group'} ID: expected ${prefix}- followed by 8 or 17 hex digits.`,
          fixes: re.test(trimmed)
            ? [
                {
                  title: `Remove the spaces: '${trimmed}'`,
                  edits: [ctx.set([...(key === 'subnets' ? SUBNETS_PATH : GROUPS_PATH), i], trimmed)],
                  preferred: true,
                  safe: true,
                },
              ]
            : undefined,
        });
      });
    }
  },
};

export const assignPublicIpEc2: Rule = {
  id: 'assign-public-ip-ec2',
  fix: 'Sets `assignPublicIp` to `DISABLED`.',
  family: 'service',
  severity: 'error',
  appliesTo: ['service'],
  title: 'assignPublicIp ENABLED needs Fargate',
  description:
    'Only Fargate can give a task ENI a public IP. On EC2 awsvpc task ENIs never get one; to reach the internet ' +
    'from a private subnet, use a NAT gateway (or VPC endpoints for AWS services).',
  check(ctx) {
    const facts = serviceFacts(ctx.unit);
    const value = str(facts.awsvpcConfiguration?.assignPublicIp);
    const refusal = value === undefined ? undefined : assignPublicIpVerdict(facts).refuse(value);
    if (!refusal) return;
    ctx.report({
      path: ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'],
      message: refusal.reason,
      fixes: [
        {
          title: "Set assignPublicIp to 'DISABLED'",
          edits: [ctx.set(['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'], 'DISABLED')],
          preferred: true,
          safe: true,
        },
      ],
    });
  },
};

export const serviceFargateCompatibility: Rule = {
  id: 'service-fargate-compatibility',
  fix: "Adds `FARGATE` to the task definition's `requiresCompatibilities`.",
  family: 'service',
  severity: 'error',
  appliesTo: ['service'],
  title: 'A Fargate service needs a FARGATE-compatible task definition',
  description:
    'A service that runs on Fargate (launch type or FARGATE/FARGATE_SPOT capacity providers) can only use a task ' +
    'definition registered with FARGATE in `requiresCompatibilities`, which is also when ECS checks the Fargate rules.',
  check(ctx) {
    const facts = serviceFacts(ctx.unit);
    if (facts.launch !== 'FARGATE') return;
    const td = linkedTask(ctx.self, ctx.refs);
    if (!td || td.facts.compatibilities === undefined || td.facts.fargate) return;
    ctx.report({
      path: anchor(ctx),
      // A provider strategy decides the launch kind silently; name it, so the cause is visible.
      message:
        facts.launchVia === 'capacityProviderStrategy' ? `${FARGATE_INCOMPATIBLE} This service runs on ${launchDescription(facts)}.` : FARGATE_INCOMPATIBLE,
      related: [{ uri: td.ref.uri, path: ctx.docPath(['requiresCompatibilities'], td.ref), message: "the task definition's compatibilities" }],
      fixes: [
        {
          title: "Add 'FARGATE' to the task definition's requiresCompatibilities",
          edits: [ctx.set(['requiresCompatibilities'], [...td.facts.compatibilities, 'FARGATE'], td.ref)],
          preferred: true,
        },
      ],
    });
  },
};

export const launchTypeWithCapacityProvider: Rule = {
  id: 'launch-type-with-capacity-provider',
  fix: 'Deletes `launchType`, or, as a second choice, deletes `capacityProviderStrategy`.',
  family: 'service',
  severity: 'error',
  appliesTo: ['service'],
  title: 'Use launchType or capacityProviderStrategy, not both',
  description: 'A service picks its capacity either by `launchType` or by `capacityProviderStrategy`. ECS rejects a request with both.',
  check(ctx) {
    const facts = serviceFacts(ctx.unit);
    if (!facts.hasLaunchType || !facts.hasCapacityProviders) return;
    ctx.report({
      path: ['launchType'],
      target: 'key',
      message: LAUNCH_TYPE_AND_PROVIDERS,
      fixes: [
        { title: 'Remove launchType', edits: [ctx.remove(['launchType'])], preferred: true },
        { title: 'Remove capacityProviderStrategy', edits: [ctx.remove(['capacityProviderStrategy'])] },
      ],
    });
  },
};

export const platformVersionEc2: Rule = {
  id: 'platform-version-ec2',
  fix: 'Deletes `platformVersion`.',
  family: 'service',
  severity: 'error',
  appliesTo: ['service'],
  title: 'platformVersion is only for Fargate',
  description: 'Platform versions describe the Fargate runtime. With the EC2 or EXTERNAL launch type the version must be left out.',
  check(ctx) {
    const version = ctx.unit.value.platformVersion;
    if (!isKnown(version)) return;
    const refusal = platformVersionVerdict(serviceFacts(ctx.unit), undefined).refuse(str(version) ?? '');
    if (refusal?.ruleId !== 'platform-version-ec2') return;
    ctx.report({
      path: ['platformVersion'],
      target: 'key',
      message: refusal.reason,
      fixes: [{ title: 'Remove platformVersion', edits: [ctx.remove(['platformVersion'])], preferred: true, safe: true }],
    });
  },
};

// Service definition parameters, `role`: only for a load balancer with one target group and a task
// definition that is not awsvpc; awsvpc services use the ECS service-linked role instead.

export const serviceRoleAwsvpc: Rule = {
  id: 'service-role-awsvpc',
  fix: 'Deletes `role`; ECS then uses its service-linked role.',
  family: 'service',
  severity: 'error',
  appliesTo: ['service'],
  title: 'No service role with awsvpc: ECS uses its service-linked role',
  description:
    'The service `role` is the old way to let ECS register tasks with a load balancer. awsvpc services (every ' +
    'Fargate service) need the ECS service-linked role, which also manages the task ENIs, and ECS refuses a ' +
    '`role` for them ("You cannot specify an IAM role for services that require a service linked role"). ' +
    'Remove the parameter; the service-linked role exists in the account or is created with the first cluster.',
  check(ctx) {
    if (!isKnown(ctx.unit.value.role)) return;
    const mode = serviceNetworkMode(ctx.self, ctx.refs);
    if (!runsAwsvpc(mode)) return;
    const why = mode.source === 'task-definition' ? "this service's task definition uses awsvpc" : 'this service runs on Fargate, which always uses awsvpc';
    ctx.report({
      path: ['role'],
      target: 'key',
      message: `You cannot specify an IAM role for services that require a service linked role: ${why}.`,
      fixes: [{ title: 'Remove role (ECS uses its service-linked role)', edits: [ctx.remove(['role'])], preferred: true, safe: true }],
    });
  },
};
