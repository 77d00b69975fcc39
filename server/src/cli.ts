import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runCheck } from './cli/check';
import { VERSION, type Output } from './cli/output';
import { runPlan } from './cli/plan';

const USAGE = `ecs-net ${VERSION}: ECS task networking checks and capacity planning

Usage:
  ecs-net check [--format text|json|sarif] [--max-warnings N] PATH...
  ecs-net plan --instance-type TYPE [--trunking] [--tasks N] [--task-cpu U --task-memory MIB]
               [--subnets CIDR,CIDR] [--max-percent P] [--os linux|windows] [--json]
  ecs-net env pull [--profile P] [--region R] [--endpoint-url URL] [--cluster C]
                   [--subnets ID,ID] [--out FILE] [--dry-run] [--yes]

Run 'ecs-net COMMAND --help' for details.`;

export function main(argv: readonly string[], out: Output): number | Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest, out);
    case 'plan':
      return runPlan([...rest], out);
    case 'env':
      return runEnv(rest, out);
    case '--version':
    case '-v':
      out.stdout(VERSION);
      return 0;
    case undefined:
    case '--help':
    case '-h':
    case 'help':
      out.stdout(USAGE);
      return command === undefined ? 2 : 0;
    default:
      out.stderr(`ecs-net: unknown command '${command}'. Commands: check, plan, env pull.`);
      return 2;
  }
}

function runEnv(argv: readonly string[], out: Output): number | Promise<number> {
  const [sub, ...rest] = argv;
  if (sub === 'pull') return loadEnvPull().runEnvPull(rest, out);
  if (sub === undefined || sub === '--help' || sub === '-h') {
    out.stdout(`Usage: ecs-net env pull [options]   (see 'ecs-net env pull --help')`);
    return sub === undefined ? 2 : 0;
  }
  out.stderr(`ecs-net env: unknown subcommand '${sub}'. Subcommands: pull.`);
  return 2;
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
    Promise.resolve(main(process.argv.slice(2), out)).then((code) => {
      process.exitCode = code;
    }, fail);
  } catch (error) {
    fail(error);
  }
}
