import type { SyntaxName } from '../model/syntax';
import type { FixEdit } from '../rules/types';
import { jsonEditor } from './jsonEdits';
import { yamlEditor } from './yamlEdits';

/** A replacement of `length` characters at `offset`. */
export interface TextChange {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

/**
 * Writes a fix's edits (set a value at a path, insert a property, remove one, rename a key) into
 * the text of one syntax, keeping the user's layout, comments and quoting. Rules describe edits by
 * path and value only; each syntax decides how they are spelt.
 */
export interface TextEditor {
  /**
   * The text after every edit, applied in order, each against the text the previous one left; `text`
   * itself when the fix does not apply to it.
   */
  apply(text: string, edits: readonly FixEdit[]): string;
}

/**
 * The editor of each syntax. A syntax without one (the Terraform reader, until its editor is
 * written) gets no quick fixes and no fix-all: an empty answer rather than a wrong edit.
 */
const EDITORS: Readonly<Partial<Record<SyntaxName, TextEditor>>> = {
  json: jsonEditor,
  yaml: yamlEditor,
};

export function editorFor(syntax: SyntaxName): TextEditor | undefined {
  return EDITORS[syntax];
}

/** The text after a fix's edits in a document of `syntax`; `text` itself when it has no editor or the fix does not apply. */
export function applyFixEdits(text: string, edits: readonly FixEdit[], syntax: SyntaxName): string {
  return editorFor(syntax)?.apply(text, edits) ?? text;
}

/** The smallest single replacement that turns `before` into `after`: one tidy TextEdit for the client. */
export function minimalChange(before: string, after: string): TextChange | undefined {
  if (before === after) return undefined;
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before.charCodeAt(endBefore - 1) === after.charCodeAt(endAfter - 1)) {
    endBefore--;
    endAfter--;
  }
  return { offset: start, length: endBefore - start, text: after.slice(start, endAfter) };
}
