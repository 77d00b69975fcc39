import { createScanner, getLocation, ScanError, SyntaxKind } from 'jsonc-parser';
import type { JsonPath } from '../../model/types';
import type { YamlStyle } from '../yamlWriting';

// Where the cursor is in JSON, learned from the text alone: the tokens around it and the JSON path
// jsonc-parser reports. Nothing here knows about ECS; the context module adds the meaning.
// yamlCursor.ts answers the same question for YAML.

/** A token of jsonc-parser's scanner. */
interface ScanToken {
  readonly kind: SyntaxKind;
  readonly start: number;
  readonly end: number;
}

/** The token the chosen item replaces, in terms every syntax shares. */
export interface Token {
  /** A quoted string, a bare word (unquoted text), or anything else (a number, a keyword). */
  readonly kind: 'string' | 'word' | 'other';
  readonly start: number;
  readonly end: number;
  /** The characters of the value itself: inside the quotes, or a bare scalar's whole text where it is a value (YAML). */
  readonly inside?: { readonly start: number; readonly end: number };
}

const VALUE_TOKENS: ReadonlySet<SyntaxKind> = new Set([
  SyntaxKind.StringLiteral,
  SyntaxKind.NumericLiteral,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword,
  SyntaxKind.Unknown,
]);

/** Tokens that start another member or item: an insertion placed before one needs a trailing comma. */
const STARTS_ENTRY: ReadonlySet<SyntaxKind> = new Set([...VALUE_TOKENS, SyntaxKind.OpenBraceToken, SyntaxKind.OpenBracketToken]);

interface Scan {
  readonly tokens: readonly ScanToken[];
  readonly inComment: boolean;
}

/** The significant tokens of the text, and whether the cursor sits inside a comment. */
function scanText(text: string, offset: number): Scan {
  const scanner = createScanner(text, false);
  const tokens: ScanToken[] = [];
  let inComment = false;
  for (;;) {
    const kind = scanner.scan();
    if (kind === SyntaxKind.EOF) break;
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      // A line comment runs to the end of its line, an unclosed block comment to the end of the text.
      const open = kind === SyntaxKind.LineCommentTrivia || scanner.getTokenError() === ScanError.UnexpectedEndOfComment;
      if (offset > start && (offset < end || (open && offset === end))) inComment = true;
      continue;
    }
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    tokens.push({ kind, start, end });
  }
  return { tokens, inComment };
}

/** The key or value token the cursor is in or touches (preferring the one it is inside). */
function tokenAt(tokens: readonly ScanToken[], offset: number): ScanToken | undefined {
  let touching: ScanToken | undefined;
  for (const t of tokens) {
    if (t.start > offset) break;
    if (!VALUE_TOKENS.has(t.kind) || offset > t.end) continue;
    if (t.start < offset) return t;
    touching ??= t;
  }
  return touching;
}

function tokenBefore(tokens: readonly ScanToken[], offset: number): ScanToken | undefined {
  let found: ScanToken | undefined;
  for (const t of tokens) {
    if (t.end > offset) break;
    found = t;
  }
  return found;
}

function tokenAfter(tokens: readonly ScanToken[], offset: number): ScanToken | undefined {
  return tokens.find((t) => t.start >= offset);
}

function isValueOpener(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.ColonToken || kind === SyntaxKind.OpenBracketToken || kind === SyntaxKind.CommaToken;
}

/** What is being typed at the cursor, before anything about the document's meaning is known. */
export interface CursorSite {
  /** A property name, or a value. */
  readonly role: 'key' | 'value';
  /** For a key, the path of the object being given a member; for a value, the value's own path. */
  readonly path: JsonPath;
  /** Text range the chosen item replaces. */
  readonly start: number;
  readonly end: number;
  /** The token being replaced, if any. */
  readonly token?: Token;
  /** Appended to the inserted text when another entry follows without a comma. */
  readonly trailing: string;
  /** Put before an inserted value: the space YAML needs after a ':' typed just now. */
  readonly leading?: string;
  /** A name followed by a ':' already: the name goes in alone. */
  readonly hasColon: boolean;
  /** Offset after the previous entry that needs a ',' before the new member. */
  readonly commaAt?: number;
  /** How new text is written here. */
  readonly writing: SiteWriting;
  /** For a name, the names its mapping already has, when the reader knows them better than the document's parse (a YAML name being typed breaks it). */
  readonly present?: readonly string[];
}

/** How text inserted at a site is written: JSON, or YAML in the block or flow style around the cursor. */
export type SiteWriting =
  | { readonly syntax: 'json' }
  | {
      readonly syntax: 'yaml';
      /** Inside `[...]` or `{...}`: values on one line, with no block snippets. */
      readonly flow: boolean;
      /** The column a new property name starts at, for the lines of a block value below it. */
      readonly column: number;
      readonly style: Pick<YamlStyle, 'indent' | 'indentSeq'>;
    };

const JSON_WRITING: SiteWriting = { syntax: 'json' };

/** The neutral form of a scanned token: a string (with its inside), a bare word, or anything else. */
function siteToken(text: string, t: ScanToken): Token {
  if (t.kind === SyntaxKind.StringLiteral) {
    const closed = t.end - t.start >= 2 && text.charAt(t.end - 1) === '"';
    return { kind: 'string', start: t.start, end: t.end, inside: { start: t.start + 1, end: closed ? t.end - 1 : t.end } };
  }
  return { kind: t.kind === SyntaxKind.Unknown ? 'word' : 'other', start: t.start, end: t.end };
}

/** The site at `offset` of `text` (a byte order mark already blanked), or undefined where nothing may be offered. */
export function findSite(text: string, offset: number): CursorSite | undefined {
  const scan = scanText(text, offset);
  if (scan.inComment) return undefined;
  const { tokens } = scan;
  const loc = getLocation(text, offset);
  const path = loc.path;
  const at = tokenAt(tokens, offset);

  const key = (start: number, end: number, token?: ScanToken, commaAt?: number): CursorSite => {
    const next = tokenAfter(tokens, end);
    const hasColon = next?.kind === SyntaxKind.ColonToken;
    const trailing = !hasColon && next && STARTS_ENTRY.has(next.kind) ? ',' : '';
    return { role: 'key', path: path.slice(0, -1), start, end, token: token && siteToken(text, token), trailing, hasColon, commaAt, writing: JSON_WRITING };
  };
  const value = (start: number, end: number, token?: ScanToken): CursorSite => ({
    role: 'value',
    path,
    start,
    end,
    token: token && siteToken(text, token),
    trailing: token ? '' : trailingComma(tokens, end),
    hasColon: false,
    writing: JSON_WRITING,
  });

  if (loc.isAtPropertyKey) {
    if (at) return at.kind === SyntaxKind.StringLiteral || at.kind === SyntaxKind.Unknown ? key(at.start, at.end, at) : undefined;
    const before = tokenBefore(tokens, offset);
    if (!before || before.kind === SyntaxKind.OpenBraceToken || before.kind === SyntaxKind.CommaToken) return key(offset, offset);
    // getLocation still reports a key position after a nested object or list closes: a new member, comma first.
    if (before.kind === SyntaxKind.CloseBraceToken || before.kind === SyntaxKind.CloseBracketToken) return key(offset, offset, undefined, before.end);
    return undefined;
  }

  const last = path[path.length - 1];
  if (path.length === 0 || last === '') return undefined;

  if (at) {
    const before = tokenBefore(tokens, at.start);
    return before && isValueOpener(before.kind) ? value(at.start, at.end, at) : undefined;
  }
  const before = tokenBefore(tokens, offset);
  if (!before) return undefined;
  if (isValueOpener(before.kind)) return value(offset, offset);

  // Just after a complete value with no comma yet: a new member of the same object, comma included.
  const afterValue = VALUE_TOKENS.has(before.kind) || before.kind === SyntaxKind.CloseBraceToken || before.kind === SyntaxKind.CloseBracketToken;
  return afterValue && typeof last === 'string' ? key(offset, offset, undefined, before.end) : undefined;
}

function trailingComma(tokens: readonly ScanToken[], end: number): string {
  const next = tokenAfter(tokens, end);
  return next && STARTS_ENTRY.has(next.kind) ? ',' : '';
}

/** The inside of the value token the cursor is in (editors close a quote as it is typed), or undefined. */
export function stringInside(offset: number, token: Token | undefined): { start: number; end: number } | undefined {
  const inside = token?.inside;
  return inside && offset >= inside.start && offset <= inside.end ? inside : undefined;
}
