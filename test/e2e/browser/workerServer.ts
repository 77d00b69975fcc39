/**
 * The browser language server (dist/browserServer.js) in a Web Worker of headless Chromium, driven
 * over its message port with LSP messages as vscode-languageclient/browser would send them. The
 * page plays the browser client's part too: it answers the server's file requests (FIND_FILES,
 * READ_FILES) from files it holds, as client/src/workspaceFiles.ts does with the workspace API.
 *
 * Usage: node out/e2e/browser/workerServer.js   (after `node esbuild.mjs`)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM, REPO_ROOT } from '../support/tools';

interface Published {
  readonly uri: string;
  readonly diagnostics: { code: string; range: { start: { line: number; character: number } } }[];
}

/** One exchange: change files, send messages, then wait for a publication for `uri` with these `code@line:character`s. */
interface Step {
  readonly files?: Readonly<Record<string, string>>;
  readonly send: readonly object[];
  readonly uri: string;
  readonly expect: readonly string[];
}

interface Session {
  readonly workspaceFolders: readonly { uri: string; name: string }[] | null;
  /** The workspace's files by URI, as the client would read them. */
  readonly files: Readonly<Record<string, string>>;
  readonly steps: readonly Step[];
  /** What the browser client adds to `initialize` (the Terraform grammar's wasm, as base64). */
  readonly initializationOptions?: unknown;
}

/** What the page saw: the URIs the server asked to read, in order. */
interface Outcome {
  readonly read: string[];
}

/** The page's Worker and Blob, typed here: the e2e project compiles without the DOM library. */
interface PageGlobals {
  Worker: new (url: string) => {
    onerror: (event: { message: string }) => void;
    onmessage: (event: { data: { id?: number; method?: string; params?: unknown; result?: unknown } }) => void;
    postMessage(message: unknown): void;
    terminate(): void;
  };
  Blob: new (parts: string[], options: { type: string }) => object;
  URL: { createObjectURL(blob: object): string };
  /** The last publication seen, for the failure message. */
  lastPublished?: string;
}

/** Runs in the page: starts the worker, initializes it, answers its requests and runs the steps in order. */
function driveWorker([bundle, session]: [string, Session]): Promise<Outcome> {
  const page = globalThis as unknown as PageGlobals;
  const files: Record<string, string> = { ...session.files };
  const read: string[] = [];
  const sameCodes = (p: Published, expect: readonly string[]) =>
    JSON.stringify(p.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`).sort()) === JSON.stringify([...expect].sort());
  return new Promise((resolve, reject) => {
    const worker = new page.Worker(page.URL.createObjectURL(new page.Blob([bundle], { type: 'text/javascript' })));
    let step = -1;
    const next = () => {
      step++;
      if (step === session.steps.length) {
        worker.terminate();
        return resolve({ read });
      }
      Object.assign(files, session.steps[step].files ?? {});
      for (const message of session.steps[step].send) worker.postMessage({ jsonrpc: '2.0', ...message });
    };
    worker.onerror = (event) => reject(new Error(`the worker failed: ${event.message}`));
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.id === 1 && message.method === undefined) {
        worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
        next();
      } else if (message.id !== undefined && message.method !== undefined) {
        // A request from the server: the file requests get the files; anything else (capability registration) an empty answer.
        let result: unknown = null;
        if (message.method === 'ecsTaskNetworking/findFiles') {
          // Every file of the folder, whatever the globs: the server must leave out what its walk would.
          const folder = (message.params as { folder: string }).folder;
          result = Object.keys(files).filter((uri) => uri.startsWith(`${folder}/`));
        } else if (message.method === 'ecsTaskNetworking/readFiles') {
          const uris = (message.params as { uris: string[] }).uris;
          read.push(...uris);
          result = uris.map((uri) => files[uri] ?? null);
        }
        worker.postMessage({ jsonrpc: '2.0', id: message.id, result });
      } else if (message.method === 'textDocument/publishDiagnostics' && step >= 0 && step < session.steps.length) {
        const published = message.params as Published;
        if (published.uri !== session.steps[step].uri) return;
        page.lastPublished = JSON.stringify(published.diagnostics.map((d) => d.code));
        if (sameCodes(published, session.steps[step].expect)) next();
      }
    };
    worker.postMessage({
      jsonrpc: '2.0',
      id: 1,
      method: 'initialize',
      params: {
        processId: null,
        rootUri: null,
        capabilities: { workspace: { didChangeWatchedFiles: { dynamicRegistration: true } } },
        workspaceFolders: session.workspaceFolders,
        initializationOptions: session.initializationOptions,
      },
    });
  });
}

const ROOT = 'vscode-vfs://github/example/infra';
const open = (uri: string, text: string, languageId = 'json') => ({
  method: 'textDocument/didOpen',
  params: { textDocument: { uri, languageId, version: 1, text } },
});
/** The two wasm files as the browser client sends them (client/src/browserExtension.ts). */
const terraformWasm = () => ({
  runtime: readFileSync(join(REPO_ROOT, 'dist', 'web-tree-sitter.wasm')).toString('base64'),
  grammar: readFileSync(join(REPO_ROOT, 'dist', 'tree-sitter-terraform.wasm')).toString('base64'),
});
const json = (value: unknown) => JSON.stringify(value, null, 2);

const taskDefinition = (networkMode: string) =>
  json({
    family: 'orders',
    networkMode,
    requiresCompatibilities: ['EC2'],
    containerDefinitions: [{ name: 'api', image: 'x', memory: 256, portMappings: [{ containerPort: 8080 }] }],
  });
const TARGET_GROUP_ARN = 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/orders-tg/0123456789abcdef';
const SERVICE = json({
  cluster: 'production',
  serviceName: 'orders',
  taskDefinition: 'orders:4',
  desiredCount: 30,
  launchType: 'EC2',
  loadBalancers: [{ targetGroupArn: TARGET_GROUP_ARN, containerName: 'api', containerPort: 8080 }],
});

/** What `ecs-net check` reports on examples/terraform/fargate-bridge/ecs.tf (the Node reader), position for position. */
const TERRAFORM_BRIDGE_EXPECTED = ['fargate-network-mode@3:29', 'fargate-task-size@6:29', 'unknown-property@14:6', 'wrong-type@19:26'];

interface Scenario {
  readonly name: string;
  readonly session: Session;
  /** Checks what the page saw besides the publications; throws with the reason. */
  readonly check?: (outcome: Outcome) => void;
}

const SCENARIOS: Scenario[] = [
  {
    name: 'a Fargate task definition with bridge mode gets fargate-network-mode from the server in a Worker',
    session: {
      workspaceFolders: null,
      files: {},
      steps: [
        {
          send: [open(`${ROOT}/taskdef.json`, readFileSync(join(REPO_ROOT, 'test', 'e2e', 'workspace', 'fargate-bridge.json'), 'utf8'))],
          uri: `${ROOT}/taskdef.json`,
          expect: ['fargate-network-mode@2:17'],
        },
      ],
    },
  },
  {
    name: 'a Terraform task definition with Fargate and bridge gets fargate-network-mode: the grammar wasm runs in the Worker',
    session: {
      workspaceFolders: null,
      files: {},
      initializationOptions: { terraformWasm: terraformWasm() },
      steps: [
        {
          send: [open(`${ROOT}/ecs.tf`, readFileSync(join(REPO_ROOT, 'examples', 'terraform', 'fargate-bridge', 'ecs.tf'), 'utf8'), 'terraform')],
          uri: `${ROOT}/ecs.tf`,
          expect: TERRAFORM_BRIDGE_EXPECTED,
        },
      ],
    },
  },
  {
    name: 'a service is checked against a task definition in another file and a target group in the environment file, both read through the client',
    session: {
      workspaceFolders: [{ uri: ROOT, name: 'infra' }],
      files: {
        [`${ROOT}/deploy/taskdef.json`]: taskDefinition('awsvpc'),
        [`${ROOT}/ecs-network.json`]: json({ targetGroups: [{ arn: TARGET_GROUP_ARN, targetType: 'instance', protocol: 'HTTP', port: 8080 }] }),
        // Where the Node walk never goes: a task definition of the same family here would make the reference ambiguous.
        [`${ROOT}/node_modules/pkg/taskdef.json`]: taskDefinition('bridge'),
        [`${ROOT}/.github/taskdef.json`]: taskDefinition('bridge'),
      },
      steps: [
        {
          send: [open(`${ROOT}/deploy/service.json`, SERVICE)],
          uri: `${ROOT}/deploy/service.json`,
          expect: ['service-awsvpc-network-configuration@3:2', 'target-type-network-mode@8:24'],
        },
        {
          // The task definition changes to bridge behind the editor's back: the watcher says so, the server reads it again.
          files: { [`${ROOT}/deploy/taskdef.json`]: taskDefinition('bridge') },
          send: [{ method: 'workspace/didChangeWatchedFiles', params: { changes: [{ uri: `${ROOT}/deploy/taskdef.json`, type: 2 }] } }],
          uri: `${ROOT}/deploy/service.json`,
          expect: [],
        },
      ],
    },
    check: ({ read }) => {
      const skipped = read.filter((uri) => uri.includes('/node_modules/') || uri.includes('/.github/'));
      if (skipped.length) throw new Error(`the server read files its walk leaves out: ${skipped.join(', ')}`);
      if (read.filter((uri) => uri === `${ROOT}/deploy/taskdef.json`).length !== 2)
        throw new Error(`the task definition was not read twice: ${read.join(', ')}`);
    },
  },
];

async function runScenario(page: Page, bundle: string, scenario: Scenario): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const outcome = await Promise.race([
    page.evaluate(driveWorker, [bundle, scenario.session] as [string, Session]),
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        void page
          .evaluate(() => (globalThis as unknown as PageGlobals).lastPublished)
          .then((last) => reject(new Error(`not the expected diagnostics within 60 s; the last publication had ${last ?? 'nothing'}`)));
      }, 60_000);
    }),
  ]).finally(() => clearTimeout(timer));
  scenario.check?.(outcome);
}

async function main(): Promise<number> {
  const bundle = readFileSync(join(REPO_ROOT, 'dist', 'browserServer.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  let passed = 0;
  let failed = 0;
  try {
    for (const scenario of SCENARIOS) {
      const page = await browser.newPage();
      try {
        await runScenario(page, bundle, scenario);
        passed++;
        console.log(`  ✔ ${scenario.name}`);
      } catch (error) {
        failed++;
        console.log(`  ✘ ${scenario.name}\n    ${error instanceof Error ? error.message : String(error)}`);
      } finally {
        await page.close();
      }
    }
  } finally {
    await browser.close();
  }
  console.log(`browser-server: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));
