import { createScanner, parseTree, ParseErrorCode, SyntaxKind, type Node, type ParseError } from 'jsonc-parser';
import type { Json, SyntaxProblem } from './types';
import { fmt } from '../core/format';

/**
 * How much text the model parses. A document past a limit is not parsed at all: it gets one
 * `document-too-large` problem instead, and every feature sees an empty tree.
 */
export interface DocumentLimits {
  /** Longest text parsed, in UTF-16 code units (what `string.length` counts). */
  readonly maxLength: number;
  /** Deepest nesting of objects and arrays parsed; the outermost one is level 1. */
  readonly maxNestingDepth: number;
}

/**
 * 20 MiB of text. The largest real ECS documents are far smaller (CloudFormation takes templates of
 * up to 1 MB, ECS task definitions of up to 64 KiB: the CloudFormation and ECS service quotas), and
 * parsing and checking tens of megabytes on every keystroke would stall the editor.
 */
export const MAX_DOCUMENT_LENGTH = 20 * 1024 * 1024;

/**
 * jsonc-parser's parser, its findNodeAtOffset and our structure walk recurse once or more per level,
 * and on Node's default stack the parser overflows somewhere between 3,000 and 4,000 levels of
 * objects. Hand-written and generated ECS documents stay under 20 levels, so 1,000 leaves room for
 * either side.
 */
export const MAX_NESTING_DEPTH = 1000;

export const DEFAULT_LIMITS: DocumentLimits = { maxLength: MAX_DOCUMENT_LENGTH, maxNestingDepth: MAX_NESTING_DEPTH };

export interface ParsedJson {
  readonly root: Node | undefined;
  readonly value: Json | undefined;
  readonly errors: readonly ParseError[];
  /**
   * Comments and trailing commas: fine in JSON with comments (`.jsonc`, VS Code settings), refused
   * by CloudFormation and the AWS CLI. Kept apart so the caller decides which the document may hold.
   */
  readonly loose: readonly LooseSyntax[];
  /** Set when the text is past a limit; then nothing was parsed. */
  readonly limit?: SyntaxProblem;
}

export interface LooseSyntax {
  readonly kind: 'comment' | 'trailing-comma';
  readonly offset: number;
  readonly length: number;
}

/**
 * Strict about comments and trailing commas, so the parser reports where they are; it builds the
 * same tree as with them allowed (it skips a comment and closes after a trailing comma either
 * way), so one parse serves `.json` and `.jsonc` alike. `splitLoose` sorts its errors.
 */
export const PARSE_OPTIONS = { allowTrailingComma: false, disallowComments: true, allowEmptyContent: true };

/**
 * Parses JSON with comments (and a byte order mark) within `limits`. Nesting is measured while the
 * value is built from the tree (a loop), so documents within the limits pay for no extra pass; only
 * one that is too deep, or deep enough to overflow the parser's stack, is scanned again to find
 * where it goes past the limit.
 */
export function parseJson(text: string, limits: DocumentLimits = DEFAULT_LIMITS): ParsedJson {
  if (text.length > limits.maxLength) {
    return { root: undefined, value: undefined, errors: [], loose: [], limit: tooLarge(text.length, limits.maxLength) };
  }
  // A byte order mark is not JSON; blank it so offsets stay those of the editor's text.
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const reported: ParseError[] = [];
  let root: Node | undefined;
  let overflow: unknown;
  try {
    root = parseTree(source, reported, PARSE_OPTIONS);
  } catch (error) {
    // A stack overflow is a RangeError; anything else is a bug to surface, not a limit.
    if (!(error instanceof RangeError)) throw error;
    overflow = error;
  }
  const value = root ? nodeValue(root, limits.maxNestingDepth) : undefined;
  if (overflow === undefined && value !== TOO_DEEP) return { root, value: value as Json | undefined, ...splitLoose(source, reported) };
  const offset = tooDeepAt(source, limits.maxNestingDepth);
  // Deep enough for the parser to overflow, yet within the limit: the caller's stack is nearly
  // spent, which is not the document's doing.
  if (offset === undefined && overflow !== undefined) throw overflow;
  return {
    root: undefined,
    value: undefined,
    errors: [],
    loose: [],
    limit: {
      offset: offset ?? 0,
      length: 1,
      message: `Nesting deeper than ${fmt(limits.maxNestingDepth)} levels is not checked: ECS networking checks skip this document.`,
    },
  };
}

/**
 * Separates comments and trailing commas from real syntax errors. A closed comment is loose; an
 * unclosed one stays an error. A trailing comma shows as a missing property name or value right
 * at a closing bracket whose previous token (skipping whitespace and the comments just found) is
 * a comma; the parser reports it once or twice at that offset, and it counts once.
 */
function splitLoose(text: string, reported: readonly ParseError[]): { errors: ParseError[]; loose: LooseSyntax[] } {
  const errors: ParseError[] = [];
  const loose: LooseSyntax[] = [];
  const commentStartByEnd = new Map<number, number>();
  for (const e of reported) {
    if (e.error !== ParseErrorCode.InvalidCommentToken) continue;
    const comment = text.slice(e.offset, e.offset + e.length);
    if (comment.startsWith('/*') && (comment.length < 4 || !comment.endsWith('*/'))) continue;
    commentStartByEnd.set(e.offset + e.length, e.offset);
  }
  let lastComma = -1;
  for (const e of reported) {
    if (e.error === ParseErrorCode.InvalidCommentToken) {
      if (commentStartByEnd.get(e.offset + e.length) === e.offset) loose.push({ kind: 'comment', offset: e.offset, length: e.length });
      else errors.push({ ...e, error: ParseErrorCode.UnexpectedEndOfComment });
      continue;
    }
    const comma =
      e.error === ParseErrorCode.PropertyNameExpected || e.error === ParseErrorCode.ValueExpected ? trailingCommaBefore(text, e.offset, commentStartByEnd) : -1;
    if (comma < 0) errors.push(e);
    else if (comma !== lastComma) {
      loose.push({ kind: 'trailing-comma', offset: comma, length: 1 });
      lastComma = comma;
    }
  }
  return { errors, loose };
}

/** The offset of the comma a closing bracket at `offset` follows, or -1. */
function trailingCommaBefore(text: string, offset: number, commentStartByEnd: ReadonlyMap<number, number>): number {
  const close = text.charCodeAt(offset);
  if (close !== 0x7d && close !== 0x5d) return -1; // } ]
  let i = offset;
  for (;;) {
    while (i > 0 && /\s/.test(text[i - 1])) i--;
    const start = commentStartByEnd.get(i);
    if (start === undefined) break;
    i = start;
  }
  return i > 0 && text[i - 1] === ',' ? i - 1 : -1;
}

export function tooLarge(length: number, maxLength: number): SyntaxProblem {
  const mb = (n: number) => {
    const size = n / (1024 * 1024);
    return Number.isInteger(size) ? String(size) : size.toFixed(1);
  };
  return {
    offset: 0,
    length: length > 0 ? 1 : 0,
    message: `This document is ${mb(length)} MB; documents over ${mb(maxLength)} MB are not checked for ECS networking problems.`,
  };
}

/**
 * Offset of the first `{` or `[` that opens level `maxDepth + 1`, or undefined when the text stays
 * within. jsonc-parser's scanner reads it token by token (a loop, safe at any depth). A closing
 * bracket only closes its own kind: the parser skips a stray one, so counting it would
 * underestimate how deep the parser goes.
 */
export function tooDeepAt(text: string, maxDepth: number): number | undefined {
  const scanner = createScanner(text, true);
  const open: SyntaxKind[] = [];
  for (let token = scanner.scan(); token !== SyntaxKind.EOF; token = scanner.scan()) {
    if (token === SyntaxKind.OpenBraceToken || token === SyntaxKind.OpenBracketToken) {
      if (open.length === maxDepth) return scanner.getTokenOffset();
      open.push(token);
    } else if (
      (token === SyntaxKind.CloseBraceToken && open[open.length - 1] === SyntaxKind.OpenBraceToken) ||
      (token === SyntaxKind.CloseBracketToken && open[open.length - 1] === SyntaxKind.OpenBracketToken)
    ) {
      open.pop();
    }
  }
  return undefined;
}

const TOO_DEEP = Symbol('too deep');

/**
 * The plain value of a tree, built with an explicit stack (jsonc-parser's getNodeValue recurses),
 * or TOO_DEEP past `maxDepth` levels. Keys become own properties as with JSON.parse, so a
 * `"__proto__"` key is data, never the object's prototype.
 */
function nodeValue(root: Node, maxDepth: number): unknown {
  const build = (node: Node): unknown => {
    switch (node.type) {
      case 'object':
        return {};
      case 'array':
        return [];
      default:
        return node.value;
    }
  };
  const isContainer = (node: Node) => node.type === 'object' || node.type === 'array';
  const top = build(root);
  if (isContainer(root) && maxDepth < 1) return TOO_DEEP;
  const stack: { node: Node; target: unknown; depth: number }[] = [{ node: root, target: top, depth: 1 }];
  while (stack.length) {
    const { node, target, depth } = stack.pop()!;
    if (node.type === 'object') {
      for (const prop of node.children ?? []) {
        const [key, child] = prop.children ?? [];
        if (!key || typeof key.value !== 'string') continue;
        if (!child) continue;
        const v = build(child);
        if (key.value === '__proto__') Object.defineProperty(target, key.value, { value: v, writable: true, enumerable: true, configurable: true });
        else (target as Record<string, unknown>)[key.value] = v;
        if (isContainer(child)) {
          if (depth >= maxDepth) return TOO_DEEP;
          stack.push({ node: child, target: v, depth: depth + 1 });
        }
      }
    } else if (node.type === 'array') {
      for (const child of node.children ?? []) {
        const v = build(child);
        (target as unknown[]).push(v);
        if (isContainer(child)) {
          if (depth >= maxDepth) return TOO_DEEP;
          stack.push({ node: child, target: v, depth: depth + 1 });
        }
      }
    }
  }
  return top;
}
