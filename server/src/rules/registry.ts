import {
  clusterCapacity,
  envDuplicateSubnet,
  envInvalidCidr,
  envInvalidEntry,
  envSubnetOutsideVpc,
  envUnknownInstanceType,
  envUnknownSubnet,
  ipv6SubnetMissing,
  subnetCapacity,
} from './environment';
import { fargateTaskSize, fargateTaskSizeRequired, fargateUnsupportedParameter } from './fargate';
import { ipv6DualStackPlatform, ipv6OnlyRequirements } from './ipv6';
import {
  awsvpcContainerOptions,
  bridgeLinkTarget,
  fargateNetworkMode,
  noneModePortMappings,
  windowsNetworkMode,
  windowsUnsupportedOption,
} from './network-mode';
import {
  awsvpcHostPort,
  bridgeEphemeralHostPort,
  containerPortRange,
  hostModeHostPort,
  hostPortConflict,
  portValueRange,
} from './ports';
import {
  assignPublicIpEc2,
  awsvpcIdFormat,
  awsvpcSecurityGroupCount,
  awsvpcSubnetCount,
  classicLoadBalancerAwsvpc,
  fargatePlatformTaskSize,
  launchTypeWithCapacityProvider,
  loadBalancerContainer,
  platformVersionEc2,
  serviceAwsvpcNetworkConfiguration,
  serviceFargateCompatibility,
  serviceNetworkConfigurationMode,
  serviceRegistryPorts,
  targetTypeNetworkMode,
} from './service';
import { invalidEnum, missingRequired, outOfRange, unknownProperty, wrongType } from './structure';
import { documentTooLarge, syntaxError } from './syntax';
import { targetGroupRequiredFields } from './target-group';
import type { Rule } from './types';

/** Every rule, in the order findings are reported. Ids are stable: they are diagnostic codes and docs pages. */
export const RULES: readonly Rule[] = [
  syntaxError,
  documentTooLarge,
  unknownProperty,
  wrongType,
  invalidEnum,
  missingRequired,
  outOfRange,
  fargateNetworkMode,
  fargateTaskSizeRequired,
  fargateTaskSize,
  fargateUnsupportedParameter,
  awsvpcContainerOptions,
  awsvpcHostPort,
  hostModeHostPort,
  hostPortConflict,
  noneModePortMappings,
  bridgeEphemeralHostPort,
  bridgeLinkTarget,
  portValueRange,
  containerPortRange,
  windowsNetworkMode,
  windowsUnsupportedOption,
  serviceAwsvpcNetworkConfiguration,
  serviceNetworkConfigurationMode,
  awsvpcSubnetCount,
  awsvpcSecurityGroupCount,
  awsvpcIdFormat,
  assignPublicIpEc2,
  serviceFargateCompatibility,
  launchTypeWithCapacityProvider,
  platformVersionEc2,
  fargatePlatformTaskSize,
  classicLoadBalancerAwsvpc,
  targetTypeNetworkMode,
  loadBalancerContainer,
  serviceRegistryPorts,
  targetGroupRequiredFields,
  ipv6OnlyRequirements,
  ipv6DualStackPlatform,
  ipv6SubnetMissing,
  envUnknownSubnet,
  subnetCapacity,
  clusterCapacity,
  envInvalidCidr,
  envSubnetOutsideVpc,
  envUnknownInstanceType,
  envDuplicateSubnet,
  envInvalidEntry,
];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));
