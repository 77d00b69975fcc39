/**
 * Which parts `ecs-net env pull` reads: the network (subnets, VPC, cluster capacity, account
 * settings), the target groups and the task definitions, in one pass that fails as a whole.
 */
import { pullAccount, type PullClients, type PulledAccount } from './env-pull-aws';
import { pullObjects, type PulledObjects } from './env-pull-objects';
import { namesInWorkspace } from './env-pull-workspace';

export interface PartsRequest {
  readonly region: string;
  readonly cluster?: string;
  readonly subnetIds?: readonly string[];
  /** Leave subnets, clusters and account settings alone. */
  readonly skipNetwork: boolean;
  readonly targetGroups: 'none' | 'named' | 'all';
  readonly taskDefinitions: boolean;
  /** Where the services are read from (the current folder). */
  readonly workspace: string;
  /** The VPC the existing environment file names, for `all` target groups without a network pull. */
  readonly fileVpcId?: string;
}

export interface PulledParts {
  readonly account: PulledAccount;
  readonly objects?: PulledObjects;
  /** Things to say before the diff (e.g. no services found). */
  readonly notes: readonly string[];
}

/** Reads the parts asked for. Throws AwsCallError on the first failed call: nothing partial is returned. */
export async function pullParts(clients: PullClients, request: PartsRequest): Promise<PulledParts> {
  const account: PulledAccount = request.skipNetwork
    ? { region: request.region, subnets: [], vpcIds: [], instanceTypes: [], accountSettings: {} }
    : await pullAccount(clients, { region: request.region, cluster: request.cluster, subnetIds: request.subnetIds });
  if (request.targetGroups === 'none' && !request.taskDefinitions) return { account, notes: [] };

  const notes: string[] = [];
  const names = request.targetGroups === 'named' || request.taskDefinitions ? namesInWorkspace(request.workspace) : undefined;
  if (names && names.services === 0)
    notes.push(`no ECS services found below ${request.workspace}, so none of their target groups or task definitions were asked for.`);
  const vpcs = account.vpcIds.length ? account.vpcIds : request.fileVpcId ? [request.fileVpcId] : [];
  if (request.targetGroups === 'all' && vpcs.length === 0)
    notes.push('no VPC known (no subnets pulled and no "vpc" in the file): every target group of the region is pulled.');
  const objects = await pullObjects(clients, {
    targetGroups: request.targetGroups === 'named' ? names?.targetGroups : undefined,
    allTargetGroupsOf: request.targetGroups === 'all' ? vpcs : undefined,
    taskDefinitions: request.taskDefinitions ? names?.taskDefinitions : undefined,
  });
  return { account, objects, notes };
}

/** "2 target groups and 3 task definitions", for the closing line. */
export function objectsSummary(objects: PulledObjects | undefined): string {
  if (!objects) return '';
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(objects.targetGroups.length, 'target group')} and ${plural(objects.taskDefinitions.length, 'task definition')}`;
}
