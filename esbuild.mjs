// Bundles the extension client, the language server, the CLI and its AWS pull into dist/.
// Everything they need is inlined, so the VSIX and `npx ecs-net` ship no node_modules.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

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
};

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
]);
