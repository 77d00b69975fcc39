import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { loadTerraformGrammar, type TerraformGrammar } from '../model/terraform/parser';

// Where the Node server, the CLI and the action find the Terraform parser's wasm: next to the
// bundle (esbuild.mjs copies both files into dist/), or in node_modules for the compiled sources
// that the tests run.

const RUNTIME = 'web-tree-sitter.wasm';
const GRAMMAR = 'tree-sitter-terraform.wasm';

function wasmFile(name: string, packageDir: () => string): string {
  const bundled = join(__dirname, name);
  return existsSync(bundled) ? bundled : join(packageDir(), name);
}

/** Loads the Terraform grammar from disk (once per process). */
export function loadNodeTerraform(): Promise<TerraformGrammar> {
  return loadTerraformGrammar(() => ({
    runtime: readFileSync(wasmFile(RUNTIME, () => dirname(require.resolve('web-tree-sitter')))),
    grammar: readFileSync(wasmFile(GRAMMAR, () => dirname(require.resolve('@tree-sitter-grammars/tree-sitter-hcl/package.json')))),
  }));
}
