import { arr, bool, isUnset, obj, str } from '../model/values';
import { serviceFacts, taskFacts } from '../semantics/facts';
import { linkedTask } from '../semantics/service';
import type { Rule } from './types';

// ECS Anywhere: tasks on external (on-premises) instances. The developer guide's "External
// instances" considerations: no awsvpc (Linux uses bridge, host or none; Windows the default
// mode), no service load balancing, no service discovery; the Service Connect considerations add
// that external instances are not supported there either.

export const externalNetworkMode: Rule = {
  id: 'external-network-mode',
  fix: null,
  family: 'anywhere',
  severity: 'warning',
  appliesTo: ['task-definition'],
  title: 'EXTERNAL (ECS Anywhere) tasks cannot use awsvpc',
  description:
    'An external instance is a server outside AWS: there is no VPC to create a task ENI in. Tasks placed there ' +
    'must use `bridge`, `host` or `none` on Linux and the default mode on Windows. A task definition that lists ' +
    '`EXTERNAL` in `requiresCompatibilities` with `awsvpc` can never be placed on one.',
  check(ctx) {
    const facts = taskFacts(ctx.unit);
    if (facts.effectiveMode !== 'awsvpc' || !facts.compatibilities?.includes('EXTERNAL')) return;
    const index = (arr(ctx.unit.value.requiresCompatibilities) ?? []).findIndex((c) => str(c) === 'EXTERNAL');
    if (index < 0) return;
    const other = facts.os === 'windows' ? 'the default network mode (leave networkMode out)' : 'bridge, host or none';
    ctx.report({
      path: ['requiresCompatibilities', index],
      message: `Tasks on external instances (ECS Anywhere) cannot use networkMode 'awsvpc'; they need ${other}.`,
    });
  },
};

export const externalServiceFeature: Rule = {
  id: 'external-service-feature',
  fix: 'Deletes `loadBalancers` or `serviceRegistries`. Service Connect and an awsvpc network configuration have no automatic fix: turn Service Connect off, or give the service a `bridge`, `host` or `none` task definition.',
  family: 'anywhere',
  severity: 'error',
  appliesTo: ['service'],
  title: 'EXTERNAL services cannot use load balancers, service discovery, Service Connect or awsvpc',
  description:
    'A service with launch type `EXTERNAL` runs its tasks on ECS Anywhere instances. ECS cannot register those ' +
    'with Elastic Load Balancing or Cloud Map, does not run the Service Connect proxy there, and has no VPC in ' +
    'which to give the tasks an ENI, so `loadBalancers`, `serviceRegistries`, `serviceConnectConfiguration` and ' +
    '`networkConfiguration` (an awsvpc task definition) are all refused. (RunTask with a network configuration ' +
    'on EXTERNAL is reported to fail with the awsvpc network mode being valid only for EC2 and Fargate.)',
  check(ctx) {
    const facts = serviceFacts(ctx.unit);
    if (facts.launch !== 'EXTERNAL') return;
    const v = ctx.unit.value;
    const nonEmpty = (key: string) => (arr(v[key])?.length ?? 0) > 0;
    const remove = (key: string) => [{ title: `Remove ${key}`, edits: [ctx.remove([key])] }];
    if (nonEmpty('loadBalancers')) {
      ctx.report({
        path: ['loadBalancers'],
        target: 'key',
        message: 'Service load balancing is not supported on external instances (launch type EXTERNAL): ECS cannot register their tasks with a target group.',
        fixes: remove('loadBalancers'),
      });
    }
    if (nonEmpty('serviceRegistries')) {
      ctx.report({
        path: ['serviceRegistries'],
        target: 'key',
        message: 'Service discovery (Cloud Map) is not supported on external instances (launch type EXTERNAL).',
        fixes: remove('serviceRegistries'),
      });
    }
    const connect = obj(v.serviceConnectConfiguration);
    if (connect && bool(connect.enabled, ctx.unit.style) === true) {
      ctx.report({
        path: ['serviceConnectConfiguration', 'enabled'],
        message: 'Service Connect is not supported on external instances (launch type EXTERNAL).',
      });
    }
    const td = linkedTask(ctx.self, ctx.refs);
    const tdMode = td?.facts.effectiveMode;
    if (tdMode === 'awsvpc' || (!isUnset(v.networkConfiguration) && tdMode === undefined)) {
      ctx.report({
        path: !isUnset(v.networkConfiguration) ? ['networkConfiguration'] : 'taskDefinition' in v ? ['taskDefinition'] : ['launchType'],
        target: 'key',
        message:
          'External instances (launch type EXTERNAL) do not support the awsvpc network mode, so a service there takes no networkConfiguration; use a bridge, host or none task definition.',
      });
    }
  },
};
