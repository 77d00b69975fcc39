import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseTerraform } from '../../../server/src/model/terraform/normalise';
import { TERRAFORM_RESOURCES, type TerraformArguments, type TerraformConversion } from '../../../server/src/structure/data/terraform-names';
import type { Json, JsonObject, JsonPath } from '../../../server/src/model/types';
import { validateStructure, type StructureRoot } from '../../../server/src/structure/validate';

// Checks generated from the table itself: every mapped argument and block, of every resource type
// that makes a unit, maps to its API path and back.

interface Entry {
  readonly doc: JsonPath;
  readonly api: JsonPath;
  readonly to?: TerraformConversion;
}

/** Every mapped place of a table level: leaves, blocks, and a list block's first element. */
function entries(args: TerraformArguments, doc: JsonPath, api: JsonPath): Entry[] {
  return Object.entries(args).flatMap(([name, a]): Entry[] => {
    if (a.block === 'flat') return entries(a.args ?? {}, [...doc, name, 0], api);
    if (!a.api) return [];
    const d = [...doc, name];
    const p = [...api, ...a.api];
    if (!a.block) return [{ doc: d, api: p, to: a.to }];
    if (a.block === 'single') return [{ doc: d, api: p }, ...entries(a.args ?? {}, [...d, 0], p)];
    return [{ doc: d, api: p }, { doc: [...d, 0], api: [...p, 0] }, ...entries(a.args ?? {}, [...d, 0], [...p, 0])];
  });
}

const UNIT_TYPES = Object.entries(TERRAFORM_RESOURCES).filter(([, r]) => ['task-definition', 'service', 'target-group'].includes(r.kind));

/** A value of each conversion, as the projection holds it, and what the API gets. */
const SAMPLES: Record<TerraformConversion, [Json, Json]> = {
  string: [256, '256'],
  integer: ['7', 7],
  number: ['1.5', 1.5],
  boolean: ['true', true],
  'string-list': [
    ['a', 1],
    ['a', '1'],
  ],
  map: [{ k: 'v' }, { k: 'v' }],
  any: ['x', 'x'],
  enabled: [false, 'DISABLED'],
  'json-list': ['[{"name":"c"}]', [{ name: 'c' }]],
  'name-value-list': [{ K: 'v' }, [{ name: 'K', value: 'v' }]],
};

/** A body holding `value` at `doc`, blocks made as arrays of bodies. */
function bodyWith(doc: JsonPath, value: Json): JsonObject {
  const root: JsonObject = {};
  let at: Json = root;
  doc.forEach((seg, i) => {
    const next: Json = i === doc.length - 1 ? value : typeof doc[i + 1] === 'number' ? [] : {};
    if (Array.isArray(at) && typeof seg === 'number') at[seg] = next;
    else (at as JsonObject)[seg as string] = next;
    at = next;
  });
  return root;
}

function valueAt(v: Json | undefined, path: JsonPath): Json | undefined {
  let at = v;
  for (const seg of path)
    at = typeof seg === 'number' ? (Array.isArray(at) ? at[seg] : undefined) : at && typeof at === 'object' && !Array.isArray(at) ? at[seg] : undefined;
  return at;
}

test('toDocPath gives back the Terraform path of every mapped argument and block of the table', () => {
  let checked = 0;
  for (const [type, resource] of UNIT_TYPES) {
    const all = entries(resource.args, [], []);
    const apiPaths = all.map((e) => JSON.stringify(e.api));
    assert.equal(new Set(apiPaths).size, apiPaths.length, `${type}: two arguments map to one API path`);
    const m = normaliseTerraform(type, {});
    assert.ok(m);
    for (const e of all) {
      assert.deepEqual(m.toDocPath(e.api), e.doc, `${type} ${e.api.join('.')}`);
      checked++;
    }
  }
  assert.ok(checked > 150, `${checked} paths`);
});

test('every mapped leaf converts into its API place and back, through a body that holds only it', () => {
  let checked = 0;
  for (const [type, resource] of UNIT_TYPES) {
    for (const e of entries(resource.args, [], [])) {
      if (!e.to) continue;
      const [written, api] = SAMPLES[e.to];
      const m = normaliseTerraform(type, bodyWith(e.doc, written));
      assert.ok(m);
      assert.deepEqual(valueAt(m.value, e.api), api, `${type} ${e.doc.join('.')} → ${e.api.join('.')}`);
      assert.deepEqual(m.toDocPath(e.api), e.doc, `${type} ${e.api.join('.')}`);
      // Back: the fix value is what the projection holds (the API type where Terraform's is the same).
      const back = m.toDocValue(e.api, api);
      const expected = e.to === 'enabled' || e.to === 'name-value-list' ? written : api;
      assert.deepEqual(back, expected, `${type} ${e.api.join('.')} back`);
      checked++;
    }
  }
  assert.ok(checked > 120, `${checked} leaves`);
});

test('the structure validator knows every API place of the table, takes its types, and skips an unknown in any of them', () => {
  let checked = 0;
  for (const [type, resource] of UNIT_TYPES) {
    const root = resource.kind as StructureRoot;
    for (const e of entries(resource.args, [], [])) {
      const unknown = normaliseTerraform(type, bodyWith(e.doc, '${var.x}'));
      assert.deepEqual(validateStructure(unknown?.value, root, 'api', { skipRequired: true }), [], `${type} ${e.doc.join('.')} unknown`);
      if (!e.to) continue;
      const known = normaliseTerraform(type, bodyWith(e.doc, SAMPLES[e.to][0]));
      // Enum values and bounds are the sample's business; names and types are the table's.
      const issues = validateStructure(known?.value, root, 'api', { skipRequired: true }).filter(
        (i) => i.code === 'unknown-property' || i.code === 'wrong-type',
      );
      assert.deepEqual(issues, [], `${type} ${e.doc.join('.')}`);
      checked++;
    }
  }
  assert.ok(checked > 120, `${checked} leaves`);
});

test('the table lists the arguments without an API counterpart, and its unit types cover the three kinds', () => {
  assert.deepEqual(UNIT_TYPES.map(([, r]) => r.kind).sort(), ['service', 'target-group', 'task-definition']);
  const service = TERRAFORM_RESOURCES.aws_ecs_service.args;
  for (const name of ['tags', 'force_delete', 'wait_for_steady_state', 'triggers']) {
    assert.deepEqual(service[name], {}, name);
    assert.equal(normaliseTerraform('aws_ecs_service', { [name]: true })?.value[name], undefined);
  }
  assert.equal(Object.keys(normaliseTerraform('aws_ecs_service', { count: 2, for_each: '${var.x}', depends_on: [] })?.value ?? { x: 1 }).length, 0);
});
