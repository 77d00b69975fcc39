import { Document, isCollection, isMap, isScalar, isSeq, Pair, Scalar, visit, YAMLMap, YAMLSeq, type Node as YamlNode } from 'yaml';
import { longFormOf, shortFormOf } from '../model/cfnTags';
import type { Json } from '../model/types';
import { isObject } from '../model/values';

// How a YAML template is already written, and values rendered in that manner by the `yaml`
// package itself: the edits in yamlEdits.ts only decide where the rendered text goes.

export interface YamlStyle {
  readonly eol: string;
  /** Spaces per nesting level. */
  readonly indent: number;
  /** A block list under a key is indented (`Key:\n  - a`) rather than level with it (`Key:\n- a`). */
  readonly indentSeq: boolean;
  /** Intrinsic functions are written with short-form tags (`!Ref X`) rather than as `Ref: X`. */
  readonly shortTags: boolean;
  /** Flow collections have spaces inside their brackets (`[ a ]`). */
  readonly padding: boolean;
}

/** The column of an offset: characters since the start of its line. */
export function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/**
 * The indentation of `text` from its lines alone (no parse, for completion on every keystroke): the
 * first indented line gives the step, the first list under a key says whether lists are indented.
 */
export function layoutOf(text: string): Pick<YamlStyle, 'eol' | 'indent' | 'indentSeq'> {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /^( +)[^\s#-]/m.exec(text);
  const list = /^( *)[^\s#-][^\n]*:[ \t]*\r?\n(?:[ \t]*(?:#[^\n]*)?\r?\n)*( *)- /m.exec(text);
  return { eol, indent: indented ? Math.min(indented[1].length, 8) : 2, indentSeq: list ? list[2].length > list[1].length : true };
}

/** The style of `text`, whose parse is `doc`; what the document does not show falls back to the usual YAML habits. */
export function styleOf(text: string, doc: Document): YamlStyle {
  const { eol, indent } = layoutOf(text);
  let indentSeq: boolean | undefined;
  let padding: boolean | undefined;
  let short = false;
  let long = false;
  visit(doc, {
    Pair(_, pair) {
      const key = pair.key;
      // `Condition:` is also a resource attribute, so it says nothing about how intrinsics are written.
      if (isScalar(key) && typeof key.value === 'string' && key.value !== 'Condition' && longFormOf(`!${key.value.replace(/^Fn::/, '')}`) === key.value)
        long = true;
      if (indentSeq === undefined && isScalar(key) && isSeq(pair.value) && !pair.value.flow && pair.value.range && key.range) {
        indentSeq = columnOf(text, pair.value.range[0]) > columnOf(text, key.range[0]);
      }
    },
    Node(_, node) {
      if (longFormOf((node as { tag?: string }).tag)) short = true;
      if (padding === undefined && isCollection(node) && node.flow && node.items.length && node.range) padding = text.charAt(node.range[0] + 1) === ' ';
    },
  });
  return { eol, indent, indentSeq: indentSeq ?? true, shortTags: short || !long, padding: padding ?? false };
}

/** A plain value as a `yaml` node, intrinsics in the template's form. */
function toNode(value: Json, style: YamlStyle): YamlNode {
  if (Array.isArray(value)) {
    const seq = new YAMLSeq();
    for (const item of value) seq.items.push(toNode(item, style));
    return seq;
  }
  if (isObject(value)) {
    const keys = Object.keys(value);
    const short = style.shortTags && keys.length === 1 ? shortFormOf(keys[0], value[keys[0]]) : undefined;
    if (short) {
      const node = toNode(short.value, style);
      node.tag = short.tag;
      // `!Join [",", [a, b]]`: a tagged list or mapping stays on its key's line.
      if (isMap(node) || isSeq(node)) flowAll(node);
      return node;
    }
    const map = new YAMLMap();
    for (const key of keys) map.items.push(new Pair(new Scalar(key), toNode(value[key], style)));
    return map;
  }
  return new Scalar(value);
}

function stringify(node: YamlNode, style: YamlStyle): string {
  const doc = new Document();
  doc.contents = node;
  const text = doc.toString({ indent: style.indent, indentSeq: style.indentSeq, lineWidth: 0, flowCollectionPadding: style.padding });
  return text.replace(/\n$/, '');
}

/**
 * A value as YAML, lines joined with '\n' and not indented: block style (a mapping or list on lines
 * of its own) unless `flow`, when it must fit inside a flow collection.
 */
export function render(value: Json, style: YamlStyle, flow: boolean): string {
  const node = toNode(value, style);
  if (flow) flowAll(node);
  return stringify(node, style);
}

function flowAll(node: YamlNode): void {
  visit(node, {
    Map: (_, map) => void (map.flow = true),
    Seq: (_, seq) => void (seq.flow = true),
  });
}

/** A scalar (a value or a key) written as `like` is, in its quotes, when the value is a string. */
export function renderScalar(value: Json, style: YamlStyle, like?: unknown): string {
  const quoted = isScalar(like) && (like.type === 'QUOTE_DOUBLE' || like.type === 'QUOTE_SINGLE') ? like.type : undefined;
  return scalarText(value, quoted, style);
}

/** A scalar as YAML: in the quotes asked for (strings only), else plain unless plain would read as something else. */
export function scalarText(value: Json, quotes?: 'QUOTE_DOUBLE' | 'QUOTE_SINGLE', style: YamlStyle = DEFAULT_STYLE): string {
  const node = new Scalar(value);
  if (typeof value === 'string' && quotes) node.type = quotes;
  return stringify(node, style);
}

const DEFAULT_STYLE: YamlStyle = { eol: '\n', indent: 2, indentSeq: true, shortTags: true, padding: false };

/** Whether a value is written on its key's line (a scalar, an intrinsic, an empty list or mapping) rather than below it. */
export function isInline(value: Json, style: YamlStyle): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (!isObject(value)) return true;
  const keys = Object.keys(value);
  return keys.length === 0 || (style.shortTags && keys.length === 1 && shortFormOf(keys[0], value[keys[0]]) !== undefined);
}

/** Rendered lines indented to `column`, the first one included, joined with the document's line ending. */
export function indentLines(rendered: string, column: number, eol: string): string {
  const pad = ' '.repeat(column);
  return rendered
    .split('\n')
    .map((line) => (line ? pad + line : line))
    .join(eol);
}

/** Whether a node is a block mapping or list (on lines of its own) rather than a scalar or a flow collection. */
export function isBlock(node: unknown): boolean {
  return (isMap(node) || isSeq(node)) && !node.flow;
}
