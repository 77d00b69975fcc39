/**
 * The read-only AWS calls behind `ecs-net env pull`, with their pagination. Every call goes through
 * `call`, which names the IAM action it needs, so a failure can tell the user which permission or
 * which service was the problem. Nothing here writes anything, locally or in the account.
 */
import {
  DescribeInstancesCommand,
  DescribeInstanceTypesCommand,
  DescribeSubnetsCommand,
  DescribeVpcsCommand,
  type _InstanceType,
  type EC2Client,
  type Filter,
  type Subnet,
} from '@aws-sdk/client-ec2';
import {
  DescribeContainerInstancesCommand,
  ListAccountSettingsCommand,
  ListContainerInstancesCommand,
  type ContainerInstance,
  type ECSClient,
} from '@aws-sdk/client-ecs';
import type { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';

/** What the pull needs from the SDK: the clients, and credentials and region resolved up front. */
export interface PullClients {
  readonly ec2: Pick<EC2Client, 'send'>;
  readonly ecs: Pick<ECSClient, 'send'>;
  /** Only for target groups; a caller that pulls none may leave it out. */
  readonly elbv2?: Pick<ElasticLoadBalancingV2Client, 'send'>;
  /** Resolves the credentials once, so a missing profile or key is reported before any call. */
  resolveCredentials(): Promise<void>;
  /** The region the clients send to (from --region, AWS_REGION or the profile). */
  resolveRegion(): Promise<string>;
}

export interface PullRequest {
  /** Already resolved by the caller (PullClients.resolveRegion), so errors can name it. */
  readonly region: string;
  /** Cluster name or ARN; its container instances give the capacity and the VPCs in use. */
  readonly cluster?: string;
  /** Exactly these subnets, instead of the VPCs of the cluster's instances (or the whole region). */
  readonly subnetIds?: readonly string[];
}

export interface PulledSubnet {
  readonly id: string;
  readonly vpcId?: string;
  /** Absent for IPv6-only (Ipv6Native) subnets. */
  readonly cidr?: string;
  readonly ipv6Cidr?: string;
  readonly ipv6Native: boolean;
  readonly az?: string;
  readonly availableIpv4?: number;
}

export interface PulledInstance {
  readonly containerInstanceArn: string;
  readonly ec2InstanceId?: string;
  readonly instanceType?: string;
  readonly az?: string;
  readonly os?: string;
  readonly agentVersion?: string;
  readonly vpcId?: string;
}

export interface PulledInstanceType {
  readonly name: string;
  /** NetworkInfo.MaximumNetworkInterfaces: over all network cards. */
  readonly maxEnis?: number;
  readonly ipv4PerEni?: number;
}

export interface PulledAccount {
  readonly region: string;
  readonly subnets: readonly PulledSubnet[];
  /** Distinct VPCs of the subnets, sorted. */
  readonly vpcIds: readonly string[];
  /** Described only when the subnets are all in one VPC. */
  readonly vpc?: { readonly id: string; readonly cidr?: string; readonly ipv6Cidr?: string };
  readonly cluster?: { readonly name: string; readonly instances: readonly PulledInstance[] };
  readonly instanceTypes: readonly PulledInstanceType[];
  readonly accountSettings: { readonly awsvpcTrunking?: boolean; readonly dualStackIPv6?: boolean };
}

/** A failed AWS call, with the IAM action it needed (e.g. `ec2:DescribeSubnets`). */
export class AwsCallError extends Error {
  constructor(
    readonly action: string,
    readonly error: unknown,
  ) {
    super(`${action} failed`);
  }
}

export async function call<T>(action: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw new AwsCallError(action, error);
  }
}

/** Follows NextToken/nextToken until the last page; a repeated token ends the loop rather than spinning. */
export async function allPages<T>(fetch: (token: string | undefined) => Promise<{ items: readonly T[] | undefined; next: string | undefined }>): Promise<T[]> {
  const items: T[] = [];
  const seen = new Set<string>();
  let token: string | undefined;
  do {
    const page = await fetch(token);
    items.push(...(page.items ?? []));
    token = page.next || undefined;
    if (token !== undefined) {
      if (seen.has(token)) break;
      seen.add(token);
    }
  } while (token !== undefined);
  return items;
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

// Associations being removed or that failed no longer give the subnet an IPv6 range.
const GONE_STATES = new Set(['disassociating', 'disassociated', 'failing', 'failed']);

function liveIpv6Cidr(associations: readonly { Ipv6CidrBlock?: string; Ipv6CidrBlockState?: { State?: string } }[] | undefined): string | undefined {
  return associations?.find((a) => a.Ipv6CidrBlock && !GONE_STATES.has(String(a.Ipv6CidrBlockState?.State ?? '')))?.Ipv6CidrBlock;
}

function toSubnet(s: Subnet): PulledSubnet | undefined {
  if (!s.SubnetId) return undefined;
  return {
    id: s.SubnetId,
    vpcId: s.VpcId,
    cidr: s.CidrBlock,
    ipv6Cidr: liveIpv6Cidr(s.Ipv6CidrBlockAssociationSet),
    ipv6Native: s.Ipv6Native === true,
    az: s.AvailabilityZone,
    availableIpv4: s.AvailableIpAddressCount,
  };
}

export const clusterName = (cluster: string): string => (cluster.includes('/') ? cluster.slice(cluster.lastIndexOf('/') + 1) : cluster);

/** Reads everything `env pull` needs. Throws AwsCallError on the first failed call: partial results are never returned. */
export async function pullAccount(clients: PullClients, request: PullRequest): Promise<PulledAccount> {
  const { region } = request;
  const cluster =
    request.cluster === undefined ? undefined : { name: clusterName(request.cluster), instances: await pullContainerInstances(clients, request.cluster) };
  const instanceVpcs = [...new Set((cluster?.instances ?? []).map((i) => i.vpcId).filter((v): v is string => !!v))].sort();

  const subnets = await pullSubnets(clients, request.subnetIds, instanceVpcs);
  const vpcIds = [...new Set(subnets.map((s) => s.vpcId).filter((v): v is string => !!v))].sort();
  const vpc = vpcIds.length === 1 ? await pullVpc(clients, vpcIds[0]) : undefined;

  const typesInUse = [...new Set((cluster?.instances ?? []).map((i) => i.instanceType).filter((t): t is string => !!t))].sort();
  const instanceTypes = await pullInstanceTypes(clients, typesInUse);
  const accountSettings = await pullAccountSettings(clients);
  return { region, subnets, vpcIds, vpc, cluster, instanceTypes, accountSettings };
}

async function pullSubnets(clients: PullClients, subnetIds: readonly string[] | undefined, vpcIds: readonly string[]): Promise<PulledSubnet[]> {
  // Explicit ids go in SubnetIds (so an unknown id is an error, not an empty answer) and take no MaxResults.
  const base: { SubnetIds?: string[]; Filters?: Filter[]; MaxResults?: number } = subnetIds?.length
    ? { SubnetIds: [...subnetIds] }
    : vpcIds.length
      ? { Filters: [{ Name: 'vpc-id', Values: [...vpcIds] }], MaxResults: 1000 }
      : { MaxResults: 1000 };
  const raw = await allPages((token) =>
    call('ec2:DescribeSubnets', async () => {
      const page = await clients.ec2.send(new DescribeSubnetsCommand({ ...base, NextToken: token }));
      return { items: page.Subnets, next: page.NextToken };
    }),
  );
  return raw.map(toSubnet).filter((s): s is PulledSubnet => s !== undefined);
}

async function pullVpc(clients: PullClients, vpcId: string): Promise<PulledAccount['vpc']> {
  const vpcs = await allPages((token) =>
    call('ec2:DescribeVpcs', async () => {
      const page = await clients.ec2.send(new DescribeVpcsCommand({ VpcIds: [vpcId], NextToken: token }));
      return { items: page.Vpcs, next: page.NextToken };
    }),
  );
  const found = vpcs.find((v) => v.VpcId === vpcId);
  return found ? { id: vpcId, cidr: found.CidrBlock, ipv6Cidr: liveIpv6Cidr(found.Ipv6CidrBlockAssociationSet) } : { id: vpcId };
}

async function pullContainerInstances(clients: PullClients, cluster: string): Promise<PulledInstance[]> {
  const arns = await allPages((token) =>
    call('ecs:ListContainerInstances', async () => {
      const page = await clients.ecs.send(new ListContainerInstancesCommand({ cluster, nextToken: token, maxResults: 100 }));
      return { items: page.containerInstanceArns, next: page.nextToken };
    }),
  );
  const described: ContainerInstance[] = [];
  // DescribeContainerInstances takes at most 100 instances per call.
  for (const batch of chunks(arns, 100)) {
    const page = await call('ecs:DescribeContainerInstances', () =>
      clients.ecs.send(new DescribeContainerInstancesCommand({ cluster, containerInstances: batch })),
    );
    // Failures (e.g. MISSING) are instances deregistered since the list: they are no capacity.
    described.push(...(page.containerInstances ?? []));
  }
  const instances = described.map(toInstance);
  return fillFromEc2(clients, instances);
}

function toInstance(ci: ContainerInstance): PulledInstance {
  const attr = (name: string) => ci.attributes?.find((a) => a.name === name)?.value || undefined;
  return {
    containerInstanceArn: ci.containerInstanceArn ?? '',
    ec2InstanceId: ci.ec2InstanceId,
    instanceType: attr('ecs.instance-type'),
    az: attr('ecs.availability-zone'),
    os: attr('ecs.os-type'),
    agentVersion: ci.versionInfo?.agentVersion || undefined,
    vpcId: attr('ecs.vpc-id'),
  };
}

/** Asks EC2 only about instances whose ECS attributes leave out the AZ, the type or the VPC. */
async function fillFromEc2(clients: PullClients, instances: PulledInstance[]): Promise<PulledInstance[]> {
  const missing = instances.filter((i) => i.ec2InstanceId && (!i.az || !i.instanceType || !i.vpcId)).map((i) => i.ec2InstanceId!);
  if (missing.length === 0) return instances;
  const byId = new Map<string, { az?: string; instanceType?: string; vpcId?: string; os?: string }>();
  for (const batch of chunks(missing, 100)) {
    const reservations = await allPages((token) =>
      call('ec2:DescribeInstances', async () => {
        const page = await clients.ec2.send(new DescribeInstancesCommand({ InstanceIds: batch, NextToken: token }));
        return { items: page.Reservations, next: page.NextToken };
      }),
    );
    for (const instance of reservations.flatMap((r) => r.Instances ?? [])) {
      if (!instance.InstanceId) continue;
      byId.set(instance.InstanceId, {
        az: instance.Placement?.AvailabilityZone,
        instanceType: instance.InstanceType,
        vpcId: instance.VpcId,
        os: String(instance.Platform ?? '').toLowerCase() === 'windows' ? 'windows' : undefined,
      });
    }
  }
  return instances.map((i) => {
    const ec2 = i.ec2InstanceId ? byId.get(i.ec2InstanceId) : undefined;
    if (!ec2) return i;
    return { ...i, az: i.az ?? ec2.az, instanceType: i.instanceType ?? ec2.instanceType, vpcId: i.vpcId ?? ec2.vpcId, os: i.os ?? ec2.os };
  });
}

async function pullInstanceTypes(clients: PullClients, names: readonly string[]): Promise<PulledInstanceType[]> {
  const found: PulledInstanceType[] = [];
  // DescribeInstanceTypes takes at most 100 names per call.
  for (const batch of chunks(names, 100)) {
    const types = await allPages((token) =>
      call('ec2:DescribeInstanceTypes', async () => {
        const page = await clients.ec2.send(new DescribeInstanceTypesCommand({ InstanceTypes: batch as _InstanceType[], NextToken: token }));
        return { items: page.InstanceTypes, next: page.NextToken };
      }),
    );
    for (const t of types) {
      if (!t.InstanceType) continue;
      found.push({ name: t.InstanceType, maxEnis: t.NetworkInfo?.MaximumNetworkInterfaces, ipv4PerEni: t.NetworkInfo?.Ipv4AddressesPerInterface });
    }
  }
  return found.sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The settings in effect for the calling identity (its own, else the account default, else the AWS
 * default). Listed without a name filter: the SDK's SettingName enum has no dualStackIPv6, and one
 * listing answers both.
 */
async function pullAccountSettings(clients: PullClients): Promise<PulledAccount['accountSettings']> {
  const settings = await allPages((token) =>
    call('ecs:ListAccountSettings', async () => {
      const page = await clients.ecs.send(new ListAccountSettingsCommand({ effectiveSettings: true, nextToken: token }));
      return { items: page.settings, next: page.nextToken };
    }),
  );
  const flag = (name: string) => {
    const value = settings.find((s) => s.name === name)?.value;
    return value === 'enabled' ? true : value === 'disabled' ? false : undefined;
  };
  return { awsvpcTrunking: flag('awsvpcTrunking'), dualStackIPv6: flag('dualStackIPv6') };
}
