// The client's only knowledge of ECS documents: a cheap look at the text that decides whether to
// start the language server. The server decides what a document really is.

const ECS_MARKERS = /"containerDefinitions"|"taskDefinition"|"serviceName"|"TargetType"|AWS::ECS::|AWS::ElasticLoadBalancingV2::TargetGroup/;

/** Past this many characters only the start is looked at: a marker sits near the top in practice. */
const SNIFF_LIMIT = 4 * 1024 * 1024;

export function looksLikeEcsDocument(text: string): boolean {
  return ECS_MARKERS.test(text.length > SNIFF_LIMIT ? text.slice(0, SNIFF_LIMIT) : text);
}

/** `ecs-network.json`, or the configured environment file name, as the last segment of a path. */
export function isEnvironmentFilePath(path: string, configuredName: string): boolean {
  const base = path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1).toLowerCase();
  const configured = configuredName.slice(Math.max(configuredName.lastIndexOf('/'), configuredName.lastIndexOf('\\')) + 1).toLowerCase();
  return base === 'ecs-network.json' || base.endsWith('.ecs-network.json') || (configured !== '' && base === configured);
}
