import { InsertTextFormat, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver';
import type { Environment } from '../../core/environment';
import { EcsDocument } from '../../model/document';
import type { SyntaxNode } from '../../model/syntax';
import type { Json } from '../../model/types';
import type { References } from '../../semantics/references';
import type { Settings } from '../../settings';
import { hclLiteral, hclString } from '../terraform/hclWriting';
import type { CompletionContext } from './context';
import type { Token } from './cursor';
import { instanceTypeItems } from './instanceTypes';
import { EMPTY, toRange } from './items';
import type { ValueProviders } from './providers/registry';

// Value completion in `.tf` files. The reader gives the projection path at the cursor; the table
// gives the API path the value providers know (`network_mode` is `networkMode`), so every provider
// answers as it does in JSON, and its items are spelt for HCL here: a choice typed inside quotes
// replaces the inside of the quotes, one typed after `=` comes with its quotes, and a number stays
// a number. Nothing is offered on an unknown (an expression, an interpolation).

/** Resources that are no unit but whose `instance_type` deserves the instance types with their ENI density. */
const INSTANCE_TYPE_HOLDERS = new Set(['aws_launch_template', 'aws_instance']);

interface Site {
  /** The document the providers read: the user's, or with `""` typed at an empty value so that it parses. */
  readonly doc: EcsDocument;
  readonly node: SyntaxNode;
  /** Where the cursor is in `doc`. */
  readonly offset: number;
  /** `""` was added at this offset of the user's text. */
  readonly added?: number;
}

/** The scalars a value can be completed on; an object, a list or an expression cannot. */
const SCALARS = new Set(['string', 'number', 'boolean', 'null']);

/** An empty value being typed: after `=`, `[` or `,`, with nothing but a closer or the line's end after it. */
function emptyValueAt(text: string, offset: number): boolean {
  const before = /([=[,])[ \t]*$/.exec(text.slice(Math.max(0, offset - 200), offset));
  const after = /^[ \t]*(\r?\n|[\],}]|$)/.exec(text.slice(offset, offset + 200));
  return before !== null && after !== null && !(before[1] === '=' && /[=!<>]$/.test(text.slice(0, offset).trimEnd().slice(0, -1)));
}

function siteAt(doc: EcsDocument, offset: number): { site: Site; owned?: EcsDocument } | undefined {
  const node = doc.syntaxNodeAt(offset);
  if (node && SCALARS.has(node.type) && offset > node.offset && offset <= node.offset + node.length) return { site: { doc, node, offset } };
  if (!emptyValueAt(doc.text, offset)) return undefined;
  // Parsed from a copy of the user's tree: a fresh parse of a large file takes seconds.
  const patched = new EcsDocument(doc.uri, doc.version, doc.text.slice(0, offset) + '""' + doc.text.slice(offset), undefined, doc, true);
  const inner = patched.syntaxNodeAt(offset + 1);
  if (!inner || inner.type !== 'string' || inner.offset !== offset) {
    patched.release();
    return undefined;
  }
  return { site: { doc: patched, node: inner, offset: offset + 1, added: offset }, owned: patched };
}

export interface TerraformCompletionInputs {
  readonly settings: Settings;
  readonly refs: References;
  readonly env?: Environment;
  readonly providers: ValueProviders;
}

/** Completions at `offset` of a `.tf` document. */
export function terraformCompletions(doc: EcsDocument, offset: number, inputs: TerraformCompletionInputs): CompletionList {
  if (!Number.isInteger(offset) || offset < 0 || offset > doc.text.length) return EMPTY;
  const found = siteAt(doc, offset);
  if (!found) return EMPTY;
  try {
    const answered = answer(found.site, inputs);
    return answered?.list ? spell(answered.list, doc, found.site, answered.toDoc) : EMPTY;
  } finally {
    found.owned?.release();
  }
}

interface Answer {
  readonly list: CompletionList | undefined;
  /** A value as the provider gives it (API spelling) → as the projection holds it (`ENABLED` → `true`). */
  readonly toDoc: (value: string) => Json;
}

function answer(site: Site, inputs: TerraformCompletionInputs): Answer | undefined {
  const { doc, node } = site;
  // An interpolation or an expression is not ours to complete.
  if (node.type === 'string' && (typeof node.value !== 'string' || node.value.includes('${') || node.contentOffset === undefined)) return undefined;
  const [root, type, , ...rel] = node.path;
  if (root !== 'resource' || typeof type !== 'string' || rel.length === 0) return undefined;
  const end = node.offset + node.length;
  const inside = node.contentOffset === undefined ? undefined : { start: node.contentOffset, end: end - 1 };
  const token: Token = { kind: node.type === 'string' ? 'string' : 'other', start: node.offset, end, inside };
  if (INSTANCE_TYPE_HOLDERS.has(type) && rel.length === 1 && rel[0] === 'instance_type' && node.type === 'string') {
    if (!inside) return undefined;
    const list = instanceTypeItems(
      doc.text.slice(inside.start, site.offset),
      toRange(doc, inside.start, inside.end),
      inputs.settings.os,
      inputs.settings.defaultInstanceTypes,
    );
    return { list, toDoc: (v) => v };
  }
  const unit = doc.unitAt(node.path);
  const api = unit?.apiPathOf?.(node.path);
  if (!unit || !api) return undefined;
  const ctx: CompletionContext = {
    doc,
    text: doc.text,
    offset: site.offset,
    token,
    path: node.path,
    unit,
    self: { unit, uri: doc.uri, doc },
    // Terraform units are in API spelling: the structural model reads the API path.
    rel: api,
    api,
    start: token.start,
    end: token.end,
    trailing: '',
    leading: '',
    // Spelt as JSON by the providers, then as HCL by spell() below.
    writing: { syntax: 'json' },
    settings: inputs.settings,
    refs: inputs.refs,
    env: inputs.env,
  };
  return { list: inputs.providers.provide(ctx), toDoc: (v) => unit.toDocValue?.(api, v) ?? v };
}

const JSON_STRING = /^"(?:[^"\\]|\\.)*"$/;

/**
 * Items as HCL at the user's cursor: inside quotes a choice replaces the inside and is matched
 * without its quotes; a numeric choice replacing a number stays a number; where `""` was added for
 * the reader, the ranges go back to the user's text, quotes included in what is inserted.
 */
function spell(list: CompletionList, user: EcsDocument, site: Site, toDoc: (value: string) => Json): CompletionList {
  const { node, doc } = site;
  const whole = toRange(doc, node.offset, node.offset + node.length);
  const same = (a: Range, b: Range) => JSON.stringify(a) === JSON.stringify(b);
  const items = list.items.map((item): CompletionItem => {
    const edit = item.textEdit && 'range' in item.textEdit ? item.textEdit : undefined;
    if (!edit) return item;
    const plain = item.insertTextFormat !== InsertTextFormat.Snippet && JSON_STRING.test(edit.newText);
    if (site.added !== undefined) {
      const at = user.positionAt(site.added);
      const converted = plain ? toDoc(JSON.parse(edit.newText) as string) : undefined;
      const text = converted !== undefined ? hclLiteral(converted) : same(edit.range, whole) ? edit.newText : `"${edit.newText}"`;
      const label = converted !== undefined && typeof converted !== 'string' ? text : item.label;
      return { ...item, label, textEdit: { range: { start: at, end: at }, newText: text } };
    }
    if (!plain || !same(edit.range, whole)) return item;
    const value = JSON.parse(edit.newText) as string;
    const converted = toDoc(value);
    if (typeof converted !== 'string') {
      // `assign_public_ip` is a bool where the API says ENABLED: the item is the HCL value.
      const text = hclLiteral(converted);
      return { ...item, label: text, filterText: text, textEdit: { range: edit.range, newText: text } };
    }
    if (node.type === 'number' && /^\d+$/.test(value)) return { ...item, filterText: value, textEdit: { range: edit.range, newText: value } };
    if (node.type !== 'string' || node.contentOffset === undefined) return item;
    const inside = toRange(doc, node.contentOffset, node.offset + node.length - 1);
    return { ...item, filterText: value, textEdit: { range: inside, newText: hclString(value).slice(1, -1) } };
  });
  return { ...list, items };
}
