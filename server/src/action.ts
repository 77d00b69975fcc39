// Entry of the GitHub Action (action.yml runs dist/action.js with the runner's Node).
import { runAction } from './action/run';
import { plainAnnotation } from './action/workflow';
import type { Output } from './cli/output';
import { loadNodeTerraform } from './workspace/nodeTerraform';

if (require.main === module) {
  const out: Output = { stdout: (s) => process.stdout.write(s + '\n'), stderr: (s) => process.stderr.write(s + '\n') };
  const fail = (error: unknown) => {
    out.stdout(plainAnnotation('error', error instanceof Error ? error.message : String(error)));
    process.exitCode = 2;
  };
  // The Terraform reader (wasm) loads before any file is read.
  loadNodeTerraform().then(() => {
    try {
      process.exitCode = runAction(process.env, out);
    } catch (error) {
      fail(error);
    }
  }, fail);
}
