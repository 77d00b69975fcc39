// @ts-check
// Runs every compiled test file under out/test with node's built-in runner.
// Node 20's `--test` takes no globs, so the files are listed here.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function collect(dir) {
  const found = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) found.push(...collect(full));
    else if (name.endsWith('.test.js')) found.push(full);
  }
  return found;
}

const roots = process.argv.slice(2);
const files = (roots.length ? roots : ['out/test']).flatMap((root) => (statSync(root).isDirectory() ? collect(root) : [root]));
if (files.length === 0) {
  console.error('no test files found: run `tsc -b` first');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
