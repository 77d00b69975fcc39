import {
  TERRAFORM_ALIASES,
  TERRAFORM_RESOURCES,
  type TerraformArgument,
  type TerraformArguments,
  type TerraformConversion,
  type TerraformResource,
} from '../../structure/data/terraform-names';
import type { Json, JsonObject, JsonPath } from '../types';
import { isObject, isPlaceholder } from '../values';

// A Terraform resource body (the projection of one `resource` block: snake_case arguments, nested
// blocks as arrays of bodies, unknowns as "${…}" strings) in the API spelling and API types our
// rules read, with the way back for ranges and quick fixes. The names come from the generated table
// (scripts/gen-terraform.mjs); this module only follows it. An unknown stays as written wherever
// it stands, a block or a list included, so it reads as unknown and never becomes an error.

export type TerraformUnitKind = 'task-definition' | 'service' | 'target-group';

export interface TerraformMapping {
  readonly kind: TerraformUnitKind;
  /** The unit in API spelling and API types. Arguments with no API counterpart are left out. */
  readonly value: JsonObject;
  /** API path → path inside the resource body; a path with no Terraform counterpart gives its nearest mapped ancestor. */
  toDocPath(apiPath: JsonPath): JsonPath;
  /**
   * A value in API spelling (what a fix writes at `apiPath`) → what the projection holds at
   * `toDocPath(apiPath)`: block arrays, snake_case names, Terraform types. A path with no Terraform
   * counterpart gives the value back unchanged; `toDocPath` names an ancestor there, not a place to write it.
   */
  toDocValue(apiPath: JsonPath, apiValue: Json): Json;
}

/** The table entry of a resource type (aliases resolved), or undefined for a type we do not read. */
export function terraformResource(resourceType: string): TerraformResource | undefined {
  const name = Object.hasOwn(TERRAFORM_ALIASES, resourceType) ? TERRAFORM_ALIASES[resourceType] : resourceType;
  return Object.hasOwn(TERRAFORM_RESOURCES, name) ? TERRAFORM_RESOURCES[name] : undefined;
}

const isUnitKind = (kind: TerraformResource['kind']): kind is TerraformUnitKind => kind === 'task-definition' || kind === 'service' || kind === 'target-group';

/** The unit a resource body makes; undefined for resource types without a unit (subnets, modules…). */
export function normaliseTerraform(resourceType: string, body: JsonObject): TerraformMapping | undefined {
  const resource = terraformResource(resourceType);
  if (!resource || !isUnitKind(resource.kind)) return undefined;
  const value: JsonObject = {};
  fill(value, body, resource.args);
  return {
    kind: resource.kind,
    value,
    toDocPath: (apiPath) => land(resource.args, body, apiPath).path,
    toDocValue: (apiPath, apiValue) => docValue(land(resource.args, body, apiPath), apiValue),
  };
}

/**
 * The mapped arguments of a resource that is no unit but gives facts (subnets, account setting
 * defaults, launch templates), under the CloudFormation property names the model reads them by.
 */
export function terraformProperties(resourceType: string, body: JsonObject): { cfnType: string; properties: JsonObject } | undefined {
  const resource = terraformResource(resourceType);
  if (!resource?.cfnType) return undefined;
  const properties: JsonObject = {};
  fill(properties, body, resource.args);
  return { cfnType: resource.cfnType, properties };
}

// ------------------------------------------------------------------ body → API

const arg = (args: TerraformArguments, name: string): TerraformArgument | undefined => (Object.hasOwn(args, name) ? args[name] : undefined);

function fill(target: JsonObject, body: JsonObject, args: TerraformArguments): void {
  for (const [name, raw] of Object.entries(body)) {
    const a = arg(args, name);
    // `null` is Terraform's way of leaving an argument out.
    if (raw === null || a === undefined) continue;
    if (a.block === 'flat') {
      // No API object can hold an unknown block: its settings stay unknown by being absent.
      if (Array.isArray(raw)) for (const item of raw) if (isObject(item)) fill(target, item, a.args ?? {});
    } else if (!a.api) {
      continue;
    } else if (a.block === 'single' && Array.isArray(raw)) {
      if (raw.length === 0) continue;
      if (!isObject(raw[0])) put(target, a.api, raw[0]);
      else {
        // Merged with what other arguments put there (deployment_maximum_percent and deployment_configuration).
        const holder = objectAt(target, a.api);
        if (holder) fill(holder, raw[0], a.args ?? {});
      }
    } else if (a.block === 'list' && Array.isArray(raw)) {
      put(
        target,
        a.api,
        raw.map((item) => (isObject(item) ? filled(item, a.args ?? {}) : item)),
      );
    } else {
      // A leaf, or a block whose value is unknown (a `dynamic` block): converted, or as written.
      put(target, a.api, a.block ? raw : convert(raw, a.to));
    }
  }
}

function filled(body: JsonObject, args: TerraformArguments): JsonObject {
  const out: JsonObject = {};
  fill(out, body, args);
  return out;
}

/** The object at `path`, made where missing; undefined where an unknown (or another value) holds the place. */
function objectAt(target: JsonObject, path: readonly string[]): JsonObject | undefined {
  let at = target;
  for (const seg of path) {
    if (!Object.hasOwn(at, seg)) at[seg] = {};
    const next = at[seg];
    if (!isObject(next)) return undefined;
    at = next;
  }
  return at;
}

function put(target: JsonObject, path: readonly string[], value: Json): void {
  const holder = objectAt(target, path.slice(0, -1));
  if (holder) holder[path[path.length - 1]] = value;
}

const NUMBER = /^-?\d+(\.\d+)?([eE][+-]?\d+)?$/;

/** Terraform's own conversions between its primitive types, and the table's named ones. Anything else stays as written. */
function convert(v: Json, to: TerraformConversion | undefined): Json {
  if (isPlaceholder(v)) return v;
  switch (to) {
    case 'string':
      return typeof v === 'number' || typeof v === 'boolean' ? String(v) : v;
    case 'integer':
    case 'number':
      return typeof v === 'string' && NUMBER.test(v.trim()) ? Number(v) : v;
    case 'boolean':
      return v === 'true' ? true : v === 'false' ? false : v;
    case 'string-list':
      return Array.isArray(v) ? v.map((item) => convert(item, 'string')) : v;
    case 'enabled': {
      const b = convert(v, 'boolean');
      return b === true ? 'ENABLED' : b === false ? 'DISABLED' : v;
    }
    case 'json-list':
      return typeof v === 'string' ? (parseJson(v) ?? v) : v;
    case 'name-value-list':
      return isObject(v) ? Object.entries(v).map(([name, value]) => ({ name, value: convert(value, 'string') })) : v;
    default:
      return v;
  }
}

function parseJson(text: string): Json | undefined {
  try {
    return JSON.parse(text) as Json;
  } catch {
    return undefined;
  }
}

// ------------------------------------------------------------------ API path → body

/** Where an API path lands in the body. */
interface Landing {
  readonly path: JsonPath;
  /** The argument the path ends on. */
  readonly arg?: TerraformArgument;
  /** The path ends on a body (the resource's, or a list block's element) with these arguments. */
  readonly args?: TerraformArguments;
  /** API members between the path's end and the argument it stands for (`networkConfiguration` → `awsvpcConfiguration`). */
  readonly below?: readonly string[];
  /** The path ends inside a leaf's value (a list item, a container definition), on an unknown, or has no counterpart. */
  readonly inside?: boolean;
}

interface Candidate {
  /** Body keys from the level: `['cpu']`, or `['health_check', 0, 'path']` through a flat block. */
  readonly keys: JsonPath;
  readonly arg: TerraformArgument;
  readonly api: readonly string[];
}

const candidatesOf = new WeakMap<TerraformArguments, Candidate[]>();

function candidates(args: TerraformArguments): Candidate[] {
  let found = candidatesOf.get(args);
  if (!found) {
    found = collect(args, []);
    candidatesOf.set(args, found);
  }
  return found;
}

function collect(args: TerraformArguments, prefix: JsonPath): Candidate[] {
  return Object.entries(args).flatMap(([name, a]): Candidate[] => {
    if (a.block === 'flat') return collect(a.args ?? {}, [...prefix, name, 0]);
    return a.api ? [{ keys: [...prefix, name], arg: a, api: a.api }] : [];
  });
}

const isPrefix = (prefix: readonly (string | number)[], path: readonly (string | number)[]): boolean =>
  prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);

function land(rootArgs: TerraformArguments, body: JsonObject, apiPath: JsonPath): Landing {
  let path: JsonPath = [];
  let args = rootArgs;
  let at: Json | undefined = body;
  let rest = apiPath;
  while (rest.length > 0) {
    const level = candidates(args);
    const best = level.filter((c) => isPrefix(c.api, rest)).sort((x, y) => y.api.length - x.api.length)[0];
    if (!best) return landOnHolder(level, path, at, rest);
    const reached = landOn(path, at, best.keys);
    if (reached.inside) return reached;
    rest = rest.slice(best.api.length);
    const a = best.arg;
    const value: Json | undefined = follow(at, best.keys).value;
    if (!a.block) return leafLanding(reached.path, a, value, rest);
    if (rest.length === 0) return { path: reached.path, arg: a };
    // Into the block: a single block's one body, a list block's element by the path's index.
    if (value !== undefined && !Array.isArray(value)) return { path: reached.path, inside: true };
    let index = 0;
    if (a.block === 'list') {
      if (typeof rest[0] !== 'number') return { path: reached.path, inside: true };
      index = rest[0];
      rest = rest.slice(1);
    }
    path = [...reached.path, index];
    at = Array.isArray(value) ? value[index] : undefined;
    args = a.args ?? {};
  }
  return { path, args };
}

/** An API object the body has no block for (`networkConfiguration`) stands for the argument it holds. */
function landOnHolder(level: Candidate[], path: JsonPath, at: Json | undefined, rest: JsonPath): Landing {
  const deeper = level.filter((c) => c.api.length > rest.length && isPrefix(rest, c.api));
  const chosen = deeper.find((c) => isObject(at) && Object.hasOwn(at, c.keys[0])) ?? deeper[0];
  if (!chosen) return { path, inside: true };
  const reached = landOn(path, at, chosen.keys);
  return reached.inside ? reached : { path: reached.path, arg: chosen.arg, below: chosen.api.slice(rest.length) };
}

/** Follows body keys; `stopAt` is where a block holds an unknown instead of its array. */
function follow(body: Json | undefined, keys: JsonPath): { value: Json | undefined; stopAt?: number } {
  let at = body;
  for (let i = 0; i < keys.length; i++) {
    const seg = keys[i];
    if (typeof seg === 'number') {
      if (at !== undefined && !Array.isArray(at)) return { value: undefined, stopAt: i };
      at = Array.isArray(at) ? at[seg] : undefined;
    } else at = isObject(at) ? at[seg] : undefined;
  }
  return { value: at };
}

/** Appends body keys to a path, stopping at a block that holds an unknown. */
function landOn(path: JsonPath, at: Json | undefined, keys: JsonPath): Landing {
  const { stopAt } = follow(at, keys);
  return stopAt === undefined ? { path: [...path, ...keys] } : { path: [...path, ...keys.slice(0, stopAt)], inside: true };
}

function leafLanding(path: JsonPath, a: TerraformArgument, value: Json | undefined, rest: JsonPath): Landing {
  if (rest.length === 0) return { path, arg: a };
  switch (a.to) {
    case 'json-list':
      // Inside the container definitions: the reader's array keeps the API's own keys; a JSON string has no places inside.
      return { path: Array.isArray(value) ? [...path, ...rest] : path, inside: true };
    case 'name-value-list': {
      const key = typeof rest[0] === 'number' && isObject(value) ? Object.keys(value)[rest[0]] : undefined;
      return { path: key === undefined ? path : [...path, key], inside: true };
    }
    case 'string-list':
    case 'map':
    case 'any':
      return { path: [...path, ...rest], inside: true };
    default:
      return { path, inside: true };
  }
}

// ------------------------------------------------------------------ API value → body value

function docValue(landing: Landing, apiValue: Json): Json {
  if (landing.inside) return apiValue;
  if (landing.args) return bodyOf(apiValue, landing.args);
  const a = landing.arg;
  if (!a) return apiValue;
  let v: Json | undefined = apiValue;
  for (const seg of landing.below ?? []) v = isObject(v) ? v[seg] : undefined;
  if (v === undefined) return apiValue;
  return a.block ? (blockOf(v, a) ?? []) : back(v, a.to);
}

/** An API object as a block body: every mapped member it holds, in the table's (the page's) order. */
function bodyOf(api: Json, args: TerraformArguments): Json {
  if (!isObject(api)) return api;
  const out: JsonObject = {};
  for (const [name, a] of Object.entries(args)) {
    if (a.block === 'flat') {
      const inner = bodyOf(api, a.args ?? {});
      if (isObject(inner) && Object.keys(inner).length > 0) out[name] = [inner];
      continue;
    }
    if (!a.api) continue;
    let v: Json | undefined = api;
    for (const seg of a.api) v = isObject(v) ? v[seg] : undefined;
    if (v === undefined) continue;
    const doc = a.block ? blockOf(v, a) : back(v, a.to);
    if (doc !== undefined) out[name] = doc;
  }
  return out;
}

/** A block's API value as the projection's block array; undefined for a single block with nothing to write. */
function blockOf(v: Json, a: TerraformArgument): Json | undefined {
  if (a.block === 'list') return Array.isArray(v) ? v.map((item) => bodyOf(item, a.args ?? {})) : v;
  if (!isObject(v)) return v;
  const body = bodyOf(v, a.args ?? {});
  return isObject(body) && Object.keys(body).length === 0 ? undefined : [body];
}

function back(v: Json, to: TerraformConversion | undefined): Json {
  if (to === 'enabled') return v === 'ENABLED' ? true : v === 'DISABLED' ? false : v;
  if (to !== 'name-value-list' || !Array.isArray(v)) return v;
  const pairs = v.map((p) => (isObject(p) && typeof p.name === 'string' ? ([p.name, p.value ?? null] as const) : undefined));
  return pairs.every((p) => p !== undefined) ? (Object.fromEntries(pairs) as JsonObject) : v;
}
