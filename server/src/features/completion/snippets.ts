import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { cfnKey } from '../../model/normalise';
import { taskFacts } from '../../semantics/facts';
import type { KeyContext } from './context';
import { markdown, RANK_FIRST, rankText, snippetText, toRange } from './items';
import { asWritten, keyFilterText, keyText, yamlBlock } from './writing';

// Ready-made blocks for the properties people get wrong most, ranked before every property name.

/** The item with a ',' inserted after the previous entry when the site needs one. */
export function withLeadingComma(ctx: KeyContext, item: CompletionItem): CompletionItem {
  if (ctx.commaAt === undefined) return item;
  const at = ctx.doc.positionAt(ctx.commaAt);
  item.additionalTextEdits = [{ range: { start: at, end: at }, newText: ',' }];
  return item;
}

interface Block {
  readonly apiName: string;
  /** The value in JSON, tab-indented. */
  readonly body: string;
  /** The value in YAML, two spaces per level, below its name; `list` when it is a list. */
  readonly yaml: readonly string[];
  readonly list: boolean;
  readonly detail: string;
  readonly documentation: string;
}

export function blockSnippets(ctx: KeyContext, present: ReadonlySet<string>): CompletionItem[] {
  if (ctx.hasColon || (ctx.writing.syntax === 'yaml' && ctx.writing.flow)) return [];
  const name = (apiName: string) => (ctx.unit.style === 'cfn' ? cfnKey(apiName) : apiName);
  const blocks = [networkConfigurationBlock(ctx, name), portMappingsBlock(ctx, name)].filter((b): b is Block => b !== undefined);
  const items: CompletionItem[] = [];
  for (const block of blocks) {
    const key = name(block.apiName);
    if (present.has(key)) continue;
    const item: CompletionItem = {
      label: key,
      kind: CompletionItemKind.Snippet,
      detail: block.detail,
      documentation: markdown(block.documentation),
      sortText: rankText(RANK_FIRST, items.length),
      filterText: keyFilterText(ctx, key),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: toRange(ctx.doc, ctx.start, ctx.end), newText: `${snippetText(keyText(ctx, key))}${valueOf(ctx, block)}${ctx.trailing}` },
    };
    items.push(asWritten(ctx, withLeadingComma(ctx, item)));
  }
  return items;
}

function valueOf(ctx: KeyContext, block: Block): string {
  return ctx.writing.syntax === 'json' ? `: ${block.body}` : `:${yamlBlock(ctx, block.yaml, block.list)}$0`;
}

function networkConfigurationBlock(ctx: KeyContext, name: (apiName: string) => string): Block | undefined {
  if (ctx.unit.kind !== 'service' || ctx.api.length !== 0) return undefined;
  const body = [
    '{',
    `\t"${name('awsvpcConfiguration')}": {`,
    `\t\t"${name('subnets')}": ["$1"],`,
    `\t\t"${name('securityGroups')}": ["$2"],`,
    `\t\t"${name('assignPublicIp')}": "DISABLED"`,
    '\t}',
    '}$0',
  ].join('\n');
  const yaml = [
    `${name('awsvpcConfiguration')}:`,
    `  ${name('subnets')}:`,
    '    - $1',
    `  ${name('securityGroups')}:`,
    '    - $2',
    `  ${name('assignPublicIp')}: DISABLED`,
  ];
  return {
    apiName: 'networkConfiguration',
    body,
    yaml,
    list: false,
    detail: 'awsvpc block: subnets, security groups, no public IP',
    documentation:
      'Network configuration for an `awsvpc` task definition: the subnets and security groups given to each task’s ENI. `assignPublicIp` starts as `DISABLED`; only Fargate tasks can get a public IP.',
  };
}

function portMappingsBlock(ctx: KeyContext, name: (apiName: string) => string): Block | undefined {
  const { api, unit } = ctx;
  if (unit.kind !== 'task-definition' || api.length !== 2 || api[0] !== 'containerDefinitions' || typeof api[1] !== 'number') return undefined;
  const mode = taskFacts(unit).effectiveMode;
  if (mode === 'none') return undefined;
  const mapping = [`\t\t"${name('containerPort')}": \${1:80},`];
  const yaml = [`- ${name('containerPort')}: \${1:80}`];
  if (mode === 'bridge') {
    mapping.push(`\t\t"${name('hostPort')}": \${2:0},`);
    yaml.push(`  ${name('hostPort')}: \${2:0}`);
  }
  mapping.push(`\t\t"${name('protocol')}": "tcp"`);
  yaml.push(`  ${name('protocol')}: tcp`);
  const hostNote =
    mode === 'bridge'
      ? '`hostPort` 0 lets Docker pick a dynamic host port, so several copies fit on one instance.'
      : mode === 'awsvpc' || mode === 'host'
        ? `\`hostPort\` is left out: in \`${mode}\` mode it is always the container port.`
        : '`hostPort` is left out, which works in every network mode.';
  return {
    apiName: 'portMappings',
    body: ['[', '\t{', ...mapping, '\t}', ']$0'].join('\n'),
    yaml,
    list: true,
    detail: 'one port mapping for this network mode',
    documentation: `A port mapping for this container. ${hostNote}`,
  };
}
