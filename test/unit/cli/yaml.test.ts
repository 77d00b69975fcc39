import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCheck } from '../../../server/src/cli/check';

const TEMPLATE = `AWSTemplateFormatVersion: "2010-09-09"
Resources:
  Task:
    Type: AWS::ECS::TaskDefinition
    Properties:
      RequiresCompatibilities: [FARGATE]
      Cpu: "256"
      Memory: "512"
      NetworkMode: bridge
      ContainerDefinitions:
        - {Name: web, Image: nginx}
`;

interface SarifResult {
  ruleId: string;
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[];
}

test('ecs-net check reads a folder of YAML templates; SARIF points at the YAML text', () => {
  const root = mkdtempSync(join(tmpdir(), 'ecs-net-yaml-'));
  try {
    writeFileSync(join(root, 'stack.yaml'), TEMPLATE);
    // Other YAML beside the template (a workflow) stays silent.
    writeFileSync(join(root, 'workflow.yml'), 'on: [push]\njobs: {deploy: {runs-on: ubuntu-latest, steps: [{run: echo}]}}\n');
    const out: string[] = [];
    const code = runCheck(['--format', 'sarif', root], { stdout: (t) => out.push(t), stderr: () => undefined });
    assert.equal(code, 1, 'an error fails the check');
    const results = (JSON.parse(out.join('')) as { runs: { results: SarifResult[] }[] }).runs[0].results;
    const mode = results.find((r) => r.ruleId === 'fargate-network-mode');
    assert.ok(mode, results.map((r) => r.ruleId).join(', '));
    const { artifactLocation, region } = mode.locations[0].physicalLocation;
    assert.match(artifactLocation.uri, /stack\.yaml$/);
    const line = TEMPLATE.split('\n')[region.startLine - 1];
    assert.equal(line.slice(region.startColumn - 1, region.endColumn - 1), 'bridge');
    assert.ok(results.every((r) => /stack\.yaml$/.test(r.locations[0].physicalLocation.artifactLocation.uri)));
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('a service in a YAML template finds its task definition in a JSON file of the same folder', () => {
  const root = mkdtempSync(join(tmpdir(), 'ecs-net-yaml-'));
  try {
    const task = {
      family: 'web',
      networkMode: 'bridge',
      requiresCompatibilities: ['EC2'],
      containerDefinitions: [{ name: 'web', image: 'nginx', memory: 256 }],
    };
    writeFileSync(join(root, 'taskdef.json'), JSON.stringify(task, null, 2));
    const service =
      'Resources:\n  Svc:\n    Type: AWS::ECS::Service\n    Properties:\n      LaunchType: EC2\n      TaskDefinition: web\n      NetworkConfiguration:\n        AwsvpcConfiguration:\n          Subnets: [subnet-0123456789abcdef0]\n';
    writeFileSync(join(root, 'service.yaml'), service);
    const out: string[] = [];
    runCheck([root], { stdout: (t) => out.push(t), stderr: () => undefined });
    assert.match(out.join('\n'), /service\.yaml:7:7 error service-network-configuration-mode .*bridge/);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
