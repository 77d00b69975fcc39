/**
 * Structural validation of ECS task definitions, services and ELBv2 target groups against the
 * generated API and CloudFormation tables (data/). Pure: plain JSON values in, issues out.
 *
 * Precision first: a document the API or CloudFormation accepts gets no issues. Unset values
 * (null, "", [], {}), template placeholders ("<IMAGE1_NAME>", "${PORT}") and CloudFormation intrinsic
 * functions are never type, enum or range errors.
 */
import { hasTemplateToken } from '../core/placeholders';
import { closestMatches } from '../core/suggest';
import { isObject } from '../model/values';
import { API_ENUMS, API_ROOTS, API_SERVICE_UPDATE_REQUIRED, API_SHAPES } from './data/api-shapes';
import type { EnumValues, ShapeRow } from './data/api-shapes';
import { CFN_ENUMS, CFN_ROOTS, CFN_SHAPES } from './data/cfn-shapes';

export type StructureRoot = 'task-definition' | 'service' | 'target-group';
/** `api`: AWS API input (camelCase for ECS, PascalCase for ELBv2). `cfn`: CloudFormation resource Properties. */
export type Style = 'api' | 'cfn';
export type JsonPath = (string | number)[];

export interface StructuralIssue {
  code: 'unknown-property' | 'wrong-type' | 'invalid-enum' | 'missing-required' | 'out-of-range';
  /**
   * Relative to the validated object. unknown-property: the path of the key. missing-required: the
   * path of the object that lacks the member (named in `property`). Others: the path of the value.
   */
  path: JsonPath;
  /** `key` for unknown-property; `value` for the rest (missing-required points at the object). */
  target: 'key' | 'value';
  /** One line, our own words. */
  message: string;
  /** The unknown or missing property name, or the name of the property whose value is wrong. */
  property?: string;
  /** Expected type, allowed values ("a | b | c") or bounds ("0..65535"). */
  expected?: string;
  /** Did-you-mean replacement: a property name (unknown-property) or an enum value (invalid-enum). */
  suggestion?: string;
}

export interface ValidateOptions {
  /** Do not report missing required members anywhere (fragments, partially written documents). */
  skipRequired?: boolean;
  /** Do not report the root object's missing members (a fragment such as a bare container list). */
  skipRootRequired?: boolean;
  /** Service documents: check UpdateService's required members instead of CreateService's. */
  update?: boolean;
}

export interface MemberInfo {
  name: string;
  /** object, array, map, string, integer, number, boolean, timestamp or any. */
  type: string;
  enum?: readonly string[];
  required: boolean;
  /** Output-only field (describe output, CFN read-only property): tolerated, not worth completing. */
  readOnly?: boolean;
}

// ------------------------------------------------------------------ compiled model

type Node =
  | { kind: 'o'; members: ReadonlyMap<string, number>; names: readonly string[]; required: readonly string[]; closed: boolean; readOnly: ReadonlySet<string> }
  | { kind: 'a'; item: number; minItems: number | null; maxItems: number | null }
  | { kind: 'm'; value: number }
  | { kind: 's'; values: readonly string[] | null; valueSet: ReadonlySet<string> | null; minLength: number | null; maxLength: number | null }
  | { kind: 'i' | 'n'; minimum: number | null; maximum: number | null; values: readonly number[] | null }
  | { kind: 'b' | 't' | 'x' };

interface Model {
  readonly nodes: readonly Node[];
  readonly roots: Readonly<Record<StructureRoot, number>>;
}

const models: Partial<Record<Style, Model>> = {};

function model(style: Style): Model {
  const existing = models[style];
  if (existing) return existing;
  const built = style === 'api' ? compile(API_SHAPES, API_ENUMS, API_ROOTS) : compile(CFN_SHAPES, CFN_ENUMS, CFN_ROOTS);
  models[style] = built;
  return built;
}

function compile(rows: readonly ShapeRow[], enums: readonly EnumValues[], roots: Readonly<Record<StructureRoot, number>>): Model {
  const strings = (id: number | null | undefined): readonly string[] | null => {
    if (id === null || id === undefined) return null;
    const values = enums[id];
    return values.every((v) => typeof v === 'string') ? (values as readonly string[]) : values.map(String);
  };
  const numbers = (id: number | null | undefined): readonly number[] | null => {
    if (id === null || id === undefined) return null;
    return enums[id].map(Number);
  };
  const nodes = rows.map((row): Node => {
    switch (row[0]) {
      case 'o': {
        const names = Object.keys(row[1]);
        return {
          kind: 'o',
          members: new Map(Object.entries(row[1])),
          names,
          required: row[2],
          closed: row[3] === 1,
          readOnly: new Set(row[4] ?? []),
        };
      }
      case 'a':
        return { kind: 'a', item: row[1], minItems: row[2] ?? null, maxItems: row[3] ?? null };
      case 'm':
        return { kind: 'm', value: row[1] };
      case 's': {
        const values = strings(row[1]);
        return { kind: 's', values, valueSet: values && new Set(values), minLength: row[2] ?? null, maxLength: row[3] ?? null };
      }
      case 'i':
      case 'n':
        return { kind: row[0], minimum: row[1] ?? null, maximum: row[2] ?? null, values: numbers(row[3]) };
      default:
        return { kind: row[0] };
    }
  });
  return { nodes, roots };
}

// ------------------------------------------------------------------ helpers

/** Nesting deeper than this is not followed (no ECS document comes close). */
const MAX_DEPTH = 200;
const CFN_NUMBER = /^\s*[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;
const ENUM_LIST_MAX = 8;

/** Well-known confusions that edit distance does not reach, keyed in lower case. */
const ALIASES: Readonly<Record<string, string>> = {
  portbindings: 'portMappings',
  ports: 'portMappings',
  networkconfig: 'networkConfiguration',
  awsvpcconfig: 'awsvpcConfiguration',
  vpcconfiguration: 'awsvpcConfiguration',
  vpcconfig: 'awsvpcConfiguration',
  securitygroupids: 'securityGroups',
  subnetids: 'subnets',
  targetgrouparn: 'targetGroupArn',
  assignpublicipaddress: 'assignPublicIp',
  publicip: 'assignPublicIp',
  env: 'environment',
  environmentvariables: 'environment',
};

type JsonObject = { readonly [key: string]: unknown };

function isEmptyObject(value: JsonObject): boolean {
  for (const _ in value) return false;
  return true;
}

/** The single key of a one-key object, else undefined. */
function onlyKey(value: JsonObject): string | undefined {
  let found: string | undefined;
  for (const key in value) {
    if (found !== undefined) return undefined;
    found = key;
  }
  return found;
}

function isIntrinsic(value: JsonObject): boolean {
  const key = onlyKey(value);
  return key !== undefined && (key === 'Ref' || key === 'Condition' || key.startsWith('Fn::'));
}

function isNoValue(value: unknown): boolean {
  return isObject(value) && onlyKey(value) === 'Ref' && value.Ref === 'AWS::NoValue';
}

function isUnset(value: unknown, style: Style): boolean {
  if (value === null || value === undefined || value === '') return true;
  if (Array.isArray(value)) return value.length === 0;
  if (isObject(value)) return isEmptyObject(value) || (style === 'cfn' && isNoValue(value));
  return false;
}

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (isObject(value)) return 'an object';
  if (typeof value === 'number') return Number.isInteger(value) ? 'a number' : 'a fractional number';
  if (typeof value === 'string') return 'a string';
  if (typeof value === 'boolean') return 'a boolean';
  return `a ${typeof value}`;
}

const EXPECTED: Readonly<Record<Node['kind'], readonly [type: string, phrase: string]>> = {
  o: ['object', 'an object'],
  a: ['array', 'an array'],
  m: ['object', 'an object'],
  s: ['string', 'a string'],
  i: ['integer', 'an integer'],
  n: ['number', 'a number'],
  b: ['boolean', 'true or false'],
  t: ['timestamp', 'a date string or a number'],
  x: ['any', 'any value'],
};

const TYPE_NAMES: Readonly<Record<Node['kind'], string>> = {
  o: 'object',
  a: 'array',
  m: 'map',
  s: 'string',
  i: 'integer',
  n: 'number',
  b: 'boolean',
  t: 'timestamp',
  x: 'any',
};

function listValues(values: readonly (string | number)[]): string {
  const shown = values.slice(0, ENUM_LIST_MAX).join(', ');
  return values.length > ENUM_LIST_MAX ? `${shown}, … (${values.length} values)` : shown;
}

function bounds(min: number | null, max: number | null): string {
  return `${min ?? ''}..${max ?? ''}`;
}

// ------------------------------------------------------------------ validation

interface Context {
  readonly style: Style;
  readonly nodes: readonly Node[];
  readonly skipRequired: boolean;
  readonly issues: StructuralIssue[];
  /** Shared, mutated while walking; copied into each issue. */
  readonly path: JsonPath;
}

/**
 * Validates `value` (a task definition, service or target group object; for `cfn`, the resource's
 * Properties object) and returns the issues found, in document order. A bug throws: the rule
 * engine logs it with its stack and keeps the other rules' findings.
 */
export function validateStructure(value: unknown, root: StructureRoot, style: Style, options: ValidateOptions = {}): StructuralIssue[] {
  const { nodes, roots } = model(style);
  const ctx: Context = { style, nodes, skipRequired: options.skipRequired === true, issues: [], path: [] };
  if (value === null || value === undefined) return ctx.issues;
  const rootNode = nodes[roots[root]];
  if (!isObject(value) || rootNode.kind !== 'o') {
    ctx.issues.push({
      code: 'wrong-type',
      path: [],
      target: 'value',
      message: `The ${root.replace('-', ' ')} must be an object, not ${describe(value)}.`,
      expected: 'object',
    });
    return ctx.issues;
  }
  const required = options.skipRootRequired ? [] : root === 'service' && style === 'api' && options.update ? API_SERVICE_UPDATE_REQUIRED : rootNode.required;
  visitObject(ctx, value, rootNode, required, 0, true);
  return ctx.issues;
}

function visit(ctx: Context, value: unknown, id: number, name: string, item: boolean, depth: number): void {
  if (depth > MAX_DEPTH) return;
  if (isUnset(value, ctx.style)) return;
  if (typeof value === 'string' && hasTemplateToken(value)) return;
  if (ctx.style === 'cfn' && isObject(value) && isIntrinsic(value)) return;
  const node = ctx.nodes[id];
  switch (node.kind) {
    case 'x':
      return;
    case 'o':
      if (!isObject(value)) return wrongType(ctx, node, value, name, item);
      return visitObject(ctx, value, node, node.required, depth, false);
    case 'm':
      if (!isObject(value)) return wrongType(ctx, node, value, name, item);
      for (const key in value) {
        ctx.path.push(key);
        visit(ctx, value[key], node.value, key, false, depth + 1);
        ctx.path.pop();
      }
      return;
    case 'a': {
      if (!Array.isArray(value)) return wrongType(ctx, node, value, name, item);
      checkCount(ctx, node, value.length, name);
      for (let i = 0; i < value.length; i++) {
        ctx.path.push(i);
        visit(ctx, value[i], node.item, name, true, depth + 1);
        ctx.path.pop();
      }
      return;
    }
    case 's':
      return visitString(ctx, node, value, name, item);
    case 'i':
    case 'n':
      return visitNumber(ctx, node, value, name, item);
    case 'b':
      if (typeof value === 'boolean') return;
      if (ctx.style === 'cfn' && typeof value === 'string' && /^(true|false)$/i.test(value)) return;
      return wrongType(ctx, node, value, name, item);
    case 't':
      if (typeof value === 'string' || typeof value === 'number') return;
      return wrongType(ctx, node, value, name, item);
  }
}

function visitObject(ctx: Context, value: JsonObject, node: Extract<Node, { kind: 'o' }>, required: readonly string[], depth: number, isRoot: boolean): void {
  let suggested: Set<string> | undefined;
  for (const key in value) {
    const member = node.members.get(key);
    if (member === undefined) {
      if (!node.closed || (isRoot && key === '$schema')) continue;
      const suggestion = suggestMember(key, node.names);
      if (suggestion) (suggested ??= new Set()).add(suggestion);
      ctx.issues.push({
        code: 'unknown-property',
        path: [...ctx.path, key],
        target: 'key',
        message: `Unknown property '${key}'.${suggestion ? ` Did you mean '${suggestion}'?` : ''}`,
        property: key,
        ...(suggestion ? { suggestion } : {}),
      });
      continue;
    }
    ctx.path.push(key);
    visit(ctx, value[key], member, key, false, depth + 1);
    ctx.path.pop();
  }
  if (ctx.skipRequired) return;
  for (const name of required) {
    const present = value[name];
    if (present !== undefined && present !== null && !(ctx.style === 'cfn' && isNoValue(present))) continue;
    // A misspelt key already says "did you mean"; a second issue for the same mistake is noise.
    if (suggested?.has(name)) continue;
    ctx.issues.push({
      code: 'missing-required',
      path: [...ctx.path],
      target: 'value',
      message: `Missing required property '${name}'.`,
      property: name,
    });
  }
}

function visitString(ctx: Context, node: Extract<Node, { kind: 's' }>, value: unknown, name: string, item: boolean): void {
  let text: string;
  if (typeof value === 'string') text = value;
  // CloudFormation turns numbers and booleans into strings for string properties.
  else if (ctx.style === 'cfn' && (typeof value === 'number' || typeof value === 'boolean')) text = String(value);
  else return wrongType(ctx, node, value, name, item);
  if (node.valueSet) {
    if (!node.valueSet.has(text)) invalidEnum(ctx, text, node.values ?? [], name, item);
    return;
  }
  if (node.minLength === null && node.maxLength === null) return;
  const length = [...text].length;
  if (node.minLength !== null && length < node.minLength) {
    outOfRange(
      ctx,
      name,
      `'${label(ctx, name, item)}' must be at least ${node.minLength} characters long.`,
      `${bounds(node.minLength, node.maxLength)} characters`,
    );
  } else if (node.maxLength !== null && length > node.maxLength) {
    outOfRange(
      ctx,
      name,
      `'${label(ctx, name, item)}' must be at most ${node.maxLength} characters long.`,
      `${bounds(node.minLength, node.maxLength)} characters`,
    );
  }
}

function visitNumber(ctx: Context, node: Extract<Node, { kind: 'i' | 'n' }>, value: unknown, name: string, item: boolean): void {
  let n: number;
  if (typeof value === 'number') n = value;
  // CloudFormation converts numeric strings for integer and number properties.
  else if (ctx.style === 'cfn' && typeof value === 'string' && CFN_NUMBER.test(value)) n = Number(value);
  else return wrongType(ctx, node, value, name, item);
  if (node.kind === 'i' && !Number.isInteger(n)) return wrongType(ctx, node, value, name, item, 'a fractional number');
  if (node.values) {
    if (!node.values.includes(n)) invalidEnum(ctx, String(value), node.values, name, item);
    return;
  }
  const { minimum, maximum } = node;
  if ((minimum !== null && n < minimum) || (maximum !== null && n > maximum)) {
    const subject = `'${label(ctx, name, item)}'`;
    const rule =
      minimum !== null && maximum !== null
        ? `must be between ${minimum} and ${maximum}`
        : minimum !== null
          ? `must be at least ${minimum}`
          : `must be at most ${maximum}`;
    outOfRange(ctx, name, `${subject} ${rule}, not ${n}.`, bounds(minimum, maximum));
  }
}

function checkCount(ctx: Context, node: Extract<Node, { kind: 'a' }>, count: number, name: string): void {
  if (node.maxItems !== null && count > node.maxItems) {
    outOfRange(ctx, name, `'${name}' allows at most ${node.maxItems} item${node.maxItems === 1 ? '' : 's'}.`, `${bounds(node.minItems, node.maxItems)} items`);
  } else if (node.minItems !== null && count < node.minItems) {
    outOfRange(ctx, name, `'${name}' needs at least ${node.minItems} item${node.minItems === 1 ? '' : 's'}.`, `${bounds(node.minItems, node.maxItems)} items`);
  }
}

/** How a value is named in messages: its key, or "key[3]" for an array item. */
function label(ctx: Context, name: string, item: boolean): string {
  return item ? `${name}[${ctx.path[ctx.path.length - 1]}]` : name;
}

function wrongType(ctx: Context, node: Node, value: unknown, name: string, item: boolean, actual = describe(value)): void {
  const [type, phrase] = EXPECTED[node.kind];
  ctx.issues.push({
    code: 'wrong-type',
    path: [...ctx.path],
    target: 'value',
    message: `'${label(ctx, name, item)}' must be ${phrase}, not ${actual}.`,
    property: name,
    expected: type,
  });
}

function invalidEnum(ctx: Context, text: string, values: readonly (string | number)[], name: string, item: boolean): void {
  const candidates = values.map(String);
  const suggestion = closestMatches(text, candidates, 1)[0];
  const what = item ? `value in '${name}'` : name;
  ctx.issues.push({
    code: 'invalid-enum',
    path: [...ctx.path],
    target: 'value',
    message: `'${text}' is not a valid ${what}.${suggestion !== undefined ? ` Did you mean '${suggestion}'?` : ` Expected one of: ${listValues(values)}.`}`,
    property: name,
    expected: candidates.join(' | '),
    ...(suggestion !== undefined ? { suggestion } : {}),
  });
}

function outOfRange(ctx: Context, name: string, message: string, expected: string): void {
  ctx.issues.push({ code: 'out-of-range', path: [...ctx.path], target: 'value', message, property: name, expected });
}

function suggestMember(key: string, names: readonly string[]): string | undefined {
  // Own entries only: a key named `constructor` or `__proto__` must not find Object.prototype's members.
  const lower = key.toLowerCase();
  const alias = Object.prototype.hasOwnProperty.call(ALIASES, lower) ? ALIASES[lower] : undefined;
  if (alias !== undefined) {
    const target = alias.toLowerCase();
    const hit = names.find((n) => n.toLowerCase() === target);
    if (hit !== undefined && hit !== key) return hit;
  }
  return closestMatches(key, names, 1)[0];
}

// ------------------------------------------------------------------ lookups for completion and hover

function nodeAt(root: StructureRoot, style: Style, path: JsonPath): Node | undefined {
  const { nodes, roots } = model(style);
  let node: Node | undefined = nodes[roots[root]];
  for (const segment of path) {
    if (!node) return undefined;
    if (node.kind === 'o' && typeof segment === 'string') {
      const id = node.members.get(segment);
      node = id === undefined ? undefined : nodes[id];
    } else if (node.kind === 'a' && typeof segment === 'number') node = nodes[node.item];
    else if (node.kind === 'm') node = nodes[node.value];
    else return undefined;
  }
  return node;
}

/**
 * Members of the object at `path` (property names and array indices from the root object), in
 * model order; undefined when the path does not lead to a known object. For services, `required`
 * follows CreateService.
 */
export function membersAt(root: StructureRoot, style: Style, path: JsonPath): MemberInfo[] | undefined {
  const node = nodeAt(root, style, path);
  if (!node || node.kind !== 'o') return undefined;
  const { nodes } = model(style);
  const required = new Set(node.required);
  return node.names.map((name) => {
    const target = nodes[node.members.get(name) as number];
    const info: MemberInfo = { name, type: TYPE_NAMES[target.kind], required: required.has(name) };
    if (target.kind === 's' && target.values) info.enum = target.values;
    if (node.readOnly.has(name)) info.readOnly = true;
    return info;
  });
}

/** Allowed string values at `path` (for an array of enums, use the path of an item), else undefined. */
export function enumAt(root: StructureRoot, style: Style, path: JsonPath): readonly string[] | undefined {
  const node = nodeAt(root, style, path);
  return node?.kind === 's' && node.values ? node.values : undefined;
}
