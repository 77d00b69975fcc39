// Entry of the GitHub Action (action.yml runs dist/action.js with the runner's Node).
import { runAction } from './action/run';
import { plainAnnotation } from './action/workflow';
import type { Output } from './cli/output';

if (require.main === module) {
  const out: Output = { stdout: (s) => process.stdout.write(s + '\n'), stderr: (s) => process.stderr.write(s + '\n') };
  try {
    process.exitCode = runAction(process.env, out);
  } catch (error) {
    out.stdout(plainAnnotation('error', error instanceof Error ? error.message : String(error)));
    process.exitCode = 2;
  }
}
