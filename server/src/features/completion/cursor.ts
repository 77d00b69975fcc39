import { createScanner, getLocation, ScanError, SyntaxKind } from 'jsonc-parser';
import type { JsonPath } from '../../model/types';

// Where the cursor is, learned from the text alone: the tokens around it and the JSON path
// jsonc-parser reports. Nothing here knows about ECS; the context module adds the meaning.

export interface Token {
  readonly kind: SyntaxKind;
  readonly start: number;
  readonly end: number;
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
  readonly tokens: readonly Token[];
  readonly inComment: boolean;
}

/** The significant tokens of the text, and whether the cursor sits inside a comment. */
function scanText(text: string, offset: number): Scan {
  const scanner = createScanner(text, false);
  const tokens: Token[] = [];
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
function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  let touching: Token | undefined;
  for (const t of tokens) {
    if (t.start > offset) break;
    if (!VALUE_TOKENS.has(t.kind) || offset > t.end) continue;
    if (t.start < offset) return t;
    touching ??= t;
  }
  return touching;
}

function tokenBefore(tokens: readonly Token[], offset: number): Token | undefined {
  let found: Token | undefined;
  for (const t of tokens) {
    if (t.end > offset) break;
    found = t;
  }
  return found;
}

function tokenAfter(tokens: readonly Token[], offset: number): Token | undefined {
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
  readonly tokens: readonly Token[];
  /** Appended to the inserted text when another entry follows without a comma. */
  readonly trailing: string;
  /** A name followed by a ':' already: the name goes in alone. */
  readonly hasColon: boolean;
  /** Offset after the previous entry that needs a ',' before the new member. */
  readonly commaAt?: number;
}

/** The site at `offset` of `text` (a byte order mark already blanked), or undefined where nothing may be offered. */
export function findSite(text: string, offset: number): CursorSite | undefined {
  const scan = scanText(text, offset);
  if (scan.inComment) return undefined;
  const { tokens } = scan;
  const loc = getLocation(text, offset);
  const path = loc.path;
  const at = tokenAt(tokens, offset);

  const key = (start: number, end: number, token?: Token, commaAt?: number): CursorSite => {
    const next = tokenAfter(tokens, end);
    const hasColon = next?.kind === SyntaxKind.ColonToken;
    const trailing = !hasColon && next && STARTS_ENTRY.has(next.kind) ? ',' : '';
    return { role: 'key', path: path.slice(0, -1), start, end, token, tokens, trailing, hasColon, commaAt };
  };
  const value = (start: number, end: number, token?: Token): CursorSite => ({
    role: 'value',
    path,
    start,
    end,
    token,
    tokens,
    trailing: token ? '' : trailingComma(tokens, end),
    hasColon: false,
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

function trailingComma(tokens: readonly Token[], end: number): string {
  const next = tokenAfter(tokens, end);
  return next && STARTS_ENTRY.has(next.kind) ? ',' : '';
}

/** The inside of the string token the cursor is in (editors close the quote as it is typed), or undefined. */
export function stringInside(text: string, offset: number, token: Token | undefined): { start: number; end: number } | undefined {
  if (!token || token.kind !== SyntaxKind.StringLiteral || offset <= token.start) return undefined;
  const closed = token.end - token.start >= 2 && text.charAt(token.end - 1) === '"';
  const end = closed ? token.end - 1 : token.end;
  return offset > end ? undefined : { start: token.start + 1, end };
}
