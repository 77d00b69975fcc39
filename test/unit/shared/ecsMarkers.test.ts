import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EcsDocument } from '../../../server/src/model/document';
import { hasEnvironmentFileName, isEnvironmentFilePath, looksLikeEcsDocument, looksLikeEcsTemplate, markedKind } from '../../../shared/src/ecsMarkers';
import { FIXTURE_DIR, stripMarkers } from '../../support/fixtures';
import { REPO_ROOT } from '../../support/lsp-client';

/** Every JSON document the repository holds as an example or a fixture. */
function documents(): { file: string; text: string }[] {
  const found: { file: string; text: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.jsonc?$/.test(entry.name)) found.push({ file: full, text: stripMarkers(readFileSync(full, 'utf8')) });
    }
  };
  walk(FIXTURE_DIR);
  walk(join(REPO_ROOT, 'examples'));
  return found;
}

test('every document the model recognises holds a marker, so the cheap test drops none', () => {
  let recognised = 0;
  for (const { file, text } of documents()) {
    const doc = new EcsDocument(pathToFileURL(file).href, 0, text);
    if (doc.units.length === 0 || doc.kind === 'environment') continue;
    recognised++;
    assert.ok(looksLikeEcsDocument(text), `${file} is a ${doc.kind} without a marker`);
  }
  assert.ok(recognised > 50, `only ${recognised} documents recognised`);
});

test('JSON from other tools holds no marker', () => {
  for (const file of ['package.json', 'tsconfig.json', 'tsconfig.base.json', join('client', 'tsconfig.json'), join('schemas', 'ecs-network.schema.json')]) {
    const text = readFileSync(join(REPO_ROOT, file), 'utf8');
    assert.equal(looksLikeEcsDocument(text), false, file);
  }
  for (const text of [
    '{ "Resources": { "Bucket": { "Type": "AWS::S3::Bucket" } } }',
    '{ "family": "Inter", "weight": 400 }',
    '{ "service": "api", "port": 80 }',
  ]) {
    assert.equal(looksLikeEcsDocument(text), false, text);
  }
});

test('the first marker in priority order names the kind of an unparsed document', () => {
  const cases: [string, string | undefined][] = [
    ['{ "T": { "Type": "AWS::ECS::Service", "Properties": { "serviceName": "x" } } }', 'cloudformation'],
    ['{ "Type": "AWS::ECS::Cluster" }', 'cloudformation'],
    ['{ "taskDefinition": { "containerDefinitions": [] } }', 'task-definition'],
    ['{ "serviceName": "api", "taskDefinition": "api:3" }', 'service'],
    ['{ "service": "api", "taskDefinition": "api:3" }', 'service'],
    ['{ "TargetType": "ip" }', 'target-group'],
    ['{ "rows": [] }', undefined],
  ];
  for (const [text, kind] of cases) assert.equal(markedKind(text), kind, text);
});

test('environment files are known by name, the configured one included', () => {
  assert.ok(hasEnvironmentFileName('file:///ws/ecs-network.json'));
  assert.ok(hasEnvironmentFileName('C:\\ws\\prod.ECS-Network.json'));
  assert.equal(hasEnvironmentFileName('/ws/my-ecs-network.json'), false);
  assert.ok(isEnvironmentFilePath('/ws/deploy/net.json', 'deploy/net.json'));
  assert.equal(isEnvironmentFilePath('/ws/deploy/other.json', 'deploy/net.json'), false);
  assert.equal(isEnvironmentFilePath('/ws/deploy/other.json', ''), false);
});

test('every YAML template the model recognises names an ECS resource type; other YAML names none', () => {
  let recognised = 0;
  const yamlDir = join(FIXTURE_DIR, '..', 'yaml');
  for (const ruleDir of readdirSync(yamlDir)) {
    for (const name of readdirSync(join(yamlDir, ruleDir))) {
      const text = stripMarkers(readFileSync(join(yamlDir, ruleDir, name), 'utf8'));
      const doc = new EcsDocument(pathToFileURL(join(yamlDir, ruleDir, name)).href, 0, text);
      if (doc.units.length === 0) continue;
      recognised++;
      assert.ok(looksLikeEcsTemplate(text), `${name} is a template without a resource type marker`);
    }
  }
  assert.ok(recognised > 50, `only ${recognised} YAML templates recognised`);
  // Property names alone do not start the server for YAML: Kubernetes and compose files have ports too.
  assert.equal(looksLikeEcsTemplate('spec:\n  containers:\n    - containerPort: 80\ntaskDefinition: x\nserviceName: y\n'), false);
  assert.equal(looksLikeEcsTemplate('Resources:\n  Svc:\n    Type: AWS::ECS::Service\n'), true);
});
