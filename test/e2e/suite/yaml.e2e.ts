import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, EXTENSION_ID, hoverTextAt, open, positionOf, quickFixOffered, timeout, type Api } from './editor';

// CloudFormation templates in YAML get what JSON documents get. Runs after extension.e2e.ts in the
// same window; waits on editor events, never on sleeps.

const TEMPLATE = 'fargate-bridge.yaml';

describe('ECS Task Networking on a YAML CloudFormation template', () => {
  it('reports Fargate + bridge with its rule code, under the value', async () => {
    const editor = await open(TEMPLATE);
    assert.equal(editor.document.languageId, 'yaml');
    const api = await timeout(Promise.resolve(vscode.extensions.getExtension<Api>(EXTENSION_ID)!.activate()), 'activation');
    await timeout(api.whenServerRunning(), 'the language server to start');
    const ds = await diagnosticsWhen(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'fargate-network-mode'), 'fargate-network-mode');
    assert.deepEqual(ds.map(codeOf), ['fargate-network-mode'], 'the EC2 awsvpc task definition beside it is clean');
    const [error] = ds;
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /Fargate only supports network mode 'awsvpc'/);
    assert.equal(editor.document.getText(error.range), 'bridge');
    assert.equal(error.range.start.line, positionOf(editor.document, 'NetworkMode: bridge').line);
    assert.ok(typeof error.code === 'object' && /fargate-network-mode/.test(error.code.target.toString()), 'the code links to the rule docs');
  });

  it('hovers on NetworkMode with what the mode means and, on EC2, the tasks per instance', async () => {
    const editor = await open(TEMPLATE);
    const bridge = await hoverTextAt(editor.document.uri, positionOf(editor.document, 'NetworkMode: bridge', 3));
    assert.match(bridge, /\*\*bridge\*\*: containers sit on Docker/);
    assert.match(bridge, /Load balancer target type: `instance`/);
    const awsvpc = await hoverTextAt(editor.document.uri, positionOf(editor.document, 'NetworkMode: awsvpc', 3));
    // c5.large (the default instance type): 3 ENIs → 2 awsvpc tasks, 10 with trunking; 8 by CPU (2048 / 256) and by memory.
    assert.match(awsvpc, /\*\*ENI density on EC2\*\*/);
    assert.match(awsvpc, /\| `c5\.large` \| 3 \| 2 \| 10 \| 8 \| 8 \| 2 \/ 8 \|/);
  });

  it('applies the quick fix, titled as in JSON, which writes awsvpc in place and the error disappears', async () => {
    const editor = await open(TEMPLATE);
    const uri = editor.document.uri;
    const [error] = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'fargate-network-mode'), 'fargate-network-mode');
    const fix = await quickFixOffered(uri, error.range, "Set networkMode to 'awsvpc'");
    assert.ok(fix.edit);
    assert.equal(fix.isPreferred, true);
    const before = editor.document.getText();
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    // Only the value changes: the comments, the quoting and the layout around it stay as written.
    assert.equal(editor.document.getText(), before.replace('NetworkMode: bridge\n', 'NetworkMode: awsvpc\n'));
    await diagnosticsWhen(uri, (d) => d.length === 0, 'fargate-network-mode to disappear');
  });
});
