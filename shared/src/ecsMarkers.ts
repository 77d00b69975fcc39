// What makes a text look like an ECS document, decided in one place for the client (start the
// server?), the workspace index (parse this file?) and the model (say that a document too large
// to parse was not checked?). Each marker is a word that only ECS documents hold, so whatever
// matches is an ECS document; the kind is what a document holding it most likely is.

import { ENV_FILE_NAME } from './protocol';

/** The kinds a marker can suggest (the server's DocumentKind has these among others). */
export type MarkedKind = 'cloudformation' | 'task-definition' | 'container-definitions' | 'service' | 'target-group';

/**
 * ContainerDefinition members no other tool's JSON uses as keys. A bare container list must hold
 * one of them to be recognised (name and image alone are everybody's), and each is a marker.
 */
export const CONTAINER_ONLY_MEMBERS: readonly string[] = [
  'portMappings',
  'essential',
  'logConfiguration',
  'memoryReservation',
  'mountPoints',
  'volumesFrom',
  'dependsOn',
  'repositoryCredentials',
  'firelensConfiguration',
  'linuxParameters',
];

/** In priority order: the first marker found in a text names its kind. */
export const ECS_CONTENT_MARKERS: readonly { readonly text: string; readonly kind: MarkedKind }[] = [
  { text: 'AWS::ECS::TaskDefinition', kind: 'cloudformation' },
  { text: 'AWS::ECS::Service', kind: 'cloudformation' },
  { text: 'AWS::ElasticLoadBalancingV2::TargetGroup', kind: 'cloudformation' },
  // Any other ECS resource type (a cluster, a capacity provider): still an ECS template.
  { text: 'AWS::ECS::', kind: 'cloudformation' },
  { text: '"ContainerDefinitions"', kind: 'cloudformation' },
  { text: '"containerDefinitions"', kind: 'task-definition' },
  { text: '"serviceName"', kind: 'service' },
  // A service's (or a describe-task-definition wrapper's) key; checked after containerDefinitions.
  { text: '"taskDefinition"', kind: 'service' },
  { text: '"TargetType"', kind: 'target-group' },
  // A CreateService input without its name (ecspresso, CodeDeploy create-service.json): members only a service has.
  { text: '"awsvpcConfiguration"', kind: 'service' },
  { text: '"deploymentConfiguration"', kind: 'service' },
  { text: '"deploymentController"', kind: 'service' },
  { text: '"schedulingStrategy"', kind: 'service' },
  { text: '"serviceRegistries"', kind: 'service' },
  { text: '"serviceConnectConfiguration"', kind: 'service' },
  // A bare list of container definitions (Terraform's container_definitions file): members only a container has.
  ...CONTAINER_ONLY_MEMBERS.map((name) => ({ text: `"${name}"`, kind: 'container-definitions' as const })),
];

const ANY_MARKER = new RegExp(ECS_CONTENT_MARKERS.map((m) => m.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'));

/** Whether the text holds any ECS marker: the cheap test made before parsing. */
export function looksLikeEcsDocument(text: string): boolean {
  return ANY_MARKER.test(text);
}

/**
 * CloudFormation resource types that make a YAML text an ECS template. YAML is everywhere
 * (Kubernetes, workflows, compose files), so only the resource types count, never property names.
 */
const TEMPLATE_MARKER = new RegExp(
  ECS_CONTENT_MARKERS.filter((m) => m.kind === 'cloudformation' && !m.text.startsWith('"'))
    .map((m) => m.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('|'),
);

/** Whether a YAML text names an ECS resource type: the test made before starting the server for it. */
export function looksLikeEcsTemplate(text: string): boolean {
  return TEMPLATE_MARKER.test(text);
}

/** The kind the text's highest-priority marker suggests, for a document that was not parsed. */
export function markedKind(text: string): MarkedKind | undefined {
  return ECS_CONTENT_MARKERS.find((m) => text.includes(m.text))?.kind;
}

/** The last segment of a path or URI, lower-cased. */
function baseName(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
}

/** `ecs-network.json` or `<anything>.ecs-network.json` as the last segment of a path or URI. */
export function hasEnvironmentFileName(path: string): boolean {
  const base = baseName(path);
  return base === ENV_FILE_NAME || base.endsWith(`.${ENV_FILE_NAME}`);
}

/** The default environment file names, or the configured file's name, as the last segment of a path. */
export function isEnvironmentFilePath(path: string, configuredName: string): boolean {
  const configured = baseName(configuredName);
  return hasEnvironmentFileName(path) || (configured !== '' && baseName(path) === configured);
}

/**
 * A Terraform file that may matter to an ECS module: it declares an ECS resource, a target group, a
 * subnet or a launch template (what services, capacity and address checks read), or reads a
 * container-definitions template.
 */
export function looksLikeTerraformModulePart(text: string): boolean {
  return /"(aws_ecs_[a-z_]+|aws_lb_target_group|aws_alb_target_group|aws_subnet|aws_launch_template|aws_instance|template_file)"/.test(text);
}
