import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, realpathSync, rmSync, statSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { REPO_ROOT } from '../../support/lsp-client';

// Precision at the front door: every *.json of the project's own node_modules and of the installed
// code-server (package manifests, tsconfigs, JSON schemas, extension manifests, language
// configurations…) is checked with `ecs-net check`, and not one may be taken for an ECS document.
// The corpus is built at test time and copied out of node_modules, which the CLI's walk skips.

const TOOLS = process.env.ECS_NET_E2E_TOOLS ?? join(homedir(), '.cache', 'ecs-net-e2e');
const CODE_SERVER = join(TOOLS, 'cs');

function jsonFiles(dir: string, out: string[]): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) jsonFiles(full, out);
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(full);
  }
  return out;
}

test('no JSON file of node_modules or code-server is taken for an ECS document', () => {
  // CI installs code-server before the tests (scripts/install-e2e-tools.sh): without it the corpus is not the one this test promises.
  assert.ok(existsSync(CODE_SERVER), `code-server is not installed in ${CODE_SERVER}: run scripts/install-e2e-tools.sh first`);
  const sources = [...jsonFiles(realpathSync(join(REPO_ROOT, 'node_modules')), []), ...jsonFiles(CODE_SERVER, [])];
  const corpus = mkdtempSync(join(tmpdir(), 'ecs-net-corpus-'));
  try {
    sources.forEach((file, i) => {
      if (statSync(file).size > 0) copyFileSync(file, join(corpus, `${String(i).padStart(6, '0')}-${basename(file)}`));
    });
    const copied = readdirSync(corpus).length;
    assert.ok(copied > 1000, `expected a corpus of thousands of files, found ${copied}`);
    const run = spawnSync(process.execPath, [join(REPO_ROOT, 'dist', 'cli.js'), 'check', '--format', 'json', corpus], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(run.stderr, '', run.stderr);
    const checked = JSON.parse(run.stdout) as { file: string; kind: string }[];
    console.log(`corpus: ${copied} JSON files, ${checked.length} taken for ECS documents`);
    assert.deepEqual(
      checked.map((c) => `${c.kind}: ${c.file}`),
      [],
      'files taken for ECS documents',
    );
  } finally {
    rmSync(corpus, { recursive: true, force: true });
  }
});
