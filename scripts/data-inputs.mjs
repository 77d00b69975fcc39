// @ts-check
// What the generators share: their command line, and reading the fact files of ../shared/data
// against the SHA-256 pins in scripts/data-inputs.json. A changed input stops the generator, so a
// data refresh is a deliberate step (review the change, then rerun with --accept-inputs).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const pinFile = join(repoRoot, 'scripts', 'data-inputs.json');

/**
 * @typedef {{ shared: string, outRoot: string, acceptInputs: boolean }} GeneratorArgs
 * @typedef {{ file: string, text: string, sha256: string }} Input
 */

/**
 * `--shared DIR` (default: $ECS_NET_SHARED_DATA, else ../shared/data beside the repository), `--out DIR` (a folder standing for
 * the repository root: generated files go to the same relative paths under it; default the
 * repository itself) and `--accept-inputs`.
 * @param {string[]} argv
 * @returns {GeneratorArgs}
 */
export function parseArgs(argv) {
  /** @param {string} flag */
  const valueOf = (flag) => {
    const at = argv.indexOf(flag);
    if (at < 0) return undefined;
    const value = argv[at + 1];
    if (value === undefined || value.startsWith('--')) fail(`${flag} needs a folder`);
    return value;
  };
  const known = new Set(['--shared', '--out', '--accept-inputs']);
  argv.forEach((arg, i) => {
    if (arg.startsWith('--') && !known.has(arg)) fail(`unknown option ${arg}`);
    if (!arg.startsWith('--') && !['--shared', '--out'].includes(argv[i - 1])) fail(`unexpected argument ${arg}`);
  });
  const shared = resolve(valueOf('--shared') ?? defaultSharedDir());
  if (!existsSync(shared)) fail(`the shared data folder ${shared} is missing (give it with --shared DIR)`);
  return { shared, outRoot: resolve(valueOf('--out') ?? repoRoot), acceptInputs: argv.includes('--accept-inputs') };
}

/** The shared fact folder when no --shared is given; the regenerate test uses the same. */
export function defaultSharedDir() {
  return process.env.ECS_NET_SHARED_DATA || join(repoRoot, '..', 'shared', 'data');
}

/** @param {string} message @returns {never} */
export function fail(message) {
  const name = process.argv[1] ? relative(repoRoot, process.argv[1]) : 'generator';
  console.error(`${name}: ${message}`);
  process.exit(1);
}

/** @returns {Record<string, string>} */
function readPins() {
  return existsSync(pinFile) ? JSON.parse(readFileSync(pinFile, 'utf8')).sha256 : {};
}

/**
 * Reads inputs by their path under the shared folder, each checked against its pin. With
 * `acceptInputs`, new hashes are recorded instead (and written when `savePins` is called).
 * @param {GeneratorArgs} args
 */
export function inputReader(args) {
  const pins = readPins();
  /** @type {Record<string, string>} */
  const accepted = {};
  /** @param {string} file @returns {Input} */
  const read = (file) => {
    const full = join(args.shared, file);
    if (!existsSync(full)) fail(`input ${full} is missing`);
    const text = readFileSync(full, 'utf8');
    const sha256 = createHash('sha256').update(text).digest('hex');
    if (args.acceptInputs) accepted[file] = sha256;
    else if (pins[file] === undefined) fail(`input ${file} has no pin in scripts/data-inputs.json; review it, then rerun with --accept-inputs`);
    else if (pins[file] !== sha256) {
      fail(
        `input ${file} changed: its sha256 is ${sha256}, scripts/data-inputs.json pins ${pins[file]}.\n` +
          'A data refresh is deliberate: review what changed, rerun with --accept-inputs, regenerate, and update docs/DATA.md.',
      );
    }
    return { file, text, sha256 };
  };
  return {
    read,
    /** @param {string} file */
    json: (file) => {
      const input = read(file);
      return { ...input, json: JSON.parse(input.text) };
    },
    /** Records accepted hashes in scripts/data-inputs.json (no-op without --accept-inputs). */
    savePins() {
      if (!args.acceptInputs) return;
      const merged = { ...readPins(), ...accepted };
      const sorted = Object.fromEntries(
        Object.keys(merged)
          .sort()
          .map((k) => [k, merged[k]]),
      );
      writeFileSync(pinFile, JSON.stringify({ sha256: sorted }, null, 2) + '\n');
      console.log(`pins updated for ${Object.keys(accepted).length} inputs in ${relative(repoRoot, pinFile)}`);
    },
  };
}

/**
 * Where a repository-relative output path goes for this run.
 * @param {GeneratorArgs} args
 * @param {string} repoPath
 */
export function outPath(args, repoPath) {
  return join(args.outRoot, repoPath);
}
