// The GitHub Action: `ecs-net check` on the `paths` input, with what a workflow run shows on top:
// annotations, a job summary, step outputs and a SARIF file for code scanning. The checks, the
// option rules and the exit code are the CLI's own (cli/check.ts).
import { appendFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkExitCode, checkOptions, checkPaths, checkSummary, countFindings } from '../cli/check';
import { commandOptions } from '../cli/args';
import type { Output } from '../cli/output';
import { toSarif } from '../cli/sarif';
import { CHECK_USAGE } from '../cli/usage';
import { actionInput, annotations, outputLines, plainAnnotation, splitPaths, summaryMarkdown } from './workflow';

/** The CLI arguments the inputs stand for, so the CLI's validation and messages apply unchanged. */
export function actionArgv(env: NodeJS.ProcessEnv): string[] {
  const argv: string[] = [];
  const format = actionInput(env, 'format');
  if (format) argv.push(`--format=${format}`);
  const maxWarnings = actionInput(env, 'max-warnings');
  if (maxWarnings) argv.push(`--max-warnings=${maxWarnings}`);
  const envFile = actionInput(env, 'env-file');
  if (envFile) argv.push(`--env=${envFile}`);
  argv.push('--', ...splitPaths(actionInput(env, 'paths') || '.'));
  return argv;
}

/** Runs the action with the runner's environment; returns the step's exit code. */
export function runAction(env: NodeJS.ProcessEnv, out: Output): number {
  // A usage problem is shown as an annotation too: the step log is not where people look first.
  const problems: Output = {
    stdout: out.stdout,
    stderr: (line) => {
      out.stderr(line);
      out.stdout(plainAnnotation('error', line));
    },
  };
  const cwd = env.GITHUB_WORKSPACE || process.cwd();
  const options = commandOptions(problems, 'check', CHECK_USAGE, () => checkOptions(actionArgv(env)));
  if (typeof options === 'number') return options;
  const run = checkPaths(options.paths, options.env, problems, cwd);
  if (typeof run === 'number') return run;

  const { results } = run;
  if (options.format === 'json') out.stdout(JSON.stringify(results, null, 2));
  const sarif = JSON.stringify(toSarif(results), null, 2);
  if (options.format === 'sarif') out.stdout(sarif);
  for (const line of annotations(results)) out.stdout(line);
  const tally = checkSummary(results);
  out.stdout(tally);

  const sarifFile = join(env.RUNNER_TEMP || tmpdir(), 'ecs-net.sarif');
  writeFileSync(sarifFile, sarif + '\n');
  if (env.GITHUB_STEP_SUMMARY) appendFileSync(env.GITHUB_STEP_SUMMARY, summaryMarkdown(results, tally));
  if (env.GITHUB_OUTPUT) {
    const { errors, warnings, infos } = countFindings(results);
    appendFileSync(env.GITHUB_OUTPUT, outputLines({ errors, warnings, infos, files: results.length, 'sarif-file': sarifFile }));
  }
  return checkExitCode(run, options.maxWarnings);
}
