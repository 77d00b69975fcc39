// The GitHub Actions runner's side of the contract: inputs from INPUT_* variables, workflow
// commands (annotations) on stdout, step outputs and the job summary appended to the files the
// runner names. Plain strings in and out, so tests can assert them without a runner.
import type { CheckedFile } from '../cli/check';
import type { Severity } from '../rules/types';

/** An input as the runner passes it: INPUT_ and the name in upper case, spaces as underscores (dashes stay). */
export function actionInput(env: NodeJS.ProcessEnv, name: string): string {
  return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

/** Paths given one per line or separated by spaces. */
export function splitPaths(input: string): string[] {
  return input.split(/\s+/).filter((p) => p !== '');
}

const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

const COMMAND: Readonly<Record<Severity, 'error' | 'warning' | 'notice'>> = { error: 'error', warning: 'warning', info: 'notice' };

/** One `::error file=…,line=…,col=…::message` line per diagnostic, 1-based as the runner expects. */
export function annotations(results: readonly CheckedFile[]): string[] {
  return results.flatMap((r) =>
    r.diagnostics.map((d) => {
      const props = {
        file: r.file,
        line: d.range.start.line + 1,
        col: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        title: `ecs-net ${d.code}`,
      };
      const list = Object.entries(props).map(([k, v]) => `${k}=${escapeProperty(String(v))}`);
      return `::${COMMAND[d.severity]} ${list.join(',')}::${escapeData(d.message)}`;
    }),
  );
}

/** An annotation without a place, for problems with the inputs. */
export function plainAnnotation(severity: Severity, message: string): string {
  return `::${COMMAND[severity]} title=ecs-net::${escapeData(message)}`;
}

/** `name=value` lines for GITHUB_OUTPUT; values with a line break use the runner's delimiter form. */
export function outputLines(outputs: Readonly<Record<string, string | number>>): string {
  return Object.entries(outputs)
    .map(([name, value]) => {
      const text = String(value);
      if (!/[\r\n]/.test(text)) return `${name}=${text}\n`;
      const delimiter = `ecs_net_${Math.random().toString(36).slice(2)}`;
      return `${name}<<${delimiter}\n${text}\n${delimiter}\n`;
    })
    .join('');
}

/** Rows beyond this are counted, not listed: the runner caps a summary at 1 MiB. */
export const SUMMARY_MAX_ROWS = 200;

const cell = (s: string) => s.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The job summary: the tally, then one table row per diagnostic. */
export function summaryMarkdown(results: readonly CheckedFile[], tally: string): string {
  const rows = results.flatMap((r) =>
    r.diagnostics.map(
      (d) => `| ${d.severity} | \`${d.code}\` | \`${cell(r.file)}\`:${d.range.start.line + 1}:${d.range.start.character + 1} | ${cell(d.message)} |`,
    ),
  );
  const lines = ['### ECS Task Networking (ecs-net)', '', tally, ''];
  if (rows.length) {
    lines.push('| Severity | Rule | Where | Message |', '| --- | --- | --- | --- |', ...rows.slice(0, SUMMARY_MAX_ROWS));
    if (rows.length > SUMMARY_MAX_ROWS) lines.push('', `${rows.length - SUMMARY_MAX_ROWS} more are in the annotations and the SARIF file.`);
  }
  return lines.join('\n') + '\n';
}
