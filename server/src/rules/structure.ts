import type { Unit } from '../model/document';
import type { Json, Style } from '../model/types';
import { validateStructure, type StructuralIssue, type StructureRoot } from '../structure/validate';
import type { Fix, Rule, RuleContext } from './types';

// The structural rules share one validation pass per unit (per parsed document version).
const issueCache = new WeakMap<Unit, StructuralIssue[]>();

function issuesOf(ctx: RuleContext): StructuralIssue[] {
  let issues = issueCache.get(ctx.unit);
  if (!issues) {
    const list = ctx.unit.kind === 'container-definitions';
    issues = validateStructure(ctx.unit.raw, list ? 'task-definition' : (ctx.unit.kind as StructureRoot), ctx.unit.style, {
      skipRequired: ctx.doc.hasSyntaxErrors,
      // A container list is a fragment of a task definition: family and the rest live elsewhere.
      skipRootRequired: list || ctx.unit.rootRequiredElsewhere === true,
      update: ctx.unit.update,
    });
    // A service file without its name is a CreateService input whose name comes from the command
    // line (`--service-name`) or the deploy tool (ecspresso): not a missing member.
    if (ctx.unit.kind === 'service' && ctx.unit.style === 'api')
      issues = issues.filter((i) => !(i.code === 'missing-required' && i.path.length === 0 && i.property === 'serviceName'));
    issueCache.set(ctx.unit, issues);
  }
  return issues;
}

function structuralRule(
  code: StructuralIssue['code'],
  severity: Rule['severity'],
  title: string,
  description: string,
  fix: string | null,
  fixes: (ctx: RuleContext, issue: StructuralIssue) => Fix[] | undefined,
  /** A separate id for the issues of one document style (CloudFormation is stricter than the SDKs). */
  only?: { id: string; style: Style },
  except?: Style,
): Rule {
  return {
    id: only?.id ?? code,
    fix,
    family: 'structure',
    severity,
    appliesTo: ['task-definition', 'container-definitions', 'service', 'target-group'],
    title,
    description,
    check(ctx) {
      for (const issue of issuesOf(ctx)) {
        if (issue.code !== code) continue;
        if ((only && ctx.unit.style !== only.style) || ctx.unit.style === except) continue;
        ctx.report({ path: issue.path, raw: true, target: issue.target, message: issue.message, fixes: fixes(ctx, issue) });
      }
    },
  };
}

function valueAt(value: Json, path: (string | number)[]): Json | undefined {
  let cursor: Json | undefined = value;
  for (const seg of path) {
    if (cursor === null || typeof cursor !== 'object') return undefined;
    cursor = (cursor as Record<string, Json>)[seg as string];
  }
  return cursor;
}

const renameOrRemove = (ctx: RuleContext, issue: StructuralIssue): Fix[] =>
  issue.suggestion
    ? [{ title: `Rename to '${issue.suggestion}'`, edits: [ctx.rename(issue.path, issue.suggestion)], preferred: true, safe: true }]
    : [{ title: `Remove '${String(issue.path[issue.path.length - 1])}'`, edits: [{ path: ctx.unit.fromRaw(issue.path), remove: true }] }];

export const unknownProperty = structuralRule(
  'unknown-property',
  'warning',
  'Property not known to the ECS or ELB API',
  'A property the API does not define does nothing: the AWS CLI rejects the file, and the SDKs and some tools ' +
    'silently drop it, so a setting such as `portBindings` (for `portMappings`) never takes effect. Usually a typo. ' +
    'In CloudFormation templates the same mistake is an error: see `cfn-unsupported-property`.',
  'When the name is close to a property the API knows (or is a well-known mix-up such as `portBindings`), the fix renames the key and keeps its value. Otherwise it offers to delete the property.',
  renameOrRemove,
  undefined,
  'cfn',
);

export const cfnUnsupportedProperty = structuralRule(
  'unknown-property',
  'error',
  'Property not supported by the CloudFormation resource',
  'CloudFormation refuses a template whose resource `Properties` hold a name the resource type does not define ' +
    '("Encountered unsupported property"), and rolls the stack back. The usual cause is the API spelling pasted into ' +
    'a template: `networkMode` or `containerDefinitions` where CloudFormation expects `NetworkMode` and `ContainerDefinitions`.',
  'An API (camelCase) name or a near miss is renamed to the CloudFormation property, keeping its value; fix-all renames them all. Otherwise the fix offers to delete the property.',
  renameOrRemove,
  { id: 'cfn-unsupported-property', style: 'cfn' },
);

export const wrongType = structuralRule(
  'wrong-type',
  'error',
  'Value has the wrong JSON type',
  'The API checks JSON types strictly: a port written as `"80"` is a string, not a number, and the request is ' +
    'rejected. (CloudFormation converts such scalars, so templates are not held to this.)',
  'A number written as a string (`"8080"`) is rewritten as a number, and `"true"`/`"false"` as a boolean. Other type mistakes have no automatic fix.',
  (ctx, issue) => {
    const value = valueAt(ctx.unit.raw, issue.path);
    if (typeof value === 'string' && issue.expected && /integer|number/.test(issue.expected) && /^-?\d+(\.\d+)?$/.test(value.trim())) {
      const n = Number(value.trim());
      return [{ title: `Write ${n} as a number`, edits: [ctx.setRaw(issue.path, n)], preferred: true, safe: true }];
    }
    if (typeof value === 'string' && issue.expected === 'boolean' && (value === 'true' || value === 'false')) {
      return [{ title: `Write ${value} as a boolean`, edits: [ctx.setRaw(issue.path, value === 'true')], preferred: true, safe: true }];
    }
    return undefined;
  },
);

export const invalidEnum = structuralRule(
  'invalid-enum',
  'error',
  'Value is not one of the allowed values',
  'Enumerated values are case-sensitive: `awsVpc` is not `awsvpc`, and `IP` is not `ip`.',
  'When the value is close to an allowed one (usually a difference in case, `awsVpc` for `awsvpc`), the fix replaces it with that value.',
  (ctx, issue) =>
    issue.suggestion
      ? [{ title: `Change to '${issue.suggestion}'`, edits: [ctx.setRaw(issue.path, issue.suggestion)], preferred: true, safe: true }]
      : undefined,
);

export const missingRequired = structuralRule(
  'missing-required',
  'error',
  'A required property is missing',
  'The API rejects a request that lacks a required member, such as a task definition without `family` or ' +
    '`containerDefinitions`. Not checked while the document has a syntax error.',
  null,
  () => undefined,
);

export const outOfRange = structuralRule(
  'out-of-range',
  'error',
  'Number or list size outside the allowed range',
  'Some numbers and lists have documented bounds in the API model; values outside them are rejected.',
  null,
  () => undefined,
);
