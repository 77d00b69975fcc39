import type { Node } from 'web-tree-sitter';
import { readSyntax, TooDeep, type Syn } from './cursor';
import { tooDeepAt } from '../parse';
import type { Json, JsonObject, JsonPath } from '../types';
import { readJsonText } from './jsonText';
import { pathKey, type Place } from './places';

// Turns one top-level block of a `.tf` file into plain JSON (the projection described in
// docs/ARCHITECTURE.md, close to Terraform's own JSON syntax) and records a range for every path.
// What is not a literal becomes the string `${<expression>}`, the way Terraform's JSON syntax writes
// an expression: every reader of the model already treats such a string as an unknown value.

/** `file("x")` or `templatefile("x", …)` as an attribute's whole value: a file the module reads. */
export interface FileRead {
  /** The attribute's path, relative to the block's base path. */
  readonly path: JsonPath;
  /** The path argument as written, `${path.module}/` taken off. */
  readonly file: string;
  readonly template: boolean;
}

/** One top-level block, converted. Offsets in `places` are relative to `start`. */
export interface BlockProjection {
  /** `resource`, `data`, `locals`, `module`, `variable`, `output`, `provider`, `terraform`… */
  readonly keyword: string;
  /** Where the block's value sits in the projection (`['resource', type, name]`, `['locals']`). */
  readonly base: JsonPath;
  readonly value: Json;
  readonly length: number;
  readonly places: ReadonlyMap<string, Place>;
  readonly files: readonly FileRead[];
}

/** The functions whose result is their argument's value, as far as our checks are concerned. */
const TRANSPARENT_FUNCTIONS = new Set(['jsonencode', 'tolist', 'toset']);

/** The literal text of a `string_lit`'s content, escapes decoded; undefined if it holds an escape we cannot read. */
export function decodeHclString(raw: string): string {
  if (!raw.includes('\\') && !raw.includes('$${') && !raw.includes('%%{')) return raw;
  return raw
    .replace(/\\(u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|.)/g, (_, esc: string) => {
      if (esc.length > 1) return String.fromCodePoint(parseInt(esc.slice(1), 16));
      return ({ n: '\n', r: '\r', t: '\t', '"': '"', '\\': '\\' } as Record<string, string>)[esc] ?? esc;
    })
    .replace(/\$\$\{/g, '${')
    .replace(/%%\{/g, '%{');
}

/** Reads expressions and bodies of one block into JSON, recording places as it goes. */
class BlockReader {
  readonly places = new Map<string, Place>();
  readonly files: FileRead[] = [];

  constructor(
    private readonly text: string,
    private readonly start: number,
    private readonly locals: (name: string) => Json | undefined,
    private readonly maxDepth: number,
  ) {}

  place(path: JsonPath, value: { startIndex: number; endIndex: number }, key?: Syn, content?: number): void {
    this.places.set(pathKey(path), {
      valueStart: value.startIndex - this.start,
      valueEnd: value.endIndex - this.start,
      keyStart: key && key.startIndex - this.start,
      keyEnd: key && key.endIndex - this.start,
      content: content === undefined ? undefined : content - this.start,
    });
  }

  source(node: Syn): string {
    return this.text.slice(node.startIndex, node.endIndex);
  }

  unknown(node: Syn): string {
    return '${' + this.source(node) + '}';
  }

  /** A body: attributes as properties, nested blocks as arrays of bodies under their type. */
  body(body: Syn | undefined, path: JsonPath): JsonObject {
    const out: JsonObject = {};
    if (!body) return out;
    const counts = new Map<string, number>();
    const dynamic = new Set<string>();
    for (const item of body.kids) {
      if (item.type === 'attribute') {
        const [key, expr] = item.kids;
        if (!key || !expr) continue;
        const name = this.source(key);
        if (name in out) continue;
        out[name] = this.expression(expr, [...path, name], key);
        continue;
      }
      if (item.type !== 'block') continue;
      const [typeNode, ...rest] = item.kids;
      if (!typeNode) continue;
      const type = this.source(typeNode);
      if (type === 'dynamic') {
        // A dynamic block makes that block type's count and content unknown.
        const label = rest.find((n) => n.type === 'string_lit' || n.type === 'identifier');
        const name = label && (label.type === 'string_lit' ? this.source(label).slice(1, -1) : this.source(label));
        if (name) dynamic.add(name);
        continue;
      }
      if (dynamic.has(type)) continue;
      const index = counts.get(type) ?? 0;
      counts.set(type, index + 1);
      const list = Array.isArray(out[type]) ? (out[type] as Json[]) : (out[type] = []);
      const at = [...path, type, index];
      this.place(at, item, typeNode);
      list.push(
        this.body(
          rest.find((n) => n.type === 'body'),
          at,
        ),
      );
    }
    for (const name of dynamic) out[name] = `\${dynamic.${name}}`;
    return out;
  }

  /** One expression; `key` is the attribute or object key naming it, for the place. */
  expression(node: Syn, path: JsonPath, key?: Syn): Json {
    const value = this.read(node, path);
    if (!this.places.has(pathKey(path))) this.place(path, node, key);
    else if (key) {
      const known = this.places.get(pathKey(path))!;
      this.places.set(pathKey(path), { ...known, keyStart: key.startIndex - this.start, keyEnd: key.endIndex - this.start });
    }
    return value;
  }

  private read(node: Syn, path: JsonPath): Json {
    const inner = node.kids;
    if (node.type === 'expression') {
      if (inner.length === 1) return this.read(inner[0], path);
      return this.traversal(node, inner);
    }
    switch (node.type) {
      case 'literal_value':
        return inner.length === 1 ? this.literal(inner[0], path) : this.unknown(node);
      case 'collection_value':
        return inner.length === 1 ? this.collection(inner[0], path) : this.unknown(node);
      case 'template_expr':
        return inner.length === 1 ? this.template(inner[0], path) : this.unknown(node);
      case 'function_call':
        return this.call(node, inner, path);
      case 'variable_expr':
        return this.unknown(node);
      default:
        return this.unknown(node);
    }
  }

  /** `local.name` (followed once, to a known value); every other traversal is an unknown. */
  private traversal(node: Syn, inner: readonly Syn[]): Json {
    const [head, ...rest] = inner;
    if (head?.type === 'variable_expr' && this.source(head) === 'local' && rest.length === 1 && rest[0].type === 'get_attr') {
      const name = this.source(rest[0]).slice(1).trim();
      const value = this.locals(name);
      if (value !== undefined) return value;
    }
    return this.unknown(node);
  }

  private literal(node: Syn, path: JsonPath): Json {
    const raw = this.source(node);
    if (node.type === 'numeric_lit') {
      const n = Number(raw);
      return Number.isFinite(n) ? n : this.unknown(node);
    }
    if (node.type === 'bool_lit') return raw === 'true';
    if (node.type === 'null_lit') return null;
    if (node.type === 'string_lit') {
      const content = raw.slice(1, -1);
      const value = decodeHclString(content);
      this.place(path, node, undefined, value === content ? node.startIndex + 1 : undefined);
      return value;
    }
    return this.unknown(node);
  }

  private collection(node: Syn, path: JsonPath): Json {
    if (node.type === 'tuple') {
      return node.kids.filter((n) => n.type === 'expression').map((item, i) => this.expression(item, [...path, i]));
    }
    if (node.type !== 'object') return this.unknown(node);
    const out: JsonObject = {};
    for (const elem of node.kids) {
      if (elem.type !== 'object_elem') continue;
      // `key = val` (or `key: val`): the element's two expressions, in that order.
      const [keyExpr, valExpr] = elem.kids;
      if (!keyExpr || !valExpr) continue;
      const name = this.objectKey(keyExpr);
      // A computed key (`(var.x) = …`) makes the object's shape unknown.
      if (name === undefined) return this.unknown(node);
      if (!(name in out)) out[name] = this.expression(valExpr, [...path, name], keyExpr);
    }
    return out;
  }

  private objectKey(node: Syn): string | undefined {
    const inner = node.kids;
    const only = inner.length === 1 ? inner[0] : undefined;
    if (only?.type === 'variable_expr') return this.source(only);
    const lit = only?.type === 'literal_value' ? only.kids[0] : undefined;
    if (lit?.type === 'string_lit') return decodeHclString(this.source(lit).slice(1, -1));
    return undefined;
  }

  private template(node: Syn, path: JsonPath): Json {
    if (node.type === 'quoted_template') {
      // Interpolated: the text between the quotes, so `${…}` marks it as a template value.
      const raw = this.source(node).slice(1, -1);
      return decodeHclString(raw);
    }
    if (node.type !== 'heredoc_template') return this.unknown(node);
    const ids = node.kids.filter((n) => n.type === 'heredoc_identifier');
    const open = ids[0];
    const close = ids[ids.length - 1];
    if (!open || !close || open === close) return this.unknown(node);
    const from = this.text.indexOf('\n', open.endIndex) + 1;
    let to = close.startIndex;
    while (to > from && (this.text[to - 1] === ' ' || this.text[to - 1] === '\t')) to--;
    if (from <= 0 || to < from) return this.unknown(node);
    const body = this.text.slice(from, to);
    // JSON nested past what is left of the reader's depth: the file is not read (cursor.ts).
    const deep = /^\s*[[{]/.test(body) ? tooDeepAt(body, Math.max(1, this.maxDepth - path.length)) : undefined;
    if (deep !== undefined) throw new TooDeep(from + deep);
    // JSON in a heredoc (container definitions, policies) is read as JSON, with its own places.
    const json = readJsonText(body, from - this.start, path, this.places);
    return json !== undefined ? json : body.replace(/\r?\n$/, '');
  }

  private call(node: Syn, inner: readonly Syn[], path: JsonPath): Json {
    const name = inner[0] && this.source(inner[0]);
    const args = inner[1] ? inner[1].kids.filter((n) => n.type === 'expression') : [];
    if (name && TRANSPARENT_FUNCTIONS.has(name) && args.length === 1) return this.read(args[0], path);
    if ((name === 'file' || name === 'templatefile') && args.length >= 1) {
      const target = this.read(args[0], [...path, '$file']);
      if (typeof target === 'string') {
        const file = target.replace(/^\$\{path\.module\}\//, '').replace(/^\.\//, '');
        if (!file.includes('${')) this.files.push({ path, file, template: name === 'templatefile' });
      }
      this.places.delete(pathKey([...path, '$file']));
    }
    return this.unknown(node);
  }
}

/**
 * Converts one top-level block; `locals` gives the known value of a `local.` name of the same
 * file. Throws TooDeep past `maxDepth` levels of syntax (or of JSON in a heredoc).
 */
export function projectBlock(node: Node, text: string, locals: (name: string) => Json | undefined, maxDepth: number): BlockProjection | undefined {
  const block = readSyntax(node, text, maxDepth);
  const [typeNode, ...rest] = block.kids;
  if (!typeNode) return undefined;
  const reader = new BlockReader(text, block.startIndex, locals, maxDepth);
  const keyword = text.slice(typeNode.startIndex, typeNode.endIndex);
  const labels = rest.filter((n) => n.type === 'string_lit' || n.type === 'identifier');
  const labelText = labels.map((l) =>
    l.type === 'string_lit' ? decodeHclString(text.slice(l.startIndex + 1, l.endIndex - 1)) : text.slice(l.startIndex, l.endIndex),
  );
  const body = rest.find((n) => n.type === 'body');
  const base: JsonPath = [keyword, ...labelText];
  const value = reader.body(body, []);
  reader.place([], block, labels[labels.length - 1] ?? typeNode);
  return { keyword, base, value, length: block.endIndex - block.startIndex, places: reader.places, files: reader.files };
}
