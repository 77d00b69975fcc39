import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

// These tests run in order in one editor window: the first checks that opening unrelated JSON
// starts nothing, so no ECS document may be opened before it. Every wait is on an editor event
// with a timeout, never a sleep.

const EXTENSION_ID = 'ecs-task-networking.ecs-task-networking';
const SOURCE = 'ecs-net';
const WAIT_MS = 30_000;

interface Api {
  serverState(): 'stopped' | 'starting' | 'running';
  whenServerRunning(): Promise<void>;
  whenSettled(): Promise<void>;
  statusText(): string | undefined;
  readonly onDidChangeStatus: vscode.Event<string | undefined>;
}

function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests need the workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

function timeout<T>(promise: Promise<T>, what: string, ms = WAIT_MS): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms waiting for ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const ours = (uri: vscode.Uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const codeOf = (d: vscode.Diagnostic) => (typeof d.code === 'object' ? String(d.code.value) : String(d.code));

/** Resolves with our diagnostics for `uri` once `accept` holds for them, checked now and on every change. */
function diagnosticsWhen(uri: vscode.Uri, accept: (ds: vscode.Diagnostic[]) => boolean, what: string): Promise<vscode.Diagnostic[]> {
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
function statusWhen(api: Api, accept: (text: string | undefined) => boolean, what: string): Promise<string | undefined> {
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
function tabWhen(accept: (tab: vscode.Tab) => boolean, what: string): Promise<vscode.Tab> {
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

async function open(name: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(doc, { preview: false });
}

function positionOf(doc: vscode.TextDocument, needle: string, delta = 0): vscode.Position {
  const at = doc.getText().indexOf(needle);
  assert.ok(at >= 0, `${needle} not found in ${doc.uri.path}`);
  return doc.positionAt(at + delta);
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n');
}

describe('ECS Task Networking in a real editor', () => {
  let api: Api;

  it('activates on unrelated JSON without starting the language server', async () => {
    const editor = await open('plain.json');
    assert.equal(editor.document.languageId, 'json');
    const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the test editor`);
    // onLanguage:json has activated it already; activate() just hands back its API.
    api = await timeout(Promise.resolve(extension.activate()), 'activation');
    await timeout(api.whenSettled(), 'the start-up checks to finish');
    assert.equal(api.serverState(), 'stopped');
    assert.equal(api.statusText(), undefined);
    assert.deepEqual(ours(editor.document.uri), []);
  });

  it('starts the server for a task definition and reports its diagnostics with rule codes', async () => {
    const editor = await open('fargate-bridge.json');
    await timeout(api.whenServerRunning(), 'the language server to start');
    const ds = await diagnosticsWhen(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'fargate-network-mode'), 'fargate-network-mode');
    const error = ds.find((x) => codeOf(x) === 'fargate-network-mode')!;
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /Fargate only supports network mode 'awsvpc'/);
    assert.equal(editor.document.getText(error.range), '"bridge"');
    assert.ok(typeof error.code === 'object' && /fargate-network-mode/.test(error.code.target.toString()), 'the code links to the rule docs');
  });

  it('shows the document kind and summary in the status bar, and hides it for other JSON', async () => {
    await open('ec2-api.json');
    // c5.large (the default instance type): 3 ENIs → 2 awsvpc tasks; 10 with trunking, 8 by CPU (2048 / 256).
    await statusWhen(api, (t) => t === '$(server-environment) Task definition: awsvpc · 2 tasks/c5.large (8 with trunking)', 'the task definition summary');
    await open('plain.json');
    await statusWhen(api, (t) => t === undefined, 'the status bar item to hide');
  });

  it('updates diagnostics after an edit, and again after undoing it', async () => {
    const editor = await open('ec2-api.json');
    const uri = editor.document.uri;
    await diagnosticsWhen(uri, (d) => d.length === 0, 'ec2-api.json to be clean');
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, positionOf(editor.document, '"containerPort": 8080', '"containerPort": 8080'.length), ', "hostPort": 9090');
    assert.ok(await vscode.workspace.applyEdit(edit));
    const ds = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'awsvpc-host-port'), 'awsvpc-host-port after the edit');
    assert.equal(editor.document.getText(ds.find((x) => codeOf(x) === 'awsvpc-host-port')!.range), '9090');
    await vscode.commands.executeCommand('undo');
    await diagnosticsWhen(uri, (d) => d.length === 0, 'the diagnostic to go after undo');
  });

  it('applies the quick fix for Fargate + bridge and the error disappears', async () => {
    const editor = await open('fargate-bridge.json');
    const uri = editor.document.uri;
    const [error] = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'fargate-network-mode'), 'fargate-network-mode');
    // Code action requests carry the editor's markers, which reach the workbench a moment after the
    // extension host has them: ask again (each ask is a round trip, no sleep) until ours is offered.
    let actions: vscode.CodeAction[] = [];
    const offered = async () => {
      for (;;) {
        actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
          'vscode.executeCodeActionProvider',
          uri,
          error.range,
          vscode.CodeActionKind.QuickFix.value,
        );
        const found = actions.find((a) => a.title === "Set networkMode to 'awsvpc'");
        if (found) return found;
      }
    };
    const fix = await timeout(offered(), `the quick fix (offered so far: ${actions.map((a) => a.title).join(' | ')})`);
    assert.ok(fix.edit);
    assert.equal(fix.isPreferred, true);
    // The client tags our quick fixes so that applying one completes the walkthrough's step.
    assert.equal(fix.command?.command, 'ecsTaskNetworking.walkthrough.quickFixApplied');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    assert.match(editor.document.getText(), /"networkMode": "awsvpc",\n/);
    await diagnosticsWhen(uri, (d) => !d.some((x) => codeOf(x) === 'fargate-network-mode'), 'fargate-network-mode to disappear');
  });

  it('hovers on an instance type with the computed tasks per instance', async () => {
    const editor = await open('ec2-api.json');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>(
      'vscode.executeHoverProvider',
      editor.document.uri,
      positionOf(editor.document, 'c5.large', 3),
    );
    const text = hoverText(hovers);
    assert.match(text, /\*\*c5\.large\*\*: 2 vCPU/);
    assert.match(text, /\*\*2\*\* without trunking, \*\*10\*\* with trunking/);
    // The task's 256 CPU units: 2048 / 256 = 8 by CPU, so 8 with trunking.
    assert.match(text, /effective \*\*2\*\* \(\*\*8\*\* with trunking\)/);
  });

  it('completes network modes at networkMode', async () => {
    const editor = await open('ec2-api.json');
    const position = positionOf(editor.document, '"awsvpc"', 1);
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', editor.document.uri, position);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const mode of ['awsvpc', 'bridge', 'host', 'none']) assert.ok(labels.includes(mode), `${mode} missing from ${labels.slice(0, 20).join(', ')}`);
  });

  it('shows the capacity plan in a webview panel', async () => {
    const editor = await open('service-stack.json');
    editor.selection = new vscode.Selection(positionOf(editor.document, '"DesiredCount"', 2), positionOf(editor.document, '"DesiredCount"', 2));
    const view = await vscode.commands.executeCommand<{
      title: string;
      figures: { tasks: number; ipv4: { needed: number }; perSubnet: { id: string; fits: boolean }[] };
    }>('ecsTaskNetworking.showCapacityPlan');
    assert.ok(view, 'the command returned no plan');
    assert.equal(view.title, 'Capacity plan: service ApiService');
    // 20 tasks at 2 per c5.large: 10 instances, 20 + 10 = 30 addresses; SubnetB (/28, 11 usable) cannot take its 15.
    assert.equal(view.figures.ipv4.needed, 30);
    assert.deepEqual(
      view.figures.perSubnet.map((s) => [s.id, s.fits]),
      [
        ['SubnetA', true],
        ['SubnetB', false],
      ],
    );
    const isPlan = (t: vscode.Tab) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith('ecsTaskNetworking.capacityPlan');
    const panel = await tabWhen(isPlan, 'the capacity plan tab');
    assert.equal(panel.label, 'Capacity plan: service ApiService');
  });

  it('restarts the language server, which then publishes diagnostics again', async () => {
    const doc = await vscode.workspace.openTextDocument({
      language: 'json',
      content: '{ "family": "x", "networkMode": "none", "containerDefinitions": [{ "name": "a", "image": "x", "portMappings": [{ "containerPort": 80 }] }] }',
    });
    await vscode.window.showTextDocument(doc);
    const expected = (ds: vscode.Diagnostic[]) => ds.some((x) => codeOf(x) === 'none-port-mappings');
    await diagnosticsWhen(doc.uri, expected, 'none-port-mappings in an untitled document');
    // Stopping clears the old server's diagnostics; the new server publishes them again.
    let cleared = false;
    const republished = diagnosticsWhen(
      doc.uri,
      (ds) => {
        if (ds.length === 0) cleared = true;
        return cleared && expected(ds);
      },
      'diagnostics from the restarted server',
    );
    await timeout(Promise.resolve(vscode.commands.executeCommand('ecsTaskNetworking.restartServer')), 'the restart command');
    await republished;
    assert.equal(api.serverState(), 'running');
    await vscode.commands.executeCommand('ecsTaskNetworking.showOutput');
  });
});
