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

interface CheckOptions {
  format: 'text' | 'json' | 'sarif';
  maxWarnings: number | undefined;
  env: string | undefined;
  paths: string[];
}

/** The options, or undefined when help was asked for; a UsageError for anything wrong. */
function checkOptions(argv: readonly string[]): CheckOptions | undefined {
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
    return new EcsDocument(pathToFileURL(file).href, 0, readFileSync(file, 'utf8'));
  } catch (error) {
    return { error: `cannot read: ${error instanceof Error ? error.message : String(error)}` };
  }
}

export function runCheck(argv: readonly string[], out: Output, cwd = process.cwd()): number {
  const options = commandOptions(out, 'check', CHECK_USAGE, () => checkOptions(argv));
  if (typeof options === 'number') return options;
  const selection = selectFiles(options.paths, cwd);
  if (selection.unmatched.length) return reportUsageError(out, 'check', `no such file, folder or match: ${selection.unmatched.join(', ')}`);

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
    if (fixedEnv.error) return reportUsageError(out, 'check', fixedEnv.error);
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
