import { CompletionItemKind, type CompletionItem } from 'vscode-languageserver';
import type { JsonPath } from '../../../model/types';
import { membersAt, type MemberInfo } from '../../../structure/validate';
import { structureRoot, type CompletionContext } from '../context';
import { choiceItems, list, modelEnum, RANK_NORMAL, rankText, snippetValueItem, toRange } from '../items';
import { oneValueList } from '../writing';
import { anyPath, type ValueProvider } from './registry';

// What the structural model alone can offer anywhere: its enums, true/false for booleans, and
// ready-made one-value lists for a list of enums not yet written. Asked after the specific providers.

function lastName(path: JsonPath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

function memberInfo(ctx: CompletionContext): MemberInfo | undefined {
  const key = ctx.rel[ctx.rel.length - 1];
  const root = structureRoot(ctx.unit);
  if (typeof key !== 'string' || !root) return undefined;
  return membersAt(root, ctx.unit.style, ctx.rel.slice(0, -1))?.find((m) => m.name === key);
}

/** A list property with nothing written yet: one ready-made list per allowed value. */
export function enumListItems(ctx: CompletionContext): CompletionItem[] {
  if (ctx.token) return [];
  const values = modelEnum(ctx, [...ctx.rel, 0]) ?? [];
  return values.map((value, index) => {
    const { label, snippet } = oneValueList(ctx, value);
    return snippetValueItem(
      ctx,
      label,
      snippet,
      { detail: 'a list with one value', documentation: `A list holding \`${value}\`; add more values after it.` },
      index,
    );
  });
}

function booleanItems(ctx: CompletionContext): CompletionItem[] {
  const range = toRange(ctx.doc, ctx.start, ctx.end);
  return ['true', 'false'].map((label, index) => ({
    label,
    kind: CompletionItemKind.Value,
    sortText: rankText(RANK_NORMAL, index),
    textEdit: { range, newText: ctx.leading + label + ctx.trailing },
  }));
}

const ECS_KINDS = ['task-definition', 'service', 'target-group'] as const;

export const genericProviders: readonly ValueProvider[] = [
  {
    id: 'model-enum',
    kinds: ECS_KINDS,
    matches: anyPath,
    provide(ctx) {
      const values = modelEnum(ctx);
      if (!values) return undefined;
      const name = lastName(ctx.rel);
      return list(
        choiceItems(
          ctx,
          values.map((value) => ({ value, detail: name ? `${name}: allowed value` : 'allowed value' })),
        ),
      );
    },
  },
  {
    id: 'model-boolean-or-list',
    kinds: ECS_KINDS,
    matches: anyPath,
    provide(ctx) {
      const member = memberInfo(ctx);
      if (member?.type === 'boolean') return list(booleanItems(ctx));
      if (member?.type === 'array' && !ctx.token) {
        const items = enumListItems(ctx);
        return items.length ? list(items) : undefined;
      }
      return undefined;
    },
  },
];
