import { closestMatches } from '../core/suggest';
import { arr, bool, isUnset, obj, str } from '../model/values';
import type { TaskFacts } from '../semantics/facts';
import { linkedTask } from '../semantics/service';
import type { Rule } from './types';

// Service Connect (developer guide "Service Connect" and the service definition parameters):
// each entry of serviceConnectConfiguration.services names a port mapping of the task definition
// by its `name`; a port mapping gets a name only for this purpose.

/**
 * The names of the task definition's port mappings, or undefined when one of them cannot be read
 * (an intrinsic function or placeholder could be the missing name).
 */
function portMappingNames(facts: TaskFacts): Set<string> | undefined {
  if (!facts.containersKnown) return undefined;
  const names = new Set<string>();
  for (const c of facts.containers) {
    const list = c.value.portMappings;
    if (isUnset(list)) continue;
    const mappings = arr(list);
    if (!mappings) return undefined;
    for (const m of mappings) {
      const mapping = obj(m);
      if (!mapping) return undefined;
      if (isUnset(mapping.name)) continue;
      const name = str(mapping.name);
      if (name === undefined) return undefined;
      names.add(name);
    }
  }
  return names;
}

export const serviceConnectPortName: Rule = {
  id: 'service-connect-port-name',
  fix: 'When exactly one port mapping name is close to `portName` (a typo or a difference in case), the fix changes `portName` to it. Otherwise name the port mapping in the task definition.',
  family: 'service-connect',
  severity: 'error',
  appliesTo: ['service'],
  title: 'Service Connect portName must name a port mapping of the task definition',
  description:
    'A Service Connect endpoint points at a port of the task by name: each `portName` in ' +
    '`serviceConnectConfiguration.services` must equal the `name` of a port mapping in the task definition. ' +
    'A server service therefore needs named port mappings; ECS refuses the service otherwise.',
  needsCompleteDocument: true,
  check(ctx) {
    const config = obj(ctx.unit.value.serviceConnectConfiguration);
    if (!config || bool(config.enabled, ctx.unit.style) === false) return;
    const services = arr(config.services);
    if (!services || services.length === 0) return;
    const td = linkedTask(ctx.self, ctx.refs);
    if (!td || td.ref.doc?.hasSyntaxErrors) return;
    const names = portMappingNames(td.facts);
    if (!names) return;
    services.forEach((s, i) => {
      const portName = str(obj(s)?.portName);
      if (portName === undefined || names.has(portName)) return;
      const path = ['serviceConnectConfiguration', 'services', i, 'portName'];
      const related = [{ uri: td.ref.uri, path: ctx.docPath(['containerDefinitions'], td.ref), message: "the task definition's containers" }];
      if (names.size === 0) {
        ctx.report({
          path,
          message: `Service Connect needs named port mappings: no port mapping in the task definition has a name, so portName '${portName}' matches nothing. Add "name": "${portName}" to the port mapping this endpoint serves.`,
          related,
        });
        return;
      }
      const close = closestMatches(portName, names, 2);
      ctx.report({
        path,
        message: `portName '${portName}' is not the name of a port mapping in the task definition (names: ${[...names].join(', ')}).`,
        related,
        fixes: close.length === 1 ? [{ title: `Change portName to '${close[0]}'`, edits: [ctx.set(path, close[0])], preferred: true }] : undefined,
      });
    });
  },
};
