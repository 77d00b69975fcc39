import type { Json, JsonPath, OffsetRange, SyntaxProblem } from './types';

/** The syntaxes a document can be read in. Rules never see this; features that edit text do. */
export type SyntaxName = 'json' | 'yaml' | 'terraform';

/** Where a path sits in the text: its value, and its property name when it is a property. */
export interface PathLocation {
  readonly value: OffsetRange;
  readonly key?: OffsetRange;
}

/** The innermost value at an offset, in terms every syntax shares. */
export interface SyntaxNode {
  readonly path: JsonPath;
  readonly type: 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';
  /** The scalar value as the rules see it; undefined for objects and arrays. */
  readonly value?: Json;
  readonly offset: number;
  readonly length: number;
  /**
   * Offset of the first character of a string's content (after an opening quote), when the
   * characters of the value map one to one onto the text; undefined otherwise (escapes, folding).
   */
  readonly contentOffset?: number;
}

/**
 * One parse of a document's text, whatever its syntax: the plain value the rules read and a range
 * for every path the features need. Built once per document version by EcsDocument.
 */
export interface SyntaxTree {
  readonly syntax: SyntaxName;
  /** The plain value, or undefined when nothing could be read. */
  readonly value: Json | undefined;
  /** The first syntax problem(s), already worded for the user. */
  readonly problems: readonly SyntaxProblem[];
  /** Text the syntax's lenient form accepts but its strict readers refuse (comments, trailing commas in JSON). */
  readonly loose: readonly SyntaxProblem[];
  /** False when the text was past a limit and not parsed at all. */
  readonly parsed: boolean;
  /** The location of an exact path, or undefined when the document has no such path. */
  locate(path: JsonPath): PathLocation | undefined;
  /** The innermost value (or the property whose name is) at an offset. */
  nodeAt(offset: number): SyntaxNode | undefined;
}

/** The path of the value at an offset, a property name's offset giving the property's path. */
export function pathAt(tree: SyntaxTree, offset: number): JsonPath | undefined {
  return tree.nodeAt(offset)?.path;
}

/**
 * The text range of a path: its value, or with `key` the property name. A path that is not in
 * the document falls back to its nearest existing ancestor, so a finding always has a place.
 */
export function rangeOfPath(tree: SyntaxTree, path: JsonPath, target: 'key' | 'value'): OffsetRange {
  for (let depth = path.length; depth >= 0; depth--) {
    const found = tree.locate(depth === path.length ? path : path.slice(0, depth));
    if (!found) continue;
    const exact = depth === path.length;
    if (found.key && (target === 'key' || !exact)) return found.key;
    if (!exact) return { offset: found.value.offset, length: 1 };
    return found.value;
  }
  return { offset: 0, length: 0 };
}
