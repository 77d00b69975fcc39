import { CompletionItemKind, type CompletionList } from 'vscode-languageserver';
import { obj, str } from '../../../model/values';
import { stringInside } from '../cursor';
import { taskOf, type CompletionContext } from '../context';
import { instanceTypesInPlay } from '../../../semantics/inPlay';
import { instanceTypeItems } from '../instanceTypes';
import { choiceList, list, snippetValueItem, toRange, TRIGGER_SUGGEST, type Choice } from '../items';
import { INDEX, pathIs, type ValueProvider } from './registry';

// Task placement: a strategy's field (depends on its type) and constraint expressions in the
// cluster query language, where an instance type gets its ENI density.

const STRATEGY_FIELDS: Readonly<Record<string, readonly Choice[]>> = {
  binpack: [
    {
      value: 'memory',
      detail: 'pack by remaining memory',
      documentation: 'Places tasks on the instance with the least memory left, so fewer instances are used.',
    },
    { value: 'cpu', detail: 'pack by remaining CPU', documentation: 'Places tasks on the instance with the least CPU left.' },
  ],
  spread: [
    { value: 'attribute:ecs.availability-zone', detail: 'spread over Availability Zones', documentation: 'Balances tasks across Availability Zones.' },
    { value: 'instanceId', detail: 'spread over instances', documentation: 'Balances tasks across container instances.' },
  ],
};

function strategyFields(ctx: CompletionContext): CompletionList | undefined {
  const index = ctx.api[1];
  const entries = ctx.unit.value.placementStrategy;
  const entry = Array.isArray(entries) && typeof index === 'number' ? obj(entries[index]) : undefined;
  const fields = STRATEGY_FIELDS[str(entry?.type) ?? ''];
  return fields
    ? choiceList(
        ctx,
        fields.map((f) => ({ ...f, kind: CompletionItemKind.Value })),
      )
    : undefined;
}

/** Right after `attribute:ecs.instance-type ==` (or `!=`, `=~`, `!~`) or inside its `in [...]` / `not_in [...]` list. */
const INSTANCE_TYPE_OPERAND = /attribute:ecs\.instance-type\s*(?:(?:==|!=|=~|!~)\s*|(?:not_)?in\s*\[(?:\s*[\w.*-]+\s*,)*\s*)([\w.*-]*)$/;
const TYPE_CHAR = /[\w.*-]/;

const STARTERS: readonly [label: string, snippet: string, detail: string, documentation: string][] = [
  ['attribute:ecs.instance-type == …', 'attribute:ecs.instance-type == $1', 'one instance type', 'Only instances of one EC2 instance type.'],
  ['attribute:ecs.instance-type in […]', 'attribute:ecs.instance-type in [$1]', 'a list of instance types', 'Only instances whose type is in the list.'],
  [
    'attribute:ecs.availability-zone in […]',
    'attribute:ecs.availability-zone in [$1]',
    'a list of Availability Zones',
    'Only instances in the listed Availability Zones.',
  ],
];

/** The instance types to rank first: the cluster's from the environment file, else the setting. */
function preferredTypes(ctx: CompletionContext): string[] {
  const v = ctx.unit.kind === 'service' ? ctx.unit.value : {};
  return instanceTypesInPlay(ctx.settings, ctx.env, str(v.cluster), str(v.serviceName) ?? str(v.service)).types.map((t) => t.name);
}

function expressionItems(ctx: CompletionContext): CompletionList | undefined {
  const inside = stringInside(ctx.offset, ctx.token);
  if (!inside) return undefined;
  const match = INSTANCE_TYPE_OPERAND.exec(ctx.text.slice(inside.start, ctx.offset));
  if (match) {
    const prefix = match[1];
    let end = ctx.offset;
    while (end < inside.end && TYPE_CHAR.test(ctx.text.charAt(end))) end++;
    const range = toRange(ctx.doc, ctx.offset - prefix.length, end);
    return instanceTypeItems(prefix, range, taskOf(ctx)?.os ?? ctx.settings.os, preferredTypes(ctx));
  }
  if (ctx.text.slice(inside.start, inside.end).trim() !== '') return undefined;
  // An empty expression: the usual starting points.
  return list(
    STARTERS.map(([label, snippet, detail, documentation], i) =>
      snippetValueItem(ctx, label, `"${snippet}"`, { detail, documentation: `${documentation} Written in the cluster query language.` }, i, TRIGGER_SUGGEST),
    ),
  );
}

export const placementProviders: readonly ValueProvider[] = [
  { id: 'placement-strategy-field', kinds: ['service'], matches: pathIs('placementStrategy', INDEX, 'field'), provide: strategyFields },
  {
    id: 'placement-constraint-expression',
    kinds: ['task-definition', 'service'],
    matches: pathIs('placementConstraints', INDEX, 'expression'),
    provide: expressionItems,
  },
];
