import type { Language, Node, TreeCursor } from 'web-tree-sitter';

// The projection reads one top-level block at a time. Asking a tree-sitter Node for its children
// builds a JS object for each across the wasm boundary, which on a 1 MB file cost more than the
// parse itself; a TreeCursor walks the same tree without allocating. This file walks a block once
// with a cursor and keeps, as plain JS objects, the named nodes the projection looks at, and stops
// descending where it only ever reads a node's source text (string literals, traversals, every
// expression it treats as an unknown).

/** A named node other than a comment, as the projection sees it. */
export interface Syn {
  readonly type: string;
  readonly startIndex: number;
  readonly endIndex: number;
  /** Named children without comments and punctuation (empty where the walk did not descend). */
  readonly kids: Syn[];
}

/** The node types whose children the projection reads; every other node is read as text only. */
const DESCEND = new Set([
  'block',
  'body',
  'attribute',
  'expression',
  'collection_value',
  'tuple',
  'object',
  'object_elem',
  'template_expr',
  'heredoc_template',
  'function_call',
  'function_arguments',
]);

/** Named nodes that are only the brackets of their parent: never read, so not kept. */
const PUNCTUATION = new Set(['block_start', 'block_end', 'object_start', 'object_end', 'tuple_start', 'tuple_end', 'heredoc_start']);

/**
 * A `literal_value` holds exactly one token spanning all of it, whose kind its first character
 * tells, so the walk does not go down to it (a fifth of the nodes of a typical module).
 */
function literalKind(text: string, at: number): string {
  const c = text.charCodeAt(at);
  if (c === 0x22) return 'string_lit';
  if (c === 0x74 || c === 0x66) return 'bool_lit';
  if (c === 0x6e) return 'null_lit';
  return 'numeric_lit';
}

/** Whether a type id is named, asked of the grammar once per id rather than once per node. */
const namedByLanguage = new WeakMap<Language, boolean[]>();

function namedTypes(language: Language): boolean[] {
  let named = namedByLanguage.get(language);
  if (!named) {
    named = language.types.map((_, id) => language.nodeTypeIsNamed(id));
    namedByLanguage.set(language, named);
  }
  return named;
}

function current(cursor: TreeCursor, type: string, text: string): Syn {
  const syn = { type, startIndex: cursor.startIndex, endIndex: cursor.endIndex, kids: [] as Syn[] };
  if (type === 'literal_value') syn.kids.push({ type: literalKind(text, syn.startIndex), startIndex: syn.startIndex, endIndex: syn.endIndex, kids: [] });
  return syn;
}

/** Thrown where a block nests deeper than the reader goes (its readers recurse once or more per level). */
export class TooDeep extends Error {
  constructor(readonly offset: number) {
    super(`nesting too deep at offset ${offset}`);
  }
}

/**
 * The block under `node` as Syn nodes, at most `maxDepth` levels of them; one cursor, no
 * recursion. `text` is the text that was parsed.
 */
export function readSyntax(node: Node, text: string, maxDepth: number): Syn {
  const language = node.tree.language;
  const named = namedTypes(language);
  const types = language.types;
  const cursor = node.walk();
  try {
    const root = current(cursor, node.type, text);
    if (!DESCEND.has(root.type) || !cursor.gotoFirstChild()) return root;
    const stack: Syn[] = [root];
    for (;;) {
      const id = cursor.nodeTypeId;
      const type = types[id] ?? 'ERROR';
      if ((named[id] ?? true) && type !== 'comment' && !PUNCTUATION.has(type)) {
        const syn = current(cursor, type, text);
        stack[stack.length - 1].kids.push(syn);
        if (DESCEND.has(type) && cursor.gotoFirstChild()) {
          if (stack.length >= maxDepth) throw new TooDeep(syn.startIndex);
          stack.push(syn);
          continue;
        }
      }
      while (!cursor.gotoNextSibling()) {
        cursor.gotoParent();
        stack.pop();
        if (stack.length === 0) return root;
      }
    }
  } finally {
    cursor.delete();
  }
}
