import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// What the editor tests share: finding workspace files, waiting on editor events (never on a
// sleep) and reading our diagnostics, hovers and quick fixes.

export const EXTENSION_ID = 'ecs-task-networking.ecs-task-networking';
export const SOURCE = 'ecs-net';
export const WAIT_MS = 30_000;

export interface Api {
  serverState(): 'stopped' | 'starting' | 'running';
  whenServerRunning(): Promise<void>;
  whenSettled(): Promise<void>;
  statusText(): string | undefined;
  readonly onDidChangeStatus: vscode.Event<string | undefined>;
}

export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function timeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

export const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
export const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Resolves with our diagnostics for `uri` once `accept` holds for them, checked now and on every change. */
export function diagnosticsWhen(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
  let sub: vscode.Disposable | undefined;
  const found = new Promise<vscode.Diagnostic[]>((resolve) => {
    const check = () => {
      const ds = ours(uri);
      if (accept(ds)) resolve(ds);
    };
    sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) check();
    });
    check();
  });
  return timeout(found, what).finally(() => sub?.dispose());
}

/** Resolves once the status bar text satisfies `accept`. */
export function statusWhen(api: Api, accept: (text: string | undefined) => boolean, what: string): Promise<string | undefined> {
  let sub: vscode.Disposable | undefined;
  const found = new Promise<string | undefined>((resolve) => {
    if (accept(api.statusText())) return resolve(api.statusText());
    sub = api.onDidChangeStatus((text) => {
      if (accept(text)) resolve(text);
    });
  });
  return timeout(found, what).finally(() => sub?.dispose());
}

/** Resolves with the first tab that satisfies `accept`, now or when the tabs change. */
export function tabWhen(accept: (tab: vscode.Tab) => boolean, what: string): Promise<vscode.Tab> {
  let sub: vscode.Disposable | undefined;
  const found = new Promise<vscode.Tab>((resolve) => {
    const check = () => {
      const tab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(accept);
      if (tab) resolve(tab);
    };
    sub = vscode.window.tabGroups.onDidChangeTabs(check);
    check();
  });
  return timeout(found, what).finally(() => sub?.dispose());
}

export async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

export function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not found in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

export function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

/**
 * The code action titled `title` for `range`. Code action requests carry the editor's markers, which
 * reach the workbench a moment after the extension host has them: ask again (each ask is a round
 * trip, no sleep) until ours is offered.
 */
export function quickFixOffered(uri: vscode.Uri, range: vscode.Range, title: string): Promise<vscode.CodeAction> {
  let actions: vscode.CodeAction[] = [];
  const offered = async () => {
    for (;;) {
      actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, vscode.CodeActionKind.QuickFix.value);
      const found = actions.find((a) => a.title === title);
      if (found) return found;
    }
  };
  return timeout(offered(), `the quick fix '${title}'`).catch((error: Error) => {
    throw new Error(`${error.message} (offered: ${actions.map((a) => a.title).join(' | ') || 'nothing'})`);
  });
}

/** The text of every hover at `position`. */
export async function hoverTextAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  return hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position));
}
