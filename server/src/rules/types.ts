import type { EcsDocument, Unit } from '../model/document';
import type { References, UnitRef } from '../semantics/references';
import type { Json, JsonPath, OffsetRange, UnitKind } from '../model/types';
import type { Environment } from '../core/environment';

export type Severity = 'error' | 'warning' | 'info';
export type SeveritySetting = Severity | 'off';

export type RuleFamily =
  | 'syntax'
  | 'structure'
  | 'network-mode'
  | 'ports'
  | 'fargate'
  | 'windows'
  | 'service'
  | 'target-group'
  | 'ipv6'
  | 'anywhere'
  | 'service-discovery'
  | 'service-connect'
  | 'environment';

/** One JSON edit of a quick fix: set `value` at `path`, or remove the property when `remove`. */
export interface FixEdit {
  /** Document the edit applies to; the checked document when absent. */
  readonly uri?: string;
  readonly path: JsonPath;
  readonly value?: Json;
  readonly remove?: boolean;
  /** Rename the property at `path` to this name, keeping its value as written. */
  readonly renameTo?: string;
}

export interface Fix {
  readonly title: string;
  readonly edits: readonly FixEdit[];
  /** The fix most people want; editors may apply it with one key. */
  readonly preferred?: boolean;
  /** Safe to apply without looking, as part of "fix all". */
  readonly safe?: boolean;
}

export interface RelatedPlace {
  readonly uri?: string;
  readonly path: JsonPath;
  readonly message: string;
}

/** What a rule found: plain data, turned into an LSP diagnostic only at the boundary. */
export interface Finding {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly message: string;
  /** Document path of the offending key or value. */
  readonly path: JsonPath;
  readonly target: 'key' | 'value';
  /** An explicit text range (syntax errors), which wins over `path`. */
  readonly range?: OffsetRange;
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedPlace[];
}

export interface ReportInput {
  /** Path in API spelling relative to the unit being checked (with `raw`, in the document's own spelling). */
  readonly path: JsonPath;
  readonly raw?: boolean;
  readonly message: string;
  readonly target?: 'key' | 'value';
  readonly fixes?: readonly Fix[];
  readonly related?: readonly RelatedPlace[];
}

export interface RuleContext {
  readonly doc: EcsDocument;
  readonly self: UnitRef;
  readonly unit: Unit;
  readonly refs: References;
  /** The environment file that applies to this document, if any (nearest ecs-network.json). */
  readonly env?: Environment;
  report(input: ReportInput): void;
  /** A fix edit that sets `path` (API spelling, relative to `on`, default this unit). */
  set(path: JsonPath, value: Json, on?: UnitRef): FixEdit;
  /** A fix edit that removes the property at `path`. */
  remove(path: JsonPath, on?: UnitRef): FixEdit;
  /** A fix edit that renames the property at `path` (document spelling, relative to this unit). */
  rename(rawPath: JsonPath, newName: string): FixEdit;
  /** A fix edit that sets `rawPath` (document spelling, relative to this unit) to `value` as given. */
  setRaw(rawPath: JsonPath, value: Json): FixEdit;
  /** A document path of another unit, for related information. */
  docPath(path: JsonPath, on?: UnitRef): JsonPath;
}

/** A rule is data: stable id, family, default severity, what it applies to, and its check. */
export interface Rule {
  /** kebab-case, never changes once shipped: it is the diagnostic code and the docs page name. */
  readonly id: string;
  readonly family: RuleFamily;
  readonly severity: Severity;
  readonly appliesTo: readonly UnitKind[];
  /** One line for listings. */
  readonly title: string;
  /** Why it matters, for the docs page. */
  readonly description: string;
  /** What its quick fixes do, in words for the docs page; null when it has none. */
  readonly fix: string | null;
  /** Skip while the document has a syntax error: a half-typed document would trip it falsely. */
  readonly needsCompleteDocument?: boolean;
  check(ctx: RuleContext): void;
}
