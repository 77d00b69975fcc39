import type { CfnResource } from '../model/document';
import { arr, isKnown, obj, str } from '../model/values';
import { linkedTask, serviceNetworkMode } from '../semantics/service';
import { checkContainerRef } from './container-ref';
import type { Rule } from './types';

// Service discovery (Cloud Map), from the developer guide's "Service discovery" considerations
// and the serviceRegistries parameter: bridge and host tasks support only SRV records, whose port
// comes from containerName + containerPort; awsvpc tasks support A, AAAA and SRV; none supports
// no service discovery at all.

export const serviceRegistryPorts: Rule = {
  id: 'service-registry-ports',
  fix: null,
  family: 'service-discovery',
  severity: 'error',
  appliesTo: ['service'],
  title: 'serviceRegistries: containerName/containerPort rules',
  description:
    'Service discovery SRV records need a port. With bridge or host mode ECS takes it from `containerName` and ' +
    '`containerPort`, which must both be given and must name a container of the task definition and one of its ' +
    'container ports; `port` and the container pair are never given together.',
  check(ctx) {
    const td = linkedTask(ctx.self, ctx.refs);
    (arr(ctx.unit.value.serviceRegistries) ?? []).forEach((r, i) => {
      const entry = obj(r);
      if (!entry) return;
      const hasName = isKnown(entry.containerName);
      const hasPort = isKnown(entry.containerPort);
      if (isKnown(entry.port) && (hasName || hasPort)) {
        ctx.report({
          path: ['serviceRegistries', i, 'port'],
          target: 'key',
          message: "Specify a value for either 'port' or the 'containerName' and 'containerPort' combination, but not both.",
        });
        return;
      }
      const mode = td?.facts.effectiveMode;
      if ((mode === 'bridge' || mode === 'host') && !(hasName && hasPort)) {
        ctx.report({
          path: ['serviceRegistries', i],
          message: `When specifying 'host' or 'bridge' for networkMode, values for 'containerName' and 'containerPort' must be specified from the task definition (this one uses ${mode}).`,
        });
        return;
      }
      if (td) checkContainerRef(ctx, td, ['serviceRegistries', i], entry);
    });
  },
};

const CLOUD_MAP_SERVICE = 'AWS::ServiceDiscovery::Service';

/** The DNS record types of a Cloud Map service in the same template; undefined when not all are plain strings. */
function recordTypes(resource: CfnResource | undefined): string[] | undefined {
  if (!resource || resource.type !== CLOUD_MAP_SERVICE) return undefined;
  const dns = obj(resource.properties.DnsConfig);
  const records = arr(dns?.DnsRecords);
  if (!records || records.length === 0) return undefined;
  const types = records.map((r) => str(obj(r)?.Type));
  return types.every((t): t is string => t !== undefined) ? types : undefined;
}

export const serviceRegistryRecordType: Rule = {
  id: 'service-registry-record-type',
  fix: 'When the Cloud Map service has only A/AAAA records, the fix deletes `containerPort`. The other cases have no automatic fix: change the record types or the network mode.',
  family: 'service-discovery',
  severity: 'error',
  appliesTo: ['service'],
  title: 'Cloud Map record types must suit the network mode',
  description:
    "Which DNS records ECS can register depends on where the task's address comes from. bridge and host tasks " +
    "share the instance's address, so only SRV records (address plus port) work; awsvpc tasks have their own " +
    'address and may use A, AAAA and SRV records; tasks in `none` mode have no address to register at all. An ' +
    'awsvpc registry whose Cloud Map service has only A/AAAA records takes no container port, and one with SRV ' +
    'records needs a port. Record types are read from an `AWS::ServiceDiscovery::Service` in the same template.',
  check(ctx) {
    const registries = arr(ctx.unit.value.serviceRegistries) ?? [];
    if (registries.length === 0) return;
    const served = serviceNetworkMode(ctx.self, ctx.refs);
    const mode = served.certain ? served.mode : undefined;
    registries.forEach((r, i) => {
      const entry = obj(r);
      if (!entry) return;
      if (mode === 'none') {
        ctx.report({
          path: ['serviceRegistries', i],
          message: "Service discovery is not supported with networkMode 'none': the tasks have no network address to register.",
        });
        return;
      }
      const types = recordTypes(ctx.refs.cfnResourceOf(ctx.self, entry.registryArn));
      if (!types) return;
      const hasSrv = types.includes('SRV');
      const addressOnly = types.filter((t) => t === 'A' || t === 'AAAA');
      if ((mode === 'bridge' || mode === 'host') && addressOnly.length > 0) {
        ctx.report({
          path: ['serviceRegistries', i, 'registryArn'],
          message: `With networkMode '${mode}' only SRV records are supported, but the Cloud Map service has ${addressOnly.join(' and ')} records: the tasks share the instance's address, so a record needs the port too.`,
        });
      } else if (mode === 'awsvpc' && !hasSrv && isKnown(entry.containerPort)) {
        ctx.report({
          path: ['serviceRegistries', i, 'containerPort'],
          target: 'key',
          message:
            "The values specified for serviceRegistries do not require a value for 'containerPort'. Remove the value and retry. (The Cloud Map service has only A/AAAA records.)",
          fixes: [{ title: 'Remove containerPort', edits: [ctx.remove(['serviceRegistries', i, 'containerPort'])], preferred: true }],
        });
      } else if (mode === 'awsvpc' && hasSrv && !isKnown(entry.port) && !(isKnown(entry.containerName) && isKnown(entry.containerPort))) {
        ctx.report({
          path: ['serviceRegistries', i],
          message: "The Cloud Map service has SRV records, which need a port: give either 'port' or 'containerName' and 'containerPort'.",
        });
      }
    });
  },
};
