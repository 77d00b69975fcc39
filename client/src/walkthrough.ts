import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient';
import { SETTINGS_SECTION as SECTION } from '../../shared/src/protocol';

// The "Get started" walkthrough (package.json, contributes.walkthroughs) completes its steps on
// context keys and commands. This file sets them from what really happened in the editor; it knows
// nothing about ECS documents beyond the predicates the extension hands it.

/** Context keys the walkthrough's `onContext:` completion events watch. */
export const CONTEXT = {
  ecsDocumentOpened: `${SECTION}.walkthrough.ecsDocumentOpened`,
  problemShown: `${SECTION}.walkthrough.problemShown`,
  capacityPlanShown: `${SECTION}.walkthrough.capacityPlanShown`,
  environmentFileReady: `${SECTION}.walkthrough.environmentFileReady`,
} as const;

/** Runs after one of our quick fixes is applied (the walkthrough step completes on it); does nothing else. */
export const QUICK_FIX_APPLIED_COMMAND = `${SECTION}.walkthrough.quickFixApplied`;
export const OPEN_EXAMPLE_COMMAND = `${SECTION}.openExample`;

/** The example with mistakes the walkthrough opens; shipped in the VSIX. */
const EXAMPLE = ['examples', 'mistakes', 'fargate-taskdef.json'];
/** The `source` of our diagnostics (the server sets it). */
const DIAGNOSTIC_SOURCE = 'ecs-net';

export function markContext(key: (typeof CONTEXT)[keyof typeof CONTEXT]): void {
  void vscode.commands.executeCommand('setContext', key, true);
}

/**
 * Language client middleware: every quick fix the server offers also runs
 * QUICK_FIX_APPLIED_COMMAND after its edit, so applying one is an event the walkthrough sees.
 */
export const quickFixMiddleware: Middleware = {
  async provideCodeActions(document, range, context, token, next) {
    const actions = await next(document, range, context, token);
    for (const action of actions ?? []) {
      if (action instanceof vscode.CodeAction && action.edit && !action.command) {
        action.command = { command: QUICK_FIX_APPLIED_COMMAND, title: action.title };
      }
    }
    return actions;
  },
};

export interface WalkthroughInputs {
  /** Whether the language server takes this document (an ECS document or the environment file). */
  readonly isEcsDocument: (doc: vscode.TextDocument) => boolean;
  readonly isEnvironmentFile: (doc: vscode.TextDocument) => boolean;
}

/** Registers the walkthrough's commands and the listeners that set its context keys. */
export function registerWalkthrough(context: vscode.ExtensionContext, inputs: WalkthroughInputs): void {
  const seen = new Set<string>();
  const once = (key: (typeof CONTEXT)[keyof typeof CONTEXT]) => {
    if (seen.has(key)) return;
    seen.add(key);
    markContext(key);
  };
  const onOpen = (doc: vscode.TextDocument) => {
    if (inputs.isEnvironmentFile(doc)) once(CONTEXT.environmentFileReady);
    else if (inputs.isEcsDocument(doc)) once(CONTEXT.ecsDocumentOpened);
  };
  const visibleProblem = () =>
    vscode.window.visibleTextEditors.some((e) => vscode.languages.getDiagnostics(e.document.uri).some((d) => d.source === DIAGNOSTIC_SOURCE));
  const checkProblems = () => {
    if (!seen.has(CONTEXT.problemShown) && visibleProblem()) once(CONTEXT.problemShown);
  };

  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(onOpen),
    vscode.languages.onDidChangeDiagnostics(checkProblems),
    vscode.window.onDidChangeVisibleTextEditors(checkProblems),
    vscode.commands.registerCommand(QUICK_FIX_APPLIED_COMMAND, () => undefined),
    vscode.commands.registerCommand(OPEN_EXAMPLE_COMMAND, () => openExample(context)),
  );
  for (const doc of vscode.workspace.textDocuments) onOpen(doc);
}

/**
 * Opens the bundled example with mistakes as a new untitled document, so trying the quick fixes
 * changes neither the extension's files nor the user's workspace.
 */
async function openExample(context: vscode.ExtensionContext): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, ...EXAMPLE));
  const doc = await vscode.workspace.openTextDocument({ language: 'jsonc', content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(doc, { preview: false });
}
