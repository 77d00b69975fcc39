import type { Environment } from '../../core/environment';
import type { EcsDocument, Unit } from '../../model/document';
import { apiPathOf as cfnToApiPath } from '../../model/normalise';
import type { JsonPath } from '../../model/types';
import { taskFacts, type TaskFacts } from '../../semantics/facts';
import { linkedTask as linkedTaskOf } from '../../semantics/service';
import type { References, UnitRef } from '../../semantics/references';
import type { Settings } from '../../settings';
import type { StructureRoot } from '../../structure/validate';
import type { CursorSite, SiteWriting, Token } from './cursor';

/**
 * Everything a completion needs about one request, built once: what surrounds the cursor, which
 * unit it is in (with the path in the document's spelling and in the API's), where the chosen item
 * goes, and the inputs from outside the document (settings, workspace references, environment).
 */
export interface CompletionContext {
  readonly doc: EcsDocument;
  /** The document text with a byte order mark blanked (offsets stay the same). */
  readonly text: string;
  readonly offset: number;
  /** The token being replaced, if any. */
  readonly token?: Token;
  /** Full document path: of the value, or for a property name, of the object it belongs to. */
  readonly path: JsonPath;
  readonly unit: Unit;
  /** The unit with its document, as references take it. */
  readonly self: UnitRef;
  /** Path relative to the unit in the document's own spelling (what the structural model expects). */
  readonly rel: JsonPath;
  /** The same path in API spelling (what facts and our tables use). */
  readonly api: JsonPath;
  /** Text range the item replaces. */
  readonly start: number;
  readonly end: number;
  /** Appended to the inserted text when another entry follows without a comma. */
  readonly trailing: string;
  /** Put before an inserted value (see CursorSite). */
  readonly leading: string;
  /** How inserted text is written at the site (JSON, or YAML in block or flow style). */
  readonly writing: SiteWriting;
  readonly settings: Settings;
  /** Task definitions and target groups other documents (or the same template) hold. */
  readonly refs: References;
  /** The nearest environment file, when there is one. */
  readonly env?: Environment;
}

/** A property name being typed. */
export interface KeyContext extends CompletionContext {
  readonly unit: EcsUnit;
  /** The name is followed by a ':' already: insert the name alone. */
  readonly hasColon: boolean;
  /** Offset after the previous entry that needs a ',' before the new member. */
  readonly commaAt?: number;
  /** The names the mapping already has, when the cursor reader knows them (see CursorSite). */
  readonly present?: readonly string[];
}

/** A unit of one of the kinds the structural model describes. */
export type EcsUnit = Unit & { readonly kind: StructureRoot };

export function isEcsUnit(unit: Unit): unit is EcsUnit {
  return unit.kind === 'task-definition' || unit.kind === 'service' || unit.kind === 'target-group';
}

export function apiPathOf(unit: Unit, rel: JsonPath): JsonPath {
  return unit.style === 'cfn' ? cfnToApiPath(unit.kind, rel) : rel;
}

export interface Inputs {
  readonly doc: EcsDocument;
  readonly text: string;
  readonly offset: number;
  readonly settings: Settings;
  readonly refs: References;
  readonly env?: Environment;
}

/** The context for a value site, or undefined outside every unit. */
export function valueContext(inputs: Inputs, site: CursorSite): CompletionContext | undefined {
  const unit = inputs.doc.unitAt(site.path);
  return unit && build(inputs, site, unit);
}

/** The context for a property name, or undefined outside the ECS units (the environment file has its own schema). */
export function keyContext(inputs: Inputs, site: CursorSite): KeyContext | undefined {
  const unit = inputs.doc.unitAt(site.path, true);
  if (!unit || !isEcsUnit(unit)) return undefined;
  return { ...build(inputs, site, unit), unit, hasColon: site.hasColon, commaAt: site.commaAt, present: site.present };
}

function build(inputs: Inputs, site: CursorSite, unit: Unit): CompletionContext {
  const rel = site.path.slice(unit.basePath.length);
  return {
    ...inputs,
    token: site.token,
    path: site.path,
    unit,
    self: { unit, uri: inputs.doc.uri, doc: inputs.doc },
    rel,
    api: apiPathOf(unit, rel),
    start: site.start,
    end: site.end,
    trailing: site.trailing,
    leading: site.leading ?? '',
    writing: site.writing,
  };
}

/** The structural model's root for the unit, if it has one. */
export function structureRoot(unit: Unit): StructureRoot | undefined {
  return isEcsUnit(unit) ? unit.kind : undefined;
}

/** The task definition a service runs: in the same template, or elsewhere in the workspace by family or ARN. */
export function linkedTask(ctx: CompletionContext): TaskFacts | undefined {
  return ctx.unit.kind === 'service' ? linkedTaskOf(ctx.self, ctx.refs)?.facts : undefined;
}

/** The facts of the task the cursor is in or that the service runs. */
export function taskOf(ctx: CompletionContext): TaskFacts | undefined {
  return ctx.unit.kind === 'task-definition' ? taskFacts(ctx.unit) : linkedTask(ctx);
}
