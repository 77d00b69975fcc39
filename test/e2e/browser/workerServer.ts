/**
 * The browser language server (dist/browserServer.js) in a Web Worker of headless Chromium, driven
 * over its message port with LSP messages as vscode-languageclient/browser would send them.
 *
 * Usage: node out/e2e/browser/workerServer.js   (after `node esbuild.mjs`)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM, REPO_ROOT } from '../support/tools';

interface Published {
  readonly uri: string;
  readonly diagnostics: { code: string; range: { start: { line: number; character: number } } }[];
}

/** The Fargate + bridge task definition the UI tests open too. */
const TASK_DEFINITION = readFileSync(join(REPO_ROOT, 'test', 'e2e', 'workspace', 'fargate-bridge.json'), 'utf8');

/** The page's Worker and Blob, typed here: the e2e project compiles without the DOM library. */
interface PageGlobals {
  Worker: new (url: string) => {
    onerror: (event: { message: string }) => void;
    onmessage: (event: { data: { id?: number; method?: string; params?: Published } }) => void;
    postMessage(message: unknown): void;
    terminate(): void;
  };
  Blob: new (parts: string[], options: { type: string }) => object;
  URL: { createObjectURL(blob: object): string };
}

/** Runs in the page: starts the worker, initializes it, opens one document and resolves with its first diagnostics. */
function driveWorker([bundle, uri, text]: [string, string, string]): Promise<Published> {
  const page = globalThis as unknown as PageGlobals;
  return new Promise((resolve, reject) => {
    const worker = new page.Worker(page.URL.createObjectURL(new page.Blob([bundle], { type: 'text/javascript' })));
    worker.onerror = (event) => reject(new Error(`the worker failed: ${event.message}`));
    worker.onmessage = (event) => {
      const message = event.data;
      if (message.id === 1) {
        worker.postMessage({ jsonrpc: '2.0', method: 'initialized', params: {} });
        worker.postMessage({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri, languageId: 'json', version: 1, text } } });
      } else if (message.method === 'textDocument/publishDiagnostics' && message.params?.uri === uri) {
        worker.terminate();
        resolve(message.params);
      }
    };
    worker.postMessage({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {}, workspaceFolders: null } });
  });
}

async function main(): Promise<number> {
  const bundle = readFileSync(join(REPO_ROOT, 'dist', 'browserServer.js'), 'utf8');
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  let passed = 0;
  let failed = 0;
  try {
    const page = await browser.newPage();
    const uri = 'vscode-vfs://github/example/infra/taskdef.json';
    const published = await Promise.race([
      page.evaluate(driveWorker, [bundle, uri, TASK_DEFINITION] as [string, string, string]),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error('no diagnostics from the worker within 60 s')), 60_000)),
    ]);
    const got = published.diagnostics.map((d) => `${d.code}@${d.range.start.line}:${d.range.start.character}`);
    if (JSON.stringify(got) === JSON.stringify(['fargate-network-mode@2:17'])) {
      passed++;
      console.log('  ✔ a Fargate task definition with bridge mode gets fargate-network-mode from the server in a Worker');
    } else {
      failed++;
      console.log(`  ✘ the worker published ${JSON.stringify(got)}`);
    }
  } catch (error) {
    failed++;
    console.log(`  ✘ driving the browser server in a Worker\n    ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await browser.close();
  }
  console.log(`browser-server: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

void main().then((code) => process.exit(code));
