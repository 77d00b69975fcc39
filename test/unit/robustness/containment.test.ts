import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EcsDocument } from '../../../server/src/model/document';
import { runRules } from '../../../server/src/rules/engine';
import { RULES } from '../../../server/src/rules/registry';
import type { Finding, Rule } from '../../../server/src/rules/types';
import { fixAllText } from '../../../server/src/features/codeActions';
import { loadFixtures, stripMarkers } from '../../support/fixtures';

// One broken rule must cost its own findings and nothing else: the engine logs it and runs the rest.

function throwing(id: string, thrown: unknown): Rule {
  return {
    id,
    family: 'structure',
    severity: 'error',
    appliesTo: ['task-definition', 'service', 'target-group', 'environment'],
    title: 'A rule with a bug',
    description: 'Throws on every unit, to prove the others still report.',
    fix: null,
    check() {
      throw thrown;
    },
  };
}

/** The registry with `extra` in the middle, so rules run both before and after it. */
function withRule(extra: Rule): Rule[] {
  const middle = RULES.length >> 1;
  return [...RULES.slice(0, middle), extra, ...RULES.slice(middle)];
}

const summary = (findings: readonly Finding[]) => findings.map((f) => `${f.ruleId} ${JSON.stringify(f.path)} ${f.message}`);

const fixtures = loadFixtures().filter((f) => !f.valid);
/** Invalid fixtures of each shape: one unit (API), several units (CloudFormation), the environment file. */
const CASES = ['fargate-network-mode/invalid-api.json', 'target-type-network-mode/invalid-awsvpc-default-type.json', 'env-invalid-cidr/invalid-bad-cidrs.json'];

for (const name of CASES) {
  test(`a throwing rule is logged and every other rule still reports: ${name}`, () => {
    const fixture = fixtures.find((f) => `${f.ruleDir}/${f.name}` === name) ?? assert.fail(`no fixture ${name}`);
    const uri = name.startsWith('env-') ? 'file:///ws/ecs-network.json' : 'file:///ws/stack.json';
    const doc = new EcsDocument(uri, 1, stripMarkers(fixture.text));
    const expected = summary(runRules(doc, RULES, { env: fixture.env }));
    assert.ok(expected.length > 0, 'the fixture has findings to keep');

    for (const thrown of [new Error('boom'), 'a string, not an Error', undefined]) {
      const logged: string[] = [];
      const findings = runRules(doc, withRule(throwing('test-throws', thrown)), { env: fixture.env, log: (m) => logged.push(m) });
      assert.deepEqual(summary(findings), expected, 'the other rules report exactly what they report without it');
      assert.equal(logged.length, doc.units.length, 'one log line per unit the rule failed on');
      for (const line of logged) {
        assert.match(line, /rule test-throws failed on /);
        assert.ok(line.includes(uri), line);
        if (thrown instanceof Error) assert.match(line, /boom/);
      }
      // Without a log the failure is still contained.
      assert.deepEqual(summary(runRules(doc, withRule(throwing('test-throws', thrown)), { env: fixture.env })), expected);
    }
  });
}

test('a CloudFormation failure names the resource it happened on', () => {
  const fixture = fixtures.find((f) => `${f.ruleDir}/${f.name}` === CASES[1]) ?? assert.fail('no fixture');
  const doc = new EcsDocument('file:///ws/stack.json', 1, stripMarkers(fixture.text));
  const logged: string[] = [];
  runRules(doc, withRule(throwing('test-throws', new Error('boom'))), { log: (m) => logged.push(m) });
  assert.deepEqual(
    logged.map((line) => /\((\w+)\)/.exec(line)?.[1]),
    doc.units.map((u) => u.logicalId),
  );
});

test("fix-all goes on past a throwing rule and applies the other rules' fixes", () => {
  const fixture = fixtures.find((f) => `${f.ruleDir}/${f.name}` === CASES[0]) ?? assert.fail('no fixture');
  const doc = new EcsDocument('file:///ws/taskdef.json', 1, stripMarkers(fixture.text));
  const logged: string[] = [];
  const fixed = fixAllText(doc, withRule(throwing('test-throws', new Error('boom'))), { log: (m) => logged.push(m) });
  assert.equal(fixed, fixAllText(doc, RULES));
  assert.notEqual(fixed, doc.text, 'the fixture has a safe fix');
  assert.ok(logged.length > 0);
});
