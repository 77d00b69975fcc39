import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseTerraform, terraformProperties, type TerraformMapping } from '../../../server/src/model/terraform/normalise';
import type { Json, JsonObject, JsonPath } from '../../../server/src/model/types';

// Bodies are written as the Terraform reader projects a resource block (tf-projection.md): nested
// blocks are arrays of bodies, unknowns are "${…}" strings.

function mapping(type: string, body: JsonObject): TerraformMapping {
  const m = normaliseTerraform(type, body);
  assert.ok(m, `${type} makes a unit`);
  return m;
}

const SERVICE_BODY: JsonObject = {
  name: 'web',
  cluster: '${aws_ecs_cluster.main.id}',
  task_definition: '${aws_ecs_task_definition.app.arn}',
  desired_count: '2',
  launch_type: 'FARGATE',
  iam_role: 'arn:aws:iam::123456789012:role/ecs',
  deployment_minimum_healthy_percent: 50,
  deployment_maximum_percent: '200',
  deployment_circuit_breaker: [{ enable: true, rollback: 'true' }],
  network_configuration: [{ subnets: ['subnet-a', 'subnet-b'], security_groups: ['sg-1'], assign_public_ip: true }],
  ordered_placement_strategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
  load_balancer: [
    { elb_name: 'classic', container_name: 'web', container_port: 80 },
    { target_group_arn: '${aws_lb_target_group.web.arn}', container_name: 'web', container_port: '8080' },
  ],
  service_connect_configuration: [{ enabled: true, service: [{ port_name: 'http', client_alias: [{ port: 80, dns_name: 'web' }] }] }],
  tags: { team: 'a' },
  wait_for_steady_state: true,
  lifecycle: [{ ignore_changes: ['desired_count'] }],
};

test('a service body in API spelling: the irregular names, one level more, and Terraform types turned into API types', () => {
  const m = mapping('aws_ecs_service', SERVICE_BODY);
  assert.equal(m.kind, 'service');
  assert.deepEqual(m.value, {
    serviceName: 'web',
    cluster: '${aws_ecs_cluster.main.id}',
    taskDefinition: '${aws_ecs_task_definition.app.arn}',
    desiredCount: 2,
    launchType: 'FARGATE',
    role: 'arn:aws:iam::123456789012:role/ecs',
    deploymentConfiguration: { minimumHealthyPercent: 50, maximumPercent: 200, deploymentCircuitBreaker: { enable: true, rollback: true } },
    networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-a', 'subnet-b'], securityGroups: ['sg-1'], assignPublicIp: 'ENABLED' } },
    placementStrategy: [{ type: 'spread', field: 'attribute:ecs.availability-zone' }],
    loadBalancers: [
      { loadBalancerName: 'classic', containerName: 'web', containerPort: 80 },
      { targetGroupArn: '${aws_lb_target_group.web.arn}', containerName: 'web', containerPort: 8080 },
    ],
    serviceConnectConfiguration: { enabled: true, services: [{ portName: 'http', clientAliases: [{ port: 80, dnsName: 'web' }] }] },
  });
});

test('a task definition: cpu and memory become the API strings, container definitions as parsed or from a JSON string', () => {
  const containers = [{ name: 'web', image: 'nginx', portMappings: [{ containerPort: 80, hostPort: 8080 }] }];
  const body: JsonObject = {
    family: 'app',
    cpu: 256,
    memory: '512',
    network_mode: 'bridge',
    requires_compatibilities: ['FARGATE'],
    container_definitions: containers,
    runtime_platform: [{ operating_system_family: 'LINUX', cpu_architecture: 'ARM64' }],
    proxy_configuration: [{ container_name: 'envoy', properties: { AppPorts: 8080, IgnoredUID: '1337' } }],
    ephemeral_storage: [{ size_in_gib: '30' }],
    volume: [
      { name: 'data', host_path: '/ecs/data' },
      { name: 'efs', efs_volume_configuration: [{ file_system_id: 'fs-1', authorization_config: [{ iam: 'ENABLED' }] }] },
    ],
    skip_destroy: true,
  };
  assert.deepEqual(mapping('aws_ecs_task_definition', body).value, {
    family: 'app',
    cpu: '256',
    memory: '512',
    networkMode: 'bridge',
    requiresCompatibilities: ['FARGATE'],
    containerDefinitions: containers,
    runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
    proxyConfiguration: {
      containerName: 'envoy',
      properties: [
        { name: 'AppPorts', value: '8080' },
        { name: 'IgnoredUID', value: '1337' },
      ],
    },
    ephemeralStorage: { sizeInGiB: 30 },
    volumes: [
      { name: 'data', host: { sourcePath: '/ecs/data' } },
      { name: 'efs', efsVolumeConfiguration: { fileSystemId: 'fs-1', authorizationConfig: { iam: 'ENABLED' } } },
    ],
  });
  const fromString = mapping('aws_ecs_task_definition', { family: 'app', container_definitions: JSON.stringify(containers) });
  assert.deepEqual(fromString.value.containerDefinitions, containers);
  // A JSON string has no places inside: paths into it land on the argument.
  assert.deepEqual(fromString.toDocPath(['containerDefinitions', 0, 'portMappings', 0, 'hostPort']), ['container_definitions']);
});

test('a target group: PascalCase API names, the health check block flattened, aws_alb_target_group the same resource', () => {
  const body: JsonObject = {
    name: 'web',
    port: '80',
    protocol: 'HTTP',
    target_type: 'instance',
    vpc_id: '${aws_vpc.main.id}',
    deregistration_delay: 30,
    health_check: [{ path: '/health', interval: 15, healthy_threshold: '3', matcher: '200-299', port: 'traffic-port', enabled: 'true' }],
    stickiness: [{ type: 'lb_cookie' }],
  };
  const expected = {
    Name: 'web',
    Port: 80,
    Protocol: 'HTTP',
    TargetType: 'instance',
    VpcId: '${aws_vpc.main.id}',
    HealthCheckPath: '/health',
    HealthCheckIntervalSeconds: 15,
    HealthyThresholdCount: 3,
    Matcher: { HttpCode: '200-299' },
    HealthCheckPort: 'traffic-port',
    HealthCheckEnabled: true,
  };
  assert.deepEqual(mapping('aws_lb_target_group', body).value, expected);
  assert.deepEqual(mapping('aws_alb_target_group', body).value, expected);
});

test('resource types without a unit give none; subnets and account settings give CloudFormation-named facts', () => {
  for (const type of ['aws_subnet', 'aws_ecs_cluster', 'aws_lb', 'module', 'aws_ecs_account_setting_default']) {
    assert.equal(normaliseTerraform(type, { name: 'x' }), undefined, type);
  }
  assert.deepEqual(terraformProperties('aws_subnet', { cidr_block: '10.0.1.0/26', ipv6_native: 'false', availability_zone: 'eu-west-1a', tags: {} }), {
    cfnType: 'AWS::EC2::Subnet',
    properties: { CidrBlock: '10.0.1.0/26', Ipv6Native: false, AvailabilityZone: 'eu-west-1a' },
  });
  assert.deepEqual(terraformProperties('aws_ecs_account_setting_default', { name: 'awsvpcTrunking', value: 'enabled' })?.properties, {
    Name: 'awsvpcTrunking',
    Value: 'enabled',
  });
  assert.deepEqual(terraformProperties('aws_launch_template', { instance_type: 'c5.large', image_id: 'ami-1' })?.properties, { InstanceType: 'c5.large' });
  assert.equal(terraformProperties('aws_ecs_service', {}), undefined);
});

test('values that cannot convert are kept as written, so the structure rule reports them as it does in JSON', () => {
  const v = mapping('aws_ecs_service', {
    desired_count: 'two',
    enable_execute_command: 'yes',
    network_configuration: [{ subnets: 'subnet-a', assign_public_ip: 'maybe' }],
    load_balancer: [{ container_port: [80] }],
  }).value;
  assert.equal(v.desiredCount, 'two');
  assert.equal(v.enableExecuteCommand, 'yes');
  assert.deepEqual(v.networkConfiguration, { awsvpcConfiguration: { subnets: 'subnet-a', assignPublicIp: 'maybe' } });
  assert.deepEqual(v.loadBalancers, [{ containerPort: [80] }]);
  assert.deepEqual(mapping('aws_ecs_task_definition', { container_definitions: 'not json' }).value.containerDefinitions, 'not json');
});

test('unknowns pass through untouched, where a value, a block or a list is expected', () => {
  const body: JsonObject = {
    desired_count: '${var.count}',
    network_configuration: '${dynamic.network_configuration}',
    load_balancer: '${dynamic.load_balancer}',
    deployment_configuration: '${dynamic.deployment_configuration}',
    deployment_maximum_percent: 150,
    service_connect_configuration: [{ enabled: '${var.sc}', service: '${dynamic.service}' }],
  };
  const m = mapping('aws_ecs_service', body);
  assert.deepEqual(m.value, {
    desiredCount: '${var.count}',
    networkConfiguration: { awsvpcConfiguration: '${dynamic.network_configuration}' },
    loadBalancers: '${dynamic.load_balancer}',
    // The unknown block holds the place: a setting known beside it cannot make it known.
    deploymentConfiguration: '${dynamic.deployment_configuration}',
    serviceConnectConfiguration: { enabled: '${var.sc}', services: '${dynamic.service}' },
  });
  // Paths into an unknown block stop at the block.
  assert.deepEqual(m.toDocPath(['loadBalancers', 1, 'containerPort']), ['load_balancer']);
  assert.deepEqual(m.toDocPath(['networkConfiguration', 'awsvpcConfiguration', 'subnets', 0]), ['network_configuration']);
  const td = mapping('aws_ecs_task_definition', { cpu: '${var.cpu}', container_definitions: '${templatefile("c.json.tpl", {})}' });
  assert.deepEqual(td.value, { cpu: '${var.cpu}', containerDefinitions: '${templatefile("c.json.tpl", {})}' });
  const tg = mapping('aws_lb_target_group', { health_check: '${dynamic.health_check}', target_type: '${var.type}' });
  assert.deepEqual(tg.value, { TargetType: '${var.type}' });
  assert.deepEqual(tg.toDocPath(['HealthCheckPath']), ['health_check']);
});

test('toDocPath: the examples of the contract, and paths with no Terraform counterpart', () => {
  const m = mapping('aws_ecs_service', SERVICE_BODY);
  const cases: [JsonPath, JsonPath][] = [
    [
      ['networkConfiguration', 'awsvpcConfiguration', 'subnets', 1],
      ['network_configuration', 0, 'subnets', 1],
    ],
    [
      ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'],
      ['network_configuration', 0, 'assign_public_ip'],
    ],
    [['networkConfiguration', 'awsvpcConfiguration'], ['network_configuration']],
    [['networkConfiguration'], ['network_configuration']],
    [
      ['loadBalancers', 1, 'containerPort'],
      ['load_balancer', 1, 'container_port'],
    ],
    [
      ['loadBalancers', 0, 'loadBalancerName'],
      ['load_balancer', 0, 'elb_name'],
    ],
    [
      ['loadBalancers', 1],
      ['load_balancer', 1],
    ],
    [['loadBalancers'], ['load_balancer']],
    [['serviceName'], ['name']],
    [['role'], ['iam_role']],
    [['deploymentConfiguration', 'maximumPercent'], ['deployment_maximum_percent']],
    [
      ['deploymentConfiguration', 'deploymentCircuitBreaker', 'rollback'],
      ['deployment_circuit_breaker', 0, 'rollback'],
    ],
    [
      ['deploymentConfiguration', 'strategy'],
      ['deployment_configuration', 0, 'strategy'],
    ],
    [
      ['placementStrategy', 0, 'field'],
      ['ordered_placement_strategy', 0, 'field'],
    ],
    [
      ['serviceConnectConfiguration', 'services', 0, 'clientAliases', 0, 'port'],
      ['service_connect_configuration', 0, 'service', 0, 'client_alias', 0, 'port'],
    ],
    // No counterpart: the nearest mapped ancestor.
    [['tags', 0, 'key'], []],
    [['clientToken'], []],
    [
      ['networkConfiguration', 'awsvpcConfiguration', 'unknownMember'],
      ['network_configuration', 0],
    ],
    [[], []],
  ];
  for (const [api, doc] of cases) assert.deepEqual(m.toDocPath(api), doc, api.join('.'));

  const containers = [{ name: 'web', portMappings: [{ containerPort: 80, hostPort: 8080 }] }];
  const td = mapping('aws_ecs_task_definition', {
    container_definitions: containers,
    proxy_configuration: [{ properties: { AppPorts: '8080', EgressIgnoredIPs: '169.254.170.2' } }],
  });
  assert.deepEqual(td.toDocPath(['containerDefinitions', 0, 'portMappings', 0, 'hostPort']), ['container_definitions', 0, 'portMappings', 0, 'hostPort']);
  assert.deepEqual(td.toDocPath(['proxyConfiguration', 'properties', 1, 'value']), ['proxy_configuration', 0, 'properties', 'EgressIgnoredIPs']);
  assert.deepEqual(td.toDocPath(['volumes', 2, 'host', 'sourcePath']), ['volume', 2, 'host_path']);
  assert.deepEqual(td.toDocPath(['volumes', 2, 'host']), ['volume', 2, 'host_path']);
  const tg = mapping('aws_lb_target_group', {});
  assert.deepEqual(tg.toDocPath(['HealthCheckPath']), ['health_check', 0, 'path']);
  assert.deepEqual(tg.toDocPath(['Matcher', 'HttpCode']), ['health_check', 0, 'matcher']);
  assert.deepEqual(tg.toDocPath(['Matcher']), ['health_check', 0, 'matcher']);
  assert.deepEqual(tg.toDocPath(['TargetType']), ['target_type']);
});

test('toDocValue: what a fix writes, in the projection’s spelling and types', () => {
  const m = mapping('aws_ecs_service', {});
  const cases: [JsonPath, Json, Json][] = [
    [
      ['networkConfiguration'],
      { awsvpcConfiguration: { subnets: ['subnet-a'], assignPublicIp: 'DISABLED' } },
      [{ subnets: ['subnet-a'], assign_public_ip: false }],
    ],
    [
      ['networkConfiguration', 'awsvpcConfiguration'],
      { subnets: ['subnet-a'], securityGroups: ['sg-1'] },
      [{ subnets: ['subnet-a'], security_groups: ['sg-1'] }],
    ],
    [['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'], 'ENABLED', true],
    [['networkConfiguration', 'awsvpcConfiguration', 'subnets'], ['subnet-a'], ['subnet-a']],
    [['launchType'], 'FARGATE', 'FARGATE'],
    [
      ['loadBalancers', 0],
      { targetGroupArn: 'arn:tg', containerName: 'web', containerPort: 80 },
      { target_group_arn: 'arn:tg', container_name: 'web', container_port: 80 },
    ],
    [['loadBalancers'], [{ loadBalancerName: 'classic' }], [{ elb_name: 'classic' }]],
    [['deploymentConfiguration'], { strategy: 'ROLLING', lifecycleHooks: [{ roleArn: 'r' }] }, [{ strategy: 'ROLLING', lifecycle_hook: [{ role_arn: 'r' }] }]],
    [
      [],
      { serviceName: 'web', desiredCount: 2, deploymentConfiguration: { maximumPercent: 200 } },
      { name: 'web', deployment_maximum_percent: 200, desired_count: 2 },
    ],
  ];
  for (const [api, value, doc] of cases) assert.deepEqual(m.toDocValue(api, value), doc, api.join('.'));

  const td = mapping('aws_ecs_task_definition', { container_definitions: [{ name: 'web' }] });
  assert.equal(td.toDocValue(['networkMode'], 'awsvpc'), 'awsvpc');
  assert.equal(td.toDocValue(['containerDefinitions', 0, 'portMappings', 0, 'hostPort'], 80), 80);
  assert.deepEqual(td.toDocValue(['proxyConfiguration', 'properties'], [{ name: 'AppPorts', value: '80' }]), { AppPorts: '80' });
  assert.deepEqual(td.toDocValue(['runtimePlatform'], { cpuArchitecture: 'ARM64' }), [{ cpu_architecture: 'ARM64' }]);
  const tg = mapping('aws_lb_target_group', {});
  assert.equal(tg.toDocValue(['TargetType'], 'ip'), 'ip');
  assert.equal(tg.toDocValue(['Matcher'], { HttpCode: '200' }), '200');
  assert.deepEqual(tg.toDocValue([], { TargetType: 'ip', HealthCheckPath: '/' }), { health_check: [{ path: '/' }], target_type: 'ip' });
});
