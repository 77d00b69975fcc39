// @ts-check
// Runs `ecs-net check` over examples/: the documents in examples/mistakes carry deliberate errors,
// so exit code 1 (findings) is the expected result there; 0 is expected everywhere else.
import { spawnSync } from 'node:child_process';

const run = (args) => spawnSync(process.execPath, ['dist/cli.js', 'check', ...args], { stdio: 'inherit' }).status;

const clean = run(['examples/fargate-service', 'examples/codedeploy', 'examples/cloudformation']);
const mistakes = run(['examples/mistakes']);
if (clean !== 0 || mistakes !== 1) {
  console.error(`unexpected exit codes: valid examples ${clean} (want 0), mistakes ${mistakes} (want 1)`);
  process.exit(1);
}
