import { parseTree, type Node, type ParseError } from 'jsonc-parser';
import type { Json, JsonPath } from '../types';
import { pathKey, type Place } from './places';

/**
 * Reads `body` as JSON when it is a whole JSON object or array (a heredoc of container definitions),
 * recording a place for every value and property name: `at` is the body's offset relative to its
 * block, `path` where the value sits. Undefined when the text is not JSON (then it stays a string).
 */
export function readJsonText(body: string, at: number, path: JsonPath, places: Map<string, Place>): Json | undefined {
  const first = /\S/.exec(body)?.[0];
  if (first !== '[' && first !== '{') return undefined;
  const errors: ParseError[] = [];
  const root = parseTree(body, errors, { allowTrailingComma: false, disallowComments: true });
  if (!root || errors.length > 0) return undefined;
  const visit = (node: Node, nodePath: JsonPath, key?: Node): Json => {
    const full = [...path, ...nodePath];
    places.set(pathKey(full), {
      valueStart: at + node.offset,
      valueEnd: at + node.offset + node.length,
      keyStart: key && at + key.offset,
      keyEnd: key && at + key.offset + key.length,
      content: node.type === 'string' && body.slice(node.offset + 1, node.offset + node.length - 1) === node.value ? at + node.offset + 1 : undefined,
    });
    if (node.type === 'array') return (node.children ?? []).map((child, i) => visit(child, [...nodePath, i]));
    if (node.type === 'object') {
      const out: Record<string, Json> = {};
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k || !v || typeof k.value !== 'string' || k.value in out) continue;
        out[k.value] = visit(v, [...nodePath, k.value], k);
      }
      return out;
    }
    return node.value as Json;
  };
  return visit(root, []);
}
