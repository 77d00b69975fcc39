import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, EXTENSION_ID, hoverTextAt, open, ours, positionOf, quickFixOffered, statusWhen, tabWhen, timeout, type Api } from './editor';

// These tests run in order in one editor window: the first checks that opening unrelated JSON
// starts nothing, so no ECS document may be opened before it. Every wait is on an editor event
// with a timeout, never a sleep.

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
    const fix = await quickFixOffered(uri, error.range, "Set networkMode to 'awsvpc'");
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
    const text = await hoverTextAt(editor.document.uri, positionOf(editor.document, 'c5.large', 3));
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
