// @ts-check
// `npm run pack:cli`: the `ecs-net` npm package on its own. A staging folder receives a package.json
// of its own (no VS Code fields, no dependencies: the bundles inline everything), the CLI bundles,
// the JSON schemas, the package's README and the license; `npm pack` turns it into ecs-net-<version>.tgz.
//   node scripts/pack-cli.mjs [--out DIR] [--no-build] [--without-env-pull]
// --without-env-pull leaves out dist/env-pull.js (the AWS SDK) to measure what it adds.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { parseArgs } from 'node:util';

const root = resolve(import.meta.dirname, '..');
const { values } = parseArgs({
  options: { out: { type: 'string' }, 'no-build': { type: 'boolean' }, 'without-env-pull': { type: 'boolean' } },
});
const outDir = resolve(values.out ?? root);
mkdirSync(outDir, { recursive: true });

function run(command, args, cwd) {
  const result = spawnSync(command, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed with ${result.status}`);
  return result.stdout;
}

if (!values['no-build']) run(process.execPath, ['esbuild.mjs'], root);

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const stage = mkdtempSync(join(tmpdir(), 'ecs-net-pack-'));
try {
  const bundles = values['without-env-pull'] ? ['cli.js'] : ['cli.js', 'env-pull.js'];
  mkdirSync(join(stage, 'dist'));
  // The Terraform reader's WebAssembly (web-tree-sitter, MIT; the HCL grammar, MIT/Apache-2.0) sits beside the CLI.
  for (const file of [...bundles, 'web-tree-sitter.wasm', 'tree-sitter-terraform.wasm']) copyFileSync(join(root, 'dist', file), join(stage, 'dist', file));
  mkdirSync(join(stage, 'schemas'));
  for (const file of readdirSync(join(root, 'schemas')).filter((f) => f.endsWith('.json'))) {
    copyFileSync(join(root, 'schemas', file), join(stage, 'schemas', file));
  }
  copyFileSync(join(root, 'packaging', 'cli', 'README.md'), join(stage, 'README.md'));
  copyFileSync(join(root, 'LICENSE'), join(stage, 'LICENSE'));
  const pkg = {
    name: 'ecs-net',
    version: manifest.version,
    description:
      'Checks Amazon ECS task definitions, services, target groups, CloudFormation templates and Terraform modules for networking mistakes, and plans ENIs and IP addresses.',
    keywords: ['aws', 'ecs', 'fargate', 'awsvpc', 'eni', 'ipv6', 'lint', 'cloudformation', 'terraform'],
    license: manifest.license,
    bin: { 'ecs-net': 'dist/cli.js' },
    files: ['dist', 'schemas'],
    engines: { node: manifest.engines.node },
  };
  writeFileSync(join(stage, 'package.json'), JSON.stringify(pkg, null, 2) + '\n');
  const packed = JSON.parse(run('npm', ['pack', '--json', '--pack-destination', outDir], stage));
  const { filename, size, unpackedSize, entryCount } = packed[0];
  console.log(JSON.stringify({ file: join(outDir, filename), size, unpackedSize, entryCount }));
} finally {
  rmSync(stage, { recursive: true, force: true });
}
