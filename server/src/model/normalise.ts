import type { Json, JsonObject, JsonPath, Style } from './types';
import { isIntrinsic, isObject } from './values';

// CloudFormation spells ECS properties in PascalCase (`NetworkMode`), the ECS API in camelCase
// (`networkMode`). Rules are written once, against the API spelling; this module converts a
// CloudFormation properties object to that spelling and maps rule paths back to the document.

/** Where lowering the first letter does not give the API name. */
const CFN_TO_API: Readonly<Record<string, string>> = {
  EFSVolumeConfiguration: 'efsVolumeConfiguration',
  FSxWindowsFileServerVolumeConfiguration: 'fsxWindowsFileServerVolumeConfiguration',
};
const API_TO_CFN: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(CFN_TO_API).map(([cfn, api]) => [api, cfn]),
);

/** Properties whose values are free-form maps: their keys belong to the user and are never renamed. */
const FREE_FORM_MAPS = new Set(['DockerLabels', 'Options', 'DriverOpts', 'Labels']);

export function apiKey(cfnKey: string): string {
  return CFN_TO_API[cfnKey] ?? cfnKey.charAt(0).toLowerCase() + cfnKey.slice(1);
}

export function cfnKey(apiName: string): string {
  return API_TO_CFN[apiName] ?? apiName.charAt(0).toUpperCase() + apiName.slice(1);
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

export function normaliseCfn(raw: JsonObject): Normalised {
  const originalKeys = new WeakMap<JsonObject, Map<string, string>>();

  const convert = (v: Json, renameKeys: boolean): Json => {
    if (Array.isArray(v)) return v.map((item) => convert(item, renameKeys));
    if (!isObject(v) || isIntrinsic(v)) return v;
    const out: JsonObject = {};
    const keys = new Map<string, string>();
    for (const [key, child] of Object.entries(v)) {
      const name = renameKeys ? apiKey(key) : key;
      keys.set(name, key);
      out[name] = convert(child, renameKeys && !FREE_FORM_MAPS.has(key));
    }
    originalKeys.set(out, keys);
    return out;
  };

  const value = convert(raw, true) as JsonObject;
  return {
    value,
    toDocPath(path) {
      const result: JsonPath = [];
      let cursor: Json | undefined = value;
      for (const seg of path) {
        if (typeof seg === 'number') {
          result.push(seg);
          cursor = Array.isArray(cursor) ? cursor[seg] : undefined;
          continue;
        }
        const known = isObject(cursor) ? originalKeys.get(cursor)?.get(seg) : undefined;
        result.push(known ?? cfnKey(seg));
        cursor = isObject(cursor) ? cursor[seg] : undefined;
      }
      return result;
    },
  };
}

/** Converts a value a fix wants to insert into the document's spelling. */
export function toDocValue(value: Json, style: Style): Json {
  if (style === 'api') return value;
  if (Array.isArray(value)) return value.map((v) => toDocValue(v, style));
  if (!isObject(value) || isIntrinsic(value)) return value;
  const out: JsonObject = {};
  for (const [key, child] of Object.entries(value)) out[cfnKey(key)] = toDocValue(child, style);
  return out;
}
