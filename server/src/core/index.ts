/** The simulation core's public API: pure functions over the generated data tables. */
export { type NetworkMode, type EffectiveNetworkMode, type Os, type LaunchKind, NETWORK_MODES, isNetworkMode } from './kinds';
export { type NetworkModeProfile, NETWORK_MODE_PROFILES, networkModeMarkdown } from './networkModes';
export { editDistance, closestMatches } from './suggest';
export {
  type InstanceType,
  type ResolveInstanceTypeResult,
  getInstanceType,
  instanceTypeNames,
  instanceTypeFamilySizes,
  instanceTypeDataNote,
  resolveInstanceType,
  suggestInstanceTypes,
} from './instances';
export { type DensityBound, type EniDensityInput, type EniDensity, type TrunkingNote, type TrunkingNoteKind, CPU_UNITS_PER_VCPU, eniDensity } from './eni';
export {
  type SubnetCidr,
  type Ipv6Cidr,
  type ParseResult,
  AWS_RESERVED_IPV4_PER_SUBNET,
  MIN_SUBNET_PREFIX,
  MAX_SUBNET_PREFIX,
  IPV6_SUBNET_PREFIX,
  usableIpv4ForPrefix,
  parseSubnetCidr,
  parseIpv6Cidr,
  parseIpv6SubnetCidr,
  cidrContains,
} from './cidr';
export { type SubnetInput, type IpRequirementsInput, type SubnetUse, type IpRequirements, DEFAULT_MAXIMUM_PERCENT, ipRequirements } from './ip';
export {
  type FargateSizeCheck,
  type FargateSize,
  parseTaskCpu,
  parseTaskMemoryMiB,
  fargateCpuOptions,
  fargateMemoryOptions,
  fargateSizes,
  fargateSizeCheck,
  nearestFargateSize,
  minLinuxPlatformForCpu,
} from './fargate';
export {
  type ResolvedPlatformVersion,
  LATEST_PLATFORM_VERSION,
  parseVersion,
  compareVersions,
  resolveFargatePlatformVersion,
  atLeastPlatform,
} from './platform';
export {
  type Ipv6Mode,
  type CheckStatus,
  type Ipv6EligibilityInput,
  type Ipv6Check,
  type Ipv6Eligibility,
  MIN_FARGATE_LINUX_PLATFORM_FOR_IPV6,
  MIN_FARGATE_WINDOWS_PLATFORM_FOR_IPV6,
  MIN_AGENT_FOR_IPV6_ONLY,
  ipv6Eligibility,
} from './ipv6';
export {
  type PlacementStrategy,
  type PlacementFailureReason,
  type PlacementCapacity,
  type PlacementTask,
  type PlacementInput,
  type PlacedInstance,
  type PlacementFailure,
  type PlacementResult,
  simulatePlacement,
  waterFill,
} from './placement';
export { type CapacityPlanInput, type CapacityPlan, type CapacityPlanResult, capacityPlan } from './plan';
export { TRUNKING_TABLE } from './data/instances';
