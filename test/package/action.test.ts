// The GitHub Action's entry (dist/action.js, what action.yml runs) under the environment a runner
// gives it: INPUT_* variables, GITHUB_WORKSPACE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY and RUNNER_TEMP.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../support/lsp-client';
import { runCommand, type Ran } from '../support/packed-cli';

interface Step extends Ran {
  readonly outputs: Record<string, string>;
  readonly summary: string;
  readonly sarif: { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] } | undefined;
}

function workspace(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-net-action-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(REPO_ROOT, 'examples'), join(dir, 'repo', 'examples'), { recursive: true });
  return dir;
}

function runStep(dir: string, inputs: Record<string, string>): Step {
  const files = { output: join(dir, 'output'), summary: join(dir, 'summary.md'), temp: join(dir, 'runner-temp') };
  rmSync(files.temp, { recursive: true, force: true });
  mkdirSync(files.temp);
  writeFileSync(files.output, '');
  writeFileSync(files.summary, '');
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: join(dir, 'repo'),
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
  };
  // The runner sets every declared input, with its default when the workflow gives none.
  const declared = { paths: '.', format: 'text', 'max-warnings': '', 'env-file': '', ...inputs };
  for (const [name, value] of Object.entries(declared)) env[`INPUT_${name.toUpperCase()}`] = value;
  const ran = runCommand(process.execPath, [join(REPO_ROOT, 'dist', 'action.js')], { cwd: join(dir, 'repo'), env });
  const outputs = Object.fromEntries(
    readFileSync(files.output, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  const sarifFile = join(files.temp, 'ecs-net.sarif');
  const sarif = existsSync(sarifFile) ? (JSON.parse(readFileSync(sarifFile, 'utf8')) as Step['sarif']) : undefined;
  return { ...ran, outputs, summary: readFileSync(files.summary, 'utf8'), sarif };
}

test('action.yml declares the inputs the entry reads and runs dist/action.js on node20', () => {
  const yml = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
  assert.match(yml, /^runs:\n {2}using: node20\n {2}main: dist\/action\.js$/m);
  for (const input of ['paths', 'format', 'max-warnings', 'env-file']) assert.match(yml, new RegExp(`^ {2}${input}:$`, 'm'), input);
  for (const output of ['errors', 'warnings', 'infos', 'files', 'sarif-file']) assert.match(yml, new RegExp(`^ {2}${output}:$`, 'm'), output);
});

test('a faulty task definition fails the step with annotations, a summary row, outputs and SARIF', (t) => {
  const dir = workspace(t);
  const step = runStep(dir, { paths: 'examples/mistakes/fargate-taskdef.json\nexamples/fargate-service' });
  assert.equal(step.status, 1, step.stderr);
  assert.ok(
    step.stdout
      .split('\n')
      .includes(
        "::error file=examples/mistakes/fargate-taskdef.json,line=4,col=18,endLine=4,endColumn=26,title=ecs-net fargate-network-mode::Fargate only supports network mode 'awsvpc' (FARGATE is in requiresCompatibilities). This task definition has networkMode 'bridge'.",
      ),
    step.stdout,
  );
  assert.match(step.stdout, /^::warning file=examples\/mistakes\/fargate-taskdef\.json,line=13,col=7,.*title=ecs-net unknown-property::/m);
  assert.deepEqual(step.outputs, { errors: '5', warnings: '1', infos: '0', files: '5', 'sarif-file': join(dir, 'runner-temp', 'ecs-net.sarif') });
  assert.match(step.summary, /^5 ECS documents checked: 5 errors, 1 warning, 0 info\.$/m);
  assert.match(step.summary, /^\| error \| `fargate-network-mode` \| `examples\/mistakes\/fargate-taskdef\.json`:4:18 \| Fargate only supports /m);
  const results = step.sarif?.runs[0].results ?? [];
  assert.deepEqual(
    results.map((r) => r.ruleId),
    ['non-standard-json', 'fargate-network-mode', 'fargate-task-size', 'unknown-property', 'wrong-type', 'non-standard-json'],
  );
  assert.equal(results[0].locations[0].physicalLocation.artifactLocation.uri, 'examples/mistakes/fargate-taskdef.json');
});

test('warnings pass the step unless there are more than max-warnings; the environment file input applies', (t) => {
  const dir = workspace(t);
  const lenient = runStep(dir, { paths: 'examples/mistakes/small-subnets' });
  assert.equal(lenient.status, 0, lenient.stderr);
  assert.equal(lenient.outputs.warnings, '2');
  assert.match(lenient.stdout, /^::warning file=examples\/mistakes\/small-subnets\/service\.json,.*title=ecs-net subnet-capacity::/m);

  const strict = runStep(dir, { paths: 'examples/mistakes/small-subnets', 'max-warnings': '1' });
  assert.equal(strict.status, 1);

  // The roomy subnets of the Fargate example's environment make the subnet warning go away.
  const roomy = runStep(dir, { paths: 'examples/mistakes/small-subnets/service.json', 'env-file': 'examples/fargate-service/ecs-network.json' });
  assert.doesNotMatch(roomy.stdout, /subnet-capacity/);
});

test('a wrong input is a usage error: exit 2, an annotation naming the problem, no outputs', (t) => {
  const dir = workspace(t);
  const step = runStep(dir, { paths: 'examples', format: 'xml' });
  assert.equal(step.status, 2);
  assert.match(step.stdout, /^::error title=ecs-net::ecs-net check: --format takes text, json or sarif \(got 'xml'\)\./m);
  assert.deepEqual(step.outputs, {});
  assert.equal(step.summary, '');

  const missing = runStep(dir, { paths: 'deploy/' });
  assert.equal(missing.status, 2);
  assert.match(missing.stdout, /^::error title=ecs-net::.*no such file, folder or match: deploy\//m);
});

test('format json prints the CLI JSON in the log, and a clean run passes with zero counts', (t) => {
  const dir = workspace(t);
  const step = runStep(dir, { paths: 'examples/fargate-service', format: 'json' });
  assert.equal(step.status, 0, step.stderr);
  const json = JSON.parse(step.stdout.slice(0, step.stdout.lastIndexOf(']') + 1)) as { file: string }[];
  assert.equal(json.length, 4);
  assert.deepEqual([step.outputs.errors, step.outputs.warnings, step.outputs.files], ['0', '0', '4']);
  assert.doesNotMatch(step.summary, /\| Severity \|/);
});
