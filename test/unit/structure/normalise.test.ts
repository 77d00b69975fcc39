import { test } from 'node:test';
import assert from 'node:assert/strict';
import { apiPathOf, normaliseCfn, toDocValue } from '../../../server/src/model/normalise';
import { EcsDocument } from '../../../server/src/model/document';
import type { JsonObject } from '../../../server/src/model/types';

test('a CloudFormation service: PlacementStrategies[0].Field is placementStrategy[0].field, and back', () => {
  const raw: JsonObject = { Cluster: 'c', PlacementStrategies: [{ Type: 'spread', Field: 'attribute:ecs.availability-zone' }] };
  const norm = normaliseCfn(raw, 'service');
  assert.deepEqual(norm.value, { cluster: 'c', placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }] });
  assert.deepEqual(norm.toDocPath(['placementStrategy', 0, 'field']), ['PlacementStrategies', 0, 'Field']);
  // A path to something the document does not hold yet still maps through the rename.
  assert.deepEqual(normaliseCfn({ Cluster: 'c' }, 'service').toDocPath(['placementStrategy', 0, 'field']), ['PlacementStrategies', 0, 'Field']);
  assert.deepEqual(apiPathOf('service', ['PlacementStrategies', 0, 'Field']), ['placementStrategy', 0, 'field']);
});

test('renames hold only where the tree puts them', () => {
  const efs = { Name: 'data', EFSVolumeConfiguration: { FilesystemId: 'fs-1', AuthorizationConfig: { IAM: 'ENABLED' } } };
  const norm = normaliseCfn({ Volumes: [efs], FilesystemId: 'x', IAM: 'y' }, 'task-definition');
  assert.deepEqual(norm.value, {
    volumes: [{ name: 'data', efsVolumeConfiguration: { fileSystemId: 'fs-1', authorizationConfig: { iam: 'ENABLED' } } }],
    // The same keys outside an EFS volume take the default rule.
    filesystemId: 'x',
    iAM: 'y',
  });
  const path = ['volumes', 0, 'efsVolumeConfiguration', 'authorizationConfig', 'iam'];
  assert.deepEqual(norm.toDocPath(path), ['Volumes', 0, 'EFSVolumeConfiguration', 'AuthorizationConfig', 'IAM']);
  assert.deepEqual(normaliseCfn({}, 'task-definition').toDocPath(path), ['Volumes', 0, 'EFSVolumeConfiguration', 'AuthorizationConfig', 'IAM']);
  assert.deepEqual(apiPathOf('task-definition', ['ProxyConfiguration', 'ProxyConfigurationProperties', 0]), ['proxyConfiguration', 'properties', 0]);
  assert.deepEqual(apiPathOf('task-definition', ['ProxyConfigurationProperties']), ['proxyConfigurationProperties']);
  // Target groups keep PascalCase in both spellings.
  assert.deepEqual(apiPathOf('target-group', ['TargetType']), ['TargetType']);
});

test('free-form maps keep the user keys', () => {
  const norm = normaliseCfn({ ContainerDefinitions: [{ DockerLabels: { PlacementStrategies: 'a' } }] }, 'task-definition');
  assert.deepEqual(norm.value, { containerDefinitions: [{ dockerLabels: { PlacementStrategies: 'a' } }] });
});

test('fix values are written in the spelling of the place they go', () => {
  assert.deepEqual(toDocValue([{ type: 'spread', field: 'instanceId' }], 'cfn', 'service', ['placementStrategy']), [{ Type: 'spread', Field: 'instanceId' }]);
  assert.deepEqual(toDocValue({ placementStrategy: [{ field: 'x' }] }, 'cfn', 'service'), { PlacementStrategies: [{ Field: 'x' }] });
  assert.deepEqual(toDocValue({ fileSystemId: 'fs-1' }, 'cfn', 'task-definition', ['volumes', 0, 'efsVolumeConfiguration']), { FilesystemId: 'fs-1' });
  assert.deepEqual(toDocValue({ placementStrategy: [] }, 'api', 'service'), { placementStrategy: [] });
});

test('a template service unit is normalised with the renames', () => {
  const text = JSON.stringify({
    Resources: {
      Svc: { Type: 'AWS::ECS::Service', Properties: { Cluster: 'c', PlacementStrategies: [{ Type: 'binpack', Field: 'memory' }] } },
    },
  });
  const unit = new EcsDocument('file:///t.json', 1, text).units[0];
  assert.deepEqual(unit.value.placementStrategy, [{ type: 'binpack', field: 'memory' }]);
  assert.deepEqual(unit.toDocPath(['placementStrategy', 0, 'field']), ['Resources', 'Svc', 'Properties', 'PlacementStrategies', 0, 'Field']);
});
