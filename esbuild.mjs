// Bundles the extension client (desktop and browser), the language server (Node and web worker), the CLI and its AWS pull into dist/.
// Everything they need is inlined, so the VSIX and `npx ecs-net` ship no node_modules.
import * as esbuild from 'esbuild';
import { copyFileSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'linked',
  minify: true,
  keepNames: true,
  logLevel: 'warning',
  // jsonc-parser's UMD entry hides its requires from the bundler; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  define: { __ECS_NET_VERSION__: JSON.stringify(version) },
  // web-tree-sitter's CommonJS build finds its own folder through __filename; its ES module build
  // needs import.meta.url, which a CommonJS bundle does not have.
  alias: { 'web-tree-sitter': './node_modules/web-tree-sitter/web-tree-sitter.cjs' },
};

/** Fails the build when a browser bundle would import a Node built-in (`fs`, `node:path`, ...). */
const noNodeBuiltins = {
  name: 'no-node-builtins',
  setup(build) {
    const builtins = new Set(builtinModules);
    build.onResolve({ filter: /.*/ }, (args) => {
      const bare = args.path.replace(/^node:/, '');
      if (!args.path.startsWith('node:') && !builtins.has(bare) && !builtins.has(bare.split('/')[0])) return undefined;
      // web-tree-sitter's loader imports `fs/promises` and `module` dynamically, only when it runs in
      // Node; in a worker that branch never runs, so those two imports become empty modules.
      if (args.kind === 'dynamic-import' && /[\\/]node_modules[\\/]web-tree-sitter[\\/]/.test(args.importer)) {
        return { path: bare, namespace: 'node-only-branch' };
      }
      return { errors: [{ text: `the browser bundle imports the Node built-in '${args.path}' (from ${args.importer})` }] };
    });
    build.onLoad({ filter: /.*/, namespace: 'node-only-branch' }, () => ({ contents: 'export {};', loader: 'js' }));
  },
};

/** Both browser bundles: no Node built-ins may reach them. */
// The web bundles take web-tree-sitter's ES module build (its Node-only imports are stubbed above).
const web = { ...common, alias: {}, platform: 'browser', target: 'es2022', mainFields: ['browser', 'module', 'main'], plugins: [noNodeBuiltins] };

await Promise.all([
  esbuild.build({ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] }),
  esbuild.build({ ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' }),
  esbuild.build({
    ...common,
    entryPoints: ['server/src/cli.ts'],
    outfile: 'dist/cli.js',
    banner: { js: '#!/usr/bin/env node' },
  }),
  // The GitHub Action (action.yml): the check, annotations, summary and SARIF, for the runner's Node.
  esbuild.build({ ...common, entryPoints: ['server/src/action.ts'], outfile: 'dist/action.js' }),
  // `ecs-net env pull` and the AWS SDK: loaded by dist/cli.js only when that command runs.
  esbuild.build({ ...common, entryPoints: ['server/src/cli/env-pull.ts'], outfile: 'dist/env-pull.js' }),
  // The language server for a web worker (vscode.dev, github.dev): no Node built-ins may reach it.
  esbuild.build({ ...web, format: 'iife', entryPoints: ['server/src/browserServer.ts'], outfile: 'dist/browserServer.js' }),
  // The extension for the web extension host (package.json `browser`): a CommonJS module, as VS Code loads it.
  esbuild.build({ ...web, format: 'cjs', entryPoints: ['client/src/browserExtension.ts'], outfile: 'dist/browserExtension.js', external: ['vscode'] }),
]);

// The Terraform reader's WebAssembly, next to the bundles that load it (workspace/nodeTerraform.ts).
for (const [from, name] of [
  ['node_modules/web-tree-sitter/web-tree-sitter.wasm', 'web-tree-sitter.wasm'],
  ['node_modules/@tree-sitter-grammars/tree-sitter-hcl/tree-sitter-terraform.wasm', 'tree-sitter-terraform.wasm'],
]) {
  copyFileSync(from, `dist/${name}`);
}
