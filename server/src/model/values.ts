import type { Json, JsonObject, Style } from './types';
import { hasTemplateToken, isIdPlaceholder } from '../core/placeholders';

// Readers that turn document values into what a rule can reason about. Anything a rule cannot be
// sure of (an intrinsic function, a template placeholder, a wrong type) reads as `undefined`,
// so rules stay silent rather than guess.

/** A JSON object: not null, not an array. Takes any value, so parsed JSON from anywhere can be checked. */
export function isObject(v: unknown): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** A CloudFormation intrinsic function or condition: `{"Ref": …}`, `{"Fn::…": …}`. */
export function isIntrinsic(v: Json | undefined): boolean {
  if (!isObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length === 1 && (keys[0] === 'Ref' || keys[0] === 'Condition' || keys[0].startsWith('Fn::'));
}

/** A string holding a template variable (`${VAR}`, `{{ … }}`, `<IMAGE1_NAME>`…; core/placeholders.ts). */
export function isPlaceholder(v: Json | undefined): boolean {
  return typeof v === 'string' && hasTemplateToken(v);
}

/** `null`, `""`, `[]`, `{}` and `{"Ref": "AWS::NoValue"}` all mean "not set" (exports are full of them). */
export function isUnset(v: Json | undefined): boolean {
  if (v === undefined || v === null || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (isObject(v)) return Object.keys(v).length === 0 || (v.Ref === 'AWS::NoValue' && Object.keys(v).length === 1);
  return false;
}

/** A value that is known and concrete: set, not intrinsic, not a placeholder. */
export function isKnown(v: Json | undefined): boolean {
  return !isUnset(v) && !isIntrinsic(v) && !isPlaceholder(v);
}

export function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' && v !== '' && !isPlaceholder(v) ? v : undefined;
}

/** An id (subnet, security group, ARN): also undefined for documentation stand-ins such as `sg-EXAMPLE`. */
export function idStr(v: Json | undefined): string | undefined {
  const s = str(v);
  return s !== undefined && !isIdPlaceholder(s) ? s : undefined;
}

/** Numbers; in CloudFormation numeric strings too, since CloudFormation converts them. */
export function num(v: Json | undefined, style: Style): number | undefined {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (style === 'cfn' && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim())) return Number(v);
  return undefined;
}

export function bool(v: Json | undefined, style: Style): boolean | undefined {
  if (typeof v === 'boolean') return v;
  if (style === 'cfn' && (v === 'true' || v === 'false')) return v === 'true';
  return undefined;
}

export function arr(v: Json | undefined): Json[] | undefined {
  return Array.isArray(v) ? v : undefined;
}

export function obj(v: Json | undefined): JsonObject | undefined {
  return isObject(v) && !isIntrinsic(v) ? v : undefined;
}

/** The strings of a list, or undefined when the list itself is not concrete. Unknown items are skipped. */
export function strList(v: Json | undefined): string[] | undefined {
  const list = arr(v);
  if (!list) return undefined;
  const out: string[] = [];
  for (const item of list) {
    const s = str(item);
    if (s !== undefined) out.push(s);
  }
  return out;
}
