import { CFN_API_RENAMES, type CfnRenameTree } from '../structure/data/cfn-api-names';
import type { Json, JsonObject, JsonPath, Style, UnitKind } from './types';
import { isIntrinsic, isObject } from './values';

// CloudFormation spells ECS properties in PascalCase (`NetworkMode`), the ECS API in camelCase
// (`networkMode`). Rules are written once, against the API spelling; this module converts a
// CloudFormation properties object to that spelling and maps rule paths back to the document.
// Most keys differ only in their first letter; the others (`PlacementStrategies` =
// `placementStrategy`, `FilesystemId` = `fileSystemId` inside an EFS volume, ...) come from the
// generated rename tree, which is followed level by level because a rename holds in one place only.

/** Properties whose values are free-form maps: their keys belong to the user and are never renamed. */
const FREE_FORM_MAPS = new Set(['DockerLabels', 'Options', 'DriverOpts', 'Labels']);

/** The rename tree of a unit kind; target groups (PascalCase in both spellings) and others have none. */
function renamesOf(kind: UnitKind): CfnRenameTree | undefined {
  return kind === 'task-definition' || kind === 'service' ? CFN_API_RENAMES[kind] : undefined;
}

/** The default rule alone, for keys no rename touches (e.g. names a snippet inserts). */
export function apiKey(cfnKey: string): string {
  return cfnKey.charAt(0).toLowerCase() + cfnKey.slice(1);
}

/** The default rule alone, for keys no rename touches (e.g. names a snippet inserts). */
export function cfnKey(apiName: string): string {
  return apiName.charAt(0).toUpperCase() + apiName.slice(1);
}

/** One CloudFormation key at a level of the tree: its API name and the tree below it. */
function stepFromCfn(tree: CfnRenameTree | undefined, key: string): { name: string; below?: CfnRenameTree } {
  const entry = tree !== undefined && Object.hasOwn(tree, key) ? tree[key] : undefined;
  return { name: entry?.api ?? apiKey(key), below: entry?.below };
}

/** One API name at a level of the tree: the CloudFormation key that stands for it, and the tree below. */
function stepFromApi(tree: CfnRenameTree | undefined, name: string): { key: string; below?: CfnRenameTree } {
  for (const [key, entry] of Object.entries(tree ?? {})) {
    if ((entry.api ?? apiKey(key)) === name) return { key, below: entry.below };
  }
  return { key: cfnKey(name) };
}

/** A path written in CloudFormation spelling (relative to the resource's Properties) in API spelling. */
export function apiPathOf(kind: UnitKind, cfnPath: JsonPath): JsonPath {
  // ELBv2 keeps its PascalCase names in both spellings; only ECS resources of a template are renamed.
  if (kind !== 'task-definition' && kind !== 'service') return cfnPath;
  let tree = renamesOf(kind);
  return cfnPath.map((seg) => {
    if (typeof seg === 'number') return seg;
    const step = stepFromCfn(tree, seg);
    tree = step.below;
    return step.name;
  });
}

/** A unit's value in API spelling, with the way back to document paths. */
export interface Normalised {
  readonly value: JsonObject;
  /** Maps a path in API spelling (relative to the unit) to the document's own spelling. */
  toDocPath(path: JsonPath): JsonPath;
}

export function identity(value: JsonObject): Normalised {
  return { value, toDocPath: (path) => path };
}

export function normaliseCfn(raw: JsonObject, kind: UnitKind): Normalised {
  const originalKeys = new WeakMap<JsonObject, Map<string, string>>();

  const convert = (v: Json, renameKeys: boolean, tree: CfnRenameTree | undefined): Json => {
    if (Array.isArray(v)) return v.map((item) => convert(item, renameKeys, tree));
    if (!isObject(v) || isIntrinsic(v)) return v;
    const out: JsonObject = {};
    const keys = new Map<string, string>();
    for (const [key, child] of Object.entries(v)) {
      const step = renameKeys ? stepFromCfn(tree, key) : { name: key, below: undefined };
      keys.set(step.name, key);
      out[step.name] = convert(child, renameKeys && !FREE_FORM_MAPS.has(key), step.below);
    }
    originalKeys.set(out, keys);
    return out;
  };

  const renames = renamesOf(kind);
  const value = convert(raw, true, renames) as JsonObject;
  return {
    value,
    toDocPath(path) {
      const result: JsonPath = [];
      let cursor: Json | undefined = value;
      let tree = renames;
      for (const seg of path) {
        if (typeof seg === 'number') {
          result.push(seg);
          cursor = Array.isArray(cursor) ? cursor[seg] : undefined;
          continue;
        }
        const known = isObject(cursor) ? originalKeys.get(cursor)?.get(seg) : undefined;
        const step = known !== undefined ? { key: known, below: stepFromCfn(tree, known).below } : stepFromApi(tree, seg);
        result.push(step.key);
        tree = step.below;
        cursor = isObject(cursor) ? cursor[seg] : undefined;
      }
      return result;
    },
  };
}

/**
 * Converts a value a fix wants to insert at `apiPath` (API spelling, relative to the unit) into
 * the document's spelling.
 */
export function toDocValue(value: Json, style: Style, kind?: UnitKind, apiPath: JsonPath = []): Json {
  if (style === 'api') return value;
  let tree = kind === undefined ? undefined : renamesOf(kind);
  for (const seg of apiPath) if (typeof seg === 'string') tree = stepFromApi(tree, seg).below;
  const convert = (v: Json, level: CfnRenameTree | undefined): Json => {
    if (Array.isArray(v)) return v.map((item) => convert(item, level));
    if (!isObject(v) || isIntrinsic(v)) return v;
    const out: JsonObject = {};
    for (const [name, child] of Object.entries(v)) {
      const step = stepFromApi(level, name);
      out[step.key] = convert(child, step.below);
    }
    return out;
  };
  return convert(value, tree);
}
