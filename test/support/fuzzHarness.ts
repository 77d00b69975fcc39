// The fuzz harness shared by the JSON, YAML and Terraform fuzz tests: one document through the model and every
// feature, and what must always hold (see test/unit/robustness/fuzz.test.ts).
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseTree, type ParseError } from 'jsonc-parser';
import { parseDocument } from 'yaml';
import type { SyntaxName } from '../../server/src/model/syntax';
import { YAML_OPTIONS } from '../../server/src/model/yamlSyntax';
import { EcsDocument } from '../../server/src/model/document';
import { runRules } from '../../server/src/rules/engine';
import { RULES } from '../../server/src/rules/registry';
import type { Finding } from '../../server/src/rules/types';
import { completionsAt, type ValueProviders } from '../../server/src/features/completion/index';
import { hoverAt } from '../../server/src/features/hover';
import { fixAllText, quickFixes } from '../../server/src/features/codeActions';
import { applyFixEdits } from '../../server/src/features/edits';
import { toDiagnostics } from '../../server/src/features/diagnostics';
import { parseEnvironment, type Environment } from '../../server/src/core/environment';
import { DEFAULT_SETTINGS } from '../../server/src/settings';

/** The fixed seed of every fuzz run; FUZZ_SEED=<n> explores others. */
export const SEED = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : 20_261_122;
assert.ok(Number.isSafeInteger(SEED), `FUZZ_SEED must be an integer, got '${process.env.FUZZ_SEED}'`);

/** The least number of documents one run of each fuzz file must put through the model and the features. */
export const MIN_DOCUMENTS = 20_000;

/** Subnets, clusters and account settings enough for every environment rule to have something to say. */
export const FUZZ_ENV = parseEnvironment({
  vpc: { cidr: '10.0.0.0/16' },
  subnets: [
    { id: 'subnet-0a1b2c3d4e5f60718', cidr: '10.0.0.0/28', az: 'eu-west-1a' },
    { id: 'subnet-0123456789abcdef0', cidr: '10.0.16.0/20', az: 'eu-west-1b', ipv6Cidr: '2001:db8::/64' },
    { id: 'subnet-0fedcba9876543210', cidr: '10.0.32.0/20', az: 'eu-west-1c', ipv6Cidr: '2001:db8:1::/64', ipv6Only: true },
  ],
  clusters: [{ name: 'default', capacity: [{ instanceType: 'c5.large', count: 2, az: 'eu-west-1a' }] }],
  accountSettings: { awsvpcTrunking: true, dualStackIPv6: true },
}).env;

export interface Seed {
  readonly name: string;
  readonly text: string;
  readonly uri: string;
  /** The environment the document is checked against in the "with an environment" run. */
  readonly env: Environment;
}

/** What the runs of one test file put through the harness. */
export const stats = { documents: 0, findingsSeen: 0, fixesApplied: 0 };

/** Line lengths as LSP counts lines (\r\n, \r and \n all end one), without the line ends. */
function lineLengths(text: string): number[] {
  const lengths: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 || ch === 10) {
      lengths.push(i - start);
      if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  lengths.push(text.length - start);
  return lengths;
}

interface Range {
  readonly start: { readonly line: number; readonly character: number };
  readonly end: { readonly line: number; readonly character: number };
}

function assertRange(range: Range, lines: readonly number[], what: string): void {
  for (const [name, p] of [
    ['start', range.start],
    ['end', range.end],
  ] as const) {
    assert.ok(Number.isInteger(p.line) && p.line >= 0 && p.line < lines.length, `${what}: ${name} line ${p.line} of ${lines.length}`);
    assert.ok(
      Number.isInteger(p.character) && p.character >= 0 && p.character <= lines[p.line],
      `${what}: ${name} character ${p.character} on a line of ${lines[p.line]}`,
    );
  }
  const ordered = range.start.line < range.end.line || (range.start.line === range.end.line && range.start.character <= range.end.character);
  assert.ok(ordered, `${what}: range ends before it starts: ${JSON.stringify(range)}`);
}

export const PARSE_OPTIONS = { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true };

/** jsonc-parser's errors for a text, as the model reads it (a byte order mark is not an error there). */
export function jsoncErrors(text: string): ParseError[] {
  const errors: ParseError[] = [];
  parseTree(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, errors, PARSE_OPTIONS);
  return errors;
}

export interface Input {
  readonly text: string;
  readonly uri: string;
  readonly env: Environment;
}

/**
 * One document through everything the server does with it. `picks` (numbers in [0, 1)) choose the
 * offsets for completion and hover; `providers` replaces completion's value providers. Returns
 * nothing: every property is an assertion.
 */
export function exercise(input: Input, picks: readonly number[], providers?: ValueProviders): void {
  stats.documents++;
  const { text, uri, env } = input;
  const doc = new EcsDocument(uri, 1, text);
  try {
    exerciseDocument(doc, env, picks, providers);
  } finally {
    // The Terraform reader's tree lives in wasm memory, which a run of 20,000 documents would fill.
    doc.release();
  }
}

/** Syntax-family findings: the parse's own problems, which may sit anywhere. */
const SYNTAX_RULES = new Set(RULES.filter((r) => r.family === 'syntax').map((r) => r.id));

function exerciseDocument(doc: EcsDocument, env: Environment, picks: readonly number[], providers?: ValueProviders): void {
  const { text, uri } = doc;
  const failures: string[] = [];
  const log = (message: string) => failures.push(message);
  const lines = lineLengths(text);
  // Terraform's error recovery can swallow what follows an error: nothing past it is reported on.
  const syntaxError = doc.syntax === 'terraform' ? doc.syntaxErrors.find((p) => (p.ruleId ?? 'syntax-error') === 'syntax-error') : undefined;

  const runs = [runRules(doc, RULES, { log }), runRules(doc, RULES, { log, env })];
  assert.deepEqual(failures, [], 'a rule threw (the engine caught it, but a rule must not throw)');
  for (const findings of runs) {
    stats.findingsSeen += findings.length;
    for (const f of findings) {
      const span = f.range ?? doc.rangeOf(f.path, f.target);
      assert.ok(
        span.offset >= 0 && span.length >= 0 && span.offset + span.length <= text.length,
        `${f.ruleId}: [${span.offset}, +${span.length}) outside a text of ${text.length}`,
      );
      if (syntaxError && !SYNTAX_RULES.has(f.ruleId)) {
        assert.ok(span.offset < syntaxError.offset, `${f.ruleId} at ${span.offset}, after the syntax error at ${syntaxError.offset}:\n${text}`);
      }
    }
    for (const d of toDiagnostics(doc, findings, { docsUrl: (id) => `https://example.test/${id}`, documentFor: () => undefined })) {
      assertRange(d.range, lines, `diagnostic ${String(d.code)}`);
      for (const related of d.relatedInformation ?? []) assertRange(related.location.range, lines, `related information of ${String(d.code)}`);
    }
  }

  const offsets = picks.map((p) => Math.floor(p * (text.length + 1)));
  for (const offset of offsets.slice(0, 3)) {
    const list = completionsAt(doc, offset, DEFAULT_SETTINGS, { providers });
    for (const item of list.items) {
      const edit = item.textEdit;
      if (edit && 'range' in edit) assertRange(edit.range, lines, `completion '${item.label}' at ${offset}`);
      for (const extra of item.additionalTextEdits ?? []) assertRange(extra.range, lines, `completion '${item.label}' at ${offset}`);
    }
  }
  for (const offset of offsets.slice(3)) {
    for (const content of [hoverAt(doc, offset, DEFAULT_SETTINGS), hoverAt(doc, offset, DEFAULT_SETTINGS, undefined, env)]) {
      if (!content) continue;
      assert.ok(content.range.offset >= 0 && content.range.offset + content.range.length <= text.length, `hover at ${offset}: range outside the text`);
    }
  }

  // Quick fixes as the client receives them, then each fix's edits applied the way the server does.
  const findings: Finding[] = runs[1];
  const diagnostics = toDiagnostics(doc, findings);
  for (const action of quickFixes(doc, diagnostics, () => undefined)) {
    for (const edits of Object.values(action.edit?.changes ?? {})) for (const edit of edits) assertRange(edit.range, lines, `quick fix '${action.title}'`);
  }
  // Only a document the model parsed (so within its nesting limit) and found clean is held to stay clean.
  const parsedClean = !doc.hasSyntaxErrors && syntaxErrorsOf(text, doc.syntax).length === 0;
  for (const finding of findings) {
    for (const fix of finding.fixes ?? []) {
      if (fix.edits.some((e) => e.uri !== undefined && e.uri !== uri)) continue; // edits another document
      const after = applyFixEdits(text, fix.edits, doc.syntax);
      stats.fixesApplied++;
      if (parsedClean) assert.deepEqual(syntaxErrorsOf(after, doc.syntax), [], `${finding.ruleId} fix '${fix.title}' broke the ${doc.syntax}:\n${after}`);
    }
  }
  const fixed = fixAllText(doc, RULES, { env, log });
  assert.deepEqual(failures, [], 'a rule threw during fix-all');
  if (parsedClean) assert.deepEqual(syntaxErrorsOf(fixed, doc.syntax), [], `fix-all broke the ${doc.syntax}:\n${fixed}`);
}

function syntaxErrorsOf(text: string, syntax: SyntaxName): unknown[] {
  if (syntax === 'yaml') return parseDocument(text, YAML_OPTIONS).errors.map((e) => e.message);
  if (syntax !== 'terraform') return jsoncErrors(text);
  // The reader's own parse, its syntax error only (a text past its limits is not a broken one).
  const doc = new EcsDocument('file:///fuzz/fixed.tf', 0, text);
  doc.release();
  return doc.syntaxErrors.filter((p) => (p.ruleId ?? 'syntax-error') === 'syntax-error').map((p) => p.message);
}

/** fast-check's view of the offsets to probe: three for completion, three for hover. */
export const picksArb = fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 6, maxLength: 6 });
export const settings = <T>(numRuns: number): fc.Parameters<T> => ({ seed: SEED, numRuns, endOnFailure: true, includeErrorInReport: true });

/** Picks from a small deterministic generator, for the enumerated cases (so they need no fast-check run). */
export function picksFor(n: number): number[] {
  return Array.from({ length: 6 }, (_, i) => ((n * 2_654_435_761 + i * 40_503) >>> 0) / 2 ** 32);
}
