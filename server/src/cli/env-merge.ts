/**
 * Turns what `env pull` read from AWS into environment file entries (format: core/environment.ts)
 * and merges them into the file the user already has: pulled subnets, clusters and account
 * settings replace entries with the same id or name, everything else the user wrote stays.
 * Edits go through jsonc-parser `modify`, so comments and formatting outside the replaced keys survive.
 */
import { applyEdits, modify, printParseErrorCode, type FormattingOptions } from 'jsonc-parser';
import { parseJson } from '../model/parse';
import type { Json, JsonObject } from '../model/types';
import { isObject } from '../model/values';
import { getInstanceType } from '../core/instances';
import { compareVersions } from '../core/platform';
import { clusterName, type PulledAccount, type PulledInstance } from './env-pull-aws';
import type { PulledObjects } from './env-pull-objects';

export interface PullSource {
  readonly pulledAt: string;
  readonly region: string;
  readonly profile?: string;
  readonly cluster?: string;
}

/** The pulled part of an environment file, as JSON ready to write. */
export interface PulledEnvironment {
  /** Set when all subnets are in one VPC; `remove` when they span several, so no single range fits. */
  readonly vpc: JsonObject | 'remove' | undefined;
  readonly subnets: readonly JsonObject[];
  readonly clusters: readonly JsonObject[];
  readonly accountSettings: JsonObject;
  /** Pulled target groups and task definitions (empty when those parts were not pulled). */
  readonly targetGroups: readonly JsonObject[];
  readonly taskDefinitions: readonly JsonObject[];
  readonly source: JsonObject;
  /** Things the user should know: skipped subnets, ENI limits that disagree with the bundled table. */
  readonly notes: readonly string[];
}

const defined = (entries: [string, Json | undefined][]): JsonObject => Object.fromEntries(entries.filter((e): e is [string, Json] => e[1] !== undefined));

function ipv4Number(cidr: string): number {
  const [a = 0, b = 0, c = 0, d = 0] = cidr.split('/')[0].split('.').map(Number);
  return ((a * 256 + b) * 256 + c) * 256 + d;
}

export function toEnvironment(account: PulledAccount, source: PullSource, objects?: PulledObjects): PulledEnvironment {
  const notes: string[] = [...(objects?.notes ?? [])];

  // IPv6-only (Ipv6Native) subnets have no IPv4 block: they are written with `ipv6Only` and their IPv6 CIDR.
  const unusable = account.subnets.filter((s) => !s.cidr && !(s.ipv6Native && s.ipv6Cidr));
  if (unusable.length) {
    notes.push(
      `skipped ${unusable.length} subnet${unusable.length === 1 ? '' : 's'} with neither an IPv4 CIDR nor an IPv6 CIDR (${unusable.map((s) => s.id).join(', ')}).`,
    );
  }
  const subnets = account.subnets
    .filter((s) => s.cidr || (s.ipv6Native && s.ipv6Cidr))
    .sort(
      (x, y) =>
        (x.vpcId ?? '').localeCompare(y.vpcId ?? '') ||
        (x.az ?? '').localeCompare(y.az ?? '') ||
        (x.cidr ? ipv4Number(x.cidr) : -1) - (y.cidr ? ipv4Number(y.cidr) : -1),
    )
    .map((s) =>
      defined([
        ['id', s.id],
        ['cidr', s.cidr],
        ['ipv6Cidr', s.ipv6Cidr],
        ['ipv6Only', s.ipv6Native ? true : undefined],
        ['az', s.az],
        ['availableIpv4', s.cidr ? s.availableIpv4 : undefined],
      ]),
    );

  let vpc: PulledEnvironment['vpc'];
  if (account.vpc)
    vpc = defined([
      ['id', account.vpc.id],
      ['cidr', account.vpc.cidr],
      ['ipv6Cidr', account.vpc.ipv6Cidr],
    ]);
  else if (account.vpcIds.length > 1) {
    vpc = 'remove';
    notes.push(
      `the subnets span ${account.vpcIds.length} VPCs (${account.vpcIds.join(', ')}), so no "vpc" range is written; pass --subnets or --cluster to pull one VPC.`,
    );
  }

  const clusters = account.cluster ? [toCluster(account.cluster.name, account.cluster.instances, notes)] : [];
  notes.push(...eniTableNotes(account));

  const accountSettings = defined([
    ['awsvpcTrunking', account.accountSettings.awsvpcTrunking],
    ['dualStackIPv6', account.accountSettings.dualStackIPv6],
  ]);
  const sourceJson = defined([
    ['pulledAt', source.pulledAt],
    ['region', source.region],
    ['profile', source.profile],
    ['cluster', source.cluster],
  ]);
  return {
    vpc,
    subnets,
    clusters,
    accountSettings,
    targetGroups: objects?.targetGroups ?? [],
    taskDefinitions: objects?.taskDefinitions ?? [],
    source: sourceJson,
    notes,
  };
}

function toCluster(name: string, instances: readonly PulledInstance[], notes: string[]): JsonObject {
  const counts = new Map<string, { instanceType: string; az: string | undefined; count: number }>();
  let untyped = 0;
  for (const i of instances) {
    if (!i.instanceType) {
      untyped++;
      continue;
    }
    const key = `${i.instanceType}\u0000${i.az ?? ''}`;
    const entry = counts.get(key) ?? { instanceType: i.instanceType, az: i.az, count: 0 };
    entry.count++;
    counts.set(key, entry);
  }
  if (untyped)
    notes.push(`${untyped} container instance${untyped === 1 ? '' : 's'} of cluster ${name} without a known instance type left out of its capacity.`);
  if (instances.length === 0) notes.push(`cluster ${name} has no container instances (Fargate only?): its capacity is written empty.`);
  const capacity = [...counts.values()]
    .sort((a, b) => a.instanceType.localeCompare(b.instanceType) || (a.az ?? '').localeCompare(b.az ?? ''))
    .map((c) =>
      defined([
        ['instanceType', c.instanceType],
        ['count', c.count],
        ['az', c.az],
      ]),
    );

  const windows = instances.filter((i) => i.os === 'windows').length;
  const os = windows > instances.length - windows ? 'windows' : 'linux';
  if (windows > 0 && windows < instances.length) {
    notes.push(`cluster ${name} mixes Linux and Windows instances (${windows} Windows of ${instances.length}); written as ${os}.`);
  }
  // The oldest agent decides what every instance can do (e.g. IPv6-only needs 1.99.1 or later).
  const agentVersion = instances
    .map((i) => i.agentVersion)
    .filter((v): v is string => v !== undefined && compareVersions(v, v) === 0)
    .reduce<string | undefined>((oldest, v) => (oldest === undefined || compareVersions(v, oldest) === -1 ? v : oldest), undefined);
  return defined([
    ['name', name],
    ['os', os],
    ['agentVersion', agentVersion],
    ['capacity', capacity],
  ]);
}

function eniTableNotes(account: PulledAccount): string[] {
  const notes: string[] = [];
  const inUse = new Set((account.cluster?.instances ?? []).map((i) => i.instanceType).filter((t): t is string => !!t));
  for (const name of [...inUse].sort()) {
    const bundled = getInstanceType(name);
    const live = account.instanceTypes.find((t) => t.name === name);
    if (!bundled) {
      notes.push(`instance type ${name} is not in the bundled table, so its ENI density cannot be computed.`);
      continue;
    }
    if (!live || live.maxEnis === undefined || live.ipv4PerEni === undefined) continue;
    if (live.maxEnis !== bundled.maxEnis || (bundled.ipv4PerEni !== null && live.ipv4PerEni !== bundled.ipv4PerEni)) {
      notes.push(
        `${name}: EC2 reports ${live.maxEnis} ENIs × ${live.ipv4PerEni} IPv4 addresses, the bundled table ${bundled.maxEnis} × ${bundled.ipv4PerEni ?? '?'}; figures use the bundled table (docs/DATA.md).`,
      );
    }
  }
  return notes;
}

/** The existing file's root object, or a message saying why it cannot be merged into. */
export function readEnvironmentText(text: string): JsonObject | string {
  // The same guarded parse as the editor: a file nested thousands of levels deep cannot crash the pull.
  const { value, errors, limit } = parseJson(text);
  if (limit) return `cannot be read: ${limit.message}`;
  if (errors.length) {
    const { error, offset } = errors[0];
    const line = text.slice(0, offset).split('\n').length;
    return `is not valid JSON (${printParseErrorCode(error)} on line ${line})`;
  }
  if (!isObject(value)) return 'does not hold a JSON object';
  return value;
}

export interface EnvironmentFile {
  readonly text: string;
  readonly root: JsonObject;
}

export interface MergeResult {
  readonly text: string;
  readonly notes: readonly string[];
}

const KEY_ORDER = ['vpc', 'subnets', 'clusters', 'accountSettings', 'targetGroups', 'taskDefinitions', 'source'] as const;
const str = (v: Json | undefined) => (typeof v === 'string' ? v : undefined);

/** The new file text: `existing` undefined writes a fresh file, otherwise only the pulled keys change. */
export function mergeEnvironment(existing: EnvironmentFile | undefined, pulled: PulledEnvironment): MergeResult {
  const notes: string[] = [];
  const root = existing?.root ?? {};
  // A key with nothing pulled for it is left exactly as it was (or left out of a new file).
  const next: Partial<Record<string, Json>> = {
    subnets: pulled.subnets.length
      ? mergeById(root.subnets, pulled.subnets, (e) => (typeof e.id === 'string' ? e.id : undefined), ['otherConsumers'])
      : root.subnets,
    clusters: pulled.clusters.length
      ? mergeById(root.clusters, pulled.clusters, (e) => (typeof e.name === 'string' ? clusterName(e.name) : undefined), ['services'])
      : root.clusters,
    accountSettings: Object.keys(pulled.accountSettings).length
      ? { ...(isObject(root.accountSettings) ? root.accountSettings : {}), ...pulled.accountSettings }
      : root.accountSettings,
    // Target groups by ARN (a hand-written entry may have only a name); task definitions by family and revision.
    targetGroups: pulled.targetGroups.length ? mergeById(root.targetGroups, pulled.targetGroups, (e) => str(e.arn) ?? str(e.name), []) : root.targetGroups,
    taskDefinitions: pulled.taskDefinitions.length
      ? mergeById(
          root.taskDefinitions,
          pulled.taskDefinitions,
          (e) => (str(e.family) ? `${str(e.family)}:${typeof e.revision === 'number' ? e.revision : ''}` : undefined),
          [],
        )
      : root.taskDefinitions,
    source: pulled.source,
  };
  let vpc: Json | undefined = root.vpc;
  if (pulled.vpc === 'remove') {
    if (root.vpc !== undefined) notes.push('removed "vpc": the pulled subnets are in more than one VPC.');
    vpc = undefined;
  } else if (pulled.vpc) vpc = pulled.vpc;

  if (!existing) {
    const fresh = defined(KEY_ORDER.map((key) => [key, key === 'vpc' ? vpc : next[key]]));
    return { text: JSON.stringify(fresh, null, 2) + '\n', notes };
  }
  let text = existing.text;
  const formatting = formattingOf(text);
  const changes = KEY_ORDER.map((key): [string, Json | undefined] => [key, key === 'vpc' ? vpc : next[key]]);
  for (const [key, value] of changes) {
    if (canonical(root[key]) === canonical(value)) continue;
    text = applyEdits(text, modify(text, [key], value, { formattingOptions: formatting }));
  }
  return { text, notes };
}

/**
 * Entries with a pulled id are replaced in place (keeping the fields only a person can know, such
 * as a subnet's otherConsumers); later duplicates of a pulled id are dropped; entries for other ids
 * are kept as written; new ids are appended in pulled order.
 */
function mergeById(existing: Json | undefined, pulled: readonly JsonObject[], idOf: (e: JsonObject) => string | undefined, keep: readonly string[]): Json[] {
  const pulledById = new Map(pulled.map((p) => [idOf(p)!, p]));
  const used = new Set<string>();
  const merged: Json[] = [];
  for (const entry of Array.isArray(existing) ? existing : []) {
    const id = isObject(entry) ? idOf(entry) : undefined;
    const replacement = id !== undefined ? pulledById.get(id) : undefined;
    if (!isObject(entry) || id === undefined || !replacement) {
      merged.push(entry);
      continue;
    }
    if (used.has(id)) continue;
    used.add(id);
    const kept = defined(keep.map((k) => [k, entry[k]]));
    merged.push({ ...replacement, ...kept });
  }
  for (const p of pulled) if (!used.has(idOf(p)!)) merged.push(p);
  return merged;
}

/** JSON with sorted keys, so the same values in another key order count as unchanged. */
function canonical(value: Json | undefined): string {
  if (value === undefined) return 'undefined';
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value))
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical(value[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

function formattingOf(text: string): FormattingOptions {
  const indent = /\n([ \t]+)\S/.exec(text)?.[1] ?? '  ';
  return {
    insertSpaces: !indent.startsWith('\t'),
    tabSize: indent.startsWith('\t') ? 1 : indent.length,
    eol: text.includes('\r\n') ? '\r\n' : '\n',
  };
}
