import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspTestClient } from '../support/lsp-client';

const TASK = `{
  "family": "api",
  "networkMode": "awsvpc",
  "requiresCompatibilities": ["EC2"],
  "containerDefinitions": [{ "name": "api", "image": "x" }]
}`;

describe('custom requests over stdio', () => {
  let client: LspTestClient;
  before(async () => {
    client = new LspTestClient();
    await client.initialize();
  });
  after(async () => client.shutdown());

  test('ecsTaskNetworking/summary answers for ECS documents and null for others', async () => {
    await client.open('file:///ws/summary-task.json', TASK);
    await client.open('file:///ws/package.json', '{ "name": "x", "version": "1.0.0" }');
    const summary = await client.connection.sendRequest('ecsTaskNetworking/summary', { uri: 'file:///ws/summary-task.json' });
    assert.deepEqual(
      { ...(summary as object), tooltip: undefined },
      { kind: 'task-definition', label: 'Task definition', text: 'awsvpc · 2 tasks/c5.large (10 with trunking)', tooltip: undefined },
    );
    assert.equal(await client.connection.sendRequest('ecsTaskNetworking/summary', { uri: 'file:///ws/package.json' }), null);
    assert.equal(await client.connection.sendRequest('ecsTaskNetworking/summary', { uri: 'file:///ws/not-open.json' }), null);
  });

  test('ecsTaskNetworking/summary follows the instance types in workspace settings', async () => {
    client.settings = { defaultInstanceTypes: ['m5.4xlarge'] };
    await client.open('file:///ws/summary-settings.json', TASK);
    const summary = (await client.connection.sendRequest('ecsTaskNetworking/summary', { uri: 'file:///ws/summary-settings.json' })) as { text: string };
    assert.equal(summary.text, 'awsvpc · 7 tasks/m5.4xlarge (60 with trunking)');
    client.settings = {};
  });

  test('ecsTaskNetworking/capacityPlan answers with figures and a presentation', async () => {
    const uri = 'file:///ws/plan-task.json';
    await client.open(uri, TASK);
    const view = (await client.connection.sendRequest('ecsTaskNetworking/capacityPlan', { uri, position: { line: 1, character: 5 } })) as {
      title: string;
      figures: { instanceTypes: { instanceType: string; withoutTrunking: number }[] };
      charts: unknown[];
    };
    assert.equal(view.title, 'Capacity plan: task definition api');
    assert.deepEqual(
      view.figures.instanceTypes.map((t) => [t.instanceType, t.withoutTrunking]),
      [['c5.large', 2]],
    );
    assert.ok(view.charts.length >= 1);
    assert.equal(
      await client.connection.sendRequest('ecsTaskNetworking/capacityPlan', { uri: 'file:///ws/package.json', position: { line: 0, character: 0 } }),
      null,
    );
  });
});
