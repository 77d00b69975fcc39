import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { EcsDocument, syntaxOf } from '../model/document';
import { runRules, type EngineOptions } from '../rules/engine';
import type { Finding, Fix, Rule } from '../rules/types';
import { DIAGNOSTIC_SOURCE, type DiagnosticData } from './diagnostics';
import { applyFixEdits, editorFor, minimalChange } from './edits';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.${DIAGNOSTIC_SOURCE}`;

/** Gives the current text of another document a fix touches (an open editor or the file on disk). */
export type TextSource = (uri: string) => { text: string; positionAt: (offset: number) => { line: number; character: number } } | undefined;

function isFixData(data: unknown): data is DiagnosticData {
  return typeof data === 'object' && data !== null && Array.isArray((data as DiagnosticData).fixes);
}

/** Groups a fix's edits by document and turns each group into one minimal TextEdit. */
export function workspaceEditFor(doc: EcsDocument, fix: Fix, textOf: TextSource): WorkspaceEdit | undefined {
  const byUri = new Map<string, Fix['edits'][number][]>();
  for (const edit of fix.edits) {
    const uri = edit.uri ?? doc.uri;
    byUri.set(uri, [...(byUri.get(uri) ?? []), edit]);
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const [uri, edits] of byUri) {
    const source = uri === doc.uri ? { text: doc.text, positionAt: (o: number) => doc.positionAt(o) } : textOf(uri);
    if (!source) return undefined; // cannot see the other file: offer nothing rather than half a fix
    const editor = editorFor(syntaxOf(uri, source.text));
    if (!editor) return undefined; // a syntax nobody writes edits for yet: nothing rather than a wrong edit
    const change = minimalChange(source.text, editor.apply(source.text, edits));
    if (!change) continue;
    changes[uri] = [{ range: { start: source.positionAt(change.offset), end: source.positionAt(change.offset + change.length) }, newText: change.text }];
  }
  return Object.keys(changes).length ? { changes } : undefined;
}

/** Quick fixes for the diagnostics the client sends back, read from their `data`, never their message. */
export function quickFixes(doc: EcsDocument, diagnostics: readonly Diagnostic[], textOf: TextSource): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isFixData(diagnostic.data)) continue;
    for (const fix of diagnostic.data.fixes) {
      const edit = workspaceEditFor(doc, fix, textOf);
      if (!edit) continue;
      actions.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: fix.preferred === true, edit });
    }
  }
  return actions;
}

/** The first safe fix of a finding that only touches this document. */
function safeLocalFix(finding: Finding): Fix | undefined {
  return finding.fixes?.find((f) => f.safe && f.edits.every((e) => e.uri === undefined));
}

/**
 * Applies every safe fix in the document, one at a time, re-checking after each so that later
 * fixes see the effect of earlier ones (paths shift, findings disappear). Bounded, and it stops as
 * soon as a round changes nothing.
 */
export function fixAllText(doc: EcsDocument, rules: readonly Rule[], options: EngineOptions = {}, maxRounds = 100): string {
  if (!editorFor(doc.syntax)) return doc.text;
  let current = doc;
  const tried = new Set<string>();
  for (let round = 0; round < maxRounds; round++) {
    const findings = runRules(current, rules, options);
    const next = findings
      .map((f) => ({ f, fix: safeLocalFix(f) }))
      .find(({ f, fix }) => fix && !tried.has(`${f.ruleId}:${JSON.stringify(f.path)}:${fix.title}`));
    if (!next || !next.fix) break;
    tried.add(`${next.f.ruleId}:${JSON.stringify(next.f.path)}:${next.fix.title}`);
    const text = applyFixEdits(current.text, next.fix.edits, current.syntax);
    if (text === current.text) continue;
    current = new EcsDocument(current.uri, current.version, text);
  }
  return current.text;
}

export function fixAllAction(doc: EcsDocument, rules: readonly Rule[], options: EngineOptions = {}): CodeAction | undefined {
  const change = minimalChange(doc.text, fixAllText(doc, rules, options));
  if (!change) return undefined;
  return {
    title: 'Fix all safe ECS networking problems',
    kind: FIX_ALL_KIND,
    edit: {
      changes: {
        [doc.uri]: [{ range: { start: doc.positionAt(change.offset), end: doc.positionAt(change.offset + change.length) }, newText: change.text }],
      },
    },
  };
}
