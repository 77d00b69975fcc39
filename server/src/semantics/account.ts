import type { Unit } from '../model/document';
import type { JsonObject } from '../model/types';
import type { EnvTargetGroup, EnvTaskDefinition, Environment } from '../core/environment';
import { PORT_MAPPING_FIELDS, TARGET_GROUP_FIELDS, taskDefinitionRef } from '../core/environment-objects';
import { createReferences, type References, type UnitRef, type WorkspaceLookup } from './references';

// Objects that exist only in the account (the environment file's `targetGroups` and
// `taskDefinitions`) turned into units in API spelling, so every rule reads them exactly as it
// reads a workspace document. They have no document: fixes cannot edit them and related
// information cannot point into them (rules/engine.ts drops both).

/** Scheme of the pseudo URI an account object carries instead of a document's. */
export const ACCOUNT_URI_SCHEME = 'aws-account:';

export const isAccountUri = (uri: string | undefined): boolean => uri !== undefined && uri.startsWith(ACCOUNT_URI_SCHEME);

/** Where an account object came from, for hovers and messages. */
export interface AccountOrigin {
  readonly pulledAt?: string;
}

const origins = new WeakMap<Unit, AccountOrigin>();

/** The origin of a unit built from the environment file; undefined for a document's unit. */
export function accountOrigin(unit: Unit): AccountOrigin | undefined {
  return origins.get(unit);
}

function accountUnit(kind: Unit['kind'], value: JsonObject, origin: AccountOrigin): Unit {
  const unit: Unit = { kind, style: 'api', basePath: [], value, raw: value, update: false, toDocPath: (path) => path, fromRaw: (path) => path };
  origins.set(unit, origin);
  return unit;
}

const defined = (entries: [string, JsonObject[string] | undefined][]): JsonObject =>
  Object.fromEntries(entries.filter((e): e is [string, JsonObject[string]] => e[1] !== undefined));

export function targetGroupValue(tg: EnvTargetGroup): JsonObject {
  return defined(
    TARGET_GROUP_FIELDS.map(([key, , unitKey]) => [unitKey, key === 'loadBalancerArns' ? tg.loadBalancerArns && [...tg.loadBalancerArns] : tg[key]]),
  );
}

export function taskDefinitionValue(td: EnvTaskDefinition): JsonObject {
  const platform = td.runtimePlatform;
  return defined([
    ['family', td.family],
    ['revision', td.revision],
    ['taskDefinitionArn', td.arn],
    ['networkMode', td.networkMode],
    ['requiresCompatibilities', td.requiresCompatibilities && [...td.requiresCompatibilities]],
    [
      'runtimePlatform',
      platform &&
        defined([
          ['cpuArchitecture', platform.cpuArchitecture],
          ['operatingSystemFamily', platform.operatingSystemFamily],
        ]),
    ],
    ['cpu', td.cpu],
    ['memory', td.memory],
    [
      'containerDefinitions',
      td.containers.map((c) => ({ name: c.name, portMappings: c.portMappings.map((m) => defined(PORT_MAPPING_FIELDS.map((k) => [k, m[k]]))) })),
    ],
  ]);
}

/**
 * Finds account objects by the names services use. A task definition named with a revision
 * resolves to exactly that revision (an INACTIVE one is never written, so it stays unresolved);
 * a bare family to its highest revision on file, which is the one ECS would pick.
 */
export class AccountObjects implements WorkspaceLookup {
  private readonly groups: { tg: EnvTargetGroup; ref: UnitRef }[];
  private readonly tasks: { td: EnvTaskDefinition; ref: UnitRef }[];

  constructor(env: Environment) {
    const origin: AccountOrigin = { pulledAt: env.pulledAt };
    this.groups = env.targetGroups.map((tg) => ({
      tg,
      ref: { unit: accountUnit('target-group', targetGroupValue(tg), origin), uri: `${ACCOUNT_URI_SCHEME}${tg.arn ?? `targetgroup/${tg.name}`}` },
    }));
    this.tasks = env.taskDefinitions.map((td) => ({
      td,
      ref: {
        unit: accountUnit('task-definition', taskDefinitionValue(td), origin),
        uri: `${ACCOUNT_URI_SCHEME}${td.arn ?? `task-definition/${td.family}:${td.revision ?? ''}`}`,
      },
    }));
  }

  taskDefinition(ref: string): UnitRef | undefined {
    const wanted = taskDefinitionRef(ref);
    if (!wanted) return undefined;
    const family = this.tasks.filter((t) => t.td.family === wanted.family);
    if (wanted.revision !== undefined) return family.find((t) => t.td.revision === wanted.revision)?.ref;
    if (family.length === 1) return family[0].ref;
    const numbered = family.filter((t) => t.td.revision !== undefined).sort((a, b) => b.td.revision! - a.td.revision!);
    return numbered.length === family.length ? numbered[0]?.ref : undefined;
  }

  targetGroup(ref: string): UnitRef | undefined {
    if (ref.startsWith('arn:')) {
      const exact = this.groups.find((g) => g.tg.arn === ref);
      if (exact) return exact.ref;
    }
    // By name only when the entry has no ARN to compare, or the reference is a plain name; two matches are no match.
    const name = ref.startsWith('arn:') ? /:targetgroup\/([^/]+)\//.exec(ref)?.[1] : ref;
    const byName = this.groups.filter((g) => g.tg.name === name && (g.tg.arn === undefined || !ref.startsWith('arn:')));
    return byName.length === 1 ? byName[0].ref : undefined;
  }
}

const cache = new WeakMap<Environment, AccountObjects>();

/** The account objects of an environment, built once per parsed environment. */
export function accountObjectsOf(env: Environment | undefined): AccountObjects | undefined {
  if (!env || (env.targetGroups.length === 0 && env.taskDefinitions.length === 0)) return undefined;
  let found = cache.get(env);
  if (!found) cache.set(env, (found = new AccountObjects(env)));
  return found;
}

const referencesCache = new WeakMap<Environment, { workspace?: WorkspaceLookup; refs: References }>();

/** References over the workspace and, behind it, the environment's account objects; one per environment. */
export function referencesFor(workspace: WorkspaceLookup | undefined, env: Environment | undefined, plain: References): References {
  const account = accountObjectsOf(env);
  if (!env || !account) return plain;
  const cached = referencesCache.get(env);
  if (cached && cached.workspace === workspace) return cached.refs;
  const refs = createReferences(workspace, account);
  referencesCache.set(env, { workspace, refs });
  return refs;
}
