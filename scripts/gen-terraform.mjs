#!/usr/bin/env node
// @ts-check
// Writes server/src/structure/data/terraform-names.ts: how the arguments and nested blocks of the
// Terraform AWS provider's ECS and target group resources map onto the API spelling our units use.
// Names and nesting come from the provider's pages in ../shared/data/terraform-aws/r/; the API side
// is the shape table gen-shapes.mjs writes (run it first). The rule is mechanical (snake_case →
// camelCase or PascalCase, a singular block name → the API's plural list), checked against the API
// members, so a wrong guess stops the generator; the irregular names are listed below, each with a
// reason, and so is every argument that has no API counterpart. Only names carry over from the
// pages, never their text.
// Usage: node scripts/gen-terraform.mjs [--shared DIR] [--out DIR] [--accept-inputs]
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { inputReader, outPath, parseArgs } from './data-inputs.mjs';
import { pageArguments, readApiShapes } from './terraform-pages.mjs';
import { FACTS, NOT_MAPPED, OVERRIDES, UNITS } from './terraform-overrides.mjs';

const args = parseArgs(process.argv.slice(2));
const inputs = inputReader(args);
const outDir = outPath(args, join('server', 'src', 'structure', 'data'));
const shapes = readApiShapes(join(outDir, 'api-shapes.ts'));

/**
 * @typedef {import('./terraform-pages.mjs').PageArgs} PageArgs
 * @typedef {{ api?: string[], block?: 'single' | 'list' | 'flat', to?: string, replaces?: boolean, args?: Args }} Arg
 * @typedef {{ [name: string]: Arg }} Args
 */

// ------------------------------------------------------------------ the API side
/** @param {number} id */
const row = (id) => shapes.rows[id];
/** @param {number} id @returns {Record<string, number>} */
const members = (id) => {
  const r = row(id);
  if (r[0] !== 'o') throw new Error(`shape ${id} is not an object`);
  return /** @type {Record<string, number>} */ (r[1]);
};
/** The member of an object shape spelt like `name` in any letter case. */
const memberLike = (/** @type {number} */ id, /** @type {string} */ name) => Object.keys(members(id)).find((m) => m.toLowerCase() === name.toLowerCase());

/** The API type a leaf argument's value converts to, from the shape row of its API member. */
function leafType(/** @type {number} */ id) {
  const r = row(id);
  const scalar = /** @type {Record<string, string>} */ ({ s: 'string', i: 'integer', n: 'number', b: 'boolean', m: 'map', x: 'any', t: 'any' });
  if (r[0] in scalar) return scalar[r[0]];
  if (r[0] === 'a') return row(/** @type {number} */ (r[1]))[0] === 's' ? 'string-list' : 'any';
  throw new Error(`shape ${id} (an object) needs a block or a named conversion`);
}

/** Each named conversion states the API shape it produces; the generator checks it. */
const CONVERSIONS = {
  /** bool → "ENABLED" / "DISABLED" */
  enabled: (/** @type {number} */ id) => row(id)[0] === 's' && ['ENABLED', 'DISABLED'].every((v) => shapes.enums[row(id)[1]]?.includes(v)),
  /** a JSON document, as a string or already parsed → the array it holds */
  'json-list': (/** @type {number} */ id) => row(id)[0] === 'a',
  /** a map → a list of { name, value } */
  'name-value-list': (/** @type {number} */ id) => row(id)[0] === 'a' && ['name', 'value'].every((m) => m in members(/** @type {number} */ (row(id)[1]))),
};

// ------------------------------------------------------------------ mapping
const snakeToCamel = (/** @type {string} */ name) => name.replace(/_([a-z0-9])/g, (_, c) => c.toUpperCase());

/**
 * The API member an argument maps to by the mechanical rule: its camelCase name in any letter case
 * (ELBv2 members are PascalCase; `enable_ecs_managed_tags` is `enableECSManagedTags`), else, when the
 * API member is a list, that name plus "s" or "es".
 * @param {number} shapeId @param {string} name
 */
function mechanical(shapeId, name) {
  const camel = snakeToCamel(name);
  const exact = memberLike(shapeId, camel);
  if (exact) return exact;
  for (const plural of [`${camel}s`, `${camel}es`]) {
    const hit = memberLike(shapeId, plural);
    if (hit && row(members(shapeId)[hit])[0] === 'a') return hit;
  }
  return undefined;
}

/** Follows an API path from an object shape; every step must be a member. */
function follow(/** @type {number} */ shapeId, /** @type {string[]} */ path, /** @type {string} */ where) {
  let id = shapeId;
  for (const seg of path) {
    const m = members(id);
    if (!Object.hasOwn(m, seg)) throw new Error(`${where}: the API has no member ${seg} (in ${path.join('.')})`);
    id = m[seg];
  }
  return id;
}

/** Override and not-mapped keys met on the pages: the others are stale. */
const used = new Set();

/** Counts per resource type, for the provenance header and docs/DATA.md. */
const counts = /** @type {Record<string, { mapped: number, notMapped: number }>} */ ({});

/**
 * @param {string} type @param {PageArgs} pageArgs @param {number} shapeId @param {string[]} trail
 * @returns {Args}
 */
function mapArgs(type, pageArgs, shapeId, trail) {
  /** @type {Args} */
  const out = {};
  const overrides = OVERRIDES[type] ?? {};
  for (const arg of pageArgs) {
    const key = [...trail, arg.name].join('.');
    const where = `${type} ${key}`;
    if (key in overrides || NOT_MAPPED[type]?.includes(key)) used.add(`${type} ${key}`);
    if (NOT_MAPPED[type]?.includes(key)) {
      out[arg.name] = {};
      counts[type].notMapped += 1 + countBelow(arg.block);
      continue;
    }
    const override = overrides[key];
    counts[type].mapped++;
    if (override?.flat) {
      if (!arg.block) throw new Error(`${where}: flattened, but the page lists no block of that name`);
      out[arg.name] = { block: 'flat', args: mapArgs(type, arg.block, shapeId, [...trail, arg.name]) };
      continue;
    }
    const name = override?.api ? undefined : mechanical(shapeId, arg.name);
    const api = override?.api?.split('.') ?? (name ? [name] : undefined);
    if (!api) throw new Error(`${where}: no API member matches; add an override or list it as not mapped (scripts/terraform-overrides.mjs)`);
    const target = follow(shapeId, api, where);
    if (arg.block) {
      const r = row(target);
      const item = r[0] === 'a' ? /** @type {number} */ (r[1]) : target;
      if (row(item)[0] !== 'o') throw new Error(`${where}: a block, but the API member is not an object or a list of objects`);
      out[arg.name] = { api, block: r[0] === 'a' ? 'list' : 'single', ...replaces(arg), args: mapArgs(type, arg.block, item, [...trail, arg.name]) };
      continue;
    }
    const to = override?.to ?? leafType(target);
    const check = CONVERSIONS[/** @type {keyof typeof CONVERSIONS} */ (to)];
    if (check && !check(target)) throw new Error(`${where}: conversion ${to} does not produce the API member's shape`);
    out[arg.name] = { api, to, ...replaces(arg) };
  }
  return out;
}

/** The page's "Forces new resource" mark, kept so a quick fix can say that Terraform will replace the resource. */
const replaces = (/** @type {import('./terraform-pages.mjs').PageArg} */ arg) => (arg.replaces ? { replaces: true } : {});

/** @param {PageArgs | undefined} block */
function countBelow(block) {
  return (block ?? []).reduce((n, a) => n + 1 + countBelow(a.block), 0);
}

// ------------------------------------------------------------------ inputs and table
const pageFile = (/** @type {string} */ page) => `terraform-aws/r/${page}.html.markdown`;
/** git's blob id of a file, as docs/DATA.md and the shared SOURCES.md quote it. */
const gitBlob = (/** @type {string} */ text) => {
  const bytes = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
};

/** @type {Record<string, object>} */
const resources = {};
const read = [];
for (const [type, unit] of Object.entries(UNITS)) {
  const input = inputs.read(pageFile(unit.page));
  read.push({ ...input, upstream: unit.upstream });
  counts[type] = { mapped: 0, notMapped: 0 };
  const tree = pageArguments(input.text, input.file, { expandBlocks: true });
  resources[type] = { kind: unit.kind, args: mapArgs(type, tree, shapes.roots[unit.kind], []) };
}
for (const [type, fact] of Object.entries(FACTS)) {
  const input = inputs.read(pageFile(fact.page));
  read.push({ ...input, upstream: fact.upstream });
  const names = pageArguments(input.text, input.file, { expandBlocks: false }).map((a) => a.name);
  for (const name of Object.keys(fact.args)) if (!names.includes(name)) throw new Error(`${type}: ${name} is not on ${input.file}`);
  counts[type] = { mapped: Object.keys(fact.args).length, notMapped: names.length - Object.keys(fact.args).length };
  /** @type {Args} */
  const argsOut = {};
  for (const name of names) argsOut[name] = fact.args[name] ? { api: [fact.args[name][0]], to: fact.args[name][1] } : {};
  resources[type] = { kind: fact.kind, cfnType: fact.cfnType, args: argsOut };
}
const listed = [...Object.entries(OVERRIDES).map(([t, o]) => [t, Object.keys(o)]), ...Object.entries(NOT_MAPPED)];
const unusedKeys = listed.flatMap(([t, keys]) => /** @type {string[]} */ (keys).map((k) => `${t} ${k}`)).filter((k) => !used.has(k));
if (unusedKeys.length) throw new Error(`listed in scripts/terraform-overrides.mjs but not on the pages: ${unusedKeys.join(', ')}`);
inputs.savePins();

// ------------------------------------------------------------------ TypeScript
/** An object's JSON with an `args` table opened at its end, for a block or a resource. @param {object} head */
const opening = (head) => `${JSON.stringify(head).slice(0, -1)}${Object.keys(head).length ? ',' : ''}"args":{`;
/** One argument per line, blocks opening their own lines. @param {Args} a @param {string} indent */
function argsTs(a, indent) {
  const lines = Object.entries(a).map(([name, arg]) => {
    const { args: below, ...rest } = arg;
    if (!below) return `${indent}${JSON.stringify(name)}: ${JSON.stringify(rest)},`;
    return `${indent}${JSON.stringify(name)}: ${opening(rest)}\n${argsTs(below, indent + '  ')}\n${indent}}},`;
  });
  return lines.join('\n');
}
const resourcesTs = Object.entries(resources)
  .map(([type, r]) => {
    const { args: a, ...head } = /** @type {{ args: Args }} */ (r);
    return `  ${JSON.stringify(type)}: ${opening(head)}\n${argsTs(a, '    ')}\n  }},`;
  })
  .join('\n');

const ts =
  `// Generated by scripts/gen-terraform.mjs. Do not edit: run \`npm run gen:data\`.\n` +
  `// Sources and provenance: docs/DATA.md. Terraform AWS provider pages (hashicorp/terraform-provider-aws,\n` +
  `// website/docs/r/, MPL-2.0; only argument names, nesting and "Forces new resource" marks are used), checked against api-shapes.ts:\n` +
  read.map((s) => `// ${s.file} sha256 ${s.sha256} git blob ${gitBlob(s.text)} (${s.upstream})\n`).join('') +
  Object.entries(counts)
    .map(([type, c]) => `// ${type}: ${c.mapped} arguments and blocks mapped, ${c.notMapped} not mapped\n`)
    .join('') +
  `\n` +
  `/** How a leaf argument's value becomes the API value: the API's type, or a named conversion. */\n` +
  `export type TerraformConversion =\n` +
  `  | 'string' | 'integer' | 'number' | 'boolean' | 'string-list' | 'map' | 'any'\n` +
  `  /** true / false → "ENABLED" / "DISABLED" */\n` +
  `  | 'enabled'\n` +
  `  /** a JSON document (string), or the array the reader already parsed */\n` +
  `  | 'json-list'\n` +
  `  /** a map → [{ name, value }] */\n` +
  `  | 'name-value-list';\n\n` +
  `/** One argument or nested block. Without \`api\` (and not \`flat\`) it has no API counterpart: not mapped. */\n` +
  `export interface TerraformArgument {\n` +
  `  /** API path, relative to the API object of the enclosing block (or of the unit). */\n` +
  `  readonly api?: readonly string[];\n` +
  `  /** A nested block (always an array in the projection): \`single\` when the API holds one object, \`list\`\n` +
  `   * an array of them, \`flat\` when the API has no object and the block's arguments map into the enclosing one. */\n` +
  `  readonly block?: 'single' | 'list' | 'flat';\n` +
  `  readonly to?: TerraformConversion;\n` +
  `  /** The provider page marks it "Forces new resource": changing it makes Terraform replace the resource. */\n` +
  `  readonly replaces?: boolean;\n` +
  `  readonly args?: TerraformArguments;\n` +
  `}\n\n` +
  `export interface TerraformArguments {\n  readonly [name: string]: TerraformArgument;\n}\n\n` +
  `/** A resource type: the unit kind it makes, or the fact kind (with the CloudFormation type whose property names \`api\` uses). */\n` +
  `export interface TerraformResource {\n` +
  `  readonly kind: 'task-definition' | 'service' | 'target-group' | 'subnet' | 'account-setting-default' | 'launch-template';\n` +
  `  readonly cfnType?: string;\n` +
  `  readonly args: TerraformArguments;\n` +
  `}\n\n` +
  `export const TERRAFORM_RESOURCES: { readonly [type: string]: TerraformResource } = {\n${resourcesTs}\n};\n\n` +
  `/** Other names of the same resource types. */\n` +
  `export const TERRAFORM_ALIASES: { readonly [type: string]: string } = ${JSON.stringify(Object.fromEntries(Object.entries(UNITS).flatMap(([type, u]) => (u.aliases ?? []).map((a) => [a, type]))))};\n`;

mkdirSync(outDir, { recursive: true });
writeFileSync(join(outDir, 'terraform-names.ts'), ts);
console.log(
  `terraform: ${Object.entries(counts)
    .map(([t, c]) => `${t} ${c.mapped}/${c.notMapped}`)
    .join(', ')} (mapped/not mapped)`,
);
