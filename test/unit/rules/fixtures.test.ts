import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkText } from '../../../server/src/cli/check';
import type { Finding } from '../../../server/src/rules/types';
import { loadFixtures, loadYamlFixtures, type Fixture } from '../../support/fixtures';

// Every fixture under test/fixtures/rules/<rule-id>/ runs through the same path as the editor and
// the CLI, with all rules on. Markers `/*!rule-id*/` say where each expected diagnostic starts; the
// actual (offset, code) pairs must match them exactly, so a fixture also proves that no other rule
// fires on it. Valid fixtures carry no markers and must come out clean.

// YAML twins (test/fixtures/yaml) run the same way: the same findings at the same places in their text.
const fixtures = [...loadFixtures(), ...loadYamlFixtures()];

// Markers are comments, so fixtures are read as JSON with comments, except those of the rule that
// reports comments: there a finding on a marker itself is the harness's, not the fixture's.
const MARKER_COMMENT = /\/\*![a-z0-9-]+\*\//g;

function run(fixture: Fixture) {
  const strict = fixture.ruleDir === 'non-standard-json';
  const uri = /\.ya?ml$/.test(fixture.name) ? 'file:///fixture.yaml' : strict ? 'file:///fixture.json' : 'file:///fixture.jsonc';
  const checked = checkText(fixture.text, uri, { env: fixture.env });
  const { doc } = checked;
  const markerAt = new Set([...fixture.text.matchAll(MARKER_COMMENT)].map((m) => m.index));
  const findings = strict ? checked.findings.filter((f) => !(f.ruleId === 'non-standard-json' && f.range && markerAt.has(f.range.offset))) : checked.findings;
  const offsetOf = (f: Finding) => (f.range ?? doc.rangeOf(f.path, f.target)).offset;
  const pairs = findings.map((f) => `${offsetOf(f)}:${f.ruleId}`).sort();
  // A readable line per finding for assertion messages: where it starts and what it says.
  const listing = findings
    .map((f) => {
      const pos = doc.positionAt(offsetOf(f));
      return `  ${pos.line + 1}:${pos.character + 1} ${f.ruleId}: ${f.message}`;
    })
    .join('\n');
  return { pairs, findings, listing };
}

test('there are fixtures to run', () => {
  assert.ok(fixtures.length > 0, 'no fixtures found under test/fixtures/rules');
});

for (const fixture of fixtures) {
  test(`${fixture.file.includes('/yaml/') ? 'yaml/' : ''}${fixture.ruleDir}/${fixture.name}`, () => {
    const { pairs, findings, listing } = run(fixture);

    if (fixture.valid) {
      assert.deepEqual(fixture.expected, [], 'a valid fixture must not carry markers');
      assert.deepEqual(pairs, [], `expected no findings, got:\n${listing}`);
    } else {
      assert.ok(fixture.expected.length > 0, 'an invalid fixture needs at least one marker');
      assert.ok(
        fixture.expected.some((e) => e.endsWith(`:${fixture.ruleDir}`)),
        `an invalid fixture must expect at least one ${fixture.ruleDir} finding`,
      );
      assert.deepEqual(pairs, fixture.expected, `findings were:\n${listing}`);
    }

    for (const finding of findings) {
      assert.ok(finding.message.trim().length > 0, `${finding.ruleId}: empty message`);
      for (const bad of ['undefined', 'NaN', '[object Object]']) {
        assert.ok(!finding.message.includes(bad), `${finding.ruleId}: message contains '${bad}': ${finding.message}`);
      }
      for (const fix of finding.fixes ?? []) {
        assert.ok(fix.title.trim().length > 0, `${finding.ruleId}: a fix without a title`);
        assert.ok(fix.edits.length > 0, `${finding.ruleId}: fix '${fix.title}' has no edits`);
        for (const edit of fix.edits) {
          assert.ok(Array.isArray(edit.path) && edit.path.length > 0, `${finding.ruleId}: fix '${fix.title}' edits an empty path`);
        }
      }
    }
  });
}
