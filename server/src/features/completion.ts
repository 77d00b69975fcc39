import { createScanner, getLocation, SyntaxKind, ScanError } from 'jsonc-parser';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  type Command,
  type CompletionItem,
  type CompletionList,
  type Range,
  type TextEdit,
} from 'vscode-languageserver';
import { eniDensity, fargateCpuOptions, fargateMemoryOptions, getInstanceType, instanceTypeNames, type InstanceType, type Os } from '../core';
import { FARGATE_LINUX_PLATFORM_VERSIONS, FARGATE_WINDOWS_OS_FAMILIES, FARGATE_WINDOWS_PLATFORM_VERSIONS } from '../core/data/fargate';
import type { EcsDocument, Unit } from '../model/document';
import { apiKey, cfnKey } from '../model/normalise';
import type { JsonPath } from '../model/types';
import { isObject, obj, str } from '../model/values';
import { serviceFacts, taskFacts, type TaskFacts } from '../semantics/facts';
import type { Settings } from '../settings';
import { enumAt, membersAt, type MemberInfo, type StructureRoot } from '../structure/validate';

// Completion for ECS documents: values ranked by what the rest of the document allows (an invalid
// choice is still offered, last, with the reason), Fargate sizes and EC2 instance types from the
// core tables, and property names from the structural model. Everything here is computed from
// the cached EcsDocument; the text is only scanned to learn what surrounds the cursor.

const EMPTY: CompletionList = { isIncomplete: false, items: [] };

/** More instance types than this would flood the list; the client asks again as the user types. */
export const MAX_INSTANCE_TYPE_ITEMS = 200;

const TRIGGER_SUGGEST: Command = { title: 'Suggest values', command: 'editor.action.triggerSuggest' };

/** Completions at `offset` (UTF-16 code units into `doc.text`). Never throws: anything unexpected gives an empty list. */
export function completionsAt(doc: EcsDocument, offset: number, settings: Settings): CompletionList {
  try {
    return compute(doc, offset, settings) ?? EMPTY;
  } catch {
    return EMPTY;
  }
}

// ------------------------------------------------------------------ where the cursor is

interface Token {
  readonly kind: SyntaxKind;
  readonly start: number;
  readonly end: number;
}

const VALUE_TOKENS: ReadonlySet<SyntaxKind> = new Set([
  SyntaxKind.StringLiteral,
  SyntaxKind.NumericLiteral,
  SyntaxKind.TrueKeyword,
  SyntaxKind.FalseKeyword,
  SyntaxKind.NullKeyword,
  SyntaxKind.Unknown,
]);

/** Tokens that start another member or item: an insertion placed before one needs a trailing comma. */
const STARTS_ENTRY: ReadonlySet<SyntaxKind> = new Set([...VALUE_TOKENS, SyntaxKind.OpenBraceToken, SyntaxKind.OpenBracketToken]);

interface Scan {
  readonly tokens: readonly Token[];
  readonly inComment: boolean;
}

/** The significant tokens of the text, and whether the cursor sits inside a comment. */
function scanText(text: string, offset: number): Scan {
  const scanner = createScanner(text, false);
  const tokens: Token[] = [];
  let inComment = false;
  for (;;) {
    const kind = scanner.scan();
    if (kind === SyntaxKind.EOF) break;
    const start = scanner.getTokenOffset();
    const end = start + scanner.getTokenLength();
    if (kind === SyntaxKind.LineCommentTrivia || kind === SyntaxKind.BlockCommentTrivia) {
      // A line comment runs to the end of its line, an unclosed block comment to the end of the text.
      const open = kind === SyntaxKind.LineCommentTrivia || scanner.getTokenError() === ScanError.UnexpectedEndOfComment;
      if (offset > start && (offset < end || (open && offset === end))) inComment = true;
      continue;
    }
    if (kind === SyntaxKind.Trivia || kind === SyntaxKind.LineBreakTrivia) continue;
    tokens.push({ kind, start, end });
  }
  return { tokens, inComment };
}

/** The key or value token the cursor is in or touches (preferring the one it is inside). */
function tokenAt(tokens: readonly Token[], offset: number): Token | undefined {
  let touching: Token | undefined;
  for (const t of tokens) {
    if (t.start > offset) break;
    if (!VALUE_TOKENS.has(t.kind) || offset > t.end) continue;
    if (t.start < offset) return t;
    touching ??= t;
  }
  return touching;
}

function tokenBefore(tokens: readonly Token[], offset: number): Token | undefined {
  let found: Token | undefined;
  for (const t of tokens) {
    if (t.end > offset) break;
    found = t;
  }
  return found;
}

function tokenAfter(tokens: readonly Token[], offset: number): Token | undefined {
  return tokens.find((t) => t.start >= offset);
}

/** What is typed, and where the chosen item goes. */
interface Site {
  readonly doc: EcsDocument;
  readonly text: string;
  readonly offset: number;
  readonly settings: Settings;
  readonly unit: EcsUnit;
  /** Path relative to the unit in the document's own spelling (what the structural model expects). */
  readonly rel: JsonPath;
  /** The same path in API spelling (what facts and our tables use). */
  readonly api: JsonPath;
  /** Text range the item replaces. */
  readonly start: number;
  readonly end: number;
  /** The token being replaced, if any. */
  readonly token?: Token;
  /** Appended to the inserted text when another entry follows without a comma. */
  readonly trailing: string;
}

interface KeySite extends Site {
  /** Full document path of the object whose member is being named. */
  readonly objectPath: JsonPath;
  /** The name is followed by a ':' already: insert the name alone. */
  readonly hasColon: boolean;
  /** Offset after the previous entry that needs a ',' before the new member. */
  readonly commaAt?: number;
}

function compute(doc: EcsDocument, offset: number, settings: Settings): CompletionList | undefined {
  if (doc.kind === 'unknown' || doc.units.length === 0) return undefined;
  const text = doc.text.charCodeAt(0) === 0xfeff ? ' ' + doc.text.slice(1) : doc.text;
  if (!Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined;
  const scan = scanText(text, offset);
  if (scan.inComment) return undefined;
  const { tokens } = scan;
  const loc = getLocation(text, offset);
  const path = loc.path;
  const at = tokenAt(tokens, offset);

  if (loc.isAtPropertyKey) {
    const objectPath = path.slice(0, -1);
    if (at) {
      if (at.kind !== SyntaxKind.StringLiteral && at.kind !== SyntaxKind.Unknown) return undefined;
      return keyCompletions(doc, text, offset, settings, objectPath, at.start, at.end, at, tokens);
    }
    const before = tokenBefore(tokens, offset);
    if (!before || before.kind === SyntaxKind.OpenBraceToken || before.kind === SyntaxKind.CommaToken) {
      return keyCompletions(doc, text, offset, settings, objectPath, offset, offset, undefined, tokens);
    }
    // getLocation still reports a key position after a nested object or list closes: a new member, comma first.
    if (before.kind === SyntaxKind.CloseBraceToken || before.kind === SyntaxKind.CloseBracketToken) {
      return keyCompletions(doc, text, offset, settings, objectPath, offset, offset, undefined, tokens, before.end);
    }
    return undefined;
  }

  const last = path[path.length - 1];
  if (path.length === 0 || last === '') return undefined;

  if (at) {
    const before = tokenBefore(tokens, at.start);
    if (!before || !isValueOpener(before.kind)) return undefined;
    return valueCompletions(doc, text, offset, settings, path, at.start, at.end, at, tokens);
  }

  const before = tokenBefore(tokens, offset);
  if (!before) return undefined;
  if (isValueOpener(before.kind)) return valueCompletions(doc, text, offset, settings, path, offset, offset, undefined, tokens);

  // Just after a complete value with no comma yet: a new member of the same object, comma included.
  const afterValue = VALUE_TOKENS.has(before.kind) || before.kind === SyntaxKind.CloseBraceToken || before.kind === SyntaxKind.CloseBracketToken;
  if (afterValue && typeof last === 'string') {
    return keyCompletions(doc, text, offset, settings, path.slice(0, -1), offset, offset, undefined, tokens, before.end);
  }
  return undefined;
}

function isValueOpener(kind: SyntaxKind): boolean {
  return kind === SyntaxKind.ColonToken || kind === SyntaxKind.OpenBracketToken || kind === SyntaxKind.CommaToken;
}

function startsWithPath(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((seg, i) => path[i] === seg);
}

/** A unit of one of the kinds the structural model describes. */
type EcsUnit = Unit & { readonly kind: StructureRoot };

function isEcsUnit(unit: Unit): unit is EcsUnit {
  return unit.kind === 'task-definition' || unit.kind === 'service' || unit.kind === 'target-group';
}

/** The unit holding `path`; for a value the path must lie strictly inside it. */
function unitFor(doc: EcsDocument, path: JsonPath, strict: boolean): Unit | undefined {
  return doc.units.find((u) => startsWithPath(path, u.basePath) && (!strict || path.length > u.basePath.length));
}

function apiPathOf(unit: Unit, rel: JsonPath): JsonPath {
  // ELBv2 keeps its PascalCase names in both styles; only ECS resources of a template are renamed.
  if (unit.style !== 'cfn' || unit.kind === 'target-group') return rel;
  return rel.map((s) => (typeof s === 'string' ? apiKey(s) : s));
}

function trailingComma(tokens: readonly Token[], end: number): string {
  const next = tokenAfter(tokens, end);
  return next && STARTS_ENTRY.has(next.kind) ? ',' : '';
}

// ------------------------------------------------------------------ item building

function toRange(doc: EcsDocument, start: number, end: number): Range {
  return { start: doc.positionAt(start), end: doc.positionAt(end) };
}

function markdown(value: string) {
  return { kind: MarkupKind.Markdown, value };
}

function rankText(rank: number, index: number): string {
  return `${rank}${String(index).padStart(4, '0')}`;
}

/** Literal text inside a snippet: `$`, `}` and `\` would otherwise be read as syntax. */
function snippetText(value: string): string {
  return value.replace(/[\\$}]/g, (c) => `\\${c}`);
}

/** One value the user may pick. */
interface Choice {
  readonly value: string;
  readonly detail: string;
  readonly documentation?: string;
  /** Why the rest of the document makes this value wrong: ranked last with this reason. */
  readonly invalid?: string;
  /** Ranked first and preselected. */
  readonly preferred?: boolean;
  readonly kind?: CompletionItemKind;
}

const RANK_PREFERRED = 1;
const RANK_NORMAL = 2;
const RANK_INVALID = 9;

function choiceItems(site: Site, choices: readonly Choice[]): CompletionItem[] {
  const range = toRange(site.doc, site.start, site.end);
  let preselected = false;
  return choices.map((choice, index) => {
    const quoted = JSON.stringify(choice.value);
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
      textEdit: { range, newText: quoted + site.trailing },
    };
    if (rank === RANK_PREFERRED && !preselected) {
      item.preselect = true;
      preselected = true;
    }
    return item;
  });
}

/** A value written as a snippet (a ready-made array or expression), not a plain JSON string. */
function snippetValueItem(site: Site, label: string, snippet: string, detail: string, documentation: string, index: number, command?: Command): CompletionItem {
  const item: CompletionItem = {
    label,
    kind: CompletionItemKind.Value,
    detail,
    documentation: markdown(documentation),
    sortText: rankText(RANK_NORMAL, index),
    filterText: label,
    insertTextFormat: InsertTextFormat.Snippet,
    textEdit: { range: toRange(site.doc, site.start, site.end), newText: snippet + site.trailing },
  };
  if (command) item.command = command;
  return item;
}

// ------------------------------------------------------------------ values

function valueCompletions(
  doc: EcsDocument,
  text: string,
  offset: number,
  settings: Settings,
  path: JsonPath,
  start: number,
  end: number,
  token: Token | undefined,
  tokens: readonly Token[],
): CompletionList | undefined {
  const found = unitFor(doc, path, true);
  if (!found) return undefined;
  if (found.kind === 'environment') return environmentValues(doc, text, offset, settings, found, path, token);
  if (!isEcsUnit(found)) return undefined;
  const unit = found;
  const rel = path.slice(unit.basePath.length);
  const site: Site = {
    doc,
    text,
    offset,
    settings,
    unit,
    rel,
    api: apiPathOf(unit, rel),
    start,
    end,
    token,
    trailing: token ? '' : trailingComma(tokens, end),
  };
  const special = specialValues(site);
  if (special) return special;
  const items = genericValues(site);
  return items.length ? { isIncomplete: false, items } : undefined;
}

const list = (items: CompletionItem[]): CompletionList => ({ isIncomplete: false, items });

function specialValues(site: Site): CompletionList | undefined {
  const { api, unit } = site;
  const key = api[api.length - 1];
  if (unit.kind === 'task-definition') {
    if (api.length === 1) {
      switch (key) {
        case 'networkMode':
          return list(choiceItems(site, networkModeChoices(site)));
        case 'cpu':
          return taskFacts(unit).fargate ? list(choiceItems(site, fargateCpuChoices(taskFacts(unit)))) : undefined;
        case 'memory':
          return taskFacts(unit).fargate ? list(choiceItems(site, fargateMemoryChoices(taskFacts(unit)))) : undefined;
        case 'pidMode':
        case 'ipcMode':
          return list(choiceItems(site, namespaceChoices(site, key)));
        case 'requiresCompatibilities':
          return list(enumArrayItems(site));
      }
    }
    if (api.length === 2 && api[0] === 'requiresCompatibilities' && typeof key === 'number') {
      return list(choiceItems(site, compatibilityChoices(site)));
    }
    if (api.length === 2 && api[0] === 'runtimePlatform' && key === 'operatingSystemFamily') {
      return list(choiceItems(site, osFamilyChoices(site)));
    }
    if (api.length === 5 && api[0] === 'containerDefinitions' && api[2] === 'portMappings') {
      if (key === 'protocol') return list(choiceItems(site, describedEnum(site, PROTOCOLS)));
      if (key === 'appProtocol') return list(choiceItems(site, describedEnum(site, APP_PROTOCOLS)));
    }
  }
  if (unit.kind === 'service') {
    if (api.length === 1 && key === 'launchType') return list(choiceItems(site, launchTypeChoices(site)));
    if (api.length === 1 && key === 'platformVersion') return list(choiceItems(site, platformVersionChoices(site)));
    if (api.length === 3 && api[0] === 'networkConfiguration' && api[1] === 'awsvpcConfiguration' && key === 'assignPublicIp') {
      return list(choiceItems(site, assignPublicIpChoices(site)));
    }
    if (api.length === 3 && api[0] === 'placementStrategy' && key === 'field') return strategyFieldItems(site);
  }
  if (unit.kind === 'target-group' && api.length === 1 && key === 'TargetType') {
    return list(choiceItems(site, describedEnum(site, TARGET_TYPES)));
  }
  if ((unit.kind === 'task-definition' || unit.kind === 'service') && api.length === 3 && api[0] === 'placementConstraints' && key === 'expression') {
    return expressionItems(site);
  }
  return undefined;
}

/** Any enum the structural model knows at this path; true/false for booleans; `["…"]` for a list of enums not yet written. */
function genericValues(site: Site): CompletionItem[] {
  const values = enumAt(site.unit.kind, site.unit.style, site.rel);
  if (values) {
    const name = lastName(site.rel);
    return choiceItems(site, values.map((value) => ({ value, detail: name ? `${name}: allowed value` : 'allowed value' })));
  }
  const member = memberInfo(site);
  if (member?.type === 'boolean') {
    const range = toRange(site.doc, site.start, site.end);
    return ['true', 'false'].map((label, index) => ({
      label,
      kind: CompletionItemKind.Value,
      sortText: rankText(RANK_NORMAL, index),
      textEdit: { range, newText: label + site.trailing },
    }));
  }
  if (member?.type === 'array' && !site.token) return enumArrayItems(site);
  return [];
}

function lastName(path: JsonPath): string | undefined {
  for (let i = path.length - 1; i >= 0; i--) if (typeof path[i] === 'string') return path[i] as string;
  return undefined;
}

function memberInfo(site: Site): MemberInfo | undefined {
  const key = site.rel[site.rel.length - 1];
  if (typeof key !== 'string') return undefined;
  return membersAt(site.unit.kind, site.unit.style, site.rel.slice(0, -1))?.find((m) => m.name === key);
}

/** A list property with nothing written yet: one ready-made list per allowed value. */
function enumArrayItems(site: Site): CompletionItem[] {
  if (site.token) return [];
  const values = enumAt(site.unit.kind, site.unit.style, [...site.rel, 0]);
  if (!values) return [];
  return values.map((value, index) =>
    snippetValueItem(site, `[${JSON.stringify(value)}]`, `[${snippetText(JSON.stringify(value))}$0]`, 'a list with one value', `A list holding \`${value}\`; add more values after it.`, index),
  );
}

/** Enum values from the model at this path, in the order of a description table (unknown values last, plainly described). */
function describedEnum(site: Site, table: readonly DescribedValue[], verdict?: (value: string) => string | undefined): Choice[] {
  const model = enumAt(site.unit.kind, site.unit.style, site.rel) ?? table.map((d) => d.value);
  const known = table.filter((d) => model.includes(d.value));
  const rest = model.filter((v) => !table.some((d) => d.value === v));
  return [
    ...known.map((d) => ({ value: d.value, detail: d.detail, documentation: d.documentation, invalid: verdict?.(d.value) })),
    ...rest.map((value) => ({ value, detail: 'allowed value', invalid: verdict?.(value) })),
  ];
}

interface DescribedValue {
  readonly value: string;
  readonly detail: string;
  readonly documentation: string;
}

// --- network mode

const NETWORK_MODES: readonly DescribedValue[] = [
  {
    value: 'awsvpc',
    detail: 'Fargate, EC2 Linux/Windows, External · own ENI per task · ports: container port = task port',
    documentation: [
      '**awsvpc**: every task gets its own elastic network interface and private IP address, with its own security groups.',
      '',
      '- Runs on: Fargate (the only mode there), EC2 Linux and Windows, External',
      '- Ports: `hostPort` omitted or equal to `containerPort`; clients reach `<task IP>:<containerPort>`',
      '- Load balancer target type: `ip`; the service needs `networkConfiguration.awsvpcConfiguration`',
      '- On EC2, tasks per instance are limited by ENIs (ENI trunking raises the limit)',
    ].join('\n'),
  },
  {
    value: 'bridge',
    detail: 'EC2 Linux, External · Docker bridge · ports: dynamic host ports',
    documentation: [
      '**bridge**: containers sit behind Docker’s virtual bridge on the instance; the default when `networkMode` is left out on Linux.',
      '',
      '- Runs on: EC2 Linux, External',
      '- Ports: `hostPort` 0 or omitted picks a dynamic host port, so many copies fit on one instance; `links` work only in this mode',
      '- Load balancer target type: `instance`',
    ].join('\n'),
  },
  {
    value: 'host',
    detail: 'EC2 Linux, External · instance network stack · ports: container port opened on the host',
    documentation: [
      '**host**: containers use the instance’s own network stack directly, with no translation.',
      '',
      '- Runs on: EC2 Linux, External',
      '- Ports: `hostPort` omitted or equal to `containerPort`; only one task per instance can hold a given port',
      '- Load balancer target type: `instance`',
    ].join('\n'),
  },
  {
    value: 'none',
    detail: 'EC2 Linux · no external networking · no port mappings',
    documentation: [
      '**none**: containers get no external network connectivity.',
      '',
      '- Runs on: EC2 Linux',
      '- Ports: `portMappings` are not allowed at all',
      '- Cannot sit behind a load balancer',
    ].join('\n'),
  },
];

function networkModeChoices(site: Site): Choice[] {
  const facts = taskFacts(site.unit);
  const hasPortMappings = facts.portMappings.length > 0;
  const verdict = (mode: string): string | undefined => {
    if (mode === 'awsvpc') return undefined;
    if (facts.fargate) return "Fargate only supports network mode 'awsvpc' (FARGATE is in requiresCompatibilities).";
    if (facts.os === 'windows') return 'Windows tasks support only awsvpc, or leaving networkMode out for the Windows default.';
    if (mode === 'none' && hasPortMappings) return "the containers have portMappings, which network mode 'none' does not allow.";
    return undefined;
  };
  const choices = describedEnum(site, NETWORK_MODES, verdict);
  const onlyAwsvpc = facts.fargate || facts.os === 'windows';
  return choices.map((c) => (onlyAwsvpc && c.value === 'awsvpc' ? { ...c, preferred: true } : c));
}

// --- task placement and compatibility

const LAUNCH_TARGETS: readonly DescribedValue[] = [
  {
    value: 'FARGATE',
    detail: 'serverless · awsvpc only · task cpu/memory from the Fargate size table',
    documentation: 'Runs on AWS Fargate: no instances to manage. The task must use `awsvpc` and set task-level `cpu` and `memory` to a valid Fargate size.',
  },
  {
    value: 'EC2',
    detail: 'your container instances · every network mode',
    documentation: 'Runs on EC2 container instances registered to the cluster. Every network mode works; with `awsvpc` the number of tasks per instance is bounded by its ENIs.',
  },
  {
    value: 'EXTERNAL',
    detail: 'ECS Anywhere · on-premises servers and VMs',
    documentation: 'Runs on your own servers or virtual machines registered to the cluster with ECS Anywhere.',
  },
  {
    value: 'MANAGED_INSTANCES',
    detail: 'ECS Managed Instances · EC2 capacity run by ECS',
    documentation: 'Runs on EC2 instances that ECS provisions, patches and scales for you.',
  },
];

function compatibilityChoices(site: Site): Choice[] {
  const facts = taskFacts(site.unit);
  const index = site.rel[site.rel.length - 1];
  const written = site.unit.value.requiresCompatibilities;
  const others = new Set<string>(Array.isArray(written) ? written.filter((v, i): v is string => typeof v === 'string' && i !== index) : []);
  const verdict = (value: string): string | undefined =>
    value === 'FARGATE' && facts.explicitMode && facts.explicitMode !== 'awsvpc'
      ? `Fargate only supports network mode 'awsvpc'; this task uses '${facts.explicitMode}'.`
      : undefined;
  return describedEnum(site, LAUNCH_TARGETS, verdict).filter((c) => !others.has(c.value));
}

function launchTypeChoices(site: Site): Choice[] {
  const facts = serviceFacts(site.unit);
  const task = linkedTask(site);
  const verdict = (value: string): string | undefined => {
    if (facts.hasCapacityProviders) return 'launchType cannot be combined with capacityProviderStrategy; remove one of them.';
    if (value === 'FARGATE' && task?.explicitMode && task.explicitMode !== 'awsvpc') {
      return `Fargate only supports network mode 'awsvpc'; the task definition uses '${task.explicitMode}'.`;
    }
    return undefined;
  };
  return describedEnum(site, LAUNCH_TARGETS, verdict);
}

/** The task definition a CloudFormation service names with `Ref`, when it is in the same template. */
function linkedTask(site: Site): TaskFacts | undefined {
  const ref = site.unit.value.taskDefinition;
  const target = isObject(ref) ? str(ref.Ref) : undefined;
  const unit = target ? site.doc.units.find((u) => u.kind === 'task-definition' && u.logicalId === target) : undefined;
  return unit ? taskFacts(unit) : undefined;
}

function namespaceChoices(site: Site, key: 'pidMode' | 'ipcMode'): Choice[] {
  const facts = taskFacts(site.unit);
  const table = key === 'pidMode' ? PID_MODES : IPC_MODES;
  const verdict = (value: string): string | undefined => {
    if (facts.os === 'windows') return `${key} is not supported for Windows tasks.`;
    if (facts.fargate && key === 'ipcMode') return 'ipcMode is not supported on Fargate; leave it out.';
    if (facts.fargate && value === 'host') return "Fargate supports only pidMode 'task'.";
    return undefined;
  };
  return describedEnum(site, table, verdict);
}

const PID_MODES: readonly DescribedValue[] = [
  { value: 'task', detail: 'containers of the task share one process namespace', documentation: 'All containers of this task see each other’s processes (useful for sidecars that inspect or signal the main process). Supported on Fargate.' },
  { value: 'host', detail: 'containers see every process on the instance', documentation: 'Containers share the host’s process namespace. EC2 Linux only; it exposes every process on the instance to the task.' },
];

const IPC_MODES: readonly DescribedValue[] = [
  { value: 'task', detail: 'containers of the task share IPC resources', documentation: 'Containers of this task share shared memory and other IPC resources with each other. EC2 Linux only.' },
  { value: 'host', detail: 'containers share the instance’s IPC resources', documentation: 'Containers share IPC resources with the host. EC2 Linux only.' },
  { value: 'none', detail: 'private IPC namespace, no shared memory mounted', documentation: 'Each container gets a private IPC namespace with no shared memory. EC2 Linux only.' },
];

function osFamilyChoices(site: Site): Choice[] {
  const facts = taskFacts(site.unit);
  const values = enumAt(site.unit.kind, site.unit.style, site.rel) ?? ['LINUX', ...FARGATE_WINDOWS_OS_FAMILIES];
  const ordered = [...values].sort((a, b) => (a === 'LINUX' ? -1 : b === 'LINUX' ? 1 : b.localeCompare(a)));
  return ordered.map((value): Choice => {
    const windows = value.startsWith('WINDOWS');
    let invalid: string | undefined;
    if (windows && facts.explicitMode && facts.explicitMode !== 'awsvpc') {
      invalid = `Windows tasks support only awsvpc or the default network mode; this task uses '${facts.explicitMode}'.`;
    } else if (windows && facts.fargate && !FARGATE_WINDOWS_OS_FAMILIES.includes(value)) {
      invalid = 'Fargate does not offer this Windows version.';
    }
    return {
      value,
      detail: windows ? 'Windows containers · awsvpc or default (NAT) networking · no ENI trunking' : 'Linux containers · every network mode',
      documentation: windows
        ? `**${value}**: Windows containers. Network mode \`awsvpc\` or the Windows default; no \`links\`, \`pidMode\`, \`ipcMode\`, ENI trunking or IPv6-only.${FARGATE_WINDOWS_OS_FAMILIES.includes(value) ? ' Available on Fargate.' : ''}`
        : '**LINUX**: Linux containers, every network mode; the only family for Fargate sizes below 1 vCPU.',
      invalid,
    };
  });
}

// --- ports

const PROTOCOLS: readonly DescribedValue[] = [
  { value: 'tcp', detail: 'default', documentation: 'TCP, the default when `protocol` is left out. Needed for Service Connect and Application Load Balancers.' },
  { value: 'udp', detail: 'datagrams', documentation: 'UDP. Usable behind a Network Load Balancer with a UDP listener; not with Application Load Balancers or Service Connect.' },
];

const APP_PROTOCOLS: readonly DescribedValue[] = [
  { value: 'http', detail: 'HTTP/1.1', documentation: 'Tells Service Connect the port speaks HTTP/1.1, so it can report HTTP metrics and handle retries. The port mapping needs a `name`.' },
  { value: 'http2', detail: 'HTTP/2', documentation: 'Tells Service Connect the port speaks HTTP/2. The port mapping needs a `name`.' },
  { value: 'grpc', detail: 'gRPC', documentation: 'Tells Service Connect the port speaks gRPC, so it can report per-call metrics. The port mapping needs a `name`.' },
];

// --- services

function assignPublicIpChoices(site: Site): Choice[] {
  const facts = serviceFacts(site.unit);
  const table: readonly DescribedValue[] = [
    {
      value: 'DISABLED',
      detail: 'private address only (default)',
      documentation: 'Tasks get only a private IP. To pull images and reach AWS APIs they need a NAT gateway or VPC endpoints.',
    },
    {
      value: 'ENABLED',
      detail: 'public IPv4 for each task’s ENI (Fargate)',
      documentation: 'Each task’s ENI also gets a public IPv4 address. Fargate only: tasks on EC2 never get one. In a public subnet without a NAT gateway, Fargate tasks need this to pull images.',
    },
  ];
  const verdict = (value: string): string | undefined =>
    value === 'ENABLED' && facts.launch === 'EC2'
      ? `Assign public IP is not supported for this launch type (EC2, from ${facts.launchVia ?? 'launchType'}).`
      : undefined;
  return describedEnum(site, table, verdict);
}

function platformVersionChoices(site: Site): Choice[] {
  const facts = serviceFacts(site.unit);
  const windows = linkedTask(site)?.os === 'windows';
  const versions = windows ? FARGATE_WINDOWS_PLATFORM_VERSIONS : FARGATE_LINUX_PLATFORM_VERSIONS;
  const notFargate =
    facts.launch === 'EC2' || facts.launch === 'EXTERNAL' ? `platformVersion applies only to Fargate; this service launches on ${facts.launch}.` : undefined;
  const os = windows ? 'Windows' : 'Linux';
  return versions.map((v): Choice => {
    const retired = v.status === 'retired';
    const detail =
      v.version === 'LATEST'
        ? `newest ${os} platform${v.resolvesTo ? ` (now ${v.resolvesTo})` : ''}`
        : `${os} platform${v.status ? ` · ${v.status}` : ''}`;
    return {
      value: v.version,
      detail,
      documentation:
        v.version === 'LATEST'
          ? `Fargate picks the newest ${os} platform version${v.resolvesTo ? `, currently ${v.resolvesTo}` : ''}, when tasks start.`
          : `Fargate ${os} platform version ${v.version}${v.status ? ` (${v.status})` : ''}.${v.version === '1.4.0' && !windows ? ' Needed for 8 and 16 vCPU tasks and for IPv6.' : ''}`,
      invalid: notFargate ?? (retired ? 'this platform version is retired; new tasks cannot use it.' : undefined),
      preferred: !notFargate && v.version === 'LATEST',
    };
  });
}

function strategyFieldItems(site: Site): CompletionList | undefined {
  const index = site.api[1];
  const entries = site.unit.value.placementStrategy;
  const entry = Array.isArray(entries) && typeof index === 'number' ? obj(entries[index]) : undefined;
  const type = str(entry?.type);
  const fields: Choice[] =
    type === 'binpack'
      ? [
          { value: 'memory', detail: 'pack by remaining memory', documentation: 'Places tasks on the instance with the least memory left, so fewer instances are used.' },
          { value: 'cpu', detail: 'pack by remaining CPU', documentation: 'Places tasks on the instance with the least CPU left.' },
        ]
      : type === 'spread'
        ? [
            { value: 'attribute:ecs.availability-zone', detail: 'spread over Availability Zones', documentation: 'Balances tasks across Availability Zones.' },
            { value: 'instanceId', detail: 'spread over instances', documentation: 'Balances tasks across container instances.' },
          ]
        : [];
  return fields.length ? list(choiceItems(site, fields.map((f) => ({ ...f, kind: CompletionItemKind.Value })))) : undefined;
}

// --- target groups

const TARGET_TYPES: readonly DescribedValue[] = [
  { value: 'ip', detail: 'registers IP addresses · for awsvpc tasks (Fargate included)', documentation: 'Targets are IP addresses. ECS registers each task’s own IP: the type for `awsvpc` tasks, and the only one for Fargate.' },
  { value: 'instance', detail: 'registers EC2 instance IDs and ports · for bridge and host tasks', documentation: 'Targets are EC2 instances with a port. ECS registers the instance and the task’s host port: the type for `bridge` (dynamic ports) and `host` tasks.' },
  { value: 'alb', detail: 'registers an Application Load Balancer (behind an NLB)', documentation: 'The target is an Application Load Balancer, placed behind a Network Load Balancer. Not used for ECS tasks directly.' },
  { value: 'lambda', detail: 'registers a Lambda function', documentation: 'The target is a Lambda function. Not used with ECS.' },
];

// --- Fargate sizes

function vcpu(cpu: number): string {
  return `${cpu / 1024} vCPU`;
}

function gb(memoryMiB: number): string {
  return `${memoryMiB / 1024} GB`;
}

function fargateCpuChoices(facts: TaskFacts): Choice[] {
  const os: Os = facts.os === 'windows' ? 'windows' : 'linux';
  return fargateCpuOptions(os).map((cpu): Choice => {
    const memory = fargateMemoryOptions(cpu, os);
    const range = memory.length ? `${gb(memory[0])} to ${gb(memory[memory.length - 1])}` : 'none';
    const needsPlatform = cpu >= 8192 ? ' Needs Linux platform version 1.4.0 or later.' : '';
    return {
      value: String(cpu),
      detail: vcpu(cpu),
      documentation: `${cpu} CPU units = ${vcpu(cpu)} on Fargate (${os === 'windows' ? 'Windows' : 'Linux'}). Memory with this size: ${range}.${needsPlatform}`,
      kind: CompletionItemKind.Value,
    };
  });
}

function fargateMemoryChoices(facts: TaskFacts): Choice[] {
  const os: Os = facts.os === 'windows' ? 'windows' : 'linux';
  const forCpu = facts.cpu !== undefined ? fargateMemoryOptions(facts.cpu, os) : [];
  if (facts.cpu !== undefined && forCpu.length) {
    return forCpu.map((memory) => ({
      value: String(memory),
      detail: gb(memory),
      documentation: `${memory} MiB = ${gb(memory)}, valid with cpu ${facts.cpu} (${vcpu(facts.cpu!)}) on Fargate.`,
      kind: CompletionItemKind.Value,
    }));
  }
  // CPU not chosen yet (or not a Fargate size): every memory size, with the CPU sizes it fits.
  const fits = new Map<number, number[]>();
  for (const cpu of fargateCpuOptions(os)) {
    for (const memory of fargateMemoryOptions(cpu, os)) fits.set(memory, [...(fits.get(memory) ?? []), cpu]);
  }
  return [...fits.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([memory, cpus]) => ({
      value: String(memory),
      detail: `${gb(memory)} · with cpu ${cpus.join(', ')}`,
      documentation: `${memory} MiB = ${gb(memory)}. Fargate accepts it with cpu ${cpus.map((c) => `${c} (${vcpu(c)})`).join(', ')}.`,
      kind: CompletionItemKind.Value,
    }));
}

// --- placement constraint expressions and instance types

/** Right after `attribute:ecs.instance-type ==` (or `!=`, `=~`, `!~`) or inside its `in [...]` / `not_in [...]` list. */
const INSTANCE_TYPE_OPERAND = /attribute:ecs\.instance-type\s*(?:(?:==|!=|=~|!~)\s*|(?:not_)?in\s*\[(?:\s*[\w.*-]+\s*,)*\s*)([\w.*-]*)$/;
const TYPE_CHAR = /[\w.*-]/;

function expressionItems(site: Site): CompletionList | undefined {
  const token = site.token;
  if (!token || token.kind !== SyntaxKind.StringLiteral || site.offset <= token.start) return undefined;
  const closed = token.end - token.start >= 2 && site.text.charAt(token.end - 1) === '"';
  const innerEnd = closed ? token.end - 1 : token.end;
  if (site.offset > innerEnd) return undefined;
  const before = site.text.slice(token.start + 1, site.offset);
  const match = INSTANCE_TYPE_OPERAND.exec(before);
  if (match) {
    const prefix = match[1];
    let end = site.offset;
    while (end < innerEnd && TYPE_CHAR.test(site.text.charAt(end))) end++;
    const range = toRange(site.doc, site.offset - prefix.length, end);
    return instanceTypeItems(prefix, range, densityOs(site), site.settings.defaultInstanceTypes);
  }
  if (site.text.slice(token.start + 1, innerEnd).trim() !== '') return undefined;
  // An empty expression: the usual starting points.
  const starters: [label: string, snippet: string, detail: string, documentation: string][] = [
    ['attribute:ecs.instance-type == …', 'attribute:ecs.instance-type == $1', 'one instance type', 'Only instances of one EC2 instance type.'],
    ['attribute:ecs.instance-type in […]', 'attribute:ecs.instance-type in [$1]', 'a list of instance types', 'Only instances whose type is in the list.'],
    ['attribute:ecs.availability-zone in […]', 'attribute:ecs.availability-zone in [$1]', 'a list of Availability Zones', 'Only instances in the listed Availability Zones.'],
  ];
  return list(
    starters.map(([label, snippet, detail, documentation], i) =>
      snippetValueItem(site, label, `"${snippet}"`, detail, `${documentation} Written in the cluster query language.`, i, TRIGGER_SUGGEST),
    ),
  );
}

/** `clusters[i].capacity[j].instanceType` in the environment file: instance types for the cluster's OS. */
function environmentValues(
  doc: EcsDocument,
  text: string,
  offset: number,
  settings: Settings,
  unit: Unit,
  path: JsonPath,
  token: Token | undefined,
): CompletionList | undefined {
  const rel = path.slice(unit.basePath.length);
  if (rel.length !== 5 || rel[0] !== 'clusters' || rel[2] !== 'capacity' || rel[4] !== 'instanceType') return undefined;
  const clusters = unit.value.clusters;
  const cluster = Array.isArray(clusters) && typeof rel[1] === 'number' ? obj(clusters[rel[1]]) : undefined;
  const os: Os = cluster?.os === 'windows' ? 'windows' : cluster?.os === 'linux' ? 'linux' : settings.os;
  // Only inside the string (editors close the quote as it is typed): the name replaces its inside.
  if (!token || token.kind !== SyntaxKind.StringLiteral || offset <= token.start) return undefined;
  const closed = token.end - token.start >= 2 && text.charAt(token.end - 1) === '"';
  const innerEnd = closed ? token.end - 1 : token.end;
  if (offset > innerEnd) return undefined;
  return instanceTypeItems(text.slice(token.start + 1, offset), toRange(doc, token.start + 1, innerEnd), os, settings.defaultInstanceTypes);
}

function densityOs(site: Site): Os {
  if (site.unit.kind === 'task-definition') return taskFacts(site.unit).os ?? site.settings.os;
  return linkedTask(site)?.os ?? site.settings.os;
}

let orderedTypes: readonly InstanceType[] | undefined;

/** Instance types by family, then size (vCPU, memory), so `c5.` lists large before xlarge. Built once from constant data. */
function typesInOrder(): readonly InstanceType[] {
  if (orderedTypes) return orderedTypes;
  const types = instanceTypeNames()
    .map((name) => getInstanceType(name))
    .filter((t): t is InstanceType => t !== undefined);
  orderedTypes = types.sort(
    (a, b) =>
      a.family.localeCompare(b.family) ||
      (a.vcpu ?? Infinity) - (b.vcpu ?? Infinity) ||
      (a.memoryMiB ?? Infinity) - (b.memoryMiB ?? Infinity) ||
      a.name.localeCompare(b.name),
  );
  return orderedTypes;
}

/**
 * EC2 instance types starting with `prefix` (case-insensitive), each replacing `range` with its
 * name and showing its ENI density for `os`. Types named in `preferred` (the user's
 * `defaultInstanceTypes`) rank first. Cut at MAX_INSTANCE_TYPE_ITEMS with isIncomplete set, so the
 * client asks again as more is typed.
 */
export function instanceTypeItems(prefix: string, range: Range, os: Os, preferred: readonly string[] = []): CompletionList {
  const wanted = prefix.toLowerCase();
  const favourites = new Set(preferred);
  const matching = typesInOrder().filter((type) => type.name.toLowerCase().startsWith(wanted));
  const ordered = [...matching.filter((t) => favourites.has(t.name)), ...matching.filter((t) => !favourites.has(t.name))];
  const kept = ordered.slice(0, MAX_INSTANCE_TYPE_ITEMS);
  const items = kept.map((type, index) => instanceTypeItem(type, range, os, favourites.has(type.name) ? RANK_PREFERRED : RANK_NORMAL, index));
  return { isIncomplete: ordered.length > kept.length, items };
}

function instanceTypeItem(type: InstanceType, range: Range, os: Os, rank: number, index: number): CompletionItem {
  const d = eniDensity({ type, os });
  const trunked = os === 'windows' ? 'no trunking on Windows' : `${d.withTrunking === null ? 'unknown' : d.withTrunking} with trunking`;
  const lines = [
    `**${type.name}**: ${type.vcpu ?? '?'} vCPU, ${type.memoryMiB ?? '?'} MiB`,
    '',
    `- ENIs: ${type.maxEnis} (the primary one included), ${type.ipv4PerEni} IPv4 addresses each`,
    `- awsvpc tasks per instance: ${d.withoutTrunking} without trunking, ${d.withTrunking === null ? 'unknown' : d.withTrunking} with trunking`,
  ];
  if (d.withTrunkingNote) lines.push(`- ${d.withTrunkingNote}`);
  const edit: TextEdit = { range, newText: type.name };
  return {
    label: type.name,
    kind: CompletionItemKind.Value,
    detail: `${type.maxEnis} ENIs · ${d.withoutTrunking} awsvpc tasks/instance (${trunked})`,
    documentation: markdown(lines.join('\n')),
    sortText: rankText(rank, index),
    filterText: type.name,
    textEdit: edit,
  };
}

// ------------------------------------------------------------------ property names

function keyCompletions(
  doc: EcsDocument,
  text: string,
  offset: number,
  settings: Settings,
  objectPath: JsonPath,
  start: number,
  end: number,
  token: Token | undefined,
  tokens: readonly Token[],
  commaAt?: number,
): CompletionList | undefined {
  const unit = unitFor(doc, objectPath, false);
  // The environment file has its own JSON schema for property names; only its values get help here.
  if (!unit || !isEcsUnit(unit)) return undefined;
  const rel = objectPath.slice(unit.basePath.length);
  const next = tokenAfter(tokens, end);
  const hasColon = next?.kind === SyntaxKind.ColonToken;
  const site: KeySite = {
    doc,
    text,
    offset,
    settings,
    unit,
    rel,
    api: apiPathOf(unit, rel),
    start,
    end,
    token,
    trailing: !hasColon && next && STARTS_ENTRY.has(next.kind) ? ',' : '',
    objectPath,
    hasColon,
    commaAt,
  };
  const members = membersAt(unit.kind, unit.style, rel);
  if (!members) return undefined;
  const present = presentKeys(doc, objectPath, offset);
  const items: CompletionItem[] = [];
  for (const snippet of blockSnippets(site, present)) items.push(snippet);
  const offered = members.filter((m) => !m.readOnly && !present.has(m.name) && !excludedMember(unit, rel, m.name));
  offered.forEach((m) => items.push(propertyItem(site, m)));
  return items.length ? { isIncomplete: false, items } : undefined;
}

/** Members that belong to the other of CreateService / UpdateService. */
function excludedMember(unit: Unit, rel: JsonPath, name: string): boolean {
  if (unit.kind !== 'service' || unit.style !== 'api' || rel.length > 0) return false;
  return unit.update ? name === 'serviceName' || name === 'clientToken' : name === 'service' || name === 'forceNewDeployment';
}

/** Keys already in the object, except the one being typed. */
function presentKeys(doc: EcsDocument, objectPath: JsonPath, offset: number): Set<string> {
  const keys = new Set<string>();
  const node = doc.nodeAtPath(objectPath);
  if (node?.type === 'object') {
    for (const prop of node.children ?? []) {
      const key = prop.children?.[0];
      if (!key || typeof key.value !== 'string') continue;
      if (offset >= key.offset && offset <= key.offset + key.length) continue;
      keys.add(key.value);
    }
  }
  return keys;
}

function valuePlaceholder(m: MemberInfo, hasValues: boolean): string {
  switch (m.type) {
    case 'string':
    case 'timestamp':
      return '"$1"';
    case 'integer':
    case 'number':
      return '${1:0}';
    case 'boolean':
      return '${1:false}';
    case 'object':
    case 'map':
      return '{\n\t$1\n}';
    case 'array':
      return hasValues ? '[\n\t"$1"\n]' : '[\n\t$1\n]';
    default:
      return '$1';
  }
}

function hasValueCompletions(site: KeySite, m: MemberInfo): boolean {
  if (m.enum) return true;
  const path = [...site.rel, m.name];
  if (m.type === 'array' && enumAt(site.unit.kind, site.unit.style, [...path, 0])) return true;
  const api = apiPathOf(site.unit, path);
  if (site.unit.kind === 'task-definition' && api.length === 1 && (api[0] === 'cpu' || api[0] === 'memory')) return taskFacts(site.unit).fargate;
  if (site.unit.kind === 'service' && api.length === 1 && api[0] === 'platformVersion') return true;
  return false;
}

function propertyItem(site: KeySite, m: MemberInfo): CompletionItem {
  const quoted = JSON.stringify(m.name);
  const range = toRange(site.doc, site.start, site.end);
  const withValues = hasValueCompletions(site, m);
  const item: CompletionItem = {
    label: m.name,
    kind: CompletionItemKind.Property,
    detail: `${m.type}${m.required ? ' · required' : ''}${m.enum ? ` · ${m.enum.join(' | ')}` : ''}`,
    sortText: `${m.required ? 1 : 2}${m.name}`,
    filterText: site.token?.kind === SyntaxKind.Unknown ? m.name : quoted,
  };
  if (site.hasColon) {
    item.insertTextFormat = InsertTextFormat.PlainText;
    item.textEdit = { range, newText: quoted };
  } else {
    item.insertTextFormat = InsertTextFormat.Snippet;
    item.textEdit = { range, newText: `${snippetText(quoted)}: ${valuePlaceholder(m, withValues && m.type === 'array')}${site.trailing}` };
    if (withValues && m.type !== 'array') item.command = TRIGGER_SUGGEST;
  }
  addLeadingComma(site, item);
  return item;
}

function addLeadingComma(site: KeySite, item: CompletionItem): void {
  if (site.commaAt === undefined) return;
  const at = site.doc.positionAt(site.commaAt);
  item.additionalTextEdits = [{ range: { start: at, end: at }, newText: ',' }];
}

/** Ready-made blocks for the properties people get wrong most: ranked before everything else. */
function blockSnippets(site: KeySite, present: ReadonlySet<string>): CompletionItem[] {
  if (site.hasColon) return [];
  const { unit, api } = site;
  const name = (apiName: string) => (unit.style === 'cfn' ? cfnKey(apiName) : apiName);
  const items: CompletionItem[] = [];
  const add = (key: string, body: string, detail: string, documentation: string) => {
    if (present.has(key)) return;
    const item: CompletionItem = {
      label: key,
      kind: CompletionItemKind.Snippet,
      detail,
      documentation: markdown(documentation),
      sortText: rankText(0, items.length),
      filterText: site.token?.kind === SyntaxKind.Unknown ? key : JSON.stringify(key),
      insertTextFormat: InsertTextFormat.Snippet,
      textEdit: { range: toRange(site.doc, site.start, site.end), newText: `${snippetText(JSON.stringify(key))}: ${body}${site.trailing}` },
    };
    addLeadingComma(site, item);
    items.push(item);
  };

  if (unit.kind === 'service' && api.length === 0) {
    const body = [
      '{',
      `\t"${name('awsvpcConfiguration')}": {`,
      `\t\t"${name('subnets')}": ["$1"],`,
      `\t\t"${name('securityGroups')}": ["$2"],`,
      `\t\t"${name('assignPublicIp')}": "DISABLED"`,
      '\t}',
      '}$0',
    ].join('\n');
    add(
      name('networkConfiguration'),
      body,
      'awsvpc block: subnets, security groups, no public IP',
      'Network configuration for an `awsvpc` task definition: the subnets and security groups given to each task’s ENI. `assignPublicIp` starts as `DISABLED`; only Fargate tasks can get a public IP.',
    );
  }

  if (unit.kind === 'task-definition' && api.length === 2 && api[0] === 'containerDefinitions' && typeof api[1] === 'number') {
    const mode = taskFacts(unit).effectiveMode;
    if (mode !== 'none') {
      const mapping = [`\t\t"${name('containerPort')}": \${1:80},`];
      if (mode === 'bridge') mapping.push(`\t\t"${name('hostPort')}": \${2:0},`);
      mapping.push(`\t\t"${name('protocol')}": "tcp"`);
      const body = ['[', '\t{', ...mapping, '\t}', ']$0'].join('\n');
      const hostNote =
        mode === 'bridge'
          ? '`hostPort` 0 lets Docker pick a dynamic host port, so several copies fit on one instance.'
          : mode === 'awsvpc' || mode === 'host'
            ? `\`hostPort\` is left out: in \`${mode}\` mode it is always the container port.`
            : '`hostPort` is left out, which works in every network mode.';
      add(name('portMappings'), body, 'one port mapping for this network mode', `A port mapping for this container. ${hostNote}`);
    }
  }
  return items;
}
