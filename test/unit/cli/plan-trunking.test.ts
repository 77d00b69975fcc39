import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOCUMENTED_ROWS } from '../../support/trunking-rows';

// The bundled CLI, as users run it (built by `node esbuild.mjs`, which `npm test` runs first).
const cli = join(__dirname, '..', '..', '..', '..', 'dist', 'cli.js');

interface PlanJson {
  instanceType: string;
  trunking: boolean;
  tasksPerInstance: { withoutTrunking: number; withTrunking: number | null; effective: number };
  warnings: string[];
}

function planJson(...argv: string[]): PlanJson {
  assert.ok(existsSync(cli), `${cli} is missing: run node esbuild.mjs`);
  const r = spawnSync(process.execPath, [cli, 'plan', ...argv, '--json'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout) as PlanJson;
}

test('ecs-net plan --json gives the current table figures with and without trunking', () => {
  for (const [name, without, withT] of DOCUMENTED_ROWS) {
    const off = planJson('--instance-type', name, '--tasks', '40');
    const on = planJson('--instance-type', name, '--tasks', '40', '--trunking');
    assert.deepEqual(
      [off.tasksPerInstance.withoutTrunking, off.tasksPerInstance.withTrunking, off.tasksPerInstance.effective],
      [without, withT, without],
      name,
    );
    assert.equal(on.tasksPerInstance.effective, withT, name);
    assert.deepEqual(on.warnings, [], name);
  }
});

test('ecs-net plan --json on table anomalies: a -2 is no figure, a lower trunked figure is used', () => {
  const hpc = planJson('--instance-type', 'hpc8a.96xlarge', '--trunking');
  assert.deepEqual([hpc.tasksPerInstance.withTrunking, hpc.tasksPerInstance.effective], [null, 3]);
  const u = planJson('--instance-type', 'u-24tb1.metal', '--trunking');
  assert.deepEqual([u.tasksPerInstance.withoutTrunking, u.tasksPerInstance.effective], [14, 12]);
});
