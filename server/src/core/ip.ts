/**
 * How many IPv4 addresses a service needs from its subnets, steady state and at the peak of a
 * rolling deployment, and whether the subnets have them.
 *
 * Assumption: the container instances (EC2 launch type) take their addresses from the same subnets
 * as the tasks. When instances live in other subnets the per-instance addresses are over-counted,
 * which errs on the safe side.
 */
import { parseSubnetCidr } from './cidr';

import type { EffectiveNetworkMode, LaunchKind } from './kinds';

// A service's deployment maximumPercent defaults to 200 (ECS DeploymentConfiguration).
export const DEFAULT_MAXIMUM_PERCENT = 200;

export interface SubnetInput {
  id?: string;
  cidr: string;
  az?: string;
  /** Addresses free right now (EC2 AvailableIpAddressCount); preferred over the CIDR's size when given. */
  availableIpv4?: number;
}

export interface IpRequirementsInput {
  networkMode: EffectiveNetworkMode;
  launchType: LaunchKind;
  tasks: number;
  maximumPercent?: number;
  /** Effective awsvpc tasks per container instance (EC2); needed to count instance addresses. */
  tasksPerInstance?: number;
  /**
   * Container instances the cluster runs (an environment file says): counted instead of the
   * instances the tasks would need, since they hold their addresses whether tasks fill them or not.
   */
  instances?: number;
  /** awsvpcTrunking on: every instance also holds a trunk ENI. */
  trunking?: boolean;
  subnets?: SubnetInput[];
}

export interface SubnetUse {
  id?: string;
  cidr: string;
  az?: string;
  usableIpv4: number;
  /** This subnet's share of `needed` when spread evenly over AZs, then over the subnets of each AZ. */
  expectedUse: number;
  fits: boolean;
}

export interface IpRequirements {
  perTask: number;
  perInstance: number;
  instancesNeeded: number | null;
  needed: number;
  peakTasksDuringDeployment: number;
  peakDuringDeployment: number;
  usable: number | null;
  perSubnet: SubnetUse[];
  fits: boolean | null;
  warnings: string[];
  errors: string[];
}

export function ipRequirements(input: IpRequirementsInput): IpRequirements {
  const warnings: string[] = [];
  const errors: string[] = [];
  const tasks = wholeNumber(input.tasks, 'task count', errors);
  const maximumPercent = deploymentMaximumPercent(input.maximumPercent, warnings);
  const perTask = addressesPerTask(input.networkMode);
  const perInstance = addressesPerInstance(input.launchType, input.trunking === true);
  if (input.launchType === 'EXTERNAL') {
    warnings.push('External (ECS Anywhere) instances sit outside the VPC, so no instance addresses are counted.');
  }

  const fixedInstances = input.instances;
  const instancesFor = fixedInstances !== undefined && fixedInstances >= 0 ? () => fixedInstances : instanceCounter(input, tasks, warnings, errors);
  const instancesNeeded = instancesFor(tasks);
  const needed = tasks * perTask + (instancesNeeded ?? 0) * perInstance;
  // ECS launches new tasks up to maximumPercent of the desired count before stopping old ones.
  const peakTasksDuringDeployment = Math.max(tasks, Math.floor((tasks * maximumPercent) / 100));
  const peakInstances = instancesFor(peakTasksDuringDeployment);
  const peakDuringDeployment = peakTasksDuringDeployment * perTask + (peakInstances ?? 0) * perInstance;

  const perSubnet = spreadOverSubnets(input.subnets ?? [], needed, errors);
  const usable = perSubnet.length ? perSubnet.reduce((sum, s) => sum + s.usableIpv4, 0) : null;
  const fits = perSubnet.length ? perSubnet.every((s) => s.fits) : null;
  if (usable !== null && peakDuringDeployment > usable) {
    warnings.push(`A deployment at ${maximumPercent}% peaks at ${peakDuringDeployment} IPv4 addresses, more than the ${usable} the subnets have.`);
  }
  return {
    perTask,
    perInstance,
    instancesNeeded,
    needed,
    peakTasksDuringDeployment,
    peakDuringDeployment,
    usable,
    perSubnet,
    fits,
    warnings,
    errors,
  };
}

/** awsvpc gives every task its own ENI and so its own address; other modes share the host's. */
function addressesPerTask(mode: EffectiveNetworkMode): number {
  return mode === 'awsvpc' ? 1 : 0;
}

/**
 * An EC2 container instance holds its primary ENI's address, plus the trunk ENI's when trunking is
 * on (ECS guide, ENI trunking). Fargate has no instances of yours; External hosts are not in the VPC.
 */
function addressesPerInstance(launchType: LaunchKind, trunking: boolean): number {
  if (launchType !== 'EC2') return 0;
  return trunking ? 2 : 1;
}

/** Returns a function giving the instances needed for n tasks, or null when that cannot be known. */
function instanceCounter(input: IpRequirementsInput, tasks: number, warnings: string[], errors: string[]): (n: number) => number | null {
  if (input.launchType !== 'EC2') return () => null;
  const perInstance = input.tasksPerInstance;
  if (perInstance === undefined) {
    if (tasks > 0) warnings.push('Tasks per instance not given, so instance addresses are not counted.');
    return () => null;
  }
  if (!Number.isFinite(perInstance) || perInstance < 0) {
    errors.push(`Tasks per instance must be a number of 0 or more, got ${String(perInstance)}.`);
    return () => null;
  }
  const whole = Math.floor(perInstance);
  if (whole === 0) {
    if (tasks > 0) errors.push('Not even one task fits on an instance, so no number of instances is enough.');
    return (n) => (n === 0 ? 0 : null);
  }
  return (n) => Math.ceil(n / whole);
}

function wholeNumber(value: number, what: string, errors: string[]): number {
  if (Number.isInteger(value) && value >= 0) return value;
  errors.push(`The ${what} must be a whole number of 0 or more, got ${String(value)}.`);
  return 0;
}

function deploymentMaximumPercent(value: number | undefined, warnings: string[]): number {
  if (value === undefined) return DEFAULT_MAXIMUM_PERCENT;
  if (Number.isFinite(value) && value >= 100) return value;
  // Below 100% a deployment never runs more than the desired count, so the peak is the desired count.
  if (Number.isFinite(value) && value >= 0) return 100;
  warnings.push(`maximumPercent ${String(value)} is not a percentage; using the default ${DEFAULT_MAXIMUM_PERCENT}.`);
  return DEFAULT_MAXIMUM_PERCENT;
}

/**
 * ECS spreads a service's tasks evenly over Availability Zones, and the Auto Scaling group does the
 * same for instances, so each AZ gets an equal share and each subnet an equal part of its AZ's share.
 * Subnets without an AZ count as an AZ of their own.
 */
function spreadOverSubnets(subnets: readonly SubnetInput[], needed: number, errors: string[]): SubnetUse[] {
  const valid: { subnet: SubnetInput; cidr: string; usableIpv4: number; group: string }[] = [];
  subnets.forEach((subnet, i) => {
    const parsed = parseSubnetCidr(subnet.cidr);
    if (!parsed.ok) {
      errors.push(subnet.id ? `${subnet.id}: ${parsed.message}` : parsed.message);
      return;
    }
    const live = subnet.availableIpv4;
    const usableIpv4 = typeof live === 'number' && Number.isFinite(live) && live >= 0 ? Math.floor(live) : parsed.cidr.usableIpv4;
    valid.push({ subnet, cidr: parsed.cidr.text, usableIpv4, group: subnet.az ?? `\u0000subnet-${i}` });
  });
  const perGroup = new Map<string, number>();
  for (const v of valid) perGroup.set(v.group, (perGroup.get(v.group) ?? 0) + 1);
  const groupShare = perGroup.size ? Math.ceil(needed / perGroup.size) : 0;
  return valid.map(({ subnet, cidr, usableIpv4, group }) => {
    const expectedUse = Math.ceil(groupShare / (perGroup.get(group) ?? 1));
    return {
      ...(subnet.id !== undefined ? { id: subnet.id } : {}),
      cidr,
      ...(subnet.az !== undefined ? { az: subnet.az } : {}),
      usableIpv4,
      expectedUse,
      fits: expectedUse <= usableIpv4,
    };
  });
}
