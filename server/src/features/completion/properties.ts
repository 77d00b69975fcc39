import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import type { JsonPath } from '../../model/types';
import { isObject } from '../../model/values';
import { taskFacts } from '../../semantics/facts';
import { enumAt, membersAt, type MemberInfo } from '../../structure/validate';
import { apiPathOf, type EcsUnit, type KeyContext } from './context';
import { snippetText, toRange, TRIGGER_SUGGEST } from './items';
import { blockSnippets, withLeadingComma } from './snippets';
import { afterName, asWritten, keyFilterText, keyText } from './writing';

// Property names from the structural model: members not written yet, each with a value
// placeholder for its type, after the ready-made blocks.

export function propertyNames(ctx: KeyContext): CompletionList | undefined {
  const { unit, rel } = ctx;
  const members = membersAt(unit.kind, unit.style, rel);
  if (!members) return undefined;
  const present = presentKeys(ctx);
  const items: CompletionItem[] = blockSnippets(ctx, present);
  const offered = members.filter((m) => !m.readOnly && !present.has(m.name) && !excludedMember(unit, rel, m.name));
  offered.forEach((m) => items.push(propertyItem(ctx, m)));
  return items.length ? { isIncomplete: false, items } : undefined;
}

/** Members that belong to the other of CreateService / UpdateService. */
function excludedMember(unit: EcsUnit, rel: JsonPath, name: string): boolean {
  if (unit.kind !== 'service' || unit.style !== 'api' || rel.length > 0) return false;
  return unit.update ? name === 'serviceName' || name === 'clientToken' : name === 'service' || name === 'forceNewDeployment';
}

/** Keys already in the object, except the one being typed. */
function presentKeys(ctx: KeyContext): Set<string> {
  if (ctx.present) return new Set(ctx.present);
  const keys = new Set<string>();
  const object = ctx.doc.valueAt(ctx.path);
  if (!isObject(object)) return keys;
  for (const name of Object.keys(object)) {
    const key = ctx.doc.tree.locate([...ctx.path, name])?.key;
    if (key && ctx.offset >= key.offset && ctx.offset <= key.offset + key.length) continue;
    keys.add(name);
  }
  return keys;
}

/** Whether the value of member `m` gets completions of its own (then the editor is asked to show them). */
function hasValueCompletions(ctx: KeyContext, m: MemberInfo): boolean {
  if (m.enum) return true;
  const { unit } = ctx;
  const path = [...ctx.rel, m.name];
  if (m.type === 'array' && enumAt(unit.kind, unit.style, [...path, 0])) return true;
  const api = apiPathOf(unit, path);
  if (unit.kind === 'task-definition' && api.length === 1 && (api[0] === 'cpu' || api[0] === 'memory')) return taskFacts(unit).fargate;
  return unit.kind === 'service' && api.length === 1 && api[0] === 'platformVersion';
}

function propertyItem(ctx: KeyContext, m: MemberInfo): CompletionItem {
  const quoted = keyText(ctx, m.name);
  const range = toRange(ctx.doc, ctx.start, ctx.end);
  const withValues = hasValueCompletions(ctx, m);
  const item: CompletionItem = {
    label: m.name,
    kind: CompletionItemKind.Property,
    detail: `${m.type}${m.required ? ' · required' : ''}${m.enum ? ` · ${m.enum.join(' | ')}` : ''}`,
    sortText: `${m.required ? 1 : 2}${m.name}`,
    filterText: keyFilterText(ctx, m.name),
  };
  if (ctx.hasColon) {
    item.insertTextFormat = InsertTextFormat.PlainText;
    item.textEdit = { range, newText: quoted };
  } else {
    item.insertTextFormat = InsertTextFormat.Snippet;
    item.textEdit = { range, newText: `${snippetText(quoted)}${afterName(ctx, m, withValues && m.type === 'array')}${ctx.trailing}` };
    if (withValues && m.type !== 'array') item.command = TRIGGER_SUGGEST;
  }
  return asWritten(ctx, withLeadingComma(ctx, item));
}
