import type { Json, JsonPath } from '../model/types';
import { num, str } from '../model/values';
import { containerNamed } from '../semantics/facts';
import { exposesPort, portMappingsKnown } from '../semantics/ports';
import type { LinkedTask } from '../semantics/service';
import type { RuleContext } from './types';

/**
 * A service entry (a load balancer, a service registry) that names `containerName` and
 * `containerPort`: both must be a container of the task definition and one of its container
 * ports. Silent when the task definition cannot be read completely.
 */
export function checkContainerRef(ctx: RuleContext, td: LinkedTask, at: JsonPath, entry: Record<string, Json>): void {
  if (td.ref.doc?.hasSyntaxErrors || !td.facts.containersKnown) return;
  const name = str(entry.containerName);
  if (name === undefined) return;
  const container = containerNamed(td.facts, name);
  if (!container) {
    const names = td.facts.containers.length ? `containers: ${td.facts.containers.map((c) => c.name).join(', ')}` : 'it has no containers';
    ctx.report({ path: [...at, 'containerName'], message: `Container '${name}' is not in the task definition (${names}).` });
    return;
  }
  const port = num(entry.containerPort, ctx.unit.style);
  const style = td.ref.unit.style;
  if (port === undefined || exposesPort(container, port, style) || !portMappingsKnown(container, style)) return;
  ctx.report({
    path: [...at, 'containerPort'],
    message: `Container '${name}' has no port mapping for container port ${port}.`,
    related: [{ uri: td.ref.uri, path: ctx.docPath([...container.path, 'portMappings'], td.ref), message: `port mappings of '${name}'` }],
  });
}
