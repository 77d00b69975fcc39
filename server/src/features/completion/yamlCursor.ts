import type { Json, JsonObject, JsonPath } from '../../model/types';
import { isObject } from '../../model/values';
import { YamlSyntaxTree } from '../../model/yamlSyntax';
import type { SyntaxTree } from '../../model/syntax';
import { layoutOf } from '../yamlWriting';
import type { CursorSite, Token } from './cursor';

// Where the cursor is in a YAML template: the line around it says whether a property name or a
// value is being typed (and what range the item replaces); the parsed tree gives the path. A name
// being typed does not parse yet, so its mapping is found by reading the text with a placeholder
// key in its place: the `yaml` package decides which mapping the indentation puts it in.

/** A key no template holds, standing in for the name being typed. */
const PLACEHOLDER = 'ecsNetworkingCursor';

interface Line {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Whether a list item at `path` holds mappings (then a word after its dash is a property name). */
export type ExpectsObject = (path: JsonPath) => boolean;

interface Scan {
  readonly inComment: boolean;
  /** Offsets of the `[` and `{` still open before the cursor on its line, innermost last. */
  readonly open: readonly number[];
}

/** Quotes, comments and flow brackets on the line before the cursor. */
function scanLine(line: Line, offset: number): Scan {
  const open: number[] = [];
  let quote: string | undefined;
  for (let i = line.start; i < offset; i++) {
    const c = line.text.charAt(i - line.start);
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
      continue;
    }
    const prev = line.text
      .slice(0, i - line.start)
      .trimEnd()
      .slice(-1);
    if ((c === '"' || c === "'") && (prev === '' || ':-[{,'.includes(prev))) quote = c;
    else if (c === '#' && (i === line.start || /\s/.test(line.text.charAt(i - line.start - 1)))) return { inComment: true, open };
    else if (c === '[' || c === '{') open.push(i);
    else if ((c === ']' || c === '}') && open.length) open.pop();
  }
  return { inComment: false, open };
}

/** The scalar starting at `start` (a quoted string, or plain text up to `stop` or a comment), never past the line. */
function scalarAt(line: Line, start: number, stop: RegExp): Token | undefined {
  const text = line.text;
  const at = start - line.start;
  const first = text.charAt(at);
  if (first === '"' || first === "'") {
    let i = at + 1;
    while (i < text.length && text.charAt(i) !== first) i += text.charAt(i) === '\\' && first === '"' ? 2 : 1;
    const closed = i < text.length;
    const end = line.start + (closed ? i + 1 : text.trimEnd().length);
    return { kind: 'string', start, end, inside: { start: start + 1, end: closed ? end - 1 : end } };
  }
  if (at >= text.length || /[!&*|>[{]/.test(first)) return undefined;
  let end = at;
  while (end < text.length && !stop.test(text.charAt(end)) && !(text.charAt(end) === '#' && /\s/.test(text.charAt(end - 1)))) end++;
  while (end > at && /\s/.test(text.charAt(end - 1))) end--;
  return end > at ? { kind: 'word', start, end: line.start + end, inside: { start, end: line.start + end } } : undefined;
}

const firstNonBlank = (line: Line, from: number) => {
  let i = from;
  while (i < line.end && /[ \t]/.test(line.text.charAt(i - line.start))) i++;
  return i;
};

/** The path of the property name at `offset` in `tree`, when it is `name`. */
function keyPath(tree: SyntaxTree, offset: number, name?: string): JsonPath | undefined {
  const node = tree.nodeAt(offset);
  const path = node?.path;
  return path && node.offset === offset && (name === undefined || path[path.length - 1] === name) ? path : undefined;
}

/**
 * The site at `offset` in the YAML `text` read as `tree`, or undefined where nothing may be offered
 * (a comment, an intrinsic's tag, an anchor or alias, a block scalar).
 */
export function findYamlSite(tree: SyntaxTree, text: string, offset: number, expectsObject: ExpectsObject): CursorSite | undefined {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  let end = text.indexOf('\n', offset);
  if (end < 0) end = text.length;
  if (text.charAt(end - 1) === '\r') end--;
  if (offset > end) return undefined;
  const line: Line = { start, end, text: text.slice(start, end) };
  const scan = scanLine(line, offset);
  if (scan.inComment) return undefined;
  const style = layoutOf(text);
  const site = (role: 'key' | 'value', path: JsonPath, token: Token | undefined, extra: { flow: boolean; hasColon?: boolean }): CursorSite => ({
    role,
    path,
    start: token && token.start <= offset ? token.start : offset,
    end: token && token.start <= offset ? token.end : offset,
    token: token && token.start <= offset ? token : undefined,
    trailing: '',
    hasColon: extra.hasColon ?? false,
    writing: { syntax: 'yaml', flow: extra.flow, column: (token?.start ?? offset) - line.start, style },
  });
  if (scan.open.length) return flowSite(tree, line, offset, scan.open[scan.open.length - 1], site);

  const lead = /^[ \t]*((?:-[ \t]+)*)/.exec(line.text.slice(0, offset - line.start))!;
  const restStart = line.start + lead[0].length;
  const rest = text.slice(restStart, offset);
  const named = /^("(?:[^"\\]|\\.)*"|'(?:[^']|'')*'|[^\s#'"][^#]*?)[ \t]*:(?=\s|$)/.exec(text.slice(restStart, line.end));
  if (named && restStart + named[0].length <= offset) {
    // `Key: value`: the value of that key.
    const path = keyPath(tree, restStart);
    if (!path) return undefined;
    // Right after the ':' (an editor asks as it is typed): the value comes with the space YAML needs.
    if (text.charAt(offset - 1) === ':') return offset === line.end ? { ...site('value', path, undefined, { flow: false }), leading: ' ' } : undefined;
    const valueStart = firstNonBlank(line, restStart + named[0].length);
    if (valueStart > offset) return site('value', path, undefined, { flow: false });
    const token = valueStart < line.end ? scalarAt(line, valueStart, /$^/) : undefined;
    if (valueStart < line.end && !token) return undefined;
    return token && offset > token.end ? undefined : site('value', path, token, { flow: false });
  }
  if (/\s/.test(rest) || rest.endsWith('-')) return undefined;
  const word = scalarAt(line, restStart, /[\s:]/) ?? { kind: 'word' as const, start: restStart, end: restStart };
  if (word.end < offset) return undefined;
  const token = word.end > word.start ? word : undefined;
  if (named) {
    // A name already followed by its ':': the name alone is replaced.
    const path = keyPath(tree, restStart);
    return path && site('key', path.slice(0, -1), token, { flow: false, hasColon: true });
  }
  if (word.kind === 'string' && !lead[1]) return undefined;
  const placed = withPlaceholder(tree, text, restStart, word.end, layoutOf(text).indent);
  if (!placed) return undefined;
  const { mapping } = placed;
  // After a dash: a name when the list holds mappings, else the item's own value.
  if (lead[1] && (word.kind === 'string' || !expectsObject(mapping))) return site('value', mapping, token, { flow: false });
  return { ...site('key', mapping, token, { flow: false }), present: placed.present };
}

/**
 * The mapping a name typed at `start` (up to `end`) belongs to, and the names that mapping already
 * has, read from the text with a placeholder key in the name's place. Only the block of the
 * first-level key around the cursor (a template's resource) is read again when there is one, so a
 * keystroke in a large template does not parse all of it twice.
 */
function withPlaceholder(tree: SyntaxTree, text: string, start: number, end: number, step: number): { mapping: JsonPath; present: string[] } | undefined {
  const block = firstLevelBlock(text, start, step);
  const from = block?.start ?? 0;
  const to = block?.end ?? text.length;
  const outer = block ? keyPath(tree, block.keyStart) : [];
  if (!outer) return undefined;
  const patched = new YamlSyntaxTree(text.slice(from, start) + PLACEHOLDER + ':' + text.slice(end, to));
  const inner = keyPath(patched, start - from, PLACEHOLDER);
  // The block read alone starts at its own key: it must be the key the whole document has there.
  if (!inner || (block && inner[0] !== outer[outer.length - 1])) return undefined;
  const mapping = [...outer.slice(0, -1), ...inner.slice(0, -1)];
  const present = Object.keys(objectAt(patched.value, inner.slice(0, -1)) ?? {}).filter((name) => name !== PLACEHOLDER);
  return { mapping, present };
}

/** The lines of the key indented one level (`step`) that holds `offset` more deeply, or undefined. */
function firstLevelBlock(text: string, offset: number, step: number): { start: number; end: number; keyStart: number } | undefined {
  const indentOf = (lineStart: number) => /^[ ]*/.exec(text.slice(lineStart, lineStart + 200))![0].length;
  const significant = (lineStart: number) => /^[ ]*[^\s#]/.test(text.slice(lineStart, lineStart + 200));
  let line = text.lastIndexOf('\n', offset - 1) + 1;
  if (offset - line <= step) return undefined;
  while (line > 0) {
    line = text.lastIndexOf('\n', line - 2) + 1;
    if (!significant(line)) continue;
    const indent = indentOf(line);
    if (indent < step) return undefined;
    if (indent === step) {
      if (!/^[ ]*[^\s#'"-][^\n]*:[ \t]*\r?$/.test(text.slice(line, text.indexOf('\n', line) < 0 ? text.length : text.indexOf('\n', line)))) return undefined;
      let end = text.indexOf('\n', offset);
      while (end >= 0 && end + 1 < text.length && (!significant(end + 1) || indentOf(end + 1) > step)) end = text.indexOf('\n', end + 1);
      return { start: line, end: end < 0 ? text.length : end + 1, keyStart: line + indent };
    }
  }
  return undefined;
}

function objectAt(value: Json | undefined, path: JsonPath): JsonObject | undefined {
  let at = value;
  for (const seg of path) at = typeof seg === 'number' ? (Array.isArray(at) ? at[seg] : undefined) : isObject(at) ? at[seg] : undefined;
  return isObject(at) ? at : undefined;
}

type SiteOf = (role: 'key' | 'value', path: JsonPath, token: Token | undefined, extra: { flow: boolean; hasColon?: boolean }) => CursorSite;

/** Inside `[...]` (a list item) or `{...}` (a name, or the value after `name:`), on one line. */
function flowSite(tree: SyntaxTree, line: Line, offset: number, opener: number, site: SiteOf): CursorSite | undefined {
  const collection = tree.nodeAt(opener);
  if (!collection || collection.offset !== opener) return undefined;
  // The entry the cursor is in starts after the last ',' of this collection.
  let depth = 0;
  let commas = 0;
  let entry = opener + 1;
  for (let i = opener + 1; i < offset; i++) {
    const c = line.text.charAt(i - line.start);
    if (c === '[' || c === '{') depth++;
    else if (c === ']' || c === '}') depth--;
    else if (c === ',' && depth === 0) {
      commas++;
      entry = i + 1;
    }
  }
  const entryStart = firstNonBlank(line, entry);
  const stop = /[,\]}]/;
  if (collection.type === 'array') {
    const token = entryStart <= offset ? scalarAt(line, entryStart, stop) : undefined;
    return site('value', [...collection.path, commas], token, { flow: true });
  }
  if (collection.type !== 'object') return undefined;
  const named = /^([^\s:,{}[\]]+)[ \t]*:(?=\s)/.exec(line.text.slice(entryStart - line.start, offset - line.start));
  if (named) {
    const valueStart = firstNonBlank(line, entryStart + named[0].length);
    return site('value', [...collection.path, named[1]], scalarAt(line, valueStart, stop), { flow: true });
  }
  const word = scalarAt(line, entryStart, /[\s:,\]}]/);
  const after = word ? firstNonBlank(line, word.end) : offset;
  return site('key', collection.path, word, { flow: true, hasColon: line.text.charAt(after - line.start) === ':' });
}
