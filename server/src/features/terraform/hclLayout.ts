// The one layout rule of `terraform fmt` that an edit can break: the `=` of consecutive one-line
// attributes stand in one column (one space after the longest name), and trailing comments of
// consecutive lines line up one space after the longest line. After an edit adds, removes or renames
// an attribute, the runs of lines around it are laid out again by that rule; lines elsewhere are left
// as the user wrote them. Whole lines are removed here too, so that no blank line is left doubled.

/** One line of a `.tf` file, as the alignment rule sees it. Offsets are into the whole text. */
interface Line {
  readonly start: number;
  /** End of the line's text (before `\r\n` or `\n`). */
  readonly end: number;
  /** The `=` of an attribute whose whole value is on this line (or opens a heredoc). */
  readonly assign?: number;
  /** A trailing comment after some code on the line. */
  readonly comment?: number;
}

const OPENERS = '{[(';
const CLOSERS = '}])';

/** The end of a quoted string starting at `i` (its closing quote's offset + 1), interpolations skipped. */
function skipString(text: string, i: number, end: number): number {
  let depth = 0;
  for (let j = i + 1; j < end; j++) {
    const c = text[j];
    if (c === '\\') j++;
    else if ((c === '$' || c === '%') && text[j + 1] === '{') {
      depth++;
      j++;
    } else if (c === '}' && depth > 0) depth--;
    else if (c === '"' && depth === 0) return j + 1;
  }
  return end;
}

interface Scanned {
  readonly line: Line;
  /** A heredoc opens on this line: its closing marker, and whether it may be indented. */
  readonly heredoc?: string;
  /** A block comment opens on this line and does not close on it. */
  readonly openComment: boolean;
}

/** One line of HCL, outside heredocs and block comments. */
function scanLine(text: string, start: number, end: number): Scanned {
  let assign: number | undefined;
  let comment: number | undefined;
  let net = 0;
  let counting = false;
  let heredoc: string | undefined;
  let code = false;
  for (let i = start; i < end; i++) {
    const c = text[i];
    if (c === ' ' || c === '\t') continue;
    if (c === '"') {
      i = skipString(text, i, end) - 1;
      code = true;
      continue;
    }
    if (c === '#' || (c === '/' && text[i + 1] === '/')) {
      if (code) comment = i;
      break;
    }
    if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      if (close === -1 || close + 2 > end) return { line: { start, end }, openComment: true };
      i = close + 1;
      continue;
    }
    if (c === '<' && text[i + 1] === '<') {
      const m = /^<<-?([A-Za-z_][A-Za-z0-9_-]*)/.exec(text.slice(i, end));
      if (m) {
        heredoc = m[1];
        // hclwrite stops counting brackets at a heredoc: `x = <<EOT` is a one-line attribute.
        counting = false;
        i += m[0].length - 1;
        code = true;
        continue;
      }
    }
    if (c === '=' && assign === undefined && code) {
      const before = text[i - 1];
      const after = text[i + 1];
      if (after !== '=' && after !== '>' && before !== '=' && before !== '!' && before !== '<' && before !== '>') {
        assign = i;
        counting = true;
        continue;
      }
    }
    if (counting && OPENERS.includes(c)) net++;
    if (counting && CLOSERS.includes(c)) net--;
    code = true;
  }
  return { line: { start, end, assign: assign !== undefined && net === 0 ? assign : undefined, comment }, heredoc, openComment: false };
}

/** A part of the text that starts outside every heredoc and comment (a top-level block's first line): all runs near an edit lie in it. */
export interface Window {
  readonly start: number;
  readonly end: number;
}

/** Every line of the window; the lines of heredocs and block comments have neither `assign` nor `comment`. */
function linesOf(text: string, window: Window): Line[] {
  const lines: Line[] = [];
  let heredoc: string | undefined;
  let inComment = false;
  for (let start = window.start; start <= Math.min(window.end, text.length);) {
    const nl = text.indexOf('\n', start);
    const next = nl === -1 ? text.length + 1 : nl + 1;
    const end = nl === -1 ? text.length : nl > start && text[nl - 1] === '\r' ? nl - 1 : nl;
    if (heredoc !== undefined) {
      if (text.slice(start, end).trim() === heredoc) heredoc = undefined;
      lines.push({ start, end });
    } else if (inComment) {
      const close = text.indexOf('*/', start);
      if (close !== -1 && close < end) inComment = false;
      lines.push({ start, end });
    } else {
      const scanned = scanLine(text, start, end);
      lines.push(scanned.line);
      heredoc = scanned.heredoc;
      inComment = scanned.openComment;
    }
    start = next;
  }
  return lines;
}

/** Width of the code before offset `at` on its line, trailing blanks left out. */
function widthBefore(text: string, line: Line, at: number): number {
  let end = at;
  while (end > line.start && (text[end - 1] === ' ' || text[end - 1] === '\t')) end--;
  return end - line.start;
}

/** The run of consecutive lines having `has` around line `index`, as [first, last] (empty when it has not). */
function runAround(lines: readonly Line[], index: number, has: (l: Line) => boolean): [number, number] | undefined {
  if (index < 0 || index >= lines.length || !has(lines[index])) return undefined;
  let first = index;
  let last = index;
  while (first > 0 && has(lines[first - 1])) first--;
  while (last + 1 < lines.length && has(lines[last + 1])) last++;
  return [first, last];
}

/** Lays out one cell (`=` or comment) of the runs touching lines [from, to] in one column. */
function alignCell(text: string, from: number, to: number, cell: 'assign' | 'comment', window: Window): string {
  const lines = linesOf(text, window);
  const has = (l: Line) => l[cell] !== undefined;
  const first = lines.findIndex((l) => l.end >= from);
  let last = lines.findIndex((l) => l.end >= to);
  if (first === -1) return text;
  if (last === -1) last = lines.length - 1;
  const runs = new Map<number, [number, number]>();
  for (let i = Math.max(0, first - 1); i <= Math.min(lines.length - 1, last + 1); i++) {
    const run = runAround(lines, i, has);
    if (run) runs.set(run[0], run);
  }
  const changes: { at: number; end: number; spaces: number }[] = [];
  for (const [begin, end] of runs.values()) {
    const run = lines.slice(begin, end + 1);
    const column = Math.max(...run.map((l) => widthBefore(text, l, l[cell]!)));
    for (const l of run) changes.push({ at: l.start + widthBefore(text, l, l[cell]!), end: l[cell]!, spaces: column - widthBefore(text, l, l[cell]!) + 1 });
  }
  const parts: string[] = [];
  let done = 0;
  for (const c of changes.sort((a, b) => a.at - b.at)) {
    parts.push(text.slice(done, c.at), ' '.repeat(c.spaces));
    done = c.end;
  }
  parts.push(text.slice(done));
  return parts.join('');
}

/** The text with the `=` and trailing-comment columns laid out again around offsets [from, to], looking only inside `window`. */
export function realign(text: string, from: number, to: number, window: Window = { start: 0, end: text.length }): string {
  const assigned = alignCell(text, from, to, 'assign', window);
  const grown = assigned.length - text.length;
  return alignCell(assigned, from, to + grown, 'comment', { start: window.start, end: window.end + grown });
}

/** Start of the line holding `offset`. */
export function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

/** Offset just after the line break ending the line of `offset` (the text's length on the last line). */
export function nextLineStart(text: string, offset: number): number {
  const nl = text.indexOf('\n', offset);
  return nl === -1 ? text.length : nl + 1;
}

/** The blanks a line starts with. */
export function indentOf(text: string, offset: number): string {
  const start = lineStart(text, offset);
  return /^[ \t]*/.exec(text.slice(start, start + 200))![0];
}

/**
 * Removes lines [start, end] when nothing else stands on them (a trailing comma or comment aside),
 * with one of two blank lines it would leave side by side, or a blank line it would leave before a
 * closing brace; undefined when other code shares the lines.
 */
export function removeLines(text: string, start: number, end: number): string | undefined {
  const from = lineStart(text, start);
  const to = nextLineStart(text, end);
  if (text.slice(from, start).trim() !== '') return undefined;
  const rest = text.slice(end, to).trim();
  if (rest !== '' && !/^,?\s*(#|\/\/|$)/.test(rest)) return undefined;
  let out = text.slice(0, from) + text.slice(to);
  const prevLine = out.slice(lineStart(out, Math.max(0, from - 1)), from).trim();
  const nextLine = out.slice(from, nextLineStart(out, from)).trim();
  const prevBlank = from > 0 && prevLine === '';
  if (prevBlank && (nextLine === '' || nextLine.startsWith('}'))) out = out.slice(0, lineStart(out, from - 1)) + out.slice(from);
  return out;
}
