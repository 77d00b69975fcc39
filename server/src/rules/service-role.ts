import { isKnown } from '../model/values';
import { runsAwsvpc, serviceNetworkMode } from '../semantics/service';
import type { Rule } from './types';

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
