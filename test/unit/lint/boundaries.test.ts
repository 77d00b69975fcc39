import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import { REPO_ROOT } from '../../support/lsp-client';

// The layer boundaries in eslint.config.mjs, run through ESLint's own API on small snippets placed
// (by file path only) in each folder: every forbidden import is reported with its reason, and the
// imports each layer is meant to use stay clean, so a pattern that grows too wide fails here too.

const eslint = new ESLint({ cwd: REPO_ROOT });

/** The boundary messages for `code` as if it were the file at `filePath` (relative to the repository). */
async function boundaryMessages(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  assert.ok(result, `ESLint returned no result for ${filePath}`);
  const others = result.messages.filter((m) => m.ruleId !== 'no-restricted-imports');
  assert.deepEqual(others, [], `unexpected messages for ${filePath}`);
  return result.messages.map((m) => m.message);
}

/** `import` lines that use each name, so no other rule (unused variables) speaks up. */
function importing(...sources: string[]): string {
  const lines = sources.map((source, i) => `import { v${i} } from '${source}';`);
  return `${lines.join('\n')}\nexport const all = [${sources.map((_, i) => `v${i}`).join(', ')}];\n`;
}

async function assertForbidden(filePath: string, source: string, reason: RegExp): Promise<void> {
  const messages = await boundaryMessages(filePath, importing(source));
  assert.equal(messages.length, 1, `${filePath} importing '${source}': ${JSON.stringify(messages)}`);
  assert.ok(messages[0]!.startsWith(`'${source}' import is restricted`), messages[0]);
  assert.match(messages[0]!, reason);
}

test('core/ imports nothing above it, no parser, no LSP and no file system', async () => {
  const above = /core\/ is the bottom layer/;
  for (const folder of ['model', 'rules', 'features', 'semantics', 'structure', 'workspace', 'cli']) {
    await assertForbidden('server/src/core/eni.ts', `../${folder}/anything`, above);
  }
  await assertForbidden('server/src/core/eni.ts', '../settings', above);
  await assertForbidden('server/src/core/eni.ts', 'jsonc-parser', /parsing belongs to model/);
  await assertForbidden('server/src/core/eni.ts', 'node:fs', /does no I\/O/);
  await assertForbidden('server/src/core/eni.ts', 'fs/promises', /does no I\/O/);
  await assertForbidden('server/src/core/eni.ts', 'vscode-languageserver', /speak LSP or VS Code/);
  await assertForbidden('server/src/core/eni.ts', 'vscode-languageserver-textdocument', /speak LSP or VS Code/);
  assert.deepEqual(await boundaryMessages('server/src/core/eni.ts', importing('./instances', './data/instances', 'ip-address', 'node:util')), []);
});

test('features/ uses rules only through types, registry and engine, and facts through semantics/', async () => {
  await assertForbidden('server/src/features/hover.ts', '../rules/facts', /live in semantics\//);
  await assertForbidden('server/src/features/hover.ts', '../rules/references', /live in semantics\//);
  await assertForbidden('server/src/features/completion/context.ts', '../../rules/facts', /live in semantics\//);
  await assertForbidden('server/src/features/hover.ts', '../rules/network-mode', /not a rule family’s internals/);
  await assertForbidden('server/src/features/completion/values.ts', '../../rules/ports', /not a rule family’s internals/);
  const allowed = importing(
    '../rules/types',
    '../rules/registry',
    '../rules/engine',
    '../semantics/facts',
    '../semantics/references',
    '../core',
    'vscode-languageserver',
  );
  assert.deepEqual(await boundaryMessages('server/src/features/hover.ts', allowed), []);
});

test('semantics/, model/ and rules/ stay below the layers that read them', async () => {
  await assertForbidden('server/src/semantics/facts.ts', '../features/hover', /semantics\/ sits under rules\/ and features\//);
  await assertForbidden('server/src/semantics/facts.ts', '../rules/types', /semantics\/ sits under rules\/ and features\//);
  await assertForbidden('server/src/model/document.ts', '../semantics/facts', /model\/ sits under/);
  await assertForbidden('server/src/rules/ports.ts', '../features/diagnostics', /Rules return plain findings/);
  await assertForbidden('server/src/rules/ports.ts', 'vscode-languageserver/node', /speak LSP or VS Code/);
  assert.deepEqual(await boundaryMessages('server/src/semantics/facts.ts', importing('../model/values', '../core/kinds', 'jsonc-parser')), []);
  assert.deepEqual(await boundaryMessages('server/src/rules/ports.ts', importing('../semantics/facts', '../model/values', './types')), []);
});

test('client/ reaches the server only through the shared contract', async () => {
  await assertForbidden('client/src/extension.ts', '../../server/src/features/capacityPlan', /only the contract in shared\//);
  assert.deepEqual(
    await boundaryMessages('client/src/extension.ts', importing('../../shared/src/protocol', './sniff', 'vscode', 'vscode-languageclient/node')),
    [],
  );
});

test('client/ modules the browser entry loads take no Node built-in and not the Node client', async () => {
  const reason = /runs in the browser too/;
  for (const source of ['node:path', 'fs', 'child_process', 'crypto', 'path/posix', 'vscode-languageclient/node']) {
    await assertForbidden('client/src/activation.ts', source, reason);
  }
  await assertForbidden('client/src/workspaceFiles.ts', '../../server/src/workspace/clientDisk', /only the contract in shared\//);
  assert.deepEqual(
    await boundaryMessages(
      'client/src/browserExtension.ts',
      importing('../../shared/src/protocol', './activation', 'vscode', 'vscode-languageclient/browser', 'vscode-languageclient'),
    ),
    [],
  );
  assert.deepEqual(await boundaryMessages('client/src/pullEnvironment.ts', importing('node:child_process', 'node:path')), []);
});

test('shared/ imports neither side and no package only one side loads', async () => {
  const reason = /goes into both bundles/;
  await assertForbidden('shared/src/protocol.ts', '../../server/src/core', reason);
  await assertForbidden('shared/src/protocol.ts', '../../client/src/extension', reason);
  await assertForbidden('shared/src/protocol.ts', 'vscode', reason);
  await assertForbidden('shared/src/protocol.ts', 'vscode-languageserver/node', reason);
  await assertForbidden('shared/src/protocol.ts', 'vscode-languageclient/node', reason);
  assert.deepEqual(await boundaryMessages('shared/src/protocol.ts', importing('./markers', 'vscode-languageserver-protocol', 'vscode-jsonrpc')), []);
});
