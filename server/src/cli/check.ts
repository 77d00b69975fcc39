import { readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { EcsDocument } from '../model/document';
import type { DocumentKind } from '../model/types';
import { runRules, type EngineOptions } from '../rules/engine';
import { createReferences } from '../semantics/references';
import { WorkspaceIndex } from '../workspace/index';
import { EnvironmentCache, readEnvironment, type LoadedEnvironment } from '../workspace/files';
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

const USAGE = `Usage: ecs-net check [--format text|json|sarif] [--max-warnings N] [--env FILE] PATH...

Checks ECS task definitions, services, target groups and CloudFormation JSON templates with the same
rules as the editor. PATH may be a file, a folder (searched for *.json) or a glob ("deploy/**/*.json").
A service finds its task definition (by family or ARN) and target groups (by name or ARN) among the
checked files. Subnet, capacity and IPv6 checks use the nearest ecs-network.json above each file,
or the one given with --env.

Exit codes: 0 clean, 1 errors (or more warnings than --max-warnings), 2 bad usage.`;

interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  maxWarnings: number | undefined;
  env: string | undefined;
  paths: string[];
}

function parseArgs(argv: readonly string[]): CheckOptions | string {
  const options: CheckOptions = { format: 'text', maxWarnings: undefined, env: undefined, paths: [] };
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
    } else if (flag === '--env') {
      const file = value();
      if (!file) return '--env takes the path of an environment file';
      options.env = file;
    } else if (flag.startsWith('-') && flag !== '-') return `unknown option '${flag}'`;
    else options.paths.push(arg);
  }
  if (options.paths.length === 0) return 'no files given';
  return options;
}

/** Checks one text exactly as the editor would. */
export function checkText(
  text: string,
  uri: string,
  options: EngineOptions = {},
): { kind: DocumentKind; diagnostics: CheckedDiagnostic[]; doc: EcsDocument; findings: Finding[] } {
  return checkDocument(new EcsDocument(uri, 0, text), options);
}

export function checkDocument(doc: EcsDocument, options: EngineOptions = {}) {
  const findings = runRules(doc, RULES, options);
  return {
    kind: doc.kind,
    doc,
    findings,
    diagnostics: findings
      .map((f) => ({ code: f.ruleId, severity: f.severity, message: f.message, range: findingRange(doc, f) }))
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character),
  };
}

function readDocument(file: string): EcsDocument | { error: string } {
  try {
    const size = statSync(file).size;
    if (size > MAX_FILE_BYTES) return { error: `skipped: ${(size / 1024 / 1024).toFixed(0)} MB is over the ${MAX_FILE_BYTES / 1024 / 1024} MB limit` };
    return new EcsDocument(pathToFileURL(file).href, 0, readFileSync(file, 'utf8'));
  } catch (error) {
    return { error: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
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

  // Parse every file once, index them all, then check: a service may name a task definition from another file.
  const docs: { file: string; doc: EcsDocument }[] = [];
  let unreadable = 0;
  for (const file of selection.files) {
    const doc = readDocument(file);
    if ('error' in doc) {
      unreadable++;
      out.stderr(`${displayPath(file, cwd)}: ${doc.error}`);
      continue;
    }
    docs.push({ file, doc });
  }
  const index = new WorkspaceIndex();
  for (const { doc } of docs) index.set(doc);
  const refs = createReferences(index);

  let fixedEnv: LoadedEnvironment | undefined;
  if (options.env) {
    fixedEnv = readEnvironment(options.env);
    if (fixedEnv.error) {
      out.stderr(`ecs-net check: ${fixedEnv.error}`);
      return 2;
    }
  }
  const envCache = new EnvironmentCache();

  const results: CheckedFile[] = [];
  for (const { file, doc } of docs) {
    if (doc.kind === 'unknown' && !selection.explicit.has(file)) continue;
    const loaded = fixedEnv ?? envCache.forFile(file);
    if (loaded?.error) out.stderr(`${displayPath(file, cwd)}: ${loaded.error}`);
    const { kind, diagnostics } = checkDocument(doc, { refs, env: loaded?.env });
    results.push({ file: displayPath(file, cwd), kind, diagnostics });
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
