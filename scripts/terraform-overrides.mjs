// @ts-check
// What gen-terraform.mjs cannot derive: which provider page describes which resource type, the
// irregular names (the mechanical rule, snake_case → the API member in any letter case, a singular
// block → the API's plural list, covers the rest), and the arguments with no API counterpart.
// Keys are Terraform paths: block names and the argument, joined with dots.

/**
 * @typedef {{ api?: string, to?: string, flat?: true }} Override `api`: the API path (dots) relative to
 *   the enclosing block's API object; `to`: a named conversion; `flat`: a block with no API object.
 */

/** The resource types that make units, with their page and where the page came from (SOURCES.md). */
export const UNITS = {
  aws_ecs_task_definition: {
    kind: 'task-definition',
    page: 'ecs_task_definition',
    upstream: 'file last changed in 54e84f5929e2cc2b543dab743de77314eca3c8dc, 2024-01-23',
  },
  aws_ecs_service: { kind: 'service', page: 'ecs_service', upstream: 'at 0205d166d6f7741d755c24749afc73339d18c005' },
  // The provider keeps aws_alb_target_group as another name of the same resource.
  aws_lb_target_group: {
    kind: 'target-group',
    page: 'lb_target_group',
    upstream: 'at 00c7d114c4d2f5dd9710f7560d2caaa7c742c5c2',
    aliases: ['aws_alb_target_group'],
  },
};

/** @type {Record<string, Record<string, Override>>} */
export const OVERRIDES = {
  aws_ecs_task_definition: {
    // A JSON document in the provider (the reader passes the array it parsed when it could).
    container_definitions: { api: 'containerDefinitions', to: 'json-list' },
    // The provider takes the CNI settings as a map; the API as a list of name/value pairs.
    'proxy_configuration.properties': { api: 'properties', to: 'name-value-list' },
    // A path string in the provider; in the API an object holding it.
    'volume.host_path': { api: 'host.sourcePath' },
  },
  aws_ecs_service: {
    name: { api: 'serviceName' },
    iam_role: { api: 'role' },
    // The provider leaves out the awsvpcConfiguration level, and takes assign_public_ip as a bool.
    network_configuration: { api: 'networkConfiguration.awsvpcConfiguration' },
    'network_configuration.assign_public_ip': { api: 'assignPublicIp', to: 'enabled' },
    // Deployment settings the provider keeps at the top of the resource; the API inside deploymentConfiguration.
    alarms: { api: 'deploymentConfiguration.alarms' },
    deployment_circuit_breaker: { api: 'deploymentConfiguration.deploymentCircuitBreaker' },
    deployment_maximum_percent: { api: 'deploymentConfiguration.maximumPercent' },
    deployment_minimum_healthy_percent: { api: 'deploymentConfiguration.minimumHealthyPercent' },
    ordered_placement_strategy: { api: 'placementStrategy' },
    'load_balancer.elb_name': { api: 'loadBalancerName' },
    'service_connect_configuration.service.tls.issuer_cert_authority': { api: 'issuerCertificateAuthority' },
    // GB in the provider's name, GiB in the API's; the same figure.
    'volume_configuration.managed_ebs_volume.size_in_gb': { api: 'sizeInGiB' },
  },
  aws_lb_target_group: {
    // CreateTargetGroup takes the health check as HealthCheck* members of the target group itself.
    health_check: { flat: true },
    'health_check.enabled': { api: 'HealthCheckEnabled' },
    'health_check.healthy_threshold': { api: 'HealthyThresholdCount' },
    'health_check.interval': { api: 'HealthCheckIntervalSeconds' },
    // The provider's one matcher string is HttpCode, or GrpcCode when protocol_version is GRPC; no
    // rule reads either, and both are plain strings to the validator.
    'health_check.matcher': { api: 'Matcher.HttpCode' },
    'health_check.path': { api: 'HealthCheckPath' },
    'health_check.port': { api: 'HealthCheckPort' },
    'health_check.protocol': { api: 'HealthCheckProtocol' },
    'health_check.timeout': { api: 'HealthCheckTimeoutSeconds' },
    'health_check.unhealthy_threshold': { api: 'UnhealthyThresholdCount' },
  },
};

/**
 * Arguments and blocks with no counterpart in the API input (a block listed here takes its
 * arguments with it). The normaliser leaves them out of the unit, as it does arguments no page
 * documents (newer provider versions, meta-arguments such as count or lifecycle).
 * @type {Record<string, string[]>}
 */
export const NOT_MAPPED = {
  aws_ecs_task_definition: [
    // Terraform's own behaviour.
    'skip_destroy',
    'track_latest',
    // Tags are a map in the provider, set with the provider's default tags; no check reads them.
    'tags',
  ],
  aws_ecs_service: [
    // Terraform's own behaviour.
    'region',
    'force_delete',
    'triggers',
    'wait_for_steady_state',
    // Newer than the pinned API model.
    'sigint_rollback',
    'tags',
    'volume_configuration.managed_ebs_volume.tag_specifications.tags',
  ],
  aws_lb_target_group: [
    // Target group attributes (ModifyTargetGroupAttributes), not CreateTargetGroup input.
    'connection_termination',
    'deregistration_delay',
    'lambda_multi_value_headers_enabled',
    'load_balancing_algorithm_type',
    'load_balancing_anomaly_mitigation',
    'load_balancing_cross_zone_enabled',
    'preserve_client_ip',
    'proxy_protocol_v2',
    'slow_start',
    'stickiness',
    'target_failover',
    'target_health_state',
    'target_group_health',
    // Terraform makes the name from it.
    'name_prefix',
    'tags',
  ],
};

/**
 * Resource types that are no unit but give the model facts, under the CloudFormation property names
 * the subnet, account and instance readers already use (no EC2 model is pinned, so these names are
 * checked against the page only): [name, conversion].
 * @type {Record<string, { kind: string, cfnType: string, page: string, upstream: string, args: Record<string, [string, string]> }>}
 */
export const FACTS = {
  aws_subnet: {
    kind: 'subnet',
    cfnType: 'AWS::EC2::Subnet',
    page: 'subnet',
    upstream: 'file last changed in ef905af030559d1a22a471f2acda8fc05ccef82a, 2023-08-09',
    args: {
      cidr_block: ['CidrBlock', 'string'],
      ipv6_cidr_block: ['Ipv6CidrBlock', 'string'],
      ipv6_native: ['Ipv6Native', 'boolean'],
      availability_zone: ['AvailabilityZone', 'string'],
      map_public_ip_on_launch: ['MapPublicIpOnLaunch', 'boolean'],
      assign_ipv6_address_on_creation: ['AssignIpv6AddressOnCreation', 'boolean'],
      vpc_id: ['VpcId', 'string'],
    },
  },
  aws_ecs_account_setting_default: {
    kind: 'account-setting-default',
    cfnType: 'AWS::ECS::AccountSettingDefault',
    page: 'ecs_account_setting_default',
    upstream: 'at 0a52b9bdaceb1bf0859640fefb7dff138be60beb',
    args: { name: ['Name', 'string'], value: ['Value', 'string'] },
  },
  aws_launch_template: {
    kind: 'launch-template',
    cfnType: 'AWS::EC2::LaunchTemplate',
    page: 'launch_template',
    upstream: 'at 00a35305dc1b297a6fcdecdfbba33f1e63c3da39',
    args: { instance_type: ['InstanceType', 'string'] },
  },
};
