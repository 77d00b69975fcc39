// Workspace indexing: 5,000 JSON files (a realistic mix of ECS documents and unrelated JSON),
// indexed in-process the way the server does it and end to end over LSP, where hovers are sent
// while indexing runs to show typing is never blocked. Prints figures; asserts nothing.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceIndex } from '../server/src/workspace/index';
import { listDocumentFiles, MAX_WALKED_BYTES } from '../server/src/workspace/walk';
import { LspTestClient } from '../test/support/lsp-client';

const FILES = 5000;

function taskDefinition(i: number): object {
  return {
    family: `svc-${i}`,
    networkMode: 'awsvpc',
    requiresCompatibilities: ['FARGATE'],
    cpu: '512',
    memory: '1024',
    containerDefinitions: [
      {
        name: 'app',
        image: `123456789012.dkr.ecr.eu-west-1.amazonaws.com/svc-${i}:1`,
        essential: true,
        portMappings: [{ containerPort: 8080 }],
        environment: [{ name: 'STAGE', value: 'prod' }],
      },
    ],
  };
}

function service(i: number): object {
  return {
    cluster: 'production',
    serviceName: `svc-${i}`,
    taskDefinition: `svc-${i}:1`,
    desiredCount: 3,
    launchType: 'FARGATE',
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'], securityGroups: ['sg-0123456789abcdef0'] } },
  };
}

function unrelated(i: number): object {
  return {
    name: `pkg-${i}`,
    version: '1.0.0',
    scripts: { build: 'tsc' },
    dependencies: { lodash: '^4.17.21' },
    keywords: Array.from({ length: 20 }, (_, k) => `k${k}`),
  };
}

/** Writes the workspace: 40% ECS documents (task definitions and services), 60% other JSON, in 50 folders. */
export function makeWorkspace(files = FILES): string {
  const root = mkdtempSync(join(tmpdir(), 'ecs-net-bench-ws-'));
  for (let i = 0; i < files; i++) {
    const dir = join(root, `team-${i % 50}`, i % 3 === 0 ? 'deploy' : 'config');
    mkdirSync(dir, { recursive: true });
    const kind = i % 5;
    const body = kind === 0 ? taskDefinition(i) : kind === 1 ? service(i - 1) : unrelated(i);
    writeFileSync(join(dir, `file-${i}.json`), JSON.stringify(body, null, 2));
  }
  return root;
}

function indexInProcess(root: string): { ms: number; indexed: number; files: number } {
  const start = process.hrtime.bigint();
  const index = new WorkspaceIndex();
  const files = listDocumentFiles(root, MAX_WALKED_BYTES);
  for (const file of files) index.update(pathToFileURL(file).href, readFileSync(file, 'utf8'));
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, indexed: index.size, files: files.length };
}

async function indexOverLsp(root: string): Promise<{ ms: number; hoverMaxMs: number; hoverMedianMs: number; hovers: number; idleHoverMedianMs: number }> {
  const client = new LspTestClient();
  const ended = new Promise<void>((resolve) => {
    client.connection.onNotification('$/progress', (p: { value: { kind: string } }) => {
      if (p.value.kind === 'end') resolve();
    });
  });
  const uri = pathToFileURL(join(root, 'open-taskdef.json')).href;
  const text = JSON.stringify(taskDefinition(999999), null, 2);
  await client.initialize({
    workspaceFolders: [{ uri: pathToFileURL(root).href, name: 'bench' }],
    capabilities: { workspace: { configuration: true }, window: { workDoneProgress: true } },
  });
  const start = process.hrtime.bigint();
  await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  // Hovers while indexing runs: their latency shows whether indexing blocks the editor.
  const latencies: number[] = [];
  let done = false;
  void ended.then(() => (done = true));
  const at = text.indexOf('awsvpc');
  const line = text.slice(0, at).split('\n').length - 1;
  const character = at - text.lastIndexOf('\n', at) - 1;
  while (!done) {
    const t = process.hrtime.bigint();
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  await ended;
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  const idle: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = process.hrtime.bigint();
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character } });
    idle.push(Number(process.hrtime.bigint() - t) / 1e6);
  }
  idle.sort((a, b) => a - b);
  await client.shutdown();
  latencies.sort((a, b) => a - b);
  return {
    ms,
    hoverMaxMs: latencies[latencies.length - 1] ?? 0,
    hoverMedianMs: latencies[Math.floor(latencies.length / 2)] ?? 0,
    hovers: latencies.length,
    idleHoverMedianMs: idle[Math.floor(idle.length / 2)],
  };
}

export async function main(): Promise<Record<string, number>> {
  const root = makeWorkspace();
  try {
    indexInProcess(root); // warm the file cache and the JIT
    const inProcess = indexInProcess(root);
    const lsp = await indexOverLsp(root);
    const figures = {
      files: inProcess.files,
      ecsDocuments: inProcess.indexed,
      inProcessMs: Math.round(inProcess.ms),
      overLspMs: Math.round(lsp.ms),
      hoversDuringIndexing: lsp.hovers,
      hoverMedianMsDuringIndexing: Number(lsp.hoverMedianMs.toFixed(2)),
      hoverMaxMsDuringIndexing: Number(lsp.hoverMaxMs.toFixed(2)),
      hoverMedianMsIdle: Number(lsp.idleHoverMedianMs.toFixed(2)),
    };
    console.log('\n## Workspace indexing (5,000 JSON files)\n');
    console.log(`files                         ${figures.files}`);
    console.log(`ECS documents indexed         ${figures.ecsDocuments}`);
    console.log(`in-process index              ${figures.inProcessMs} ms`);
    console.log(`over LSP, open to progress end ${figures.overLspMs} ms  (target < 5,000 ms)`);
    console.log(
      `hovers answered meanwhile     ${figures.hoversDuringIndexing}, median ${figures.hoverMedianMsDuringIndexing} ms, max ${figures.hoverMaxMsDuringIndexing} ms`,
    );
    console.log(`hover once indexing is over   median ${figures.hoverMedianMsIdle} ms`);
    return figures;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) void main();
