import { membersAt } from '../structure/validate';
import { closestMatches } from '../core/suggest';
import type { Json, JsonObject, JsonPath } from './types';
import { arr, isObject, obj, str } from './values';
import type { Unit } from './document';
import { CONTAINER_ONLY_MEMBERS } from '../../../shared/src/ecsMarkers';

// Recognition of the shapes that carry no name saying what they are: a CreateService input
// without `serviceName`, and the bare container-definition list Terraform reads from a file.
// Precision is the point: other tools' JSON must never match, so each test asks for a
// combination of members that only ECS writes, and for keys that all belong to the ECS model.

let serviceMembers: ReadonlySet<string> | undefined;
let containerMembers: readonly string[] | undefined;

function knownServiceKeys(): ReadonlySet<string> {
  serviceMembers ??= new Set((membersAt('service', 'api', []) ?? []).map((m) => m.name));
  return serviceMembers;
}

function knownContainerKeys(): readonly string[] {
  containerMembers ??= (membersAt('task-definition', 'api', ['containerDefinitions', 0]) ?? []).map((m) => m.name);
  return containerMembers;
}

/** Members only a CreateService/UpdateService input has, each counted once. */
const SERVICE_SIGNALS: readonly ((root: JsonObject) => boolean)[] = [
  (root) => obj(obj(root.networkConfiguration)?.awsvpcConfiguration) !== undefined,
  (root) => ('launchType' in root || 'capacityProviderStrategy' in root) && 'desiredCount' in root,
  (root) => (arr(root.loadBalancers) ?? []).some((lb) => isObject(lb) && ('targetGroupArn' in lb || 'containerName' in lb)),
  (root) => isObject(root.deploymentController),
  (root) => isObject(root.deploymentConfiguration),
  (root) => root.schedulingStrategy === 'REPLICA' || root.schedulingStrategy === 'DAEMON',
  (root) => Array.isArray(root.serviceRegistries),
  (root) => isObject(root.serviceConnectConfiguration),
];

/**
 * A CreateService input without `serviceName` (ecspresso's service definition, a CodeDeploy
 * `create-service.json` whose name is given on the command line): at least two service-only
 * signals, and every key but at most one (a typo worth reporting) a CreateService member.
 */
export function isServiceInput(root: JsonObject): boolean {
  let signals = 0;
  for (const signal of SERVICE_SIGNALS) if (signal(root)) signals++;
  if (signals < 2) return false;
  const known = knownServiceKeys();
  let unknown = 0;
  for (const key of Object.keys(root)) if (key !== '$schema' && !known.has(key)) unknown++;
  return unknown <= 1;
}

/**
 * A top-level array of container definitions (Terraform's `container_definitions` file): every
 * element an object, at least one with a string `name` and `image`, one member at least that only
 * a container definition has (`portMappings`, `essential`…: name and image alone are every tool's),
 * and every key a ContainerDefinition member, or a near miss of one (at most one in the whole list).
 */
export function isContainerDefinitionList(root: readonly Json[]): boolean {
  if (root.length === 0 || !root.every(isObject)) return false;
  const items = root as JsonObject[];
  if (!items.some((c) => str(c.name) !== undefined && typeof c.image === 'string')) return false;
  if (!items.some((c) => CONTAINER_ONLY_MEMBERS.some((m) => m in c))) return false;
  const members = knownContainerKeys();
  const exact = new Set(members);
  let nearMisses = 0;
  for (const item of items) {
    for (const key of Object.keys(item)) {
      if (exact.has(key)) continue;
      if (++nearMisses > 1 || closestMatches(key, members, 1).length === 0) return false;
    }
  }
  return true;
}

/**
 * The unit of a container-definition list. Rules see it as a task definition that holds only
 * `containerDefinitions`, so the container checks apply unchanged; its network mode and launch
 * type are not in the file and stay unknown (semantics/facts.ts). The mode from a Terraform
 * `aws_ecs_task_definition` beside the file is the Terraform reader's to supply (issue #17).
 */
export function containerDefinitionsUnit(root: Json[], partial: boolean): Unit | undefined {
  if (!isContainerDefinitionList(root)) return undefined;
  const value: JsonObject = { containerDefinitions: root };
  // Paths inside the unit start with `containerDefinitions`; in the document the list is the root.
  const toDocPath = (p: JsonPath): JsonPath => (p[0] === 'containerDefinitions' ? p.slice(1) : p);
  return { kind: 'container-definitions', style: 'api', basePath: [], value, raw: value, update: false, partial, toDocPath, fromRaw: toDocPath };
}
