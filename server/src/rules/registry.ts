import {
  clusterCapacity,
  envDuplicateSubnet,
  envInvalidCidr,
  envInvalidEntry,
  envSubnetOutsideVpc,
  envUnknownInstanceType,
  envUnknownSubnet,
  subnetCapacity,
} from './environment';
import { fargatePlatformTaskSize, fargateTaskSize, fargateTaskSizeRequired, fargateUnsupportedParameter } from './fargate';
import { ipv6DualStackPlatform, ipv6OnlyRequirements, ipv6SubnetMissing } from './ipv6';
import { awsvpcContainerOptions, bridgeLinkTarget, fargateNetworkMode, noneModePortMappings } from './network-mode';
import { awsvpcHostPort, bridgeEphemeralHostPort, containerPortRange, hostModeHostPort, hostPortConflict, portValueRange, reservedHostPort } from './ports';
import {
  assignPublicIpEc2,
  awsvpcIdFormat,
  awsvpcSecurityGroupCount,
  awsvpcSubnetCount,
  launchTypeWithCapacityProvider,
  platformVersionEc2,
  serviceAwsvpcNetworkConfiguration,
  serviceFargateCompatibility,
  serviceNetworkConfigurationMode,
  serviceRoleAwsvpc,
} from './service';
import { externalNetworkMode, externalServiceFeature } from './anywhere';
import { serviceConnectPortName } from './service-connect';
import { serviceRegistryPorts, serviceRegistryRecordType } from './service-discovery';
import { cfnUnsupportedProperty, invalidEnum, missingRequired, outOfRange, unknownProperty, wrongType } from './structure';
import { documentTooLarge, nonStandardJson, syntaxError } from './syntax';
import {
  classicLoadBalancerAwsvpc,
  loadBalancerContainer,
  targetGroupAlbProtocol,
  targetGroupHealthCheckPort,
  targetGroupNoLoadBalancer,
  targetGroupRequiredFields,
  targetTypeNetworkMode,
} from './target-group';
import type { Rule } from './types';
import { windowsNetworkMode, windowsUnsupportedOption } from './windows';

/** Every rule, in the order findings are reported. Ids are stable: they are diagnostic codes and docs pages. */
export const RULES: readonly Rule[] = [
  syntaxError,
  nonStandardJson,
  documentTooLarge,
  unknownProperty,
  cfnUnsupportedProperty,
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
  reservedHostPort,
  windowsNetworkMode,
  windowsUnsupportedOption,
  externalNetworkMode,
  serviceAwsvpcNetworkConfiguration,
  serviceNetworkConfigurationMode,
  awsvpcSubnetCount,
  awsvpcSecurityGroupCount,
  awsvpcIdFormat,
  assignPublicIpEc2,
  serviceFargateCompatibility,
  launchTypeWithCapacityProvider,
  platformVersionEc2,
  serviceRoleAwsvpc,
  externalServiceFeature,
  fargatePlatformTaskSize,
  classicLoadBalancerAwsvpc,
  targetTypeNetworkMode,
  loadBalancerContainer,
  targetGroupHealthCheckPort,
  targetGroupNoLoadBalancer,
  serviceRegistryPorts,
  serviceRegistryRecordType,
  serviceConnectPortName,
  targetGroupRequiredFields,
  targetGroupAlbProtocol,
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
