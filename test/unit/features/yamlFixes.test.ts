import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDocument } from 'yaml';
import { checkText } from '../../../server/src/cli/check';
import { applyFixEdits } from '../../../server/src/features/edits';
import type { Finding } from '../../../server/src/rules/types';
import { loadFixtures, loadYamlFixtures } from '../../support/fixtures';

// Every quick fix a YAML fixture's findings offer, applied to the YAML text: the fix must apply,
// leave valid YAML and make its finding go away when the template is checked again.

const URI = 'file:///fixture.yaml';
const fixed = new Map<string, number>();

const placeOf = (f: Finding) => `${f.ruleId}@${JSON.stringify(f.path)}`;

for (const fixture of loadYamlFixtures().filter((f) => !f.valid)) {
  test(`yaml fixes: ${fixture.ruleDir}/${fixture.name}`, () => {
    const { findings } = checkText(fixture.text, URI, { env: fixture.env });
    for (const finding of findings) {
      for (const fix of finding.fixes ?? []) {
        if (fix.edits.some((e) => e.uri !== undefined)) continue;
        const after = applyFixEdits(fixture.text, fix.edits, 'yaml');
        const label = `${finding.ruleId} '${fix.title}'`;
        assert.notEqual(after, fixture.text, `${label} did not apply`);
        assert.deepEqual(parseDocument(after).errors, [], `${label} broke the YAML:\n${after}`);
        const again = checkText(after, URI, { env: fixture.env }).findings.map(placeOf);
        assert.ok(!again.includes(placeOf(finding)), `${label} left its finding:\n${after}`);
        fixed.set(finding.ruleId, (fixed.get(finding.ruleId) ?? 0) + 1);
      }
    }
  });
}

/** The rules whose fixes apply to the JSON fixtures (only the CloudFormation ones with `templates`). */
function fixedInJson(templates: boolean): Set<string> {
  const rules = new Set<string>();
  for (const fixture of loadFixtures().filter((f) => !f.valid && (!templates || /"Resources"/.test(f.text)))) {
    for (const finding of checkText(fixture.text, 'file:///fixture.jsonc', { env: fixture.env }).findings) {
      const local = (finding.fixes ?? []).filter((fix) => fix.edits.every((e) => e.uri === undefined));
      if (local.some((fix) => applyFixEdits(fixture.text, fix.edits, 'json') !== fixture.text)) rules.add(finding.ruleId);
    }
  }
  return rules;
}

test('every fix that applies to a JSON template applies to a YAML template too', () => {
  const json = fixedInJson(true);
  assert.ok(json.size > 20, `only ${json.size} rules with fixes in the JSON templates`);
  assert.deepEqual([...json].filter((id) => !fixed.has(id)).sort(), []);
});

/** Fixes for documents that are never YAML: API input and the environment file. */
const API_ONLY: Readonly<Record<string, string>> = {
  'env-unknown-instance-type': 'the environment file is JSON',
  'unknown-property': 'templates report unknown properties as cfn-unsupported-property, whose fix is tested above',
  'wrong-type': 'its fix writes a quoted number as a number, and CloudFormation reads quoted numbers in a template as it reads numbers',
};

test('the fixes YAML does not get are those of API documents, each for a stated reason', () => {
  const missing = [...fixedInJson(false)].filter((id) => !fixed.has(id)).sort();
  assert.deepEqual(missing, Object.keys(API_ONLY).sort());
});
