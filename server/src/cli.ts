import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from './cli/check';
import { VERSION, type Output } from './cli/output';
import { runPlan } from './cli/plan';
import { reportUsageError } from './cli/args';
import { COMMAND_USAGE, MAIN_USAGE } from './cli/usage';
import { closestMatches } from './core/suggest';
import { loadNodeTerraform } from './workspace/nodeTerraform';

const COMMANDS = ['check', 'plan', 'env pull', 'help'];

export function main(argv: readonly string[], out: Output): number | Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest, out);
    case 'plan':
      return runPlan(rest, out);
    case 'env':
      return runEnv(rest, out);
    case 'help':
      return runHelp(rest, out);
    case '--version':
    case '-v':
      out.stdout(VERSION);
      return 0;
    case '--help':
    case '-h':
      out.stdout(MAIN_USAGE);
      return 0;
    case undefined:
      return reportUsageError(out, '', 'a command is needed: check, plan or env pull');
    default: {
      const [near] = closestMatches(command, COMMANDS, 1);
      const what = command.startsWith('-') ? 'option' : 'command';
      return reportUsageError(out, '', `unknown ${what} '${command}'${near ? `; did you mean '${near}'?` : ''}`);
    }
  }
}

/** `ecs-net help [COMMAND]`: the help of one command, or the overview. */
function runHelp(argv: readonly string[], out: Output): number {
  const topic = argv.join(' ');
  if (topic === '') {
    out.stdout(MAIN_USAGE);
    return 0;
  }
  const usage = COMMAND_USAGE[topic];
  if (usage === undefined) return reportUsageError(out, '', `no help for '${topic}'; commands: check, plan, env pull`);
  out.stdout(usage);
  return 0;
}

function runEnv(argv: readonly string[], out: Output): number | Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'pull') {
    // Help needs no AWS SDK: it is answered here, without loading the pull.
    if (rest.includes('--help') || rest.includes('-h')) return runHelp(['env', 'pull'], out);
    return loadEnvPull().runEnvPull(rest, out);
  }
  if (sub === '--help' || sub === '-h') return runHelp(['env'], out);
  if (sub === undefined) return reportUsageError(out, 'env', 'a subcommand is needed: pull');
  return reportUsageError(out, 'env', `unknown subcommand '${sub}'; the one subcommand is pull`);
}

/**
 * The AWS SDK lives in its own bundle (dist/env-pull.js) and is loaded only here, so `check`, `plan`
 * and the language server never load it. Compiled sources keep it under cli/.
 */
function loadEnvPull(): typeof import('./cli/env-pull') {
  const file = [join(__dirname, 'env-pull.js'), join(__dirname, 'cli', 'env-pull.js')].find((f) => existsSync(f));
  if (!file) throw new Error(`env pull is missing from this build (no env-pull.js next to ${__filename}); rebuild with 'node esbuild.mjs'.`);
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a path known only at run time, outside the bundle
  return require(file) as typeof import('./cli/env-pull');
}

if (require.main === module) {
  const out: Output = { stdout: (s) => process.stdout.write(s + '\n'), stderr: (s) => process.stderr.write(s + '\n') };
  // Never a stack trace for users: one line, and the exit code for "could not run".
  const fail = (error: unknown) => {
    out.stderr(`ecs-net: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  };
  try {
    // The Terraform reader is a wasm module, loaded before any file is read.
    loadNodeTerraform()
      .then(() => main(process.argv.slice(2), out))
      .then((code) => {
        process.exitCode = code;
      }, fail);
  } catch (error) {
    fail(error);
  }
}
