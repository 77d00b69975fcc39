import { InsertTextFormat, type CompletionItem, type Position } from 'vscode-languageserver';

// What an editor does with a chosen completion item: its text edit and additional edits applied
// to the document, a snippet's tab stops replaced by their default text. Tests then assert the
// document the user ends up with, not only the pieces of the item.

interface PositionIndex {
  offsetAt(position: Position): number;
}

/**
 * The snippet's text as inserted before the user tabs through it: `${1:x}` gives `x` (nested
 * placeholders resolved too), `${1|a,b|}` its first choice, `$1`, `${1}` and `$0` nothing, and
 * `\$`, `\}`, `\\` the character itself.
 */
export function resolveSnippet(snippet: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    // The body of `${n:…}` up to its matching `}`, resolved recursively.
    let depth = 1;
    let body = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length) {
        body += c + snippet[i + 1];
        i += 2;
        continue;
      }
      if (c === '$' && snippet[i + 1] === '{') depth++;
      if (c === '}' && --depth === 0) {
        i++;
        return body;
      }
      body += c;
      i++;
    }
    throw new Error(`unclosed placeholder in snippet ${JSON.stringify(snippet)}`);
  };
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === '\\' && /[\\$}]/.test(snippet[i + 1] ?? '')) {
      out += snippet[i + 1];
      i += 2;
    } else if (c === '$' && /\d/.test(snippet[i + 1] ?? '')) {
      i++;
      while (/\d/.test(snippet[i] ?? '')) i++;
    } else if (c === '$' && snippet[i + 1] === '{') {
      i += 2;
      while (/\d/.test(snippet[i] ?? '')) i++;
      const mark = snippet[i];
      i++;
      const body = mark === '}' ? '' : readUntilClose();
      if (mark === ':') out += resolveSnippet(body);
      else if (mark === '|') out += body.slice(0, body.endsWith('|') ? -1 : undefined).split(',')[0];
      else if (mark !== '}') throw new Error(`unexpected '${mark}' in snippet ${JSON.stringify(snippet)}`);
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

/** The document text after `item` is accepted: every edit applied (from the end backwards), snippets resolved. */
export function applyCompletion(text: string, positions: PositionIndex, item: CompletionItem): string {
  const main = item.textEdit;
  if (!main || !('range' in main)) throw new Error(`item '${item.label}' has no text edit with a range`);
  const snippet = item.insertTextFormat === InsertTextFormat.Snippet;
  const edits = [{ range: main.range, newText: snippet ? resolveSnippet(main.newText) : main.newText }, ...(item.additionalTextEdits ?? [])].map((e) => ({
    start: positions.offsetAt(e.range.start),
    end: positions.offsetAt(e.range.end),
    newText: e.newText,
  }));
  edits.sort((a, b) => b.start - a.start || b.end - a.end);
  for (let k = 1; k < edits.length; k++) {
    if (edits[k].end > edits[k - 1].start) throw new Error(`item '${item.label}' has overlapping edits`);
  }
  return edits.reduce((current, e) => current.slice(0, e.start) + e.newText + current.slice(e.end), text);
}
