import { isUnset, str } from '../model/values';
import type { Rule } from './types';

/** Target types that route to instances or IPs, and so need a protocol, port and VPC (CreateTargetGroup API). */
const ROUTED_TYPES = new Set(['instance', 'ip', 'alb']);

export const targetGroupRequiredFields: Rule = {
  id: 'target-group-required-fields',
  family: 'target-group',
  severity: 'error',
  appliesTo: ['target-group'],
  title: 'instance, ip and alb target groups need Protocol, Port and VpcId',
  description:
    'Except for Lambda targets, a target group forwards to a port in a VPC, so CreateTargetGroup requires ' +
    '`Protocol`, `Port` and `VpcId` (leaving out TargetType means `instance`).',
  needsCompleteDocument: true,
  check(ctx) {
    const v = ctx.unit.value;
    const rawType = v.TargetType;
    if (!isUnset(rawType) && str(rawType) === undefined) return;
    const type = str(rawType) ?? 'instance';
    if (!ROUTED_TYPES.has(type)) return;
    // GENEVE target groups of Gateway Load Balancers still need all three; nothing to relax.
    const missing = ['Protocol', 'Port', 'VpcId'].filter((k) => isUnset(v[k]));
    if (missing.length === 0) return;
    ctx.report({
      path: 'TargetType' in v ? ['TargetType'] : 'Name' in v ? ['Name'] : [],
      target: 'key',
      message: `A target group of type ${type} needs ${missing.join(', ')}.`,
    });
  },
};
