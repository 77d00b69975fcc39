// @ts-check
// Reads what gen-terraform.mjs needs from its two kinds of input: the Terraform AWS provider's
// resource pages (argument names and nesting, from the "Argument Reference" lists and the block
// sections below them) and the API shape rows gen-shapes.mjs has just written.
import { existsSync, readFileSync } from 'node:fs';

/**
 * @typedef {{ name: string, replaces: boolean }} Listed
 * @typedef {{ name: string, args: Listed[], used: boolean }} Section
 * @typedef {{ name: string, block?: PageArgs, replaces?: boolean }} PageArg
 * @typedef {PageArg[]} PageArgs
 */

/** A documented argument: a list item that starts with its name in backticks, at the left margin. */
const ARGUMENT = /^\* `([a-z0-9_]+)`/;
/** The qualifiers in parentheses after the name: "(Optional, Forces new resource)" marks an argument Terraform cannot change in place. */
const REPLACES = /^\* `[a-z0-9_]+`[^(]{0,4}\(([^)]*)\)/;
/** A block section: `### name` or `#### name`, the name as written in HCL. */
const SECTION = /^#{3,4} ([a-z0-9_]+)\s*$/;

/**
 * The page's arguments as a tree. The top-level list runs from "## Argument Reference" to the first
 * section; each section lists one block's arguments. An argument is a block when a section bears its
 * name. Heading levels do not give the nesting (a `####` section can belong to a `###` block listed
 * much earlier), and two blocks may share a name (`authorization_config` under the EFS and the FSx
 * volume), so sections are taken in page order as the tree is walked in argument order: the first
 * unused section of a name belongs to the first argument of that name met. The API check that
 * follows catches a wrong attachment; a section left unattached is an error here.
 * @param {string} text
 * @param {string} file for messages
 * @param {{ expandBlocks: boolean }} options without `expandBlocks`, only the top-level names are read
 * @returns {PageArgs}
 */
export function pageArguments(text, file, { expandBlocks }) {
  const lines = text.split(/\r?\n/);
  const start = lines.findIndex((l) => /^## Argument Reference\s*$/.test(l));
  if (start < 0) throw new Error(`${file}: no "## Argument Reference" heading`);
  const end = lines.findIndex((l, i) => i > start && /^## /.test(l));
  const body = lines.slice(start + 1, end < 0 ? undefined : end);

  /** @type {Listed[]} */
  const top = [];
  /** @type {Section[]} */
  const sections = [];
  /** @type {Listed[]} */
  let into = top;
  for (const line of body) {
    if (/^#{3,}/.test(line)) {
      const m = SECTION.exec(line);
      if (!m) {
        // A titled section ("### Network Interfaces") of a page read for its top-level names only.
        if (expandBlocks) throw new Error(`${file}: section heading not understood: ${line}`);
        into = [];
        continue;
      }
      const section = { name: m[1], args: [], used: false };
      sections.push(section);
      into = section.args;
      continue;
    }
    const arg = ARGUMENT.exec(line);
    if (arg) into.push({ name: arg[1], replaces: /forces new resource/i.test(REPLACES.exec(line)?.[1] ?? '') });
  }
  if (top.length === 0) throw new Error(`${file}: no arguments listed under "## Argument Reference"`);
  if (!expandBlocks) return top.map(({ name }) => ({ name }));

  /** @param {Listed[]} listed @param {string[]} trail @returns {PageArgs} */
  const build = (listed, trail) =>
    listed.map(({ name, replaces }) => {
      const flag = replaces ? { replaces } : {};
      const section = sections.find((s) => s.name === name && !s.used);
      if (!section) return { name, ...flag };
      section.used = true;
      return { name, ...flag, block: build(section.args, [...trail, name]) };
    });
  const tree = build(top, []);
  const unused = sections.filter((s) => !s.used && s.args.length > 0).map((s) => s.name);
  if (unused.length) throw new Error(`${file}: sections no argument leads to: ${unused.join(', ')}`);
  return tree;
}

/**
 * @typedef {readonly any[]} ShapeRow
 * @typedef {{ rows: ShapeRow[], enums: unknown[][], roots: Record<string, number> }} ApiShapes
 */

/**
 * The API shape rows, enums and roots from the api-shapes.ts that gen-shapes.mjs wrote under the
 * same output root: reading its output (one JSON row per line) keeps the Terraform table checked
 * against exactly the shapes the validator uses.
 * @param {string} file
 * @returns {ApiShapes}
 */
export function readApiShapes(file) {
  if (!existsSync(file)) throw new Error(`${file} is missing: run scripts/gen-shapes.mjs first`);
  const text = readFileSync(file, 'utf8');
  /** @param {string} name */
  const table = (name) => {
    const at = text.indexOf(`export const ${name}:`);
    if (at < 0) throw new Error(`${file}: no ${name}`);
    const rows = [];
    for (const line of text.slice(at).split('\n').slice(1)) {
      if (line === '];') return rows;
      const m = /^ {2}\/\* (\d+) \*\/ (.*),$/.exec(line);
      if (!m || Number(m[1]) !== rows.length) throw new Error(`${file}: ${name} row ${rows.length} not understood`);
      rows.push(JSON.parse(m[2]));
    }
    throw new Error(`${file}: ${name} does not end`);
  };
  const roots = /^export const API_ROOTS = (\{.*\}) as const;$/m.exec(text);
  if (!roots) throw new Error(`${file}: no API_ROOTS`);
  return { rows: table('API_SHAPES'), enums: table('API_ENUMS'), roots: JSON.parse(roots[1]) };
}
