// @ts-check
// Runs `ecs-net check` over examples/: the documents in examples/mistakes carry deliberate errors,
// so exit code 1 (findings) is the expected result there; 0 is expected everywhere else. Each YAML
// template beside a JSON one of the same name is its twin and must get the same findings. The
// Terraform examples must be in `terraform fmt` layout, as people copy them.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const run = (args) => spawnSync(process.execPath, ['dist/cli.js', 'check', ...args], { stdio: 'inherit' }).status;

const clean = run(['examples/fargate-service', 'examples/codedeploy', 'examples/cloudformation']);
const mistakes = run(['examples/mistakes']);
if (clean !== 0 || mistakes !== 1) {
  console.error(`unexpected exit codes: valid examples ${clean} (want 0), mistakes ${mistakes} (want 1)`);
  process.exit(1);
}
// Terraform: one module per folder; the clean ones and the one made of unknowns must stay silent
// (not even a warning), every other one holds a mistake.
for (const module of readdirSync('examples/terraform', { withFileTypes: true }).filter((d) => d.isDirectory())) {
  const want = ['fargate-service', 'unknowns'].includes(module.name) ? 0 : 1;
  const got = run(['--max-warnings', '0', join('examples/terraform', module.name)]);
  if (got !== want) {
    console.error(`examples/terraform/${module.name}: exit code ${got}, want ${want}`);
    process.exit(1);
  }
}

/** The findings of one file as `line code` rows, sorted. */
function findings(file) {
  const result = spawnSync(process.execPath, ['dist/cli.js', 'check', '--format', 'json', file], { encoding: 'utf8' });
  const [checked] = JSON.parse(result.stdout);
  return checked.diagnostics.map((d) => d.code).sort();
}

let twins = 0;
for (const dir of ['examples/cloudformation', 'examples/mistakes']) {
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    const json = join(dir, name.replace(/\.yaml$/, '.json'));
    if (!existsSync(json)) continue;
    twins++;
    const [a, b] = [findings(json), findings(join(dir, name))];
    if (JSON.stringify(a) !== JSON.stringify(b)) {
      console.error(`${join(dir, name)} is not checked like its twin ${json}: ${JSON.stringify(b)} vs ${JSON.stringify(a)}`);
      process.exit(1);
    }
  }
}
if (twins === 0) {
  console.error('no YAML twins of the CloudFormation examples found');
  process.exit(1);
}
console.log(`${twins} YAML examples checked like their JSON twins`);

// Not every machine has terraform; where it is missing the check is skipped, and says so.
const fmt = spawnSync('terraform', ['fmt', '-check', '-recursive', 'examples/terraform'], { stdio: ['ignore', 'inherit', 'inherit'] });
if (fmt.error) {
  console.log(`terraform fmt check of examples/terraform skipped: terraform could not be run (${fmt.error.message})`);
} else if (fmt.status !== 0) {
  console.error('examples/terraform: the files listed above are not in terraform fmt layout (run terraform fmt -recursive examples/terraform)');
  process.exit(1);
} else {
  console.log('examples/terraform: terraform fmt -check passes');
}
