/**
 * `ecs-net env pull`: the opt-in live pull. Reads subnets, VPC, cluster capacity and ECS account
 * settings with read-only AWS calls, merges them into ecs-network.json, prints the diff and writes
 * the file (unless --dry-run). Bundled on its own (dist/env-pull.js) and loaded by the CLI only when
 * this command runs, so the AWS SDK never reaches the language server or `check`/`plan`.
 */
import { existsSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { EC2Client } from '@aws-sdk/client-ec2';
import { ECSClient } from '@aws-sdk/client-ecs';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { parseEnvironment } from '../core/environment';
import { ENV_FILE_NAME } from '../../../shared/src/protocol';
import { unifiedDiff } from './diff';
import { mergeEnvironment, readEnvironmentText, toEnvironment, type EnvironmentFile, type PullSource } from './env-merge';
import { objectsSummary, pullParts, type PartsRequest, type PulledParts } from './env-pull-parts';
import type { PullClients } from './env-pull-aws';
import { describePullError, type ErrorContext } from './env-pull-errors';
import type { Output } from './output';
import { commandOptions, parseCommand, reportUsageError, UsageError } from './args';
import { ENV_PULL_USAGE } from './usage';

export type { PullClients } from './env-pull-aws';

export interface ClientOptions {
  readonly region?: string;
  readonly profile?: string;
  readonly endpoint?: string;
}

export interface EnvPullDeps {
  /** Builds the AWS clients; tests pass fakes. Defaults to SDK v3 clients on the standard credential chain. */
  clientsFor?(options: ClientOptions): PullClients;
  now?(): Date;
  cwd?: string;
}

// An endpoint that does not accept the connection within this time counts as unreachable.
const CONNECTION_TIMEOUT_MS = 5_000;
// A connected request that goes silent this long is given up (the SDK then retries it).
const REQUEST_TIMEOUT_MS = 30_000;

const PULL_OPTIONS = {
  profile: { type: 'string' },
  region: { type: 'string' },
  'endpoint-url': { type: 'string' },
  cluster: { type: 'string' },
  subnets: { type: 'string', multiple: true },
  out: { type: 'string' },
  'dry-run': { type: 'boolean' },
  'target-groups': { type: 'boolean' },
  'all-target-groups': { type: 'boolean' },
  'task-definitions': { type: 'boolean' },
  'no-subnets': { type: 'boolean' },
  yes: { type: 'boolean', short: 'y' },
  help: { type: 'boolean', short: 'h' },
} as const;

interface PullOptions {
  profile?: string;
  region?: string;
  endpoint?: string;
  cluster?: string;
  subnetIds: string[];
  out: string;
  dryRun: boolean;
  targetGroups: PartsRequest['targetGroups'];
  taskDefinitions: boolean;
  skipNetwork: boolean;
}

/** The options, or undefined when help was asked for; a UsageError for anything wrong. */
function pullOptions(argv: readonly string[]): PullOptions | undefined {
  const parsed = parseCommand(argv, PULL_OPTIONS, false);
  if (parsed.help) return undefined;
  const { values } = parsed;
  const given = (name: 'profile' | 'region' | 'endpoint-url' | 'cluster' | 'out'): string | undefined => {
    const value = values[name]?.trim();
    if (value === '') throw new UsageError(`--${name} needs a value`);
    return value;
  };
  const endpoint = given('endpoint-url');
  if (endpoint !== undefined && (!/^https?:\/\/[^/]/.test(endpoint) || !URL.canParse(endpoint))) {
    throw new UsageError(`--endpoint-url takes an http(s) URL (got '${endpoint}')`);
  }
  const subnetIds = (values.subnets ?? []).flatMap((list) =>
    list
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  );
  const wrong = subnetIds.find((id) => !/^subnet-[0-9a-f]+$/.test(id));
  if (wrong !== undefined) throw new UsageError(`--subnets takes subnet IDs such as subnet-0123456789abcdef0 (got '${wrong}')`);
  if (values.subnets && subnetIds.length === 0) throw new UsageError('--subnets needs a value');
  if (values['target-groups'] && values['all-target-groups']) throw new UsageError('--target-groups and --all-target-groups exclude each other');
  const targetGroups = values['all-target-groups'] ? 'all' : values['target-groups'] ? 'named' : 'none';
  const taskDefinitions = values['task-definitions'] === true;
  const skipNetwork = values['no-subnets'] === true;
  if (skipNetwork && targetGroups === 'none' && !taskDefinitions)
    throw new UsageError('--no-subnets leaves nothing to pull: add --target-groups, --all-target-groups or --task-definitions');
  if (skipNetwork && (subnetIds.length || values.cluster !== undefined))
    throw new UsageError('--no-subnets pulls no subnets or capacity, so --subnets and --cluster do not apply');
  return {
    profile: given('profile'),
    region: given('region'),
    endpoint,
    cluster: given('cluster'),
    subnetIds,
    out: given('out') ?? ENV_FILE_NAME,
    dryRun: values['dry-run'] === true,
    targetGroups,
    taskDefinitions,
    skipNetwork,
  };
}

/** SDK v3 clients on the standard credential chain, with a connection timeout so a dead network fails fast. */
function sdkClients({ region, profile, endpoint }: ClientOptions): PullClients {
  const credentials = fromNodeProviderChain(profile ? { profile } : {});
  const config = {
    ...(region ? { region } : {}),
    ...(profile ? { profile } : {}),
    ...(endpoint ? { endpoint } : {}),
    credentials,
    requestHandler: { connectionTimeout: CONNECTION_TIMEOUT_MS, requestTimeout: REQUEST_TIMEOUT_MS },
  };
  const ec2 = new EC2Client(config);
  const ecs = new ECSClient(config);
  return {
    ec2,
    ecs,
    elbv2: new ElasticLoadBalancingV2Client(config),
    resolveCredentials: async () => {
      await credentials();
    },
    resolveRegion: () => ec2.config.region(),
  };
}

export async function runEnvPull(argv: string[], out: Output, deps: EnvPullDeps = {}): Promise<number> {
  const options = commandOptions(out, 'env pull', ENV_PULL_USAGE, () => pullOptions(argv[0] === 'pull' ? argv.slice(1) : argv));
  if (typeof options === 'number') return options;
  const file = resolve(deps.cwd ?? process.cwd(), options.out);
  const shown = options.out;
  if (existsSync(file) && !statSync(file).isFile()) return reportUsageError(out, 'env pull', `--out ${shown} is not a file; pass a file path`);

  // A file we could not merge into is reported before any AWS call.
  let existing: EnvironmentFile | undefined;
  try {
    if (existsSync(file)) {
      const text = readFileSync(file, 'utf8');
      const root = readEnvironmentText(text);
      if (typeof root === 'string') {
        out.stderr(`ecs-net env pull: ${shown} ${root}. Fix it or pass another --out; nothing was pulled.`);
        return 1;
      }
      existing = { text, root };
    }
  } catch (error) {
    out.stderr(`ecs-net env pull: cannot read ${shown}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }

  // The SDK warns about Node versions it will drop in future releases; the copy bundled here is fixed, so that is noise.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';

  const profile = options.profile ?? (process.env.AWS_PROFILE || undefined);
  const context: ErrorContext = {
    region: options.region ?? (process.env.AWS_REGION || undefined),
    endpoint: options.endpoint,
    cluster: options.cluster,
    profile,
  };
  let parts: PulledParts;
  try {
    const clients = (deps.clientsFor ?? sdkClients)({ region: options.region, profile: options.profile, endpoint: options.endpoint });
    await clients.resolveCredentials();
    const region = await clients.resolveRegion();
    context.region = region;
    const fileVpc = existing?.root.vpc;
    parts = await pullParts(clients, {
      region,
      cluster: options.cluster,
      subnetIds: options.subnetIds.length ? options.subnetIds : undefined,
      skipNetwork: options.skipNetwork,
      targetGroups: options.targetGroups,
      taskDefinitions: options.taskDefinitions,
      workspace: deps.cwd ?? process.cwd(),
      fileVpcId: typeof fileVpc === 'object' && fileVpc !== null && !Array.isArray(fileVpc) && typeof fileVpc.id === 'string' ? fileVpc.id : undefined,
    });
  } catch (error) {
    out.stderr(`ecs-net env pull: ${describePullError(error, context)}`);
    return 1;
  }
  const { account, objects } = parts;
  const source: PullSource = { pulledAt: (deps.now?.() ?? new Date()).toISOString(), region: account.region, profile, cluster: options.cluster };
  const environment = toEnvironment(account, source, objects);

  const merged = mergeEnvironment(existing, environment);
  for (const note of [...parts.notes, ...environment.notes, ...merged.notes]) out.stderr(`warning: ${note}`);
  // The file must stay loadable: report what the editor would (e.g. an instance type the table lacks).
  const written = readEnvironmentText(merged.text);
  for (const problem of parseEnvironment(typeof written === 'string' ? {} : written).problems) {
    out.stderr(`warning: ${shown}: ${problem.path.join('.')}: ${problem.message}`);
  }

  // diff -u puts a tab between the file name and its annotation.
  const diff = unifiedDiff(existing?.text, merged.text, { oldLabel: `${shown}\t(current)`, newLabel: `${shown}\t(pulled)` });
  if (diff.length) out.stdout(diff.join('\n'));
  else out.stdout(`${shown}: no changes`);

  const clusterPart = account.cluster
    ? `, cluster ${account.cluster.name} (${account.cluster.instances.length} container instance${account.cluster.instances.length === 1 ? '' : 's'})`
    : '';
  const network = `${account.subnets.length} subnet${account.subnets.length === 1 ? '' : 's'} in ${account.vpcIds.length} VPC${account.vpcIds.length === 1 ? '' : 's'}${clusterPart} and the account settings`;
  const pulled = options.skipNetwork ? objectsSummary(objects) : objects ? `${network}, ${objectsSummary(objects)}` : network;
  const summary = `${pulled} from ${account.region}`;
  if (options.dryRun) {
    out.stderr(`Pulled ${summary}. Dry run: ${shown} not written.`);
    return 0;
  }
  try {
    const now = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (now !== existing?.text) {
      out.stderr(`ecs-net env pull: ${shown} changed while pulling; nothing written. Run the pull again.`);
      return 1;
    }
    writeAtomically(file, merged.text);
  } catch (error) {
    out.stderr(`ecs-net env pull: cannot write ${shown}: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
  out.stderr(`Pulled ${summary}. Wrote ${shown}.`);
  return 0;
}

/** A reader never sees half a file: write beside it, then rename over it. */
function writeAtomically(file: string, text: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  try {
    writeFileSync(temp, text);
    renameSync(temp, file);
  } catch (error) {
    if (existsSync(temp)) unlinkSync(temp);
    throw error;
  }
}
