import type { Verdict } from '../../semantics/verdicts';
import { CompletionItemKind, InsertTextFormat, MarkupKind, type Command, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver';
import type { EcsDocument } from '../../model/document';
import { enumAt } from '../../structure/validate';
import { structureRoot, type CompletionContext } from './context';
import { valueText } from './writing';

// Building completion items: ranks, ranges, value choices with their reasons, snippets.

export const EMPTY: CompletionList = { isIncomplete: false, items: [] };

export const TRIGGER_SUGGEST: Command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

export const RANK_FIRST = 0;
export const RANK_PREFERRED = 1;
export const RANK_NORMAL = 2;
export const RANK_INVALID = 9;

export const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });

export function toRange(doc: EcsDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

export function markdown(value: string) {
  return { kind: MarkupKind.Markdown, value };
}

export function rankText(rank: number, index: number): string {
  return `${rank}${String(index).padStart(4, '0')}`;
}

export { snippetText } from './writing';

/** One value the user may pick. */
export interface Choice {
  readonly value: string;
  readonly detail: string;
  readonly documentation?: string;
  /** Why the rest of the document makes this value wrong: ranked last with this reason. */
  readonly invalid?: string;
  /** Ranked first and preselected. */
  readonly preferred?: boolean;
  readonly kind?: CompletionItemKind;
}

/** A value with the words that describe it in a completion list. */
export interface DescribedValue {
  readonly value: string;
  readonly detail: string;
  readonly documentation: string;
}

/** Strings (quoted as the site writes them) replacing the site's range, ranked: preferred first, invalid last with the reason. */
export function choiceItems(ctx: CompletionContext, choices: readonly Choice[]): CompletionItem[] {
  const range = toRange(ctx.doc, ctx.start, ctx.end);
  let preselected = false;
  return choices.map((choice, index) => {
    const quoted = valueText(ctx, choice.value);
    const rank = choice.invalid ? RANK_INVALID : choice.preferred ? RANK_PREFERRED : RANK_NORMAL;
    const docs = [choice.documentation ?? choice.detail];
    if (choice.invalid) docs.push('', `**Not valid here:** ${choice.invalid}`);
    const item: CompletionItem = {
      label: choice.value,
      kind: choice.kind ?? CompletionItemKind.EnumMember,
      detail: choice.invalid ? `Not valid here: ${choice.invalid}` : choice.detail,
      documentation: markdown(docs.join('\n')),
      sortText: rankText(rank, index),
      filterText: quoted,
      textEdit: { range, newText: ctx.leading + quoted + ctx.trailing },
    };
    if (rank === RANK_PREFERRED && !preselected) {
      item.preselect = true;
      preselected = true;
    }
    return item;
  });
}

/** The choices as a completion list. */
export function choiceList(ctx: CompletionContext, choices: readonly Choice[]): CompletionList {
  return list(choiceItems(ctx, choices));
}

/** A value written as a snippet (a ready-made array or expression), not a plain JSON string. */
export function snippetValueItem(
  ctx: CompletionContext,
  label: string,
  snippet: string,
  text: { readonly detail: string; readonly documentation: string },
  index: number,
  command?: Command,
): CompletionItem {
  const item: CompletionItem = {
    label,
    kind: CompletionItemKind.Value,
    detail: text.detail,
    documentation: markdown(text.documentation),
    sortText: rankText(RANK_NORMAL, index),
    filterText: label,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: toRange(ctx.doc, ctx.start, ctx.end), newText: ctx.leading + snippet + ctx.trailing },
  };
  if (command) item.command = command;
  return item;
}

/** The enum the structural model knows at `path` of the site's unit. */
export function modelEnum(ctx: CompletionContext, path = ctx.rel): readonly string[] | undefined {
  const root = structureRoot(ctx.unit);
  return root && enumAt(root, ctx.unit.style, path);
}

/**
 * Enum values from the model at this path, in the order of a description table (unknown values
 * last, plainly described), each judged by `verdict` (a reason makes it invalid here).
 */
export function describedEnum(ctx: CompletionContext, table: readonly DescribedValue[], verdict?: Verdict): Choice[] {
  const model = modelEnum(ctx) ?? table.map((d) => d.value);
  const known = table.filter((d) => model.includes(d.value));
  const rest = model.filter((v) => !table.some((d) => d.value === v));
  return [
    ...known.map((d) => ({
      value: d.value,
      detail: d.detail,
      documentation: d.documentation,
      invalid: verdict?.refuse(d.value)?.reason,
      preferred: verdict?.only === d.value,
    })),
    ...rest.map((value) => ({ value, detail: 'allowed value', invalid: verdict?.refuse(value)?.reason })),
  ];
}
