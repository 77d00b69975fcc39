import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadTerraformGrammar, type TerraformGrammar } from '../model/terraform/parser';

// Where the Node server, the CLI and the action find the Terraform parser's wasm: next to the
// bundle (esbuild.mjs copies both files into dist/), or in node_modules for the compiled sources
// that the tests run.

const RUNTIME = 'web-tree-sitter.wasm';
const GRAMMAR = 'tree-sitter-terraform.wasm';

/** `dist/<name>` beside the bundle, else `node_modules/<pkg>/<name>` in a folder above the compiled file. */
function wasmFile(name: string, pkg: string): string {
  const bundled = join(__dirname, name);
  if (existsSync(bundled)) return bundled;
  for (let dir = __dirname; ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', pkg, name);
    if (existsSync(candidate)) return candidate;
    if (dirname(dir) === dir) throw new Error(`${name} is missing: rebuild with 'node esbuild.mjs' or run 'npm ci'`);
  }
}

/** Loads the Terraform grammar from disk (once per process). */
export function loadNodeTerraform(): Promise<TerraformGrammar> {
  return loadTerraformGrammar(() => ({
    runtime: readFileSync(wasmFile(RUNTIME, 'web-tree-sitter')),
    grammar: readFileSync(wasmFile(GRAMMAR, '@tree-sitter-grammars/tree-sitter-hcl')),
  }));
}
