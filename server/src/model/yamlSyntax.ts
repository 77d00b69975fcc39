import { isAlias, isMap, isScalar, isSeq, parseDocument, type Document, type Node as YamlNode, type Pair } from 'yaml';
import { isYamlTag, longFormOf, longFormValue } from './cfnTags';
import { DOCUMENT_TOO_LARGE } from './jsonSyntax';
import { DEFAULT_LIMITS, tooLarge, type DocumentLimits } from './parse';
import type { PathLocation, SyntaxNode, SyntaxTree } from './syntax';
import type { Json, JsonObject, JsonPath, OffsetRange, SyntaxProblem } from './types';
import { fmt } from '../core/format';

/**
 * The longest YAML text parsed. The `yaml` reader takes about half a second per million
 * characters of a quoted scalar (measured: a 10 MB one took over 6 s), ten times jsonc-parser;
 * CloudFormation takes templates of up to 1 MB (CloudFormation quotas), so 6 MiB leaves room for
 * any real template and keeps the worst parse to a few seconds.
 */
export const MAX_YAML_LENGTH = 6 * 1024 * 1024;

/**
 * How many values aliases may add to the document once expanded. A few anchors reused across a
 * template add hundreds; an alias bomb ("billion laughs") adds billions, and every rule walking
 * the value would pay for each of them.
 */
export const MAX_ALIAS_EXPANSION = 100_000;

/** How every YAML text of ours is read: by the model, and again by the editor that writes fixes into it. */
export const YAML_OPTIONS = { uniqueKeys: true, merge: true, prettyErrors: false, strict: true, version: '1.2' } as const;

const MESSAGES: Readonly<Record<string, string>> = {
  TAB_AS_INDENT: 'YAML does not allow tabs in indentation; indent with spaces.',
  DUPLICATE_KEY: 'This key is already set in the same mapping; YAML keys must be unique.',
  MULTIPLE_DOCS: 'A CloudFormation template is one YAML document; nothing is read after this `---`.',
  BAD_INDENT: 'This line is not indented the way the surrounding YAML needs (or a bracket is not closed).',
  MISSING_CHAR: 'A closing character is missing here (a bracket, brace or quote is not closed).',
  UNEXPECTED_TOKEN: 'Unexpected text here for YAML.',
  BLOCK_AS_IMPLICIT_KEY: 'A key cannot span several lines; is a `:` or an indentation missing?',
  BAD_ALIAS: 'This alias names no anchor defined before it.',
};

class Stop {
  constructor(readonly problem: SyntaxProblem) {}
}

/** A CloudFormation template (or any YAML) read by the `yaml` package, with short-form tags in long form. */
export class YamlSyntaxTree implements SyntaxTree {
  readonly syntax = 'yaml';
  readonly value: Json | undefined;
  readonly problems: readonly SyntaxProblem[];
  /** YAML has no lenient form of its own: comments are YAML. */
  readonly loose: readonly SyntaxProblem[] = [];
  readonly parsed: boolean;
  private readonly doc: Document | undefined;
  private readonly memo = new Map<YamlNode, { value: Json; weight: number }>();
  private expansion = 0;
  private unknownTag: SyntaxProblem | undefined;

  /** `parsed`: the text already read with YAML_OPTIONS by the caller, so it is not read twice. */
  constructor(
    private readonly text: string,
    limits: DocumentLimits = DEFAULT_LIMITS,
    parsed?: Document,
  ) {
    const maxLength = Math.min(limits.maxLength, MAX_YAML_LENGTH);
    if (text.length > maxLength) {
      this.parsed = false;
      this.value = undefined;
      this.problems = [{ ...tooLarge(text.length, maxLength), ruleId: DOCUMENT_TOO_LARGE }];
      return;
    }
    const tooDeep = (offset: number): SyntaxProblem => ({
      offset,
      length: 1,
      message: `Nesting this deep is not checked: ECS networking checks skip this document.`,
      ruleId: DOCUMENT_TOO_LARGE,
    });
    let doc: Document | undefined = parsed;
    try {
      doc ??= parseDocument(text, YAML_OPTIONS);
    } catch (error) {
      if (!(error instanceof RangeError)) throw error;
    }
    const exhausted = doc ? doc.errors.find((e) => e.code === 'RESOURCE_EXHAUSTION') : { pos: [0, 1] };
    if (!doc || exhausted) {
      this.parsed = false;
      this.value = undefined;
      this.problems = [tooDeep(exhausted?.pos[0] ?? 0)];
      return;
    }
    this.doc = doc;
    let value: Json | undefined;
    let limit: SyntaxProblem | undefined;
    try {
      value = doc.contents ? this.convert(doc.contents, 1, limits.maxNestingDepth) : undefined;
    } catch (error) {
      if (error instanceof Stop) limit = error.problem;
      else if (error instanceof RangeError) limit = tooDeep(0);
      else throw error;
    }
    this.parsed = !limit;
    this.value = limit ? undefined : value;
    const first = doc.errors[0];
    this.problems = (
      limit
        ? [limit]
        : first
          ? [{ offset: first.pos[0], length: Math.max(1, first.pos[1] - first.pos[0]), message: MESSAGES[first.code] ?? `Not valid YAML: ${first.message}` }]
          : this.unknownTag
            ? [this.unknownTag]
            : []
    ).map((p) => withinText(p, text.length));
  }

  private convert(node: YamlNode, depth: number, maxDepth: number): Json {
    return this.weighed(node, depth, maxDepth).value;
  }

  /** The plain value of a node and how many values it stands for once aliases are expanded. */
  private weighed(node: YamlNode, depth: number, maxDepth: number): { value: Json; weight: number } {
    if (isAlias(node)) {
      const target = node.resolve(this.doc!);
      const found = target && this.memo.get(target);
      if (!found) return { value: null, weight: 1 };
      this.expansion += found.weight;
      if (this.expansion > MAX_ALIAS_EXPANSION) {
        throw new Stop({
          offset: node.range?.[0] ?? 0,
          length: 1,
          message: `Aliases in this document expand to more than ${fmt(MAX_ALIAS_EXPANSION)} values; ECS networking checks skip it.`,
          ruleId: DOCUMENT_TOO_LARGE,
        });
      }
      return found;
    }
    const container = isMap(node) || isSeq(node);
    if (container && depth > maxDepth) {
      throw new Stop({
        offset: node.range?.[0] ?? 0,
        length: 1,
        message: `Nesting deeper than ${fmt(maxDepth)} levels is not checked: ECS networking checks skip this document.`,
        ruleId: DOCUMENT_TOO_LARGE,
      });
    }
    let result: { value: Json; weight: number };
    if (isMap(node)) {
      const out: JsonObject = {};
      const merged: Json[] = [];
      let weight = 1;
      for (const pair of node.items as Pair<YamlNode | null, YamlNode | null>[]) {
        if (isMergeKey(pair.key)) {
          if (pair.value) {
            const sources = isSeq(pair.value) ? (pair.value.items as YamlNode[]) : [pair.value];
            for (const source of sources) merged.push(this.weighed(source, depth + 1, maxDepth).value);
          }
          continue;
        }
        const key = keyText(pair.key);
        if (key === undefined) continue;
        const child = pair.value ? this.weighed(pair.value, depth + 1, maxDepth) : { value: null, weight: 1 };
        weight += child.weight;
        setOwn(out, key, child.value);
      }
      // Keys written in the mapping win over merged ones; earlier merge sources win over later ones.
      for (const source of merged) {
        if (source === null || typeof source !== 'object' || Array.isArray(source)) continue;
        for (const [key, v] of Object.entries(source)) if (!Object.prototype.hasOwnProperty.call(out, key)) setOwn(out, key, v);
      }
      result = { value: out, weight };
    } else if (isSeq(node)) {
      const out: Json[] = [];
      let weight = 1;
      for (const item of node.items as (YamlNode | null)[]) {
        const child = item ? this.weighed(item, depth + 1, maxDepth) : { value: null, weight: 1 };
        weight += child.weight;
        out.push(child.value);
      }
      result = { value: out, weight };
    } else {
      result = { value: scalarValue(node), weight: 1 };
    }
    const tag = (node as { tag?: string }).tag;
    if (tag && !isYamlTag(tag)) {
      const long = longFormOf(tag);
      if (long) result = { value: { [long]: longFormValue(long, result.value) }, weight: result.weight + 1 };
      else
        this.unknownTag ??= {
          offset: node.range?.[0] ?? 0,
          length: 1,
          message: `'${tag}' is not a CloudFormation intrinsic function tag; the value is read as if it had no tag.`,
        };
    }
    if ((node as { anchor?: string }).anchor) this.memo.set(node, result);
    return result;
  }

  locate(path: JsonPath): PathLocation | undefined {
    let node: YamlNode | null | undefined = this.doc?.contents as YamlNode | null | undefined;
    if (!node) return undefined;
    let key: OffsetRange | undefined;
    for (let i = 0; i < path.length; i++) {
      const seg = path[i];
      const written: YamlNode = node;
      const target: YamlNode | undefined = isAlias(written) ? (this.resolveAlias(written) as YamlNode | undefined) : written;
      if (!target) return undefined;
      const long = longFormOf((target as { tag?: string }).tag);
      if (long !== undefined && seg === long) {
        // The long form's key is the tag itself; `!GetAtt A.B` is also both items of its list.
        if (isScalar(target) && typeof path[i + 1] === 'number') i++;
        continue;
      }
      if (isMap(target)) {
        const pair = this.findPair(target, String(seg), 0);
        if (!pair) return undefined;
        key = this.rangeOf(pair.key as YamlNode);
        node = pair.value as YamlNode | null;
        if (!node) return { value: { offset: key.offset + key.length, length: 0 }, key };
      } else if (isSeq(target) && typeof seg === 'number') {
        node = target.items[seg] as YamlNode | null | undefined;
        key = undefined;
        if (!node) return undefined;
      } else return undefined;
    }
    return { value: this.rangeOf(node), key };
  }

  nodeAt(offset: number): SyntaxNode | undefined {
    let node = this.doc?.contents as YamlNode | null | undefined;
    if (!node || !contains(node, offset)) return undefined;
    const path: JsonPath = [];
    for (;;) {
      const long = longFormOf((node as { tag?: string }).tag);
      if (long) path.push(long);
      let next: YamlNode | undefined;
      if (isMap(node)) {
        for (const pair of node.items as Pair<YamlNode | null, YamlNode | null>[]) {
          const key = keyText(pair.key);
          if (key === undefined || isMergeKey(pair.key)) continue;
          if (pair.key && contains(pair.key, offset))
            return { ...rangeOfNode(pair.key), path: [...path, key], type: 'string', value: key, contentOffset: contentOffsetOf(pair.key) };
          if (pair.value && contains(pair.value, offset)) {
            path.push(key);
            next = pair.value;
            break;
          }
        }
      } else if (isSeq(node)) {
        const index = (node.items as (YamlNode | null)[]).findIndex((item) => item && contains(item, offset));
        if (index >= 0) {
          path.push(index);
          next = node.items[index] as YamlNode;
        }
      }
      if (!next) return this.describe(node, path);
      node = next;
    }
  }

  private describe(node: YamlNode, path: JsonPath): SyntaxNode {
    const range = rangeOfNode(node);
    const target = isAlias(node) ? this.resolveAlias(node) : node;
    if (isMap(target)) return { ...range, path, type: 'object' };
    if (isSeq(target)) return { ...range, path, type: 'array' };
    const value = target ? scalarValue(target) : null;
    const type = value === null ? 'null' : typeof value === 'string' ? 'string' : typeof value === 'number' ? 'number' : 'boolean';
    return { ...range, path, type, value, contentOffset: target === node ? contentOffsetOf(node) : undefined };
  }

  /** A node's range, from its short-form tag when it has one: `!Ref Subnet` is underlined whole. */
  private rangeOf(node: YamlNode): OffsetRange {
    const range = rangeOfNode(node);
    const tag = (node as { tag?: string }).tag;
    if (!tag || isYamlTag(tag)) return range;
    const at = this.text.lastIndexOf(tag, range.offset);
    if (at < 0 || this.text.slice(at + tag.length, range.offset).trim() !== '') return range;
    return { offset: at, length: range.offset + range.length - at };
  }

  private resolveAlias(node: YamlNode): YamlNode | undefined {
    let target: YamlNode | undefined = node;
    // An alias names an anchor defined before it, so a chain of them ends.
    while (target && isAlias(target)) target = target.resolve(this.doc!) as YamlNode | undefined;
    return target;
  }

  /** The pair for `key`, written in the mapping or brought in by a merge key (bounded: merges nest only so deep). */
  private findPair(map: YamlNode, key: string, depth: number): Pair | undefined {
    if (!isMap(map) || depth > 20) return undefined;
    const pairs = map.items as Pair<YamlNode | null, YamlNode | null>[];
    const own = pairs.find((p) => !isMergeKey(p.key) && keyText(p.key) === key);
    if (own) return own as Pair;
    for (const merge of pairs.filter((p) => isMergeKey(p.key) && p.value)) {
      const sources = isSeq(merge.value) ? (merge.value.items as YamlNode[]) : [merge.value!];
      for (const source of sources) {
        const found = this.findPair(this.resolveAlias(source) ?? source, key, depth + 1);
        if (found) return found;
      }
    }
    return undefined;
  }
}

/** At least one character to underline, but never past the end (a problem at the very end has none). */
function withinText(problem: SyntaxProblem, length: number): SyntaxProblem {
  const offset = Math.min(Math.max(0, problem.offset), length);
  return { ...problem, offset, length: Math.min(Math.max(1, problem.length), length - offset) };
}

export function isMergeKey(key: unknown): boolean {
  return isScalar(key) && (typeof key.value === 'symbol' || (key.value === '<<' && key.type === 'PLAIN'));
}

export function keyText(key: unknown): string | undefined {
  if (!isScalar(key)) return undefined;
  const v = key.value;
  return typeof v === 'symbol' ? undefined : String(v);
}

function setOwn(target: JsonObject, key: string, value: Json): void {
  // As with JSON.parse, a `__proto__` key is data, never the object's prototype.
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/**
 * CloudFormation reads YAML 1.1, where an unquoted `yes`, `no`, `on` or `off` is a boolean; the
 * `yaml` package reads YAML 1.2 (strings), whose schema otherwise matches better (an unquoted
 * `2010-09-09` stays a string, not a date).
 */
const YAML_1_1_BOOLEANS = new Set(['yes', 'Yes', 'YES', 'no', 'No', 'NO', 'on', 'On', 'ON', 'off', 'Off', 'OFF']);

function scalarValue(node: YamlNode): Json {
  if (!isScalar(node)) return null;
  const v = node.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : (node.source ?? String(v));
  if (typeof v === 'string' && node.type === 'PLAIN' && YAML_1_1_BOOLEANS.has(v)) return /^(y|on)/i.test(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  return String(v);
}

function rangeOfNode(node: YamlNode): OffsetRange {
  const [start, end] = node.range ?? [0, 0];
  return { offset: start, length: end - start };
}

function contains(node: YamlNode, offset: number): boolean {
  const [start, end] = node.range ?? [0, -1];
  return start <= offset && offset <= end;
}

/** Where a scalar's characters start, when they are written one to one (no escapes, no folding). */
function contentOffsetOf(node: YamlNode): number | undefined {
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  const written = node.range[1] - node.range[0];
  if (node.type === 'PLAIN' && written === node.value.length) return node.range[0];
  if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && written === node.value.length + 2) return node.range[0] + 1;
  return undefined;
}
