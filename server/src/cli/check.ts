import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EcsDocument } from '../model/document';
import type { DocumentKind } from '../model/types';
import { runRules } from '../rules/engine';
import { RULES } from '../rules/registry';
import type { Finding, Severity } from '../rules/types';
import { findingRange, type PlainRange } from '../features/ranges';
import { displayPath, selectFiles } from './files';
import type { Output } from './output';
import { toSarif } from './sarif';

export interface CheckedDiagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly range: PlainRange;
}

export interface CheckedFile {
  readonly file: string;
  readonly kind: DocumentKind;
  readonly diagnostics: CheckedDiagnostic[];
}

/** Files larger than this are not parsed: a clear message beats an editor-sized stall. */
export const MAX_FILE_BYTES = 64 * 1024 * 1024;

const USAGE = `Usage: ecs-net check [--format text|json|sarif] [--max-warnings N] PATH...

Checks ECS task definitions, services, target groups and CloudFormation JSON templates with the same
rules as the editor. PATH may be a file, a folder (searched for *.json) or a glob ("deploy/**/*.json").

Exit codes: 0 clean, 1 errors (or more warnings than --max-warnings), 2 bad usage.`;

interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  maxWarnings: number | undefined;
  paths: string[];
}

function parseArgs(argv: readonly string[]): CheckOptions | string {
  const options: CheckOptions = { format: 'text', maxWarnings: undefined, paths: [] };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => inline ?? argv[++i];
    if (flag === '--format') {
      const f = value();
      if (f !== 'text' && f !== 'json' && f !== 'sarif') return `--format takes text, json or sarif (got '${f ?? ''}')`;
      options.format = f;
    } else if (flag === '--max-warnings') {
      const n = Number(value());
      if (!Number.isInteger(n) || n < 0) return '--max-warnings takes a whole number of 0 or more';
      options.maxWarnings = n;
    } else if (flag.startsWith('-') && flag !== '-') return `unknown option '${flag}'`;
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) return 'no files given';
  return options;
}

/** Checks one text exactly as the editor would. */
export function checkText(text: string, uri: string): { kind: DocumentKind; diagnostics: CheckedDiagnostic[]; doc: EcsDocument; findings: Finding[] } {
  const doc = new EcsDocument(uri, 0, text);
  const findings = runRules(doc, RULES);
  return {
    kind: doc.kind,
    doc,
    findings,
    diagnostics: findings
      .map((f) => ({ code: f.ruleId, severity: f.severity, message: f.message, range: findingRange(doc, f) }))
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
  };
}

function checkFile(file: string): CheckedFile | { file: string; error: string } {
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) return { file, error: `skipped: ${(size / 1024 / 1024).toFixed(0)} MB is over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };
    const { kind, diagnostics } = checkText(readFileSync(file, 'utf8'), pathToFileURL(file).href);
    return { file, kind, diagnostics };
  } catch (error) {
    return { file, error: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function runCheck(argv: readonly string[], out: Output, cwd = process.cwd()): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    out.stdout(USAGE);
    return 0;
  }
  const options = parseArgs(argv);
  if (typeof options === 'string') {
    out.stderr(`ecs-net check: ${options}. Run 'ecs-net check --help' for usage.`);
    return 2;
  }
  const selection = selectFiles(options.paths, cwd);
  if (selection.unmatched.length) {
    out.stderr(`ecs-net check: no such file, folder or match: ${selection.unmatched.join(', ')}`);
    return 2;
  }

  const results: CheckedFile[] = [];
  let unreadable = 0;
  for (const file of selection.files) {
    const result = checkFile(file);
    if ('error' in result) {
      unreadable++;
      out.stderr(`${displayPath(file, cwd)}: ${result.error}`);
      continue;
    }
    if (result.kind === 'unknown' && !selection.explicit.has(file)) continue;
    results.push({ ...result, file: displayPath(file, cwd) });
  }

  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;

  if (options.format === 'json') out.stdout(JSON.stringify(results, null, 2));
  else if (options.format === 'sarif') out.stdout(JSON.stringify(toSarif(results), null, 2));
  else {
    for (const r of results) {
      for (const d of r.diagnostics) {
        out.stdout(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
      }
    }
    const infos = all.length - errors - warnings;
    out.stderr(`${results.length} ECS document${results.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info.`);
  }

  const tooManyWarnings = options.maxWarnings !== undefined && warnings > options.maxWarnings;
  return errors > 0 || tooManyWarnings || unreadable > 0 ? 1 : 0;
}
