import { parsePortRange } from '../core/ports';
import { arr, isUnset, num, obj, str } from '../model/values';

// What a container's port mappings expose, read with the same care for unknowns as the facts:
// a port that looks missing may be the one an intrinsic function supplies.

/**
 * True when every port mapping of a container can be read: no intrinsic function stands for the
 * list, a mapping, a containerPort or a containerPortRange. Otherwise a port that looks missing may
 * be the one a `Ref` supplies.
 */
export function portMappingsKnown(container: { value: Record<string, unknown> }, style: 'api' | 'cfn'): boolean {
  const list = container.value.portMappings as never;
  if (isUnset(list)) return true;
  const mappings = arr(list);
  if (!mappings) return false;
  return mappings.every((m) => {
    const mapping = obj(m);
    if (!mapping) return false;
    const portOk = isUnset(mapping.containerPort) || num(mapping.containerPort, style) !== undefined;
    const rangeOk = isUnset(mapping.containerPortRange) || str(mapping.containerPortRange) !== undefined;
    return portOk && rangeOk;
  });
}

/** The container ports a container exposes: single ports and ranges. */
export function exposesPort(container: { value: Record<string, unknown> }, port: number, style: 'api' | 'cfn'): boolean {
  for (const m of arr(container.value.portMappings as never) ?? []) {
    const mapping = obj(m);
    if (!mapping) continue;
    if (num(mapping.containerPort, style) === port) return true;
    const rangeText = str(mapping.containerPortRange);
    const range = rangeText ? parsePortRange(rangeText) : undefined;
    if (range && port >= range[0] && port <= range[1]) return true;
  }
  return false;
}
