import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { EcsDocument } from '../model/document';
import type { DocumentKind } from '../model/types';
import { runRules, type EngineOptions } from '../rules/engine';
import { createReferences } from '../semantics/references';
import { referencesFor } from '../semantics/account';
import { WorkspaceIndex } from '../workspace/index';
import { EnvironmentCache, readEnvironment, type LoadedEnvironment } from '../workspace/files';
import { RULES } from '../rules/registry';
import type { Finding, Severity } from '../rules/types';
import { findingRange, type PlainRange } from '../features/ranges';
import { displayPath, selectFiles } from './files';
import type { Output } from './output';
import { commandOptions, parseCommand, reportUsageError, UsageError } from './args';
import { CHECK_USAGE } from './usage';
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

const CHECK_OPTIONS = {
  format: { type: 'string' },
  'max-warnings': { type: 'string' },
  env: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  maxWarnings: number | undefined;
  env: string | undefined;
  paths: string[];
}

/** The options, or undefined when help was asked for; a UsageError for anything wrong. */
export function checkOptions(argv: readonly string[]): CheckOptions | undefined {
  const parsed = parseCommand(argv, CHECK_OPTIONS, true);
  if (parsed.help) return undefined;
  const { values, positionals } = parsed;
  const format = values.format ?? 'text';
  if (format !== 'text' && format !== 'json' && format !== 'sarif') throw new UsageError(`--format takes text, json or sarif (got '${format}')`);
  let maxWarnings: number | undefined;
  if (values['max-warnings'] !== undefined) {
    maxWarnings = /^\d+$/.test(values['max-warnings'].trim()) ? Number(values['max-warnings']) : NaN;
    if (!Number.isInteger(maxWarnings)) throw new UsageError('--max-warnings takes a whole number of 0 or more');
  }
  if (values.env !== undefined && values.env.trim() === '') throw new UsageError('--env takes the path of an environment file');
  if (positionals.length === 0) throw new UsageError('no files given');
  return { format, maxWarnings, env: values.env, paths: positionals };
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
    const doc = new EcsDocument(pathToFileURL(file).href, 0, readFileSync(file, 'utf8'));
    // Checked once and never re-parsed: the Terraform reader's tree can go now.
    doc.release();
    return doc;
  } catch (error) {
    return { error: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export interface CheckRun {
  readonly results: CheckedFile[];
  /** Files that could not be read (each reported on stderr). */
  readonly unreadable: number;
}

export interface CheckCounts {
  readonly errors: number;
  readonly warnings: number;
  readonly infos: number;
}

/**
 * Checks the files, folders and globs in `paths` (relative to `cwd`), with the environment file
 * `env` or else the nearest one above each file. Returns the exit code once a usage problem has
 * been written. The CLI and the GitHub Action both run this.
 */
/** The files whose Terraform module is their folder: `.tf` files, and the container files they read. */
const TERRAFORM_MODULE_FILE = /\.(tf|json|json\.tpl)$/i;

function safeReaddir(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

export function checkPaths(paths: readonly string[], env: string | undefined, out: Output, cwd: string, command = 'check'): CheckRun | number {
  const selection = selectFiles(paths, cwd);
  if (selection.unmatched.length) return reportUsageError(out, command, `no such file, folder or match: ${selection.unmatched.join(', ')}`);

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
  // A folder is a Terraform module: the other `.tf` files beside a file given alone are read too
  // (indexed, not reported), so its references resolve as they do when the folder is given.
  const given = new Set(docs.map((d) => d.file));
  for (const folder of new Set(docs.filter((d) => TERRAFORM_MODULE_FILE.test(d.file)).map((d) => dirname(d.file)))) {
    for (const name of safeReaddir(folder)) {
      const sibling = join(folder, name);
      if (!name.toLowerCase().endsWith('.tf') || given.has(sibling)) continue;
      const doc = readDocument(sibling);
      if (!('error' in doc)) index.set(doc);
    }
  }
  const refs = createReferences(index);

  let fixedEnv: LoadedEnvironment | undefined;
  if (env) {
    fixedEnv = readEnvironment(resolve(cwd, env));
    if (fixedEnv.error) return reportUsageError(out, command, fixedEnv.error);
  }
  const envCache = new EnvironmentCache();

  const results: CheckedFile[] = [];
  for (const { file, doc } of docs) {
    if (doc.kind === 'unknown' && !selection.explicit.has(file)) continue;
    const loaded = fixedEnv ?? envCache.forFile(file);
    if (loaded?.error) out.stderr(`${displayPath(file, cwd)}: ${loaded.error}`);
    const { kind, diagnostics } = checkDocument(doc, { refs: referencesFor(index, loaded?.env, refs), env: loaded?.env });
    results.push({ file: displayPath(file, cwd), kind, diagnostics });
  }
  return { results, unreadable };
}

export function countFindings(results: readonly CheckedFile[]): CheckCounts {
  const all = results.flatMap((r) => r.diagnostics);
  const errors = all.filter((d) => d.severity === 'error').length;
  const warnings = all.filter((d) => d.severity === 'warning').length;
  return { errors, warnings, infos: all.length - errors - warnings };
}

/** 1 for an error, more warnings than allowed or an unreadable file; 0 otherwise. */
export function checkExitCode(run: CheckRun, maxWarnings: number | undefined): number {
  const { errors, warnings } = countFindings(run.results);
  const tooManyWarnings = maxWarnings !== undefined && warnings > maxWarnings;
  return errors > 0 || tooManyWarnings || run.unreadable > 0 ? 1 : 0;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The one-line tally the text format ends with. */
export function checkSummary(results: readonly CheckedFile[]): string {
  const { errors, warnings, infos } = countFindings(results);
  const ecs = results.filter((r) => r.kind !== 'unknown').length;
  // Files named on the command line are listed even when they hold no ECS document: say so, rather than count them as one.
  const other = results.length - ecs;
  const others = other ? ` (${plural(other, 'other file')} named: no ECS document in ${other === 1 ? 'it' : 'them'})` : '';
  return `${plural(ecs, 'ECS document')} checked${others}: ${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info.`;
}

export function runCheck(argv: readonly string[], out: Output, cwd = process.cwd()): number {
  const options = commandOptions(out, 'check', CHECK_USAGE, () => checkOptions(argv));
  if (typeof options === 'number') return options;
  const run = checkPaths(options.paths, options.env, out, cwd);
  if (typeof run === 'number') return run;
  const { results } = run;

  if (options.format === 'json') out.stdout(JSON.stringify(results, null, 2));
  else if (options.format === 'sarif') out.stdout(JSON.stringify(toSarif(results), null, 2));
  else {
    for (const r of results) {
      for (const d of r.diagnostics) {
        out.stdout(`${r.file}:${d.range.start.line + 1}:${d.range.start.character + 1} ${d.severity} ${d.code} ${d.message}`);
      }
    }
    out.stderr(checkSummary(results));
  }
  return checkExitCode(run, options.maxWarnings);
}
