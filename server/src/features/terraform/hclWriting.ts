import type { Json, JsonObject } from '../../model/types';
import { isObject } from '../../model/values';

// Values of the Terraform projection written back as HCL, the way `terraform fmt` leaves them. A
// string that is one whole `${…}` is how the projection holds an expression it could not evaluate
// (a reference such as `aws_subnet.a.id`): it goes back as that bare expression.

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const KEYWORDS = new Set(['true', 'false', 'null', 'for', 'in', 'if']);

/** The expression a projection string stands for, when it is exactly one `${…}`. */
export function expressionOf(value: string): string | undefined {
  const m = /^\$\{([^{}]*)\}$/.exec(value);
  return m && m[1].trim() !== '' ? m[1].trim() : undefined;
}

/** A quoted HCL string. A `${…}` inside stays an interpolation, as the projection read it. */
export function hclString(value: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are what must be escaped
  const escaped = value.replace(/[\\"\n\r\t]|%\{|[\u0000-\u001f]/g, (c) => {
    switch (c) {
      case '\\':
        return '\\\\';
      case '"':
        return '\\"';
      case '\n':
        return '\\n';
      case '\r':
        return '\\r';
      case '\t':
        return '\\t';
      case '%{':
        return '%%{';
      default:
        return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
    }
  });
  return `"${escaped}"`;
}

/** An attribute or object key: bare when HCL reads it as a name, quoted otherwise. */
export function hclKey(name: string): string {
  return IDENTIFIER.test(name) && !KEYWORDS.has(name) ? name : hclString(name);
}

/** A value as a one-line HCL expression. */
export function hclLiteral(value: Json): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return expressionOf(value) ?? hclString(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return `[${value.map(hclLiteral).join(', ')}]`;
  const members = Object.entries(value).map(([k, v]) => `${hclKey(k)} = ${hclLiteral(v)}`);
  return members.length ? `{ ${members.join(', ')} }` : '{}';
}

/** A projection value that is written as nested blocks in a block body: a non-empty list of bodies. */
export function isBlockList(value: Json | undefined): value is JsonObject[] {
  return Array.isArray(value) && value.length > 0 && value.every(isObject);
}

/**
 * A block body's members as lines at `indent`: attributes first, their `=` in one column, then each
 * nested block (the projection's list of bodies) as `name { … }`.
 */
export function bodyLines(body: JsonObject, indent: string): string[] {
  const entries = Object.entries(body);
  const attributes = entries.filter(([, v]) => !isBlockList(v));
  const blocks = entries.filter((e): e is [string, JsonObject[]] => isBlockList(e[1]));
  const width = Math.max(0, ...attributes.map(([k]) => hclKey(k).length));
  const lines = attributes.map(([k, v]) => `${indent}${hclKey(k).padEnd(width)} = ${hclLiteral(v)}`);
  for (const [name, bodies] of blocks) {
    for (const inner of bodies) {
      if (lines.length) lines.push('');
      lines.push(...blockLines(name, inner, indent));
    }
  }
  return lines;
}

/** One nested block `name { … }` at `indent`, its body two spaces further in. */
export function blockLines(name: string, body: JsonObject, indent: string): string[] {
  const inner = bodyLines(body, indent + '  ');
  return inner.length ? [`${indent}${hclKey(name)} {`, ...inner, `${indent}}`] : [`${indent}${hclKey(name)} {}`];
}
