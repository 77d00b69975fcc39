import { InsertTextMode, type CompletionItem } from 'vscode-languageserver';
import type { MemberInfo } from '../../structure/validate';
import { scalarText } from '../yamlWriting';
import type { CompletionContext } from './context';

// How completion text is spelt at the cursor: a JSON string in quotes, or YAML in the style around
// the cursor (plain unless the user opened quotes; block values on the lines below a new property,
// at the document's indentation). The providers choose values; this decides their spelling.

/** Literal text inside a snippet: `$`, `}` and `\` would otherwise be read as syntax. */
export function snippetText(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** A string value as inserted at the site. */
export function valueText(ctx: CompletionContext, value: string): string {
  const w = ctx.writing;
  if (w.syntax === 'json') return JSON.stringify(value);
  if (ctx.token?.kind !== 'string') return scalarText(value);
  return scalarText(value, ctx.text.charAt(ctx.token.start) === "'" ? 'QUOTE_SINGLE' : 'QUOTE_DOUBLE');
}

/** A property name as inserted at the site. */
export function keyText(ctx: CompletionContext, name: string): string {
  return ctx.writing.syntax === 'json' ? JSON.stringify(name) : scalarText(name);
}

/** What the editor matches the typed text against: the name as it is being typed (bare or in quotes). */
export function keyFilterText(ctx: CompletionContext, name: string): string {
  return ctx.writing.syntax === 'json' && ctx.token?.kind !== 'word' ? JSON.stringify(name) : name;
}

/** A one-value list, as its label and as a snippet. */
export function oneValueList(ctx: CompletionContext, value: string): { label: string; snippet: string } {
  const text = valueText(ctx, value);
  return { label: `[${text}]`, snippet: `[${snippetText(text)}$0]` };
}

/** The lines of a block value below a new property, indented for the site; `levels` more levels in. */
function below(ctx: CompletionContext, line: string, list = false): string {
  const w = ctx.writing;
  if (w.syntax !== 'yaml') return line;
  const column = w.column + (list && !w.style.indentSeq ? 0 : w.style.indent);
  return '\n' + ' '.repeat(column) + line;
}

/** What follows a new property's name: the separator and a tab stop where the value goes, by the value's type. */
export function afterName(ctx: CompletionContext, m: MemberInfo, hasValues: boolean): string {
  const w = ctx.writing;
  if (m.type === 'integer' || m.type === 'number') return ': ${1:0}';
  if (m.type === 'boolean') return ': ${1:false}';
  const object = m.type === 'object' || m.type === 'map';
  if (w.syntax === 'json') {
    if (m.type === 'string' || m.type === 'timestamp') return ': "$1"';
    if (object) return ': {\n\t$1\n}';
    if (m.type === 'array') return hasValues ? ': [\n\t"$1"\n]' : ': [\n\t$1\n]';
    return ': $1';
  }
  if (object) return w.flow ? ': {$1}' : ':' + below(ctx, '$1');
  if (m.type === 'array') return w.flow ? ': [$1]' : ':' + below(ctx, '- $1', true);
  return ': $1';
}

/**
 * A ready-made block in YAML placed below the property at the site. A mapping's `lines` are written
 * two spaces per level (as in the code) and re-indented for the document; a list's items keep their
 * spaces, which line their keys up after the dash.
 */
export function yamlBlock(ctx: CompletionContext, lines: readonly string[], list: boolean): string {
  const w = ctx.writing;
  if (w.syntax !== 'yaml') return '';
  const indented = (line: string) => ' '.repeat(((line.length - line.trimStart().length) / 2) * w.style.indent) + line.trimStart();
  return lines.map((line) => below(ctx, list ? line : indented(line), list)).join('');
}

/** YAML items spanning lines carry their own indentation: the editor must insert them as they are. */
export function asWritten(ctx: CompletionContext, item: CompletionItem): CompletionItem {
  const edit = item.textEdit;
  if (ctx.writing.syntax === 'yaml' && edit && edit.newText.includes('\n')) item.insertTextMode = InsertTextMode.asIs;
  return item;
}
