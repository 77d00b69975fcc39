/**
 * A small HCL writer for the generated Terraform benchmark inputs. It lays text out the way
 * `terraform fmt` does, so the generated files pass `terraform fmt -check`: two-space indentation,
 * and the `=` of consecutive one-line attributes aligned (a blank line, a comment, a nested block
 * or an attribute whose value spans lines ends such a run).
 */

/** An expression written as is: a reference (`aws_subnet.a.id`), `var.x`, a template string. */
export interface Expr {
  readonly expr: string;
}

/** A function call with one argument, e.g. `jsonencode([...])`. */
export interface Call {
  readonly call: string;
  readonly arg: HclValue;
}

export type HclValue = string | number | boolean | Expr | Call | readonly HclValue[] | { readonly [key: string]: HclValue };

export type Entry =
  | { readonly attr: string; readonly value: HclValue }
  | { readonly block: string; readonly labels?: readonly string[]; readonly body: readonly Entry[] }
  | { readonly comment: string }
  | { readonly blank: true };

export const expr = (text: string): Expr => ({ expr: text });
export const call = (name: string, arg: HclValue): Call => ({ call: name, arg });
export const attr = (name: string, value: HclValue): Entry => ({ attr: name, value });
export const block = (type: string, labels: readonly string[], body: readonly Entry[]): Entry => ({ block: type, labels, body });
export const comment = (text: string): Entry => ({ comment: text });
export const blank: Entry = { blank: true };

/** One-line collections stay on one line up to this width, as people write them. */
const INLINE_WIDTH = 72;

function isExpr(v: HclValue): v is Expr {
  return typeof v === 'object' && v !== null && 'expr' in v;
}

function isCall(v: HclValue): v is Call {
  return typeof v === 'object' && v !== null && 'call' in v;
}

function quote(s: string): string {
  // HCL string escapes, and `${`/`%{` doubled so they stay literal text.
  const body = JSON.stringify(s).slice(1, -1).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');
  return `"${body}"`;
}

function key(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_-]*$/.test(k) ? k : quote(k);
}

/** The one-line form of a value, or undefined when it has a nested collection or is too long. */
function inline(v: HclValue): string | undefined {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (isExpr(v)) return v.expr;
  if (isCall(v)) return undefined;
  const scalar = (x: HclValue) => typeof x !== 'object' || isExpr(x);
  let text: string;
  if (Array.isArray(v)) {
    const items = v as readonly HclValue[];
    if (!items.every(scalar)) return undefined;
    text = `[${items.map((x) => inline(x)).join(', ')}]`;
  } else {
    const entries = Object.entries(v as { readonly [key: string]: HclValue });
    if (!entries.every(([, x]) => scalar(x))) return undefined;
    text = entries.length === 0 ? '{}' : `{ ${entries.map(([k, x]) => `${key(k)} = ${inline(x)}`).join(', ')} }`;
  }
  return text.length <= INLINE_WIDTH ? text : undefined;
}

/** A value as text: its first line carries no indentation, the following ones do. */
function value(v: HclValue, indent: string): string {
  const one = inline(v);
  if (one !== undefined) return one;
  if (isCall(v)) return `${v.call}(${value(v.arg, indent)})`;
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    const items = (v as readonly HclValue[]).map((x) => `${inner}${value(x, inner)},`);
    return `[\n${items.join('\n')}\n${indent}]`;
  }
  const entries = Object.entries(v as { readonly [key: string]: HclValue }).map(([k, x]) => attr(key(k), x));
  return `{\n${body(entries, inner)}${indent}}`;
}

/** Body lines at `indent`, each ending in a newline. */
export function body(entries: readonly Entry[], indent: string): string {
  const out: string[] = [];
  let run: { name: string; text: string }[] = [];
  const flush = () => {
    const width = Math.max(...run.map((r) => r.name.length));
    for (const r of run) out.push(`${indent}${r.name.padEnd(width)} = ${r.text}\n`);
    run = [];
  };
  for (const e of entries) {
    if ('attr' in e) {
      const text = value(e.value, indent);
      if (!text.includes('\n')) {
        run.push({ name: e.attr, text });
        continue;
      }
      flush();
      out.push(`${indent}${e.attr} = ${text}\n`);
      continue;
    }
    flush();
    if ('comment' in e) out.push(`${indent}# ${e.comment}\n`);
    else if ('blank' in e) out.push('\n');
    else {
      const labels = (e.labels ?? []).map((l) => ` ${quote(l)}`).join('');
      out.push(`${indent}${e.block}${labels} {\n${body(e.body, indent + '  ')}${indent}}\n`);
    }
  }
  flush();
  return out.join('');
}

/** Top-level blocks separated by one blank line, as `terraform fmt` leaves a file. */
export function file(blocks: readonly Entry[]): string {
  return blocks.map((b) => body([b], '')).join('\n');
}
