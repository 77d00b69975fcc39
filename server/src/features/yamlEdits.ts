import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import { longFormOf } from '../model/cfnTags';
import type { Json, JsonPath } from '../model/types';
import { isObject } from '../model/values';
import { isMergeKey, keyText, YAML_OPTIONS, YamlSyntaxTree } from '../model/yamlSyntax';
import type { FixEdit } from '../rules/types';
import type { TextEditor } from './edits';
import { columnOf, indentLines, isBlock, isInline, render, renderScalar, styleOf, type YamlStyle } from './yamlWriting';

// Fix edits written into YAML text. The `yaml` package parses the text (for the place of every key
// and value) and renders each new value; the text around it is left exactly as it was, so
// comments, quoting, indentation and the lines a fix does not change survive. Every edit is checked
// by reading the result back: a fix that would not give the intended value is not offered at all.

/** One step down the path: the collection, the pair (in a mapping) and the value reached. */
interface Step {
  readonly parent: YAMLMap | YAMLSeq;
  readonly pair?: Pair;
  readonly node: YamlNode | null;
}

type Walk = { readonly steps: readonly Step[]; readonly rest: JsonPath; readonly at: YamlNode | null };

interface Site {
  readonly text: string;
  readonly doc: Document;
  readonly style: YamlStyle;
}

const splice = (text: string, start: number, end: number, insert: string) => text.slice(0, start) + insert + text.slice(end);

/** Follows the path through mappings written in the text, stopping where it leaves them (`rest` is what is missing). */
function walk(doc: Document, path: JsonPath): Walk | undefined {
  let at = doc.contents as YamlNode | null;
  const steps: Step[] = [];
  for (let i = 0; i < path.length; i++) {
    const seg = path[i];
    // An alias or an intrinsic is never edited through: the value lives elsewhere or is computed.
    if (!at || isAlias(at) || longFormOf((at as { tag?: string }).tag)) return undefined;
    if (isScalar(at) && at.value === null) return { steps, rest: path.slice(i), at };
    if (isMap(at) && typeof seg === 'string') {
      const pair = (at.items as Pair[]).find((p) => !isMergeKey(p.key) && keyText(p.key) === seg);
      if (!pair) return { steps, rest: path.slice(i), at };
      steps.push({ parent: at, pair, node: pair.value as YamlNode | null });
      at = pair.value as YamlNode | null;
    } else if (isSeq(at) && typeof seg === 'number') {
      if (seg >= at.items.length) return { steps, rest: path.slice(i), at };
      steps.push({ parent: at, node: at.items[seg] as YamlNode | null });
      at = at.items[seg] as YamlNode | null;
    } else return undefined;
  }
  return { steps, rest: [], at };
}

/** Where a node's written text ends: its last character that is not a blank or a line break. */
function endOf(text: string, node: YamlNode | null | undefined, fallback: number): number {
  if (!node?.range) return fallback;
  let end = node.range[1];
  while (end > node.range[0] && /\s/.test(text.charAt(end - 1))) end--;
  return end;
}

/** Where a node's text starts, its short-form tag included. */
function startOf(text: string, node: YamlNode): number {
  const start = node.range?.[0] ?? 0;
  const tag = (node as { tag?: string }).tag;
  if (!tag) return start;
  const at = text.lastIndexOf(tag, start);
  return at >= 0 && text.slice(at + tag.length, start).trim() === '' ? at : start;
}

/** The offset just after the ':' that follows a key. */
function afterColon(text: string, key: YamlNode): number {
  const colon = text.indexOf(':', key.range?.[1] ?? 0);
  return colon + 1;
}

/** The offset after the line that holds `offset` (its line break included). */
function nextLine(text: string, offset: number): number {
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? text.length : newline + 1;
}

/** The value of `path` made of the segments that are missing: names become mappings, a first index a list. */
function nest(rest: JsonPath, value: Json): Json | undefined {
  let out = value;
  for (let i = rest.length - 1; i >= 0; i--) {
    const seg = rest[i];
    if (typeof seg === 'string') out = { [seg]: out };
    else if (seg === 0) out = [out];
    else return undefined;
  }
  return out;
}

/** Replaces the value a step reached (or a `Key:` left empty) with `value`, in its place's style. */
function replaceValue(site: Site, step: Step, node: YamlNode, value: Json): string {
  const { text, style } = site;
  const flow = !isBlock(step.parent);
  const rendered = render(value, style, flow);
  const end = endOf(text, node, node.range?.[0] ?? 0);
  if (step.pair) {
    const start = afterColon(text, step.pair.key as YamlNode);
    if (flow || isInline(value, style)) {
      // A scalar replacing a scalar keeps its quotes; anything else is written afresh.
      const scalar = isScalar(node) && (value === null || typeof value !== 'object');
      return splice(text, start, end, ' ' + (scalar ? renderScalar(value, style, node) : rendered));
    }
    const column = columnOf(text, (step.pair.key as YamlNode).range![0]) + (Array.isArray(value) && !style.indentSeq ? 0 : style.indent);
    return splice(text, start, end, style.eol + indentLines(rendered, column, style.eol));
  }
  const start = startOf(text, node);
  if (flow) return splice(text, start, end, rendered);
  // A list item: the first line follows the dash, the others line up under it.
  const dash = text.lastIndexOf('-', start);
  const [first, ...others] = rendered.split('\n');
  const column = columnOf(text, dash) + 2;
  const lines = [' ' + first, ...others.map((line) => ' '.repeat(column) + line)].join(style.eol);
  return splice(text, dash + 1, end, lines);
}

/** Adds the items a longer list has after the ones already written, leaving those as they are. */
function appendItems(site: Site, seq: YAMLSeq, items: readonly Json[]): string {
  const { text, style } = site;
  const last = seq.items[seq.items.length - 1] as YamlNode | undefined;
  if (seq.flow) {
    const close = text.lastIndexOf(']', seq.range![1]);
    const written = render(items as Json[], style, true)
      .slice(1, -1)
      .trim();
    return last
      ? splice(text, endOf(text, last, close), endOf(text, last, close), `, ${written}`)
      : splice(text, close, close, style.padding ? ` ${written} ` : written);
  }
  const column = columnOf(text, text.lastIndexOf('-', startOf(text, last!)));
  const at = nextLine(text, endOf(text, last, 0));
  const lead = at === text.length && !text.endsWith('\n') ? style.eol : '';
  return splice(text, at, at, lead + indentLines(render(items as Json[], style, false), column, style.eol) + style.eol);
}

/** Adds `key: value` to a mapping, after its last pair. */
function insertPair(site: Site, map: YAMLMap, key: string, value: Json): string {
  const { text, style } = site;
  const keyText = renderScalar(key, style);
  const pairs = map.items as Pair[];
  const last = pairs[pairs.length - 1];
  if (map.flow) {
    const entry = `${keyText}: ${render(value, style, true)}`;
    const close = text.lastIndexOf('}', map.range![1]);
    if (!last) return splice(text, close, close, style.padding ? ` ${entry} ` : entry);
    const end = endOf(text, (last.value as YamlNode | null) ?? (last.key as YamlNode), close);
    return splice(text, end, end, `, ${entry}`);
  }
  const column = columnOf(text, (pairs[0].key as YamlNode).range![0]);
  const rendered = render(value, style, false);
  const body = isInline(value, style)
    ? ` ${rendered}`
    : style.eol + indentLines(rendered, column + (Array.isArray(value) && !style.indentSeq ? 0 : style.indent), style.eol);
  const at = nextLine(text, endOf(text, (last.value as YamlNode | null) ?? (last.key as YamlNode), 0));
  const lead = at === text.length && !text.endsWith('\n') ? style.eol : '';
  return splice(text, at, at, `${lead}${' '.repeat(column)}${keyText}:${body}${style.eol}`);
}

/** Removes a pair and only what separates it from its neighbours; a mapping left empty becomes `{}`. */
function removePair(site: Site, steps: readonly Step[]): string | undefined {
  const { text } = site;
  const { parent, pair } = steps[steps.length - 1];
  if (!pair || !isMap(parent)) return undefined;
  const pairs = parent.items as Pair[];
  const index = pairs.indexOf(pair);
  const key = pair.key as YamlNode;
  const end = endOf(text, pair.value as YamlNode | null, key.range![1]);
  const next = pairs[index + 1]?.key as YamlNode | undefined;
  const prev = pairs[index - 1];
  if (parent.flow) {
    if (next) return splice(text, key.range![0], next.range![0], '');
    if (prev) return splice(text, endOf(text, prev.value as YamlNode | null, (prev.key as YamlNode).range![1]), end, '');
    return splice(text, key.range![0], end, '');
  }
  if (pairs.length === 1) {
    // Nothing left in the mapping: it is written `{}` where it stood.
    const owner = steps[steps.length - 2];
    if (!owner) return '{}' + site.style.eol;
    const start = owner.pair ? afterColon(text, owner.pair.key as YamlNode) : text.lastIndexOf('-', startOf(text, parent)) + 1;
    return splice(text, start, endOf(text, parent, end), ' {}');
  }
  const lineStart = text.lastIndexOf('\n', key.range![0] - 1) + 1;
  if (text.slice(lineStart, key.range![0]).trim() === '') return splice(text, lineStart, nextLine(text, end), '');
  // The first pair of a list item (`- Name: a`): the next pair moves up behind the dash.
  return next ? splice(text, key.range![0], next.range![0], '') : undefined;
}

function setValue(site: Site, path: JsonPath, value: Json): string | undefined {
  const found = walk(site.doc, path);
  if (!found) return undefined;
  const { steps, rest, at } = found;
  const step = steps[steps.length - 1];
  if (rest.length === 0) {
    if (!at || !step) return undefined;
    const old = isSeq(at) && Array.isArray(value) ? plainAt(new YamlSyntaxTree(site.text, undefined, site.doc).value, path) : undefined;
    if (isSeq(at) && Array.isArray(old) && Array.isArray(value) && value.length > old.length && sameJson(old, value.slice(0, old.length))) {
      return appendItems(site, at, value.slice(old.length));
    }
    return replaceValue(site, step, at, value);
  }
  const nested = nest(rest.slice(1), value);
  if (nested === undefined) return undefined;
  if (isMap(at) && typeof rest[0] === 'string') return insertPair(site, at, rest[0], nested);
  if (isSeq(at) && rest[0] === at.items.length) return appendItems(site, at, [nested]);
  // `Key:` with nothing after it: the whole missing part is its value.
  if (isScalar(at) && at.value === null && step) return replaceValue(site, step, at, nest(rest, value) ?? null);
  return undefined;
}

function renameKey(site: Site, path: JsonPath, name: string): string | undefined {
  const found = walk(site.doc, path);
  const pair = found && found.rest.length === 0 ? found.steps[found.steps.length - 1]?.pair : undefined;
  if (!pair) return undefined;
  const key = pair.key as YamlNode;
  return splice(site.text, key.range![0], key.range![1], renderScalar(name, site.style, key));
}

function plainAt(value: Json | undefined, path: JsonPath): Json | undefined {
  let at = value;
  for (const seg of path) {
    if (typeof seg === 'number') at = Array.isArray(at) ? at[seg] : undefined;
    else at = isObject(at) && Object.prototype.hasOwnProperty.call(at, seg) ? at[seg] : undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

const sameJson = (a: Json | undefined, b: Json | undefined) => a !== undefined && b !== undefined && JSON.stringify(a) === JSON.stringify(b);

/** One edit against `text`; undefined when it cannot be written, or would not read back as intended. */
function applyOne(text: string, edit: FixEdit): string | undefined {
  const doc = parseDocument(text, YAML_OPTIONS);
  if (doc.errors.length) return undefined;
  const site: Site = { text, doc, style: styleOf(text, doc) };
  const { path } = edit;
  const last = path[path.length - 1];
  let after: string | undefined;
  let expect: (tree: YamlSyntaxTree) => boolean;
  if (edit.renameTo !== undefined) {
    const renamed = [...path.slice(0, -1), edit.renameTo];
    after = renameKey(site, path, edit.renameTo);
    expect = (tree) => plainAt(tree.value, path) === undefined && plainAt(tree.value, renamed) !== undefined;
  } else if (edit.remove) {
    const found = walk(doc, path);
    after = found && found.rest.length === 0 && typeof last === 'string' ? removePair(site, found.steps) : undefined;
    expect = (tree) => plainAt(tree.value, path) === undefined;
  } else {
    if (edit.value === undefined) return undefined;
    after = setValue(site, path, edit.value);
    expect = (tree) => sameJson(plainAt(tree.value, path), edit.value);
  }
  if (after === undefined) return undefined;
  const parsed = parseDocument(after, YAML_OPTIONS);
  if (parsed.errors.length) return undefined;
  const tree = new YamlSyntaxTree(after, undefined, parsed);
  return tree.parsed && expect(tree) ? after : undefined;
}

/** CloudFormation templates in YAML: all of a fix's edits, or none of them. */
export const yamlEditor: TextEditor = {
  apply(text, edits) {
    let current = text;
    for (const edit of edits) {
      const next = applyOne(current, edit);
      if (next === undefined) return text;
      current = next;
    }
    return current;
  },
};
