/**
 * The read-only calls for the objects services name that live in the account: target groups
 * (elasticloadbalancing:DescribeTargetGroups, which also lists each group's load balancers) and
 * task definition revisions (ecs:DescribeTaskDefinition). Each object is reduced on the spot to
 * what the checks read, so no environment variable, secret, image or role ARN is ever kept.
 */
import { DescribeTaskDefinitionCommand, type TaskDefinition } from '@aws-sdk/client-ecs';
import { DescribeTargetGroupsCommand, type TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import { PORT_MAPPING_FIELDS, TARGET_GROUP_FIELDS, taskDefinitionRef } from '../core/environment-objects';
import { allPages, AwsCallError, call, chunks, type PullClients } from './env-pull-aws';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };

export interface ObjectsRequest {
  /** Target group ARNs (or names) the workspace's services use. */
  readonly targetGroups?: readonly string[];
  /** Every target group of these VPCs instead; an empty list means every one of the region. */
  readonly allTargetGroupsOf?: readonly string[];
  /** Task definitions the workspace's services name: family, family:revision or ARN. */
  readonly taskDefinitions?: readonly string[];
}

export interface PulledObjects {
  /** Environment file entries, ready to write. */
  readonly targetGroups: readonly JsonObject[];
  readonly taskDefinitions: readonly JsonObject[];
  readonly notes: readonly string[];
}

const defined = (entries: [string, Json | undefined][]): JsonObject => Object.fromEntries(entries.filter((e): e is [string, Json] => e[1] !== undefined));
// The query protocol's error code is TargetGroupNotFound; the SDK names the modelled exception with the suffix.
const NOT_FOUND = new Set(['TargetGroupNotFoundException', 'TargetGroupNotFound']);
const innerName = (error: unknown): string => {
  const inner = error instanceof AwsCallError ? error.error : error;
  return typeof inner === 'object' && inner !== null && 'name' in inner ? String((inner as { name: unknown }).name) : '';
};

// DescribeTargetGroups takes at most 20 ARNs or names per call, and pages of up to 400.
const TARGET_GROUPS_PER_CALL = 20;

export async function pullObjects(clients: PullClients, request: ObjectsRequest): Promise<PulledObjects> {
  const notes: string[] = [];
  const groups = request.allTargetGroupsOf
    ? await allTargetGroups(clients, request.allTargetGroupsOf)
    : await namedTargetGroups(clients, request.targetGroups ?? [], notes);
  const targetGroups = groups
    .map(toTargetGroupEntry)
    .filter((g): g is JsonObject => g !== undefined)
    .sort((a, b) => String(a.name).localeCompare(String(b.name)) || String(a.arn).localeCompare(String(b.arn)));
  for (const g of targetGroups) {
    if (Array.isArray(g.loadBalancerArns) && g.loadBalancerArns.length === 0)
      notes.push(`target group ${String(g.name)} is attached to no load balancer: ECS refuses to create a service with it.`);
  }
  const taskDefinitions = await pullTaskDefinitions(clients, request.taskDefinitions ?? [], notes);
  return { targetGroups, taskDefinitions, notes };
}

function describeTargetGroups(clients: PullClients, input: { TargetGroupArns?: string[]; Names?: string[] }): Promise<TargetGroup[]> {
  const elbv2 = clients.elbv2;
  if (!elbv2) throw new Error('no Elastic Load Balancing client');
  return allPages((marker) =>
    call('elasticloadbalancing:DescribeTargetGroups', async () => {
      const page = await elbv2.send(
        new DescribeTargetGroupsCommand({ ...input, Marker: marker, ...(input.TargetGroupArns || input.Names ? {} : { PageSize: 400 }) }),
      );
      return { items: page.TargetGroups, next: page.NextMarker };
    }),
  );
}

async function allTargetGroups(clients: PullClients, vpcIds: readonly string[]): Promise<TargetGroup[]> {
  const all = await describeTargetGroups(clients, {});
  return vpcIds.length ? all.filter((g) => g.VpcId !== undefined && vpcIds.includes(g.VpcId)) : all;
}

/**
 * One call per 20 references. A reference AWS does not know fails its whole call, so that call is
 * repeated one reference at a time and the unknown ones are named in a note (the workspace may
 * name a group another account or region holds).
 */
async function namedTargetGroups(clients: PullClients, refs: readonly string[], notes: string[]): Promise<TargetGroup[]> {
  const found: TargetGroup[] = [];
  const unique = [...new Set(refs)];
  for (const kind of ['TargetGroupArns', 'Names'] as const) {
    const wanted = unique.filter((r) => r.startsWith('arn:') === (kind === 'TargetGroupArns'));
    for (const batch of chunks(wanted, TARGET_GROUPS_PER_CALL)) {
      try {
        found.push(...(await describeTargetGroups(clients, { [kind]: batch })));
      } catch (error) {
        if (!NOT_FOUND.has(innerName(error))) throw error;
        for (const one of batch) {
          try {
            found.push(...(await describeTargetGroups(clients, { [kind]: [one] })));
          } catch (inner) {
            if (!NOT_FOUND.has(innerName(inner))) throw inner;
            notes.push(`target group ${one} was not found in this account and region; it is left out.`);
          }
        }
      }
    }
  }
  const seen = new Set<string>();
  return found.filter((g) => !!g.TargetGroupArn && !seen.has(g.TargetGroupArn) && !!seen.add(g.TargetGroupArn));
}

function toTargetGroupEntry(g: TargetGroup): JsonObject | undefined {
  if (!g.TargetGroupArn || !g.TargetGroupName) return undefined;
  return defined(TARGET_GROUP_FIELDS.map(([key, awsKey]) => [key, awsKey === 'LoadBalancerArns' ? [...(g.LoadBalancerArns ?? [])].sort() : g[awsKey]]));
}

/**
 * For each family the services name: the revision named (when one is) and the latest ACTIVE one
 * (what a bare family means to ECS). An INACTIVE revision is not written: ECS starts no new task
 * from it, so a service naming it would be checked against something it cannot run.
 */
async function pullTaskDefinitions(clients: PullClients, refs: readonly string[], notes: string[]): Promise<JsonObject[]> {
  const asks = new Set<string>();
  for (const ref of refs) {
    const family = taskDefinitionRef(ref)?.family;
    if (!family) continue;
    asks.add(family);
    if (ref !== family) asks.add(ref);
  }
  const byArn = new Map<string, JsonObject>();
  for (const ask of [...asks].sort()) {
    let td: TaskDefinition | undefined;
    try {
      td = (await call('ecs:DescribeTaskDefinition', () => clients.ecs.send(new DescribeTaskDefinitionCommand({ taskDefinition: ask })))).taskDefinition;
    } catch (error) {
      // ECS answers an unknown family or revision with a ClientException.
      if (innerName(error) !== 'ClientException') throw error;
      notes.push(`task definition ${ask} was not found in this account and region; it is left out.`);
      continue;
    }
    if (!td?.taskDefinitionArn || !td.family) continue;
    if (td.status && td.status !== 'ACTIVE') {
      notes.push(`task definition ${td.family}:${td.revision} is ${td.status}, so it is not written; services must name an ACTIVE revision.`);
      continue;
    }
    byArn.set(td.taskDefinitionArn, toTaskDefinitionEntry(td));
  }
  return [...byArn.values()].sort((a, b) => String(a.family).localeCompare(String(b.family)) || Number(a.revision) - Number(b.revision));
}

function toTaskDefinitionEntry(td: TaskDefinition): JsonObject {
  const platform =
    td.runtimePlatform &&
    defined([
      ['cpuArchitecture', td.runtimePlatform.cpuArchitecture],
      ['operatingSystemFamily', td.runtimePlatform.operatingSystemFamily],
    ]);
  return defined([
    ['family', td.family],
    ['revision', td.revision],
    ['taskDefinitionArn', td.taskDefinitionArn],
    ['networkMode', td.networkMode],
    // What it was registered for; without that, the launch types ECS found it compatible with (what it can run on).
    ['requiresCompatibilities', [...(td.requiresCompatibilities?.length ? td.requiresCompatibilities : (td.compatibilities ?? []))]],
    ['runtimePlatform', platform && Object.keys(platform).length ? platform : undefined],
    ['cpu', td.cpu],
    ['memory', td.memory],
    [
      'containers',
      (td.containerDefinitions ?? []).map((c) =>
        defined([
          ['name', c.name],
          ['ports', (c.portMappings ?? []).map((m) => defined(PORT_MAPPING_FIELDS.map((k) => [k, m[k]])))],
        ]),
      ),
    ],
  ]);
}
