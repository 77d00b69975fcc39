// @ts-check
// Runs the real-editor layers after the unit and protocol tests (VSCODE-E2E.md):
//   1. extension tests with the `vscode` API (mocha, @vscode/test-electron's runTests, hosted in code-server);
//   2. the VSIX (npm run package) installed into code-server and driven in headless Chromium (screenshots in test-results/),
//      then again with the folder untrusted (Restricted Mode), and as a web extension (its `browser` entry in the
//      web worker extension host, its server in a web worker);
//   3. Neovim as a second LSP client;
//   4. the TextMate grammar injection tokenized with VS Code's own JSON grammars;
//   5. the browser language server (dist/browserServer.js) in a Web Worker of headless Chromium.
// Fails, never skips, when the tools are missing: scripts/install-e2e-tools.sh installs them.
// Each layer prints "<layer>: N passed, N failed"; the last line sums them.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const root = join(import.meta.dirname ?? new URL('.', import.meta.url).pathname, '..');
process.chdir(root);
const require = createRequire(import.meta.url);

function compile() {
  const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'test/e2e'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error('e2e: the tests under test/e2e do not compile');
    process.exit(1);
  }
}

/** Runs a command, echoing its output, and returns its exit code and the counts it printed. */
function run(label, command, args) {
  return new Promise((resolve) => {
    const started = Date.now();
    console.log(`\n=== ${label}: ${[command, ...args].join(' ')}`);
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    const relay = (stream) => (chunk) => {
      text += chunk.toString();
      stream.write(chunk);
    };
    child.stdout.on('data', relay(process.stdout));
    child.stderr.on('data', relay(process.stderr));
    child.on('close', (code) => {
      const counts = [...text.matchAll(/^\s*([a-z-]+): (\d+) passed, (\d+) failed\s*$/gm)].map((m) => ({ passed: Number(m[2]), failed: Number(m[3]) }));
      resolve({ label, code, counts, seconds: (Date.now() - started) / 1000 });
    });
  });
}

compile();
try {
  require(join(root, 'out', 'e2e', 'support', 'tools.js')).e2eTools();
} catch (error) {
  console.error(`\ne2e: ${error instanceof Error ? error.message : String(error)}`);
  console.log('e2e: 0 passed, 1 failed');
  process.exit(1);
}
if (!existsSync(join(root, 'dist', 'extension.js'))) {
  console.error('e2e: dist/ is missing: run `node esbuild.mjs` first');
  process.exit(1);
}

const { version, name } = JSON.parse(readFileSync('package.json', 'utf8'));
const vsix = `${name}-${version}.vsix`;
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const results = [];
results.push(await run('extension tests', process.execPath, ['out/e2e/runTest.js']));
const packaged = await run('package', npm, ['run', '--silent', 'package']);
results.push(packaged);
if (packaged.code === 0) {
  results.push(await run('UI smoke test', process.execPath, ['out/e2e/smoke/uiSmoke.js', vsix]));
  results.push(await run('Restricted Mode', process.execPath, ['out/e2e/smoke/restrictedMode.js', vsix]));
  results.push(await run('web extension', process.execPath, ['out/e2e/smoke/webExtension.js', vsix]));
}
results.push(await run('Neovim client', process.execPath, ['out/e2e/neovim/neovimClient.js']));
results.push(await run('grammar', process.execPath, ['out/e2e/grammar/grammarCheck.js']));
results.push(await run('browser server', process.execPath, ['out/e2e/browser/workerServer.js']));

let passed = 0;
let failed = 0;
console.log('\n=== e2e summary');
for (const r of results) {
  const p = r.counts.reduce((s, c) => s + c.passed, 0);
  const f = r.counts.reduce((s, c) => s + c.failed, 0);
  // A layer that failed without reporting a count still counts as one failure.
  const extra = r.code !== 0 && f === 0 ? 1 : 0;
  passed += p;
  failed += f + extra;
  console.log(`  ${r.code === 0 ? 'ok  ' : 'FAIL'} ${r.label} (${r.seconds.toFixed(1)} s)${r.counts.length ? `: ${p} passed, ${f + extra} failed` : ''}`);
}
console.log(`e2e: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
