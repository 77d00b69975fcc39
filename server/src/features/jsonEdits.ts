import { applyEdits, findNodeAtLocation, modify, parseTree, type FormattingOptions } from 'jsonc-parser';
import type { FixEdit } from '../rules/types';
import type { TextEditor } from './edits';

/** Indentation as the document already uses it, so inserted JSON looks like the user's own. */
export function detectFormatting(text: string): FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const indented = /^([ \t]+)\S/m.exec(text);
  if (indented && indented[1].startsWith('\t')) return { insertSpaces: false, tabSize: 4, eol };
  const size = indented ? Math.min(indented[1].length, 8) : 2;
  return { insertSpaces: true, tabSize: size, eol };
}

function propertyAt(text: string, edit: FixEdit) {
  const root = parseTree(text, [], { allowTrailingComma: true });
  const node = root && findNodeAtLocation(root, edit.path);
  return node?.parent?.type === 'property' ? node.parent : undefined;
}

function renameKey(text: string, edit: FixEdit): string {
  const key = propertyAt(text, edit)?.children?.[0];
  if (!key || edit.renameTo === undefined) return text;
  return text.slice(0, key.offset) + JSON.stringify(edit.renameTo) + text.slice(key.offset + key.length);
}

/**
 * Removes a property and its separating comma, touching nothing else: jsonc-parser's `modify`
 * would reformat the whole enclosing object, which on a one-line object rewrites the user's layout.
 */
function removeProperty(text: string, edit: FixEdit): string {
  const prop = propertyAt(text, edit);
  const siblings = prop?.parent?.children;
  if (!prop || !siblings) return text;
  const index = siblings.indexOf(prop);
  const next = siblings[index + 1];
  const prev = siblings[index - 1];
  if (next) return text.slice(0, prop.offset) + text.slice(next.offset);
  if (prev) return text.slice(0, prev.offset + prev.length) + text.slice(prop.offset + prop.length);
  return text.slice(0, prop.offset) + text.slice(prop.offset + prop.length);
}

/**
 * Applies a fix's edits for one document, in order, each against the text the previous one left,
 * with jsonc-parser's `modify` so comments and formatting survive. Returns the new text, or `text`
 * itself when the fix does not apply to it.
 */
function applyJsonEdits(text: string, edits: readonly FixEdit[]): string {
  const formattingOptions = detectFormatting(text);
  let current = text;
  for (const edit of edits) {
    if (edit.renameTo !== undefined) {
      current = renameKey(current, edit);
      continue;
    }
    if (edit.remove) {
      current = removeProperty(current, edit);
      continue;
    }
    let changes;
    try {
      changes = modify(current, edit.path, edit.value, { formattingOptions });
    } catch {
      // jsonc-parser throws when the path runs through a value that is neither object nor array
      // (a resource whose `Properties` is a string): the fix does not apply, so none of it does.
      return text;
    }
    current = applyEdits(current, changes);
  }
  return current;
}

/** JSON (and JSON with comments) edited through jsonc-parser. */
export const jsonEditor: TextEditor = { apply: applyJsonEdits };
