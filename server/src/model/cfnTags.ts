import type { Json } from './types';

/**
 * CloudFormation's short-form intrinsic tags and the long form each one stands for
 * (CloudFormation User Guide, "Intrinsic function reference"). A YAML template reads as the same
 * plain value as its JSON twin, so the rules never learn which form was written.
 */
export const SHORT_FORM_TAGS: Readonly<Record<string, string>> = {
  '!Ref': 'Ref',
  '!Condition': 'Condition',
  '!GetAtt': 'Fn::GetAtt',
  '!Sub': 'Fn::Sub',
  '!Join': 'Fn::Join',
  '!If': 'Fn::If',
  '!Select': 'Fn::Select',
  '!Split': 'Fn::Split',
  '!FindInMap': 'Fn::FindInMap',
  '!ImportValue': 'Fn::ImportValue',
  '!GetAZs': 'Fn::GetAZs',
  '!Base64': 'Fn::Base64',
  '!Cidr': 'Fn::Cidr',
  '!Equals': 'Fn::Equals',
  '!Not': 'Fn::Not',
  '!And': 'Fn::And',
  '!Or': 'Fn::Or',
  '!Transform': 'Fn::Transform',
  '!ToJsonString': 'Fn::ToJsonString',
  '!Length': 'Fn::Length',
};

/** The long-form name of a tag, or undefined for a tag CloudFormation does not define. */
export function longFormOf(tag: string | undefined): string | undefined {
  return tag === undefined ? undefined : SHORT_FORM_TAGS[tag];
}

/** Whether a tag is one of YAML's own (`!!str`, `!!int`...), which the parser resolves itself. */
export function isYamlTag(tag: string): boolean {
  return tag.startsWith('tag:yaml.org,2002:');
}

/**
 * The long form's value. `!GetAtt Resource.Attribute` is a string in the short form and a
 * two-item list in the long one; the attribute keeps any further dots (`Endpoint.Address`).
 */
export function longFormValue(long: string, inner: Json): Json {
  if (long === 'Fn::GetAtt' && typeof inner === 'string') {
    const dot = inner.indexOf('.');
    return dot > 0 ? [inner.slice(0, dot), inner.slice(dot + 1)] : [inner];
  }
  return inner;
}

const SHORT_FORM_OF: ReadonlyMap<string, string> = new Map(Object.entries(SHORT_FORM_TAGS).map(([tag, long]) => [long, tag]));

/**
 * The short form of a long-form intrinsic (`{ "Ref": "X" }` → `!Ref` with `X`), for writing a value
 * into a template that uses short forms; undefined when it has none or the value has no short spelling.
 */
export function shortFormOf(long: string, inner: Json): { tag: string; value: Json } | undefined {
  const tag = SHORT_FORM_OF.get(long);
  if (!tag) return undefined;
  if (long !== 'Fn::GetAtt') return { tag, value: inner };
  // `!GetAtt A.B` reads back as the two-item list; an attribute computed with an intrinsic keeps the list.
  return Array.isArray(inner) && inner.length === 2 && inner.every((s) => typeof s === 'string') ? { tag, value: inner.join('.') } : { tag, value: inner };
}
