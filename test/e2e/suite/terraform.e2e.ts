import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsWhen, hoverTextAt, open, positionOf, quickFixOffered } from './editor';

// Terraform modules in the editor: examples/terraform/fargate-bridge and small-subnets, copied into the
// workspace by runTest.ts. Runs after extension.e2e.ts (files load in name order), whose first test needs no ECS
// document opened before it. The editor has no HashiCorp extension: the `terraform` language is ours.

const ECS_TF = 'terraform/fargate-bridge/ecs.tf';

describe('Terraform in a real editor', () => {
  it('reports the Fargate + bridge task definition of a .tf file on the value, with its code and docs link', async () => {
    const editor = await open(ECS_TF);
    assert.equal(editor.document.languageId, 'terraform');
    const ds = await diagnosticsWhen(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'fargate-network-mode'), 'fargate-network-mode in ecs.tf');
    const error = ds.find((x) => codeOf(x) === 'fargate-network-mode')!;
    assert.equal(error.severity, vscode.DiagnosticSeverity.Error);
    assert.match(error.message, /Fargate only supports network mode 'awsvpc'/);
    assert.equal(editor.document.getText(error.range), '"bridge"');
    assert.equal(error.range.start.line, 3);
    assert.ok(typeof error.code === 'object' && /fargate-network-mode/.test(error.code.target.toString()), 'the code links to the rule docs');
    // The module's other mistakes (examples/terraform/EXPECTED.json), each on its own line.
    const rows = ds.map((d) => `${d.range.start.line + 1} ${codeOf(d)}`).sort();
    assert.deepEqual(rows, ['15 unknown-property', '20 wrong-type', '4 fargate-network-mode', '7 fargate-task-size']);
  });

  it('hovers on network_mode with the mode, and on memory with the Fargate sizes for the cpu', async () => {
    const editor = await open(ECS_TF);
    const at = (needle: string) => hoverTextAt(editor.document.uri, positionOf(editor.document, needle, 2));
    const mode = await at('network_mode');
    assert.match(mode, /\*\*bridge\*\*: containers sit on Docker’s bridge network/);
    assert.match(mode, /Load balancer target type: `instance`/);
    assert.match(await at('memory '), /\*\*Fargate memory with 256 CPU units\*\* \(linux\): 512, 1,024, 2,048 MiB/);
  });

  it('checks a service against the subnets of unopened files of its module, and hovers desired_count with the IPv4 figures', async () => {
    // network.tf holds the two /26 aws_subnet resources; only service.tf is opened.
    const editor = await open('terraform/small-subnets/service.tf');
    const ds = await diagnosticsWhen(editor.document.uri, (d) => d.some((x) => codeOf(x) === 'subnet-capacity'), 'subnet-capacity in service.tf');
    const warning = ds.find((x) => codeOf(x) === 'subnet-capacity')!;
    assert.equal(editor.document.getText(warning.range), '60');
    assert.match(warning.message, /a deployment at 200% needs 120/);
    const text = await hoverTextAt(editor.document.uri, positionOf(editor.document, 'desired_count', 2));
    assert.match(text, /\*\*IPv4 addresses for 60 awsvpc tasks\*\* \(Fargate\)/);
    assert.match(text, /\| aws_subnet\.batch_a \| 10\.1\.0\.0\/26 \| 59 \|/);
    assert.match(text, /Usable in all 2 subnets: \*\*118\*\*; the deployment peak \*\*does not fit\*\*/);
  });
  it('applies the quick fix network_mode = "awsvpc" in ecs.tf, in terraform fmt layout, and the error disappears', async () => {
    const editor = await open(ECS_TF);
    const uri = editor.document.uri;
    const ds = await diagnosticsWhen(uri, (d) => d.some((x) => codeOf(x) === 'fargate-network-mode'), 'fargate-network-mode');
    const error = ds.find((x) => codeOf(x) === 'fargate-network-mode')!;
    const fix = await quickFixOffered(uri, error.range, "Set networkMode to 'awsvpc'");
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    // The value is replaced in place: the '=' column of the attribute group stays where terraform fmt puts it.
    assert.match(editor.document.getText(), /\n {2}network_mode {13}= "awsvpc"\n/);
    await diagnosticsWhen(uri, (d) => !d.some((x) => codeOf(x) === 'fargate-network-mode'), 'fargate-network-mode to disappear');
  });
});
