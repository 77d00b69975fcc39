import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { fixAllText, quickFixes, type TextSource } from '../../../server/src/features/codeActions';
import { toDiagnostics } from '../../../server/src/features/diagnostics';
import { RULES } from '../../../server/src/rules/registry';
import type { Finding } from '../../../server/src/rules/types';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';
import { applyTextEdits, checkModule, exampleModule, fmtProblems, hasTerraform, type CheckedModule, type ModuleFiles } from '../../support/terraformModule';

// Quick fixes and fix-all in `.tf` files, through the code action layer the server uses: every
// fix that fires on the Terraform examples is applied, the module checked again, the finding gone,
// and the text left as `terraform fmt` would leave it.

before(async () => {
  await loadNodeTerraform();
});

const written: { name: string; text: string }[] = [];

const textOf =
  (checked: CheckedModule): TextSource =>
  (uri) => {
    const doc = checked.docs.get(uri);
    return doc && { text: doc.text, positionAt: (o: number) => doc.positionAt(o) };
  };

const samePlace = (a: Finding, b: Finding) => a.ruleId === b.ruleId && JSON.stringify(a.path) === JSON.stringify(b.path);

/** Applies every quick fix of every finding of the module, one at a time, each to the module as it was. */
function applyEveryFix(name: string, files: ModuleFiles): string[] {
  const checked = checkModule(files);
  const applied: string[] = [];
  try {
    for (const [uri, findings] of checked.findings) {
      const doc = checked.docs.get(uri)!;
      for (const finding of findings) {
        for (const fix of finding.fixes ?? []) {
          if (![uri, ...fix.edits.map((e) => e.uri ?? uri)].every((u) => u.endsWith('.tf'))) continue;
          const action = quickFixes(doc, toDiagnostics(doc, [finding]), textOf(checked)).find((a) => a.title.startsWith(fix.title));
          if (!action?.edit?.changes) {
            applied.push(`${finding.ruleId}: ${fix.title} (not offered)`);
            continue;
          }
          const after = new Map(files);
          for (const [target, edits] of Object.entries(action.edit.changes)) {
            const text = applyTextEdits(checked.docs.get(target)!, edits);
            after.set(target, text);
            written.push({ name: `${name}: ${fix.title}`, text });
          }
          const again = checkModule(after);
          const left = again.findings.get(uri) ?? [];
          again.release();
          assert.ok(!left.some((f) => samePlace(f, finding)), `${name}: ${finding.ruleId} still reported after '${fix.title}'`);
          applied.push(`${finding.ruleId}: ${action.title}`);
        }
      }
    }
  } finally {
    checked.release();
  }
  return applied;
}

test('every quick fix that fires on examples/terraform applies in the .tf file and clears its finding', () => {
  const applied = ['container-definition-forms', 'ec2-service', 'fargate-bridge', 'target-type-instance'].flatMap((folder) =>
    applyEveryFix(folder, exampleModule(folder)),
  );
  assert.deepEqual(applied.sort(), [
    "assign-public-ip-ec2: Set assignPublicIp to 'DISABLED'",
    "awsvpc-container-options: Remove 'hostname' from container 'api'",
    'awsvpc-host-port: Remove hostPort',
    'awsvpc-host-port: Set hostPort to 80',
    "fargate-network-mode: Set networkMode to 'awsvpc'",
    'fargate-task-size: Use the nearest Fargate size: 512 CPU / 4096 MiB',
    "invalid-enum: Change to 'awsvpc'",
    'platform-version-ec2: Remove platformVersion',
    "target-type-network-mode: Set the target group's TargetType to 'ip' (Terraform will replace aws_lb_target_group.grpc)",
    "target-type-network-mode: Set the target group's TargetType to 'ip' (Terraform will replace aws_lb_target_group.http)",
    // The container has portMappings already: the rename would write that name twice.
    "unknown-property: Rename to 'portMappings' (not offered)",
    'wrong-type: Write 9000 as a number',
  ]);
});

test('target_type is written into the other file of the module, and added where the target group leaves it out', () => {
  const files = exampleModule('target-type-instance');
  const lb = [...files.keys()].find((u) => u.endsWith('/lb.tf'))!;
  applyEveryFix('target-type', files);
  const texts = written.filter((w) => w.name.startsWith('target-type:')).map((w) => w.text);
  assert.ok(texts.some((t) => t.includes('  target_type      = "ip"\n}') && t !== files.get(lb)));
  assert.ok(texts.some((t) => /target_type += "ip"/.test(t) && !/target_type += "instance"/.test(t)));
});

test('a Fargate service without network_configuration gets the block, at the body’s indentation, with the module’s private subnets', () => {
  const files = new Map(exampleModule('fargate-service'));
  const service = [...files.keys()].find((u) => u.endsWith('/service.tf'))!;
  files.set(service, files.get(service)!.replace(/\n {2}network_configuration \{[^}]*\}\n/, ''));
  assert.deepEqual(applyEveryFix('skeleton', files), [
    'service-awsvpc-network-configuration: Add networkConfiguration.awsvpcConfiguration (fill in subnets and security groups)',
  ]);
  const text = written[written.length - 1].text;
  assert.match(
    text,
    /\n {2}depends_on = \[aws_lb_listener.http\]\n\n {2}network_configuration \{\n {4}subnets {10}= \[aws_subnet.private_a.id, aws_subnet.private_b.id\]\n {4}security_groups {2}= \[\]\n {4}assign_public_ip = false\n {2}\}\n\}\n$/,
  );
});

test('fix-all in a .tf file applies every safe fix, each seeing the ones before it', () => {
  const files = exampleModule('fargate-bridge');
  const uri = [...files.keys()].find((u) => u.endsWith('/ecs.tf'))!;
  const checked = checkModule(files);
  const fixed = fixAllText(checked.docs.get(uri)!, RULES, checked.options(uri));
  checked.release();
  written.push({ name: 'fix-all', text: fixed });
  assert.match(fixed, /network_mode += "awsvpc"/);
  assert.match(fixed, /cpu += "512"/);
  assert.doesNotMatch(fixed, /hostname/);
  // The container has portMappings already: renaming portBindings would write the name twice.
  assert.match(fixed, /portBindings/);
  assert.match(fixed, /containerPort = 9000\n/);
  const again = checkModule(new Map(files).set(uri, fixed));
  const left = again.findings.get(uri)!.filter((f) => f.fixes?.some((x) => x.safe));
  again.release();
  assert.deepEqual(
    left.map((f) => f.ruleId),
    ['unknown-property'],
  );
});

test('every fixed text passes terraform fmt -check', { skip: hasTerraform() ? false : 'terraform is not installed: fmt not checked' }, () => {
  assert.ok(written.length >= 14);
  assert.deepEqual(fmtProblems(written), []);
});
