import type { Unit } from '../model/document';
import type { JsonObject, JsonPath } from '../model/types';
import { arr, isIntrinsic, isKnown, isUnset, num, obj, str, strList } from '../model/values';
import { parseTaskCpu, parseTaskMemoryMiB } from '../core/fargate';
import { isNetworkMode, type EffectiveNetworkMode, type LaunchKind, type NetworkMode, type Os } from '../core/kinds';

// Facts rules share, derived once per unit: the network mode as written and as ECS will apply
// it, where the task may run, its containers and port mappings. "Unknown" is a first-class answer:
// rules that depend on a fact the document does not pin down stay silent.

export interface PortMappingFact {
  readonly container: number;
  readonly index: number;
  /** Path relative to the unit (API spelling). */
  readonly path: JsonPath;
  readonly containerPort?: number;
  readonly hostPort?: number;
  readonly hostPortSet: boolean;
  readonly protocol: string;
  readonly containerPortRange?: string;
}

export interface ContainerFact {
  readonly index: number;
  readonly name?: string;
  readonly value: JsonObject;
  readonly path: JsonPath;
}

export interface TaskFacts {
  /** `explicit`: the mode is written; `omitted`: ECS applies its default; `unknown`: an intrinsic or a bad value. */
  readonly modeState: 'explicit' | 'omitted' | 'unknown';
  readonly explicitMode?: NetworkMode;
  /** The mode ECS will use: omitted means bridge on Linux and the Windows default (NAT) on Windows; undefined when not knowable. */
  readonly effectiveMode?: EffectiveNetworkMode;
  readonly os?: Os;
  readonly compatibilities?: readonly string[];
  readonly fargate: boolean;
  readonly containers: readonly ContainerFact[];
  /**
   * Every container is readable with a concrete name: no intrinsic function or placeholder stands
   * for the list, an entry or a name. Only then does "no container named X" mean something.
   */
  readonly containersKnown: boolean;
  readonly portMappings: readonly PortMappingFact[];
  readonly cpu?: number;
  readonly memoryMiB?: number;
}

const taskCache = new WeakMap<Unit, TaskFacts>();

export function taskFacts(unit: Unit): TaskFacts {
  const cached = taskCache.get(unit);
  if (cached) return cached;
  const facts = computeTaskFacts(unit);
  taskCache.set(unit, facts);
  return facts;
}

function computeTaskFacts(unit: Unit): TaskFacts {
  const v = unit.value;
  const style = unit.style;
  const rawMode = v.networkMode;
  let modeState: TaskFacts['modeState'];
  let explicitMode: NetworkMode | undefined;
  // In a document with a syntax error a missing networkMode may be one the parser dropped; only a
  // complete document proves it omitted (and so bridge).
  // A bare container list does not say its mode: it lives in the task definition that reads the
  // file (a Terraform block, not read yet), so every mode-dependent check stays silent.
  const fragment = unit.kind === 'container-definitions';
  if (fragment || (rawMode === undefined && unit.partial)) modeState = 'unknown';
  else if (isUnset(rawMode)) modeState = 'omitted';
  else if (isNetworkMode(rawMode)) {
    modeState = 'explicit';
    explicitMode = rawMode;
  } else modeState = 'unknown';

  const family = str(obj(v.runtimePlatform)?.operatingSystemFamily);
  const os: Os | undefined = family === undefined ? undefined : family.startsWith('WINDOWS') ? 'windows' : family === 'LINUX' ? 'linux' : undefined;

  const compatibilities =
    fragment || isIntrinsic(v.requiresCompatibilities) || (v.requiresCompatibilities === undefined && unit.partial)
      ? undefined
      : (strList(v.requiresCompatibilities) ?? []);
  const fargate = compatibilities?.includes('FARGATE') ?? false;

  let effectiveMode: TaskFacts['effectiveMode'];
  if (modeState === 'explicit') effectiveMode = explicitMode;
  else if (modeState === 'omitted') {
    // Linux defaults to bridge, Windows to its NAT default. Fargate is Linux or an explicit Windows family.
    if (os === 'windows') effectiveMode = 'default';
    else if (os === 'linux' || fargate) effectiveMode = 'bridge';
  }

  const containers: ContainerFact[] = [];
  const portMappings: PortMappingFact[] = [];
  const definitions = arr(v.containerDefinitions);
  let containersKnown = definitions !== undefined;
  (definitions ?? []).forEach((c, ci) => {
    const container = obj(c);
    if (!container || str(container.name) === undefined) containersKnown = false;
    if (!container) return;
    const path: JsonPath = ['containerDefinitions', ci];
    containers.push({ index: ci, name: str(container.name), value: container, path });
    (arr(container.portMappings) ?? []).forEach((m, pi) => {
      const mapping = obj(m);
      if (!mapping) return;
      portMappings.push({
        container: ci,
        index: pi,
        path: [...path, 'portMappings', pi],
        containerPort: num(mapping.containerPort, style),
        hostPort: num(mapping.hostPort, style),
        hostPortSet: isKnown(mapping.hostPort),
        protocol: (str(mapping.protocol) ?? 'tcp').toLowerCase(),
        containerPortRange: str(mapping.containerPortRange),
      });
    });
  });

  return {
    modeState,
    explicitMode,
    effectiveMode,
    os,
    compatibilities,
    fargate,
    containers,
    containersKnown,
    portMappings,
    cpu: parseTaskCpu(v.cpu),
    memoryMiB: parseTaskMemoryMiB(v.memory),
  };
}

export interface ServiceFacts {
  /** Where the service's tasks run, when the document says so (launch type or capacity providers). */
  readonly launch?: LaunchKind;
  readonly launchVia?: 'launchType' | 'capacityProviderStrategy';
  /** The capacity providers named, when `launch` comes from them. */
  readonly providers?: readonly string[];
  readonly hasLaunchType: boolean;
  readonly hasCapacityProviders: boolean;
  readonly awsvpcConfiguration?: JsonObject;
  readonly hasNetworkConfiguration: boolean;
}

const FARGATE_PROVIDERS = new Set(['FARGATE', 'FARGATE_SPOT']);
const serviceCache = new WeakMap<Unit, ServiceFacts>();

export function serviceFacts(unit: Unit): ServiceFacts {
  const cached = serviceCache.get(unit);
  if (cached) return cached;
  const v = unit.value;
  const launchType = str(v.launchType);
  const providers = arr(v.capacityProviderStrategy);
  const providerNames = providers?.map((p) => str(obj(p)?.capacityProvider));
  let launch: LaunchKind | undefined;
  let launchVia: ServiceFacts['launchVia'];
  let named: string[] | undefined;
  if (launchType === 'FARGATE' || launchType === 'EC2' || launchType === 'EXTERNAL') {
    launch = launchType;
    launchVia = 'launchType';
  } else if (providerNames && providerNames.length > 0 && providerNames.every((n) => n !== undefined)) {
    // Fargate providers have fixed names; any other named provider is an Auto Scaling group of EC2 instances.
    if (providerNames.every((n) => FARGATE_PROVIDERS.has(n!))) launch = 'FARGATE';
    else if (providerNames.every((n) => !FARGATE_PROVIDERS.has(n!))) launch = 'EC2';
    if (launch) {
      launchVia = 'capacityProviderStrategy';
      named = providerNames as string[];
    }
  }
  const networkConfiguration = v.networkConfiguration;
  const facts: ServiceFacts = {
    launch,
    launchVia,
    providers: named,
    hasLaunchType: isKnown(v.launchType),
    hasCapacityProviders: !isUnset(v.capacityProviderStrategy),
    awsvpcConfiguration: obj(obj(networkConfiguration)?.awsvpcConfiguration),
    hasNetworkConfiguration: !isUnset(networkConfiguration),
  };
  serviceCache.set(unit, facts);
  return facts;
}

/** The container named `name`, if the task definition has exactly that container. */
export function containerNamed(facts: TaskFacts, name: string): ContainerFact | undefined {
  return facts.containers.find((c) => c.name === name);
}
