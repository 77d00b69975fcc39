import { Edit, type Node, type Tree } from 'web-tree-sitter';
import type { Json, JsonObject, JsonPath, SyntaxProblem } from '../types';
import type { PathLocation, SyntaxNode, SyntaxTree } from '../syntax';
import { DEFAULT_LIMITS, type DocumentLimits } from '../parse';
import { isObject } from '../values';
import type { TerraformGrammar } from './parser';
import { projectBlock, type BlockProjection, type FileRead } from './project';
import { pathKey, type Place } from './places';
import { TooDeep } from './cursor';
import { terraformLimit, tooDeep } from './limits';

// One `.tf` file read with tree-sitter's HCL grammar and turned into the projection of
// project.ts: the plain value every rule reads and a place for every path. The tree itself is kept
// only for the next version's incremental parse and deleted then (wasm memory never shrinks).

export const TERRAFORM_SYNTAX_ERROR = 'syntax-error';

interface Entry {
  readonly start: number;
  readonly proj: BlockProjection;
}

/** A file read by an attribute of this file, with the attribute's absolute projection path. */
export interface TerraformFileRead extends FileRead {
  readonly path: JsonPath;
}

/** One change between two versions: the common prefix and suffix left out. */
function singleEdit(before: string, after: string) {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < max - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return { start, oldEnd: before.length - tail, newEnd: after.length - tail };
}

/** Row and column (in UTF-16 units, as the parser counts for JS strings) of an offset. */
function point(text: string, offset: number) {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let row = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) row++;
  return { row, column: (offset - lineStart) * 2 };
}

/**
 * Where to show the first thing the parser could not read inside `node`: the error node itself, or
 * for a token the parser had to invent at the end (a missing `"` or `}`), the construct left open.
 * A loop, not a recursion: the nesting is the user's.
 */
function firstError(node: Node): { offset: number; end: number } {
  for (let at = node; ;) {
    const child = at.children.find((c) => c !== null && (c.isMissing || c.isError || c.hasError));
    if (!child) return { offset: at.startIndex, end: at.endIndex };
    if (child.isMissing || (child.isError && child.endIndex === child.startIndex))
      return { offset: at.startIndex, end: Math.min(at.endIndex, at.startIndex + 1) };
    if (child.isError) return { offset: child.startIndex, end: child.endIndex };
    at = child;
  }
}

export class TerraformSyntaxTree implements SyntaxTree {
  readonly syntax = 'terraform';
  readonly value: JsonObject | undefined;
  readonly problems: readonly SyntaxProblem[];
  readonly loose: readonly SyntaxProblem[] = [];
  readonly parsed: boolean;
  /** `file()`/`templatefile()` reads, for linking container-definition files to their task definition. */
  readonly files: readonly TerraformFileRead[];
  private readonly entries: readonly Entry[];
  private readonly byBase = new Map<string, Entry>();
  private tree: Tree | undefined;
  /** Converted blocks by source text, reused by the next version for the blocks an edit left alone. */
  private cache: Map<string, BlockProjection> | undefined;

  constructor(
    private readonly text: string,
    grammar: TerraformGrammar | undefined,
    limits: DocumentLimits = DEFAULT_LIMITS,
    previous?: TerraformSyntaxTree,
    /** Parse from a copy of the previous tree (cheap: tree-sitter shares its nodes), leaving it to its own next version. */
    keepPrevious = false,
  ) {
    // Past a limit the text is not parsed at all (limits.ts); the previous version's tree goes now.
    const refused = grammar && terraformLimit(text, limits.maxLength);
    if (!grammar || refused) {
      previous?.release();
      this.parsed = false;
      this.value = undefined;
      this.problems = refused ? [refused] : [];
      this.entries = [];
      this.files = [];
      return;
    }
    const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
    const old = keepPrevious ? previous?.copyTree() : previous?.takeTree();
    if (old && previous) {
      const e = singleEdit(previous.text, source);
      old.edit(
        new Edit({
          startIndex: e.start,
          oldEndIndex: e.oldEnd,
          newEndIndex: e.newEnd,
          startPosition: point(previous.text, e.start),
          oldEndPosition: point(previous.text, e.oldEnd),
          newEndPosition: point(source, e.newEnd),
        }),
      );
    }
    this.tree = grammar.parse(source, old);
    old?.delete();
    this.parsed = this.tree !== undefined;
    const root = this.tree?.rootNode;
    const body = root?.namedChildren.find((n) => n?.type === 'body') ?? undefined;
    const blocks: Node[] = [];
    let problem: SyntaxProblem | undefined;
    if (root?.hasError) {
      const bad = firstError(root);
      problem = {
        offset: bad.offset,
        // At least one character, unless the error is a missing token at the very end of the text.
        length: Math.min(Math.max(1, Math.min(bad.end - bad.offset, 200)), text.length - bad.offset),
        message: 'Terraform cannot read this (a syntax error); the blocks from here to the end of the file are not checked.',
      };
    }
    for (const node of body?.namedChildren ?? []) {
      if (!node || node.type === 'comment') continue;
      // Error recovery can swallow later blocks: what follows an error is not trusted, wherever the
      // error sits (a stray `}` before the first block is outside the body).
      if (node.type !== 'block' || node.hasError || (problem && node.endIndex > problem.offset)) break;
      blocks.push(node);
    }
    let converted: ReturnType<TerraformSyntaxTree['convert']> | undefined;
    try {
      converted = this.convert(blocks, source, previous?.cache, limits.maxNestingDepth);
    } catch (error) {
      // Too deep for the reader (or, as a last guard, for the stack): one problem, nothing read.
      if (!(error instanceof TooDeep || error instanceof RangeError)) throw error;
      problem = tooDeep(error instanceof TooDeep ? error.offset : 0);
      this.parsed = false;
      this.cache = undefined;
    }
    this.problems = problem ? [problem] : [];
    this.entries = converted?.entries ?? [];
    this.value = converted?.value;
    this.files = converted?.files ?? [];
    for (const entry of this.entries) if (entry.proj.keyword !== 'locals') this.byBase.set(pathKey(entry.proj.base), entry);
  }

  private convert(blocks: Node[], source: string, previous: Map<string, BlockProjection> | undefined, maxDepth: number) {
    // Locals first, twice, so a local that names another local of the file is followed one step.
    let known: JsonObject = {};
    const lookup = (name: string): Json | undefined => {
      const v = known[name];
      return v === undefined || (typeof v === 'string' && v.includes('${')) ? undefined : v;
    };
    const localBlocks = blocks.filter((b) => source.startsWith('locals', b.startIndex));
    for (let pass = 0; pass < 2; pass++) {
      const next: JsonObject = {};
      for (const b of localBlocks) {
        const p = projectBlock(b, source, lookup, maxDepth);
        if (isObject(p?.value)) for (const [k, v] of Object.entries(p.value)) if (!(k in next)) next[k] = v;
      }
      known = next;
    }
    const signature = localBlocks.map((b) => source.slice(b.startIndex, b.endIndex)).join('\u0001');
    this.cache = new Map();
    const value: JsonObject = {};
    const entries: Entry[] = [];
    const files: TerraformFileRead[] = [];
    for (const block of blocks) {
      const key = signature + '\u0002' + source.slice(block.startIndex, block.endIndex);
      const proj = previous?.get(key) ?? projectBlock(block, source, lookup, maxDepth);
      if (!proj) continue;
      this.cache.set(key, proj);
      if (!this.attach(value, proj)) continue;
      entries.push({ start: block.startIndex, proj });
      for (const f of proj.files) files.push({ ...f, path: [...proj.base, ...f.path] });
    }
    return { value, entries, files };
  }

  /** Puts a block's value at its base path; false when an earlier block already holds that path. */
  private attach(root: JsonObject, proj: BlockProjection): boolean {
    if (proj.keyword === 'locals') {
      const locals = isObject(root.locals) ? root.locals : (root.locals = {});
      if (isObject(proj.value)) for (const [k, v] of Object.entries(proj.value)) if (!(k in locals)) locals[k] = v;
      return true;
    }
    let cursor: JsonObject = root;
    const base = proj.base;
    for (let i = 0; i < base.length - 1; i++) {
      const seg = String(base[i]);
      const next = cursor[seg];
      cursor = isObject(next) ? next : (cursor[seg] = {});
    }
    const last = String(base[base.length - 1]);
    if (last in cursor) return false;
    cursor[last] = proj.value;
    return true;
  }

  private copyTree(): Tree | undefined {
    return this.tree?.copy();
  }

  private takeTree(): Tree | undefined {
    const tree = this.tree;
    this.tree = undefined;
    return tree;
  }

  /** Frees the parse tree (a closed document, a CLI run that is done with the file). */
  release(): void {
    this.tree?.delete();
    this.tree = undefined;
  }

  private entryFor(path: JsonPath): { entry: Entry; rel: JsonPath } | undefined {
    if (path[0] === 'locals' && path.length >= 2) {
      const rel = path.slice(1);
      const entry = this.entries.find((e) => e.proj.keyword === 'locals' && e.proj.places.has(pathKey(rel)));
      return entry && { entry, rel };
    }
    for (let len = Math.min(path.length, 3); len >= 1; len--) {
      const entry = this.byBase.get(pathKey(path.slice(0, len)));
      if (entry) return { entry, rel: path.slice(len) };
    }
    return undefined;
  }

  locate(path: JsonPath): PathLocation | undefined {
    if (path.length === 0) return this.parsed ? { value: { offset: 0, length: this.text.length } } : undefined;
    const found = this.entryFor(path);
    const place = found?.entry.proj.places.get(pathKey(found.rel));
    if (!found || !place) return undefined;
    const at = found.entry.start;
    return {
      value: { offset: at + place.valueStart, length: place.valueEnd - place.valueStart },
      key: place.keyStart === undefined ? undefined : { offset: at + place.keyStart, length: place.keyEnd! - place.keyStart },
    };
  }

  nodeAt(offset: number): SyntaxNode | undefined {
    const entry = this.entries.find((e) => offset >= e.start && offset <= e.start + e.proj.length);
    if (!entry) return undefined;
    const rel = offset - entry.start;
    let best: { key: string; place: Place; onKey: boolean } | undefined;
    for (const [key, place] of entry.proj.places) {
      const onKey = place.keyStart !== undefined && rel >= place.keyStart && rel <= place.keyEnd!;
      const inValue = rel >= place.valueStart && rel <= place.valueEnd;
      if (!onKey && !inValue) continue;
      const size = onKey ? place.keyEnd! - place.keyStart! : place.valueEnd - place.valueStart;
      const bestSize = best && (best.onKey ? best.place.keyEnd! - best.place.keyStart! : best.place.valueEnd - best.place.valueStart);
      if (!best || size < bestSize! || (size === bestSize && onKey)) best = { key, place, onKey };
    }
    if (!best) return undefined;
    const rest: JsonPath = best.key === '' ? [] : best.key.split('\u0000').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    const path = entry.proj.keyword === 'locals' ? ['locals', ...rest] : [...entry.proj.base, ...rest];
    const p = best.place;
    if (best.onKey) {
      return { path, type: 'string', value: String(path[path.length - 1]), offset: entry.start + p.keyStart!, length: p.keyEnd! - p.keyStart! };
    }
    let value: Json | undefined = entry.proj.value;
    for (const seg of rest) value = value !== null && typeof value === 'object' ? (value as Record<string, Json>)[seg as string] : undefined;
    const type =
      value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value === 'object' ? 'object' : (typeof value as 'string' | 'number' | 'boolean');
    return {
      path,
      type,
      value: type === 'object' || type === 'array' ? undefined : value,
      offset: entry.start + p.valueStart,
      length: p.valueEnd - p.valueStart,
      contentOffset: p.content === undefined ? undefined : entry.start + p.content,
    };
  }
}
