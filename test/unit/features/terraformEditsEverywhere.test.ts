import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { applyTerraformFixEdits } from '../../../server/src/features/terraformEdits';
import { EcsDocument } from '../../../server/src/model/document';
import type { Json, JsonPath } from '../../../server/src/model/types';
import type { FixEdit } from '../../../server/src/rules/types';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';
import { exampleModule, fmtProblems, hasTerraform } from '../../support/terraformModule';

// The writer at every place of two example modules, not only where a rule has a fix: each value
// removed, changed and renamed in turn. An edit is either refused (the text unchanged) or written so
// that it reads back as meant (the writer checks that itself) and passes `terraform fmt -check`.

before(async () => {
  await loadNodeTerraform();
});

function* paths(v: Json, at: JsonPath): Generator<JsonPath> {
  yield at;
  if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* paths(v[i], [...at, i]);
  else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) yield* paths(v[k], [...at, k]);
}

function editsAt(doc: EcsDocument, path: JsonPath): FixEdit[] {
  const v = doc.valueAt(path);
  const last = path[path.length - 1];
  const changed = typeof v === 'string' ? (v.includes('${') ? undefined : `${v}-b`) : typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : undefined;
  return [
    { path, remove: true },
    ...(changed === undefined ? [] : [{ path, value: changed }]),
    ...(typeof last === 'string' && /^[A-Za-z_]+$/.test(last) ? [{ path, renameTo: `${last}B` }] : []),
  ];
}

test('every place of the fargate-service and container-definition-forms modules takes a removal, a new value and a new name', () => {
  const written: { name: string; text: string }[] = [];
  const refused: string[] = [];
  for (const folder of ['fargate-service', 'container-definition-forms']) {
    for (const [uri, text] of exampleModule(folder)) {
      if (!uri.endsWith('.tf')) continue;
      const doc = new EcsDocument(uri, 1, text);
      try {
        const resources = doc.valueAt(['resource']);
        if (resources === undefined) continue;
        for (const path of paths(resources, ['resource'])) {
          if (path.length < 4 || !doc.tree.locate(path)) continue;
          for (const edit of editsAt(doc, path)) {
            const after = applyTerraformFixEdits(doc, [edit]);
            const name = `${folder}/${uri.split('/').pop()} ${JSON.stringify(edit)}`;
            if (after === text) refused.push(name);
            else written.push({ name, text: after });
          }
        }
      } finally {
        doc.release();
      }
    }
  }
  // The JSON editor removes members, not list items: an item of a list inside a heredoc stays.
  assert.deepEqual(
    refused.filter((r) => !/heredoc\.tf .*"container_definitions",0(,"portMappings",0)?\],"remove":true/.test(r)),
    [],
  );
  assert.ok(written.length > 400, `${written.length} edits written`);
  if (hasTerraform()) assert.deepEqual(fmtProblems(written), []);
});
