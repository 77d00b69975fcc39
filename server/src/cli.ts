import { runCheck } from './cli/check';
import { VERSION, type Output } from './cli/output';
import { runPlan } from './cli/plan';

const USAGE = `ecs-net ${VERSION}: ECS task networking checks and capacity planning

Usage:
  ecs-net check [--format text|json|sarif] [--max-warnings N] PATH...
  ecs-net plan --instance-type TYPE [--trunking] [--tasks N] [--task-cpu U --task-memory MIB]
               [--subnets CIDR,CIDR] [--max-percent P] [--os linux|windows] [--json]

Run 'ecs-net COMMAND --help' for details.`;

export function main(argv: readonly string[], out: Output): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check':
      return runCheck(rest, out);
    case 'plan':
      return runPlan([...rest], out);
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
      out.stderr(`ecs-net: unknown command '${command}'. Commands: check, plan.`);
      return 2;
  }
}

if (require.main === module) {
  const out: Output = { stdout: (s) => process.stdout.write(s + '\n'), stderr: (s) => process.stderr.write(s + '\n') };
  try {
    process.exitCode = main(process.argv.slice(2), out);
  } catch (error) {
    // Never a stack trace for users: one line, and the exit code for "could not run".
    out.stderr(`ecs-net: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 2;
  }
}
