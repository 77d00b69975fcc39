import type { Os } from '../../../core';
import { obj } from '../../../model/values';
import { stringInside } from '../cursor';
import { instanceTypeItems } from '../instanceTypes';
import { toRange } from '../items';
import { ANY, pathIs, type ValueProvider } from './registry';

/** `clusters[i].capacity[j].instanceType` in the environment file: instance types for the cluster's OS. */
export const environmentInstanceTypeProvider: ValueProvider = {
  id: 'environment-instance-type',
  kinds: ['environment'],
  matches: pathIs('clusters', ANY, 'capacity', ANY, 'instanceType'),
  provide(ctx) {
    const clusters = ctx.unit.value.clusters;
    const index = ctx.rel[1];
    const cluster = Array.isArray(clusters) && typeof index === 'number' ? obj(clusters[index]) : undefined;
    const os: Os = cluster?.os === 'windows' ? 'windows' : cluster?.os === 'linux' ? 'linux' : ctx.settings.os;
    // Only inside the string: the name replaces its inside.
    const inside = stringInside(ctx.offset, ctx.token);
    if (!inside) return undefined;
    return instanceTypeItems(ctx.text.slice(inside.start, ctx.offset), toRange(ctx.doc, inside.start, inside.end), os, ctx.settings.defaultInstanceTypes);
  },
};
