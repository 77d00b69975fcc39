import { declaredContainers, inContainerFile } from '../semantics/containerList';
import type { EcsDocument, Unit } from '../model/document';
import { toDocValue } from '../model/normalise';
import type { JsonPath } from '../model/types';
import { createReferences } from '../semantics/references';
import type { Environment } from '../core/environment';
import type { Finding, Fix, Rule, RuleContext, Severity, SeveritySetting } from './types';
import type { References, UnitRef } from '../semantics/references';
import { isAccountUri, referencesFor } from '../semantics/account';

export interface EngineOptions {
  /** Per-rule severity overrides (`off` silences a rule). */
  readonly severities?: Readonly<Record<string, SeveritySetting>>;
  /** How documents refer to each other; defaults to references inside one template. */
  readonly refs?: References;
  /** Where a rule that throws is reported; the other rules still run. */
  readonly log?: (message: string) => void;
  /** The environment (nearest ecs-network.json) for capacity, subnet and IPv6 checks. */
  readonly env?: Environment;
  /**
   * Report comments and trailing commas (`non-standard-json`). Default: for `.json` files. The
   * server turns it off for `jsonc` documents, and for `json` ones when the editor reports them itself.
   */
  readonly strictJson?: boolean;
  /** Stop early (a newer edit arrived); the partial result is thrown away by the caller. */
  readonly isCancelled?: () => boolean;
}

/** Runs the rules over every ECS unit of a document and returns plain findings. */
export function runRules(doc: EcsDocument, rules: readonly Rule[], options: EngineOptions = {}): Finding[] {
  if (doc.kind === 'unknown') return [];
  const findings: Finding[] = [];
  const severities = options.severities ?? {};
  const refs = options.refs ?? referencesFor(undefined, options.env, createReferences());
  const effective = (rule: Rule): Severity | undefined => {
    const setting = severities[rule.id] ?? rule.severity;
    return setting === 'off' ? undefined : setting;
  };

  // Problems of the parse itself (a syntax error, a document past the model's limits) come with
  // the id of the syntax-family rule that reports them.
  const strict = options.strictJson ?? /\.json$/i.test(doc.uri);
  for (const problem of strict ? [...doc.syntaxErrors, ...doc.looseSyntax] : doc.syntaxErrors) {
    const id = problem.ruleId ?? 'syntax-error';
    const syntaxRule = rules.find((r) => r.family === 'syntax' && r.id === id);
    const syntaxSeverity = syntaxRule && effective(syntaxRule);
    if (!syntaxRule || !syntaxSeverity) continue;
    findings.push({
      ruleId: syntaxRule.id,
      severity: syntaxSeverity,
      message: problem.message,
      path: [],
      target: 'value',
      range: { offset: problem.offset, length: problem.length },
    });
  }

  const run = (unit: Unit, applies: (rule: Rule) => boolean, sink: Finding[]): boolean => {
    const self: UnitRef = { unit, uri: doc.uri, doc };
    for (const rule of rules) {
      if (!applies(rule)) continue;
      if (rule.needsCompleteDocument && doc.hasSyntaxErrors) continue;
      const severity = effective(rule);
      if (!severity) continue;
      if (options.isCancelled?.()) return false;
      const ctx = createContext(doc, self, refs, rule, severity, sink, options.env);
      try {
        rule.check(ctx);
      } catch (error) {
        const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
        options.log?.(`rule ${rule.id} failed on ${doc.uri}${unit.logicalId ? ` (${unit.logicalId})` : ''}: ${detail}`);
      }
    }
    return true;
  };
  for (const unit of doc.units) {
    if (!run(unit, (rule) => rule.appliesTo.includes(unit.kind), findings)) return findings;
    // A container list read by a Terraform task definition: the task-definition checks too, with that
    // task's mode and launch type; only what lands in this file is kept, and no fix edits the task.
    const declared = declaredContainers({ unit, uri: doc.uri, doc }, refs);
    if (!declared) continue;
    const asTask: Finding[] = [];
    if (!run(declared.unit, (rule) => rule.appliesTo.includes('task-definition') && !rule.appliesTo.includes(unit.kind), asTask)) return findings;
    for (const f of asTask) {
      if (!inContainerFile(f.path)) continue;
      const fixes = f.fixes?.filter((fix) => fix.edits.every((e) => e.uri !== undefined || inContainerFile(e.path)));
      findings.push({ ...f, fixes: fixes?.length ? fixes : undefined });
    }
  }
  return findings;
}

function docPathOf(unit: Unit, path: JsonPath): JsonPath {
  return unit.toDocPath(path);
}

function createContext(
  doc: EcsDocument,
  self: UnitRef,
  refs: References,
  rule: Rule,
  severity: Severity,
  sink: Finding[],
  env: Environment | undefined,
): RuleContext {
  const editUri = (on: UnitRef) => (on.uri === self.uri ? undefined : on.uri);
  return {
    doc,
    self,
    unit: self.unit,
    refs,
    env,
    report(input) {
      // An object that exists only in the account has no document: no fix can edit it and no related place can show it.
      const fixes = input.fixes?.filter((fix) => !fix.edits.some((edit) => isAccountUri(edit.uri)));
      const related = input.related?.filter((place) => !isAccountUri(place.uri));
      sink.push({
        ruleId: rule.id,
        severity,
        message: input.message,
        path: input.raw ? self.unit.fromRaw(input.path) : docPathOf(self.unit, input.path),
        target: input.target ?? 'value',
        fixes: (fixes?.length === input.fixes?.length ? input.fixes : fixes?.length ? fixes : undefined) as Fix[] | undefined,
        related: related?.length === input.related?.length ? input.related : related?.length ? related : undefined,
      });
    },
    set(path, value, on = self) {
      return {
        uri: editUri(on),
        path: docPathOf(on.unit, path),
        value: on.unit.toDocValue ? on.unit.toDocValue(path, value) : toDocValue(value, on.unit.style, on.unit.kind, path),
      };
    },
    remove(path, on = self) {
      return { uri: editUri(on), path: docPathOf(on.unit, path), remove: true };
    },
    rename(rawPath, newName) {
      return { path: self.unit.fromRaw(rawPath), renameTo: newName };
    },
    setRaw(rawPath, value) {
      return { path: self.unit.fromRaw(rawPath), value };
    },
    docPath(path, on = self) {
      return docPathOf(on.unit, path);
    },
  };
}
