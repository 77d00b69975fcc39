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
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { parseEnvironment } from '../core/environment';
import { ENV_FILE_NAME } from '../../../shared/src/protocol';
import { unifiedDiff } from './diff';
import { mergeEnvironment, readEnvironmentText, toEnvironment, type EnvironmentFile, type PullSource } from './env-merge';
import { pullAccount, type PullClients, type PulledAccount } from './env-pull-aws';
import { describePullError, type ErrorContext } from './env-pull-errors';
import type { Output } from './output';

export type { PullClients } from './env-pull-aws';

export const ENV_PULL_USAGE = `Usage: ecs-net env pull [--profile P] [--region R] [--endpoint-url URL] [--cluster C]
                        [--subnets ID,ID] [--out FILE] [--dry-run] [--yes]

Reads your VPC subnets, the cluster's container instances and the ECS account settings with
read-only AWS calls and merges them into the environment file. Prints the changes as a diff,
then writes the file; nothing is written if any call fails. Your documents never leave the machine.

Options:
  --profile P          AWS profile (default: AWS_PROFILE, then the default credential chain)
  --region R           AWS region (default: AWS_REGION, then the profile's region)
  --endpoint-url URL   send the calls to another endpoint (e.g. a local emulator)
  --cluster C          ECS cluster name or ARN: capacity by instance type and AZ, agent version, OS;
                       without --subnets, the subnets of its instances' VPCs are pulled
  --subnets ID,ID      pull exactly these subnets (default: the cluster's VPCs, else the whole region)
  --out FILE           environment file to merge into (default: ./${ENV_FILE_NAME})
  --dry-run            show the diff, write nothing
  --yes                accepted for scripts; the pull never asks before writing
  -h, --help           show this help

Exit codes: 0 pulled (or dry run), 1 an AWS call, the network or the file failed, 2 bad usage.`;

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

interface PullOptions {
  profile?: string;
  region?: string;
  endpoint?: string;
  cluster?: string;
  subnetIds: string[];
  out: string;
  dryRun: boolean;
  help: boolean;
}

function parseArgs(argv: readonly string[]): PullOptions | string {
  const options: PullOptions = { subnetIds: [], out: ENV_FILE_NAME, dryRun: false, help: false };
  const VALUE_FLAGS = new Set(['--profile', '--region', '--endpoint-url', '--cluster', '--subnets', '--out']);
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const eq = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = eq > 0 ? arg.slice(0, eq) : arg;
    let value = '';
    if (VALUE_FLAGS.has(flag)) {
      const next = eq > 0 ? arg.slice(eq + 1) : argv[i + 1]?.startsWith('-') ? undefined : argv[++i];
      if (next === undefined || next.trim() === '') return `${flag} needs a value`;
      value = next.trim();
    }
    switch (flag) {
      case '--profile':
        options.profile = value;
        break;
      case '--region':
        options.region = value;
        break;
      case '--endpoint-url':
        if (!/^https?:\/\/[^/]/.test(value) || !URL.canParse(value)) return `--endpoint-url takes an http(s) URL (got '${value}')`;
        options.endpoint = value;
        break;
      case '--cluster':
        options.cluster = value;
        break;
      case '--subnets':
        for (const id of value.split(',').map((s) => s.trim()).filter(Boolean)) {
          if (!/^subnet-[0-9a-f]+$/.test(id)) return `--subnets takes subnet IDs such as subnet-0123456789abcdef0 (got '${id}')`;
          options.subnetIds.push(id);
        }
        break;
      case '--out':
        options.out = value;
        break;
      case '--dry-run':
        options.dryRun = true;
        break;
      case '--yes':
      case '-y':
        break;
      case '--help':
      case '-h':
        options.help = true;
        break;
      default:
        return arg.startsWith('-') ? `unknown option '${flag}'` : `unexpected argument '${arg}'`;
    }
  }
  return options;
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
    resolveCredentials: async () => {
      await credentials();
    },
    resolveRegion: () => ec2.config.region(),
  };
}

export async function runEnvPull(argv: string[], out: Output, deps: EnvPullDeps = {}): Promise<number> {
  const options = parseArgs(argv[0] === 'pull' ? argv.slice(1) : argv);
  if (typeof options === 'string') {
    out.stderr(`ecs-net env pull: ${options}. Run 'ecs-net env pull --help' for usage.`);
    return 2;
  }
  if (options.help) {
    out.stdout(ENV_PULL_USAGE);
    return 0;
  }
  const file = resolve(deps.cwd ?? process.cwd(), options.out);
  const shown = options.out;
  if (existsSync(file) && !statSync(file).isFile()) {
    out.stderr(`ecs-net env pull: --out ${shown} is not a file. Pass a file path.`);
    return 2;
  }

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
  const context: ErrorContext = { region: options.region ?? (process.env.AWS_REGION || undefined), endpoint: options.endpoint, cluster: options.cluster, profile };
  let account: PulledAccount;
  try {
    const clients = (deps.clientsFor ?? sdkClients)({ region: options.region, profile: options.profile, endpoint: options.endpoint });
    await clients.resolveCredentials();
    const region = await clients.resolveRegion();
    context.region = region;
    account = await pullAccount(clients, { region, cluster: options.cluster, subnetIds: options.subnetIds.length ? options.subnetIds : undefined });
  } catch (error) {
    out.stderr(`ecs-net env pull: ${describePullError(error, context)}`);
    return 1;
  }
  const source: PullSource = { pulledAt: (deps.now?.() ?? new Date()).toISOString(), region: account.region, profile, cluster: options.cluster };
  const environment = toEnvironment(account, source);

  const merged = mergeEnvironment(existing, environment);
  for (const note of [...environment.notes, ...merged.notes]) out.stderr(`warning: ${note}`);
  // The file must stay loadable: report what the editor would (e.g. an instance type the table lacks).
  const written = readEnvironmentText(merged.text);
  for (const problem of parseEnvironment(typeof written === 'string' ? {} : written).problems) {
    out.stderr(`warning: ${shown}: ${problem.path.join('.')}: ${problem.message}`);
  }

  // diff -u puts a tab between the file name and its annotation.
  const diff = unifiedDiff(existing?.text, merged.text, { oldLabel: `${shown}\t(current)`, newLabel: `${shown}\t(pulled)` });
  if (diff.length) out.stdout(diff.join('\n'));
  else out.stdout(`${shown}: no changes`);

  const clusterPart = account.cluster ? `, cluster ${account.cluster.name} (${account.cluster.instances.length} container instance${account.cluster.instances.length === 1 ? '' : 's'})` : '';
  const summary = `${account.subnets.length} subnet${account.subnets.length === 1 ? '' : 's'} in ${account.vpcIds.length} VPC${account.vpcIds.length === 1 ? '' : 's'}${clusterPart} and the account settings from ${account.region}`;
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
