import type { Json, JsonObject, JsonPath } from '../../model/types';
import { isObject } from '../../model/values';
import type { FixEdit } from '../../rules/types';

// What the reader must see in a resource once an edit is written: the resource as it was, with
// that one change made to its projection. The written text is read again and compared with it, so
// an edit that reaches past its place (a line too many removed, a value spelt so that it reads
// differently) is caught before it is offered.

/** Equal values, the order of object members aside (a written block lists its attributes first). */
export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  if (Array.isArray(a) || Array.isArray(b)) return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && sameJson(a[k], b[k]));
  }
  return a === b;
}

const copy = (v: Json): Json => JSON.parse(JSON.stringify(v)) as Json;

/** The container one level above `path` in `root`, made where missing (an index makes a list). */
function holderOf(root: Json, path: JsonPath): Json | undefined {
  let at: Json | undefined = root;
  for (let i = 0; i < path.length - 1; i++) {
    const seg = path[i];
    const fresh: Json = typeof path[i + 1] === 'number' ? [] : {};
    if (Array.isArray(at) && typeof seg === 'number') at = at[seg] ??= fresh;
    else if (isObject(at) && typeof seg === 'string') at = at[seg] ??= fresh;
    else return undefined;
  }
  return at;
}

/**
 * The projection of `resource` (the value at the edit path's first three segments) after `edit`;
 * `written` is the value the writer chose when it differs from the edit's (a number kept a number).
 * Undefined when the edit has no place in it.
 */
export function expectedResource(resource: Json, edit: FixEdit, written: Json | undefined): Json | undefined {
  const out = copy(resource);
  const path = edit.path.slice(3);
  const holder = holderOf(out, path);
  const last = path[path.length - 1];
  if (Array.isArray(holder) && typeof last === 'number') {
    if (edit.remove) holder.splice(last, 1);
    else if (edit.value !== undefined) holder[last] = written ?? edit.value;
    else return undefined;
    return out;
  }
  if (!isObject(holder) || typeof last !== 'string') return undefined;
  const obj: JsonObject = holder;
  if (edit.renameTo !== undefined) {
    const value = obj[last];
    delete obj[last];
    obj[edit.renameTo] = value;
  } else if (edit.remove) delete obj[last];
  else if (edit.value !== undefined) obj[last] = written ?? edit.value;
  else return undefined;
  return out;
}
