import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { enumAt, membersAt, validateStructure } from '../../../server/src/structure/validate';
import type { StructuralIssue, StructureRoot, Style } from '../../../server/src/structure/validate';

// ------------------------------------------------------------------ documents

const fargateTaskDefinition = {
  $schema: '../../schemas/task-definition.schema.json',
  family: 'web',
  networkMode: 'awsvpc',
  requiresCompatibilities: ['FARGATE'],
  cpu: '512',
  memory: '1024',
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  taskRoleArn: 'arn:aws:iam::123456789012:role/web-task',
  runtimePlatform: { operatingSystemFamily: 'LINUX', cpuArchitecture: 'ARM64' },
  containerDefinitions: [
    {
      name: 'web',
      image: '123456789012.dkr.ecr.eu-west-1.amazonaws.com/web:1.4.2',
      essential: true,
      portMappings: [{ containerPort: 8080, hostPort: 8080, protocol: 'tcp', name: 'http', appProtocol: 'http' }],
      environment: [{ name: 'PORT', value: '8080' }],
      secrets: [{ name: 'DB_PASSWORD', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/web/db' }],
      logConfiguration: {
        logDriver: 'awslogs',
        options: { 'awslogs-group': '/ecs/web', 'awslogs-region': 'eu-west-1', 'awslogs-stream-prefix': 'web' },
      },
      healthCheck: { command: ['CMD-SHELL', 'curl -f http://localhost:8080/health || exit 1'], interval: 30, timeout: 5, retries: 3, startPeriod: 15 },
      dependsOn: [{ containerName: 'envoy', condition: 'HEALTHY' }],
      ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
      linuxParameters: { initProcessEnabled: true },
      mountPoints: [{ sourceVolume: 'data', containerPath: '/data', readOnly: false }],
      dockerLabels: { 'com.example.team': 'web' },
      readonlyRootFilesystem: true,
    },
    {
      name: 'envoy',
      image: '840364872350.dkr.ecr.eu-west-1.amazonaws.com/aws-appmesh-envoy:v1.29.6.0-prod',
      essential: true,
      cpu: 128,
      memoryReservation: 256,
      user: '1337',
      portMappings: [{ containerPortRange: '9900-9901', protocol: 'tcp' }],
      healthCheck: { command: ['CMD-SHELL', 'curl -s http://localhost:9901/ready | grep -q LIVE'], interval: 5, timeout: 2, retries: 3 },
    },
  ],
  volumes: [
    {
      name: 'data',
      efsVolumeConfiguration: {
        fileSystemId: 'fs-0123456789abcdef0',
        transitEncryption: 'ENABLED',
        authorizationConfig: { accessPointId: 'fsap-0123456789abcdef0', iam: 'ENABLED' },
      },
    },
  ],
  proxyConfiguration: { type: 'APPMESH', containerName: 'envoy', properties: [{ name: 'AppPorts', value: '8080' }] },
  ephemeralStorage: { sizeInGiB: 30 },
  tags: [{ key: 'team', value: 'web' }],
};

/** `aws ecs describe-task-definition` output (the inner taskDefinition), nulls and empties included. */
const describeExport = {
  taskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7',
  containerDefinitions: [
    {
      name: 'web',
      image: 'nginx:1.27',
      cpu: 0,
      links: [],
      portMappings: [{ containerPort: 80, hostPort: 80, protocol: 'tcp', appProtocol: '', name: null, containerPortRange: null }],
      essential: true,
      entryPoint: [],
      command: [],
      environment: [],
      environmentFiles: [],
      mountPoints: [],
      volumesFrom: [],
      secrets: [],
      hostname: null,
      user: null,
      workingDirectory: null,
      dnsServers: [],
      dnsSearchDomains: [],
      extraHosts: [],
      dockerSecurityOptions: [],
      dockerLabels: {},
      ulimits: [],
      logConfiguration: null,
      systemControls: [],
      credentialSpecs: [],
      healthCheck: null,
      linuxParameters: null,
      memory: null,
      memoryReservation: null,
      startTimeout: null,
      stopTimeout: null,
      repositoryCredentials: {},
      versionConsistency: '',
    },
  ],
  family: 'web',
  taskRoleArn: null,
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  networkMode: 'awsvpc',
  revision: 7,
  volumes: [],
  status: 'ACTIVE',
  requiresAttributes: [
    { name: 'com.amazonaws.ecs.capability.logging-driver.awslogs' },
    { name: 'ecs.capability.task-eni', targetType: null, targetId: null, value: null },
  ],
  placementConstraints: [],
  compatibilities: ['EC2', 'FARGATE'],
  requiresCompatibilities: ['FARGATE'],
  cpu: '256',
  memory: '512',
  pidMode: null,
  ipcMode: null,
  proxyConfiguration: null,
  inferenceAccelerators: [],
  ephemeralStorage: null,
  runtimePlatform: { cpuArchitecture: null, operatingSystemFamily: 'LINUX' },
  enableFaultInjection: false,
  registeredAt: '2024-05-01T10:20:30.123000+00:00',
  deregisteredAt: 1714558830.123,
  registeredBy: 'arn:aws:sts::123456789012:assumed-role/deploy/session',
};

const codeDeployTaskDef = {
  executionRoleArn: 'arn:aws:iam::123456789012:role/ecsTaskExecutionRole',
  containerDefinitions: [
    {
      name: 'sample-website',
      image: '<IMAGE1_NAME>',
      essential: true,
      portMappings: [{ hostPort: 80, protocol: 'tcp', containerPort: '<CONTAINER_PORT>' }],
    },
  ],
  requiresCompatibilities: ['FARGATE'],
  networkMode: 'awsvpc',
  cpu: '256',
  memory: '512',
  family: 'ecs-demo',
};

const cfnTaskDefinition = {
  Family: { 'Fn::Sub': '${AWS::StackName}-web' },
  NetworkMode: 'awsvpc',
  RequiresCompatibilities: ['FARGATE'],
  Cpu: 256,
  Memory: '512',
  ExecutionRoleArn: { 'Fn::GetAtt': ['ExecutionRole', 'Arn'] },
  TaskRoleArn: { Ref: 'TaskRole' },
  RuntimePlatform: { 'Fn::If': ['IsArm', { CpuArchitecture: 'ARM64' }, { Ref: 'AWS::NoValue' }] },
  ContainerDefinitions: [
    {
      Name: 'web',
      Image: { 'Fn::Join': ['', [{ Ref: 'Repository' }, ':latest']] },
      Essential: 'true',
      PortMappings: [{ ContainerPort: '80', Protocol: 'tcp' }, { 'Fn::If': ['HasAdmin', { ContainerPort: 8080 }, { Ref: 'AWS::NoValue' }] }],
      Environment: { 'Fn::If': ['IsProd', [{ Name: 'STAGE', Value: 'prod' }], { Ref: 'AWS::NoValue' }] },
      LogConfiguration: {
        LogDriver: 'awslogs',
        Options: { 'awslogs-group': { Ref: 'LogGroup' }, 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': 'web' },
      },
      Memory: { Ref: 'AWS::NoValue' },
      HealthCheck: { Command: ['CMD-SHELL', 'exit 0'], Interval: '30', Retries: 3 },
      DependsOn: { 'Fn::If': ['HasSidecar', [{ ContainerName: 'sidecar', Condition: 'START' }], []] },
    },
  ],
  Tags: [{ Key: 'team', Value: { Ref: 'Team' } }],
  TaskDefinitionArn: 'arn:aws:ecs:eu-west-1:123456789012:task-definition/web:1',
};

const createService = {
  cluster: 'prod',
  serviceName: 'web',
  taskDefinition: 'web:7',
  desiredCount: 2,
  launchType: 'FARGATE',
  platformVersion: 'LATEST',
  networkConfiguration: {
    awsvpcConfiguration: { subnets: ['subnet-0aaa', 'subnet-0bbb'], securityGroups: ['sg-0ccc'], assignPublicIp: 'DISABLED' },
  },
  loadBalancers: [
    { targetGroupArn: 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef', containerName: 'web', containerPort: 8080 },
  ],
  serviceRegistries: [{ registryArn: 'arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-abc' }],
  deploymentConfiguration: { maximumPercent: 200, minimumHealthyPercent: 100, deploymentCircuitBreaker: { enable: true, rollback: true } },
  enableExecuteCommand: true,
  propagateTags: 'SERVICE',
  tags: [{ key: 'team', value: 'web' }],
};

const updateService = {
  cluster: 'prod',
  service: 'web',
  taskDefinition: 'web:8',
  desiredCount: 3,
  forceNewDeployment: true,
  capacityProviderStrategy: [{ capacityProvider: 'FARGATE_SPOT', weight: 1, base: 0 }],
  networkConfiguration: { awsvpcConfiguration: { subnets: ['subnet-0aaa'], assignPublicIp: 'ENABLED' } },
};

const cfnService = {
  Cluster: { Ref: 'Cluster' },
  ServiceName: 'web',
  TaskDefinition: { Ref: 'TaskDefinition' },
  DesiredCount: '2',
  LaunchType: 'FARGATE',
  NetworkConfiguration: {
    AwsvpcConfiguration: {
      Subnets: { Ref: 'Subnets' },
      SecurityGroups: [{ 'Fn::GetAtt': ['ServiceSecurityGroup', 'GroupId'] }],
      AssignPublicIp: 'DISABLED',
    },
  },
  LoadBalancers: [{ TargetGroupArn: { Ref: 'TargetGroup' }, ContainerName: 'web', ContainerPort: 8080 }],
  DeploymentConfiguration: {
    MaximumPercent: 200,
    MinimumHealthyPercent: '50',
    DeploymentCircuitBreaker: { Enable: true, Rollback: 'true' },
  },
  EnableExecuteCommand: 'false',
  PropagateTags: 'SERVICE',
  CapacityProviderStrategy: { Ref: 'AWS::NoValue' },
};

const targetGroup = {
  Name: 'web',
  Protocol: 'HTTP',
  Port: 8080,
  VpcId: 'vpc-0123456789abcdef0',
  TargetType: 'ip',
  HealthCheckPath: '/health',
  HealthCheckIntervalSeconds: 30,
  Matcher: { HttpCode: '200-399' },
  IpAddressType: 'ipv4',
  Tags: [{ Key: 'team', Value: 'web' }],
};

const cfnTargetGroup = {
  Name: { 'Fn::Sub': '${AWS::StackName}-web' },
  Protocol: 'HTTP',
  Port: '8080',
  VpcId: { 'Fn::ImportValue': 'network-VpcId' },
  TargetType: 'ip',
  HealthCheckIntervalSeconds: 30,
  HealthCheckEnabled: 'true',
  TargetGroupAttributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: 30 }],
};

// ------------------------------------------------------------------ helpers

function run(doc: unknown, root: StructureRoot, style: Style, options?: { skipRequired?: boolean; update?: boolean }): StructuralIssue[] {
  return validateStructure(doc, root, style, options);
}

function brief(issues: StructuralIssue[]): { code: string; path: string; suggestion?: string }[] {
  return issues.map((i) => ({ code: i.code, path: i.path.join('/'), ...(i.suggestion !== undefined ? { suggestion: i.suggestion } : {}) }));
}

/** A copy of `doc` with `value` set at `path` (undefined removes it). */
function withValue<T>(doc: T, path: (string | number)[], value: unknown): T {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  let at: Record<string | number, unknown> = copy;
  for (const segment of path.slice(0, -1)) at = at[segment] as Record<string | number, unknown>;
  const last = path[path.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return copy as T;
}

// ------------------------------------------------------------------ valid documents

const valid: { name: string; doc: unknown; root: StructureRoot; style: Style; options?: { skipRequired?: boolean; update?: boolean } }[] = [
  { name: 'realistic Fargate task definition', doc: fargateTaskDefinition, root: 'task-definition', style: 'api' },
  { name: 'describe-task-definition export with nulls, [] and ""', doc: describeExport, root: 'task-definition', style: 'api' },
  { name: 'CodeDeploy taskdef with placeholders', doc: codeDeployTaskDef, root: 'task-definition', style: 'api' },
  { name: 'CFN task definition with Ref, Fn::GetAtt, Fn::Sub, Fn::If', doc: cfnTaskDefinition, root: 'task-definition', style: 'cfn' },
  { name: 'CreateService input', doc: createService, root: 'service', style: 'api' },
  { name: 'UpdateService input', doc: updateService, root: 'service', style: 'api', options: { update: true } },
  { name: 'CFN service', doc: cfnService, root: 'service', style: 'cfn' },
  { name: 'CreateTargetGroup input', doc: targetGroup, root: 'target-group', style: 'api' },
  { name: 'CFN target group', doc: cfnTargetGroup, root: 'target-group', style: 'cfn' },
  {
    name: 'subnets beyond 16: no bound in either model, so nothing here (rules check it)',
    doc: withValue(
      createService,
      ['networkConfiguration', 'awsvpcConfiguration', 'subnets'],
      Array.from({ length: 17 }, (_, i) => `subnet-${i}`),
    ),
    root: 'service',
    style: 'api',
  },
  { name: 'top-level null is not a document', doc: null, root: 'task-definition', style: 'api' },
];

for (const c of valid) {
  test(`valid: ${c.name}`, () => {
    assert.deepEqual(brief(run(c.doc, c.root, c.style, c.options)), []);
  });
}

// ------------------------------------------------------------------ invalid documents

const invalid: {
  name: string;
  doc: unknown;
  root: StructureRoot;
  style: Style;
  options?: { skipRequired?: boolean; update?: boolean };
  expected: { code: string; path: string; suggestion?: string }[];
}[] = [
  {
    name: 'containerDefinition typo',
    doc: withValue(withValue(codeDeployTaskDef, ['containerDefinition'], codeDeployTaskDef.containerDefinitions), ['containerDefinitions'], undefined),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'unknown-property', path: 'containerDefinition', suggestion: 'containerDefinitions' }],
  },
  {
    name: 'portBindings instead of portMappings',
    doc: withValue(codeDeployTaskDef, ['containerDefinitions', 0, 'portBindings'], [{ containerPort: 80 }]),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'unknown-property', path: 'containerDefinitions/0/portBindings', suggestion: 'portMappings' }],
  },
  {
    name: 'port written as a string (api)',
    doc: withValue(fargateTaskDefinition, ['containerDefinitions', 0, 'portMappings', 0, 'containerPort'], '80'),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'wrong-type', path: 'containerDefinitions/0/portMappings/0/containerPort' }],
  },
  {
    name: 'fractional port (api)',
    doc: withValue(fargateTaskDefinition, ['containerDefinitions', 0, 'portMappings', 0, 'hostPort'], 80.5),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'wrong-type', path: 'containerDefinitions/0/portMappings/0/hostPort' }],
  },
  {
    name: 'non-numeric port (cfn)',
    doc: withValue(cfnTaskDefinition, ['ContainerDefinitions', 0, 'PortMappings', 0, 'ContainerPort'], 'eighty'),
    root: 'task-definition',
    style: 'cfn',
    expected: [{ code: 'wrong-type', path: 'ContainerDefinitions/0/PortMappings/0/ContainerPort' }],
  },
  {
    name: 'awsVpc (api)',
    doc: withValue(fargateTaskDefinition, ['networkMode'], 'awsVpc'),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'invalid-enum', path: 'networkMode', suggestion: 'awsvpc' }],
  },
  {
    name: 'awsVpc (cfn: the enum comes from the API model, the CFN schema has none)',
    doc: withValue(cfnTaskDefinition, ['NetworkMode'], 'awsVpc'),
    root: 'task-definition',
    style: 'cfn',
    expected: [{ code: 'invalid-enum', path: 'NetworkMode', suggestion: 'awsvpc' }],
  },
  {
    name: 'enum item in a list',
    doc: withValue(fargateTaskDefinition, ['requiresCompatibilities'], ['fargate']),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'invalid-enum', path: 'requiresCompatibilities/0', suggestion: 'FARGATE' }],
  },
  {
    name: 'missing family',
    doc: withValue(fargateTaskDefinition, ['family'], undefined),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'missing-required', path: '' }],
  },
  {
    name: 'null family counts as missing',
    doc: withValue(fargateTaskDefinition, ['family'], null),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'missing-required', path: '' }],
  },
  {
    name: 'missing family with skipRequired',
    doc: withValue(fargateTaskDefinition, ['family'], undefined),
    root: 'task-definition',
    style: 'api',
    options: { skipRequired: true },
    expected: [],
  },
  {
    name: 'nested required member (ulimit without hardLimit)',
    doc: withValue(fargateTaskDefinition, ['containerDefinitions', 0, 'ulimits', 0, 'hardLimit'], undefined),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'missing-required', path: 'containerDefinitions/0/ulimits/0' }],
  },
  {
    name: 'CreateService without serviceName',
    doc: updateService,
    root: 'service',
    style: 'api',
    expected: [{ code: 'missing-required', path: '' }],
  },
  {
    name: 'UpdateService without service',
    doc: withValue(updateService, ['service'], undefined),
    root: 'service',
    style: 'api',
    options: { update: true },
    expected: [{ code: 'missing-required', path: '' }],
  },
  {
    name: 'service aliases: networkConfig, securityGroupIds, subnetIds',
    doc: {
      serviceName: 'web',
      networkConfig: {},
      networkConfiguration: { awsvpcConfiguration: { subnetIds: ['subnet-1'], securityGroupIds: ['sg-1'] } },
    },
    root: 'service',
    style: 'api',
    expected: [
      { code: 'unknown-property', path: 'networkConfig', suggestion: 'networkConfiguration' },
      { code: 'unknown-property', path: 'networkConfiguration/awsvpcConfiguration/subnetIds', suggestion: 'subnets' },
      { code: 'unknown-property', path: 'networkConfiguration/awsvpcConfiguration/securityGroupIds', suggestion: 'securityGroups' },
    ],
  },
  {
    name: 'targetGroupARN',
    doc: withValue(createService, ['loadBalancers', 0], { targetGroupARN: 'arn:x', containerName: 'web', containerPort: 8080 }),
    root: 'service',
    style: 'api',
    expected: [{ code: 'unknown-property', path: 'loadBalancers/0/targetGroupARN', suggestion: 'targetGroupArn' }],
  },
  {
    name: 'assignPublicIp lower case',
    doc: withValue(createService, ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp'], 'enabled'),
    root: 'service',
    style: 'api',
    expected: [{ code: 'invalid-enum', path: 'networkConfiguration/awsvpcConfiguration/assignPublicIp', suggestion: 'ENABLED' }],
  },
  {
    name: 'desiredCount as a string (api) and a boolean as a string',
    doc: { ...createService, desiredCount: '2', enableExecuteCommand: 'true' },
    root: 'service',
    style: 'api',
    expected: [
      { code: 'wrong-type', path: 'desiredCount' },
      { code: 'wrong-type', path: 'enableExecuteCommand' },
    ],
  },
  {
    name: 'camelCase key in CFN suggests the PascalCase property',
    doc: withValue(cfnService, ['desiredCount'], 2),
    root: 'service',
    style: 'cfn',
    expected: [{ code: 'unknown-property', path: 'desiredCount', suggestion: 'DesiredCount' }],
  },
  {
    name: 'PascalCase key in API style suggests the camelCase member',
    doc: withValue(fargateTaskDefinition, ['NetworkMode'], 'awsvpc'),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'unknown-property', path: 'NetworkMode', suggestion: 'networkMode' }],
  },
  {
    name: 'CFN PortBindings',
    doc: withValue(cfnTaskDefinition, ['ContainerDefinitions', 0, 'PortBindings'], []),
    root: 'task-definition',
    style: 'cfn',
    expected: [{ code: 'unknown-property', path: 'ContainerDefinitions/0/PortBindings', suggestion: 'PortMappings' }],
  },
  {
    name: 'CFN LaunchType enum of the CFN schema',
    doc: withValue(cfnService, ['LaunchType'], 'Fargate'),
    root: 'service',
    style: 'cfn',
    expected: [{ code: 'invalid-enum', path: 'LaunchType', suggestion: 'FARGATE' }],
  },
  {
    name: 'CFN array where a scalar list is expected, object where a string is',
    doc: { ...cfnService, ServiceName: { Name: 'web' }, LoadBalancers: { TargetGroupArn: 'arn:x' } },
    root: 'service',
    style: 'cfn',
    expected: [
      { code: 'wrong-type', path: 'ServiceName' },
      { code: 'wrong-type', path: 'LoadBalancers' },
    ],
  },
  {
    name: 'target group TargetType IP',
    doc: withValue(targetGroup, ['TargetType'], 'IP'),
    root: 'target-group',
    style: 'api',
    expected: [{ code: 'invalid-enum', path: 'TargetType', suggestion: 'ip' }],
  },
  {
    name: 'target group TargetType IP (cfn)',
    doc: withValue(cfnTargetGroup, ['TargetType'], 'IP'),
    root: 'target-group',
    style: 'cfn',
    expected: [{ code: 'invalid-enum', path: 'TargetType', suggestion: 'ip' }],
  },
  {
    name: 'target group bounds stated by the ELBv2 model',
    doc: { ...targetGroup, Port: 70000, HealthCheckIntervalSeconds: 1 },
    root: 'target-group',
    style: 'api',
    expected: [
      { code: 'out-of-range', path: 'Port' },
      { code: 'out-of-range', path: 'HealthCheckIntervalSeconds' },
    ],
  },
  {
    name: 'target group Port bound applies in CFN too (numeric string)',
    doc: withValue(cfnTargetGroup, ['Port'], '0'),
    root: 'target-group',
    style: 'cfn',
    expected: [{ code: 'out-of-range', path: 'Port' }],
  },
  {
    name: 'more than 50 tags',
    doc: withValue(
      fargateTaskDefinition,
      ['tags'],
      Array.from({ length: 51 }, (_, i) => ({ key: `k${i}`, value: 'v' })),
    ),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'out-of-range', path: 'tags' }],
  },
  {
    name: 'target group without Name',
    doc: withValue(targetGroup, ['Name'], undefined),
    root: 'target-group',
    style: 'api',
    expected: [{ code: 'missing-required', path: '' }],
  },
  {
    name: 'CFN required member removed with AWS::NoValue',
    doc: withValue(cfnTaskDefinition, ['ContainerDefinitions', 0, 'Name'], { Ref: 'AWS::NoValue' }),
    root: 'task-definition',
    style: 'cfn',
    expected: [{ code: 'missing-required', path: 'ContainerDefinitions/0' }],
  },
  {
    name: 'unknown property with nothing close',
    doc: withValue(cfnTargetGroup, ['Colour'], 'blue'),
    root: 'target-group',
    style: 'cfn',
    expected: [{ code: 'unknown-property', path: 'Colour' }],
  },
  {
    name: 'map values are checked, map keys are free (api)',
    doc: withValue(fargateTaskDefinition, ['containerDefinitions', 0, 'dockerLabels'], { 'any.key': 'ok', port: 8080 }),
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'wrong-type', path: 'containerDefinitions/0/dockerLabels/port' }],
  },
  {
    name: 'root that is not an object',
    doc: ['family'],
    root: 'task-definition',
    style: 'api',
    expected: [{ code: 'wrong-type', path: '' }],
  },
];

for (const c of invalid) {
  test(`invalid: ${c.name}`, () => {
    assert.deepEqual(brief(run(c.doc, c.root, c.style, c.options)), c.expected);
  });
}

// ------------------------------------------------------------------ issue details

test('issues carry target, property, expected and one-line messages', () => {
  const [typo] = run({ ...codeDeployTaskDef, containerDefinition: [] }, 'task-definition', 'api');
  assert.equal(typo.target, 'key');
  assert.equal(typo.property, 'containerDefinition');
  assert.equal(typo.message, "Unknown property 'containerDefinition'. Did you mean 'containerDefinitions'?");

  const [port] = run(withValue(fargateTaskDefinition, ['containerDefinitions', 0, 'portMappings', 0, 'containerPort'], '80'), 'task-definition', 'api');
  assert.equal(port.message, "'containerPort' must be an integer, not a string.");
  assert.equal(port.target, 'value');
  assert.equal(port.expected, 'integer');

  const [mode] = run(withValue(fargateTaskDefinition, ['networkMode'], 'awsVpc'), 'task-definition', 'api');
  assert.equal(mode.message, "'awsVpc' is not a valid networkMode. Did you mean 'awsvpc'?");
  assert.equal(mode.expected, 'bridge | host | awsvpc | none');

  const [nothingClose] = run(withValue(fargateTaskDefinition, ['networkMode'], 'overlay'), 'task-definition', 'api');
  assert.equal(nothingClose.suggestion, undefined);
  assert.equal(nothingClose.message, "'overlay' is not a valid networkMode. Expected one of: bridge, host, awsvpc, none.");

  const [missing] = run(withValue(fargateTaskDefinition, ['family'], undefined), 'task-definition', 'api');
  assert.equal(missing.message, "Missing required property 'family'.");
  assert.equal(missing.property, 'family');
  assert.deepEqual(missing.path, []);

  const [range] = run({ ...targetGroup, Port: 70000 }, 'target-group', 'api');
  assert.equal(range.message, "'Port' must be between 1 and 65535, not 70000.");

  const [tags] = run(
    withValue(
      fargateTaskDefinition,
      ['tags'],
      Array.from({ length: 51 }, () => ({ key: 'k' })),
    ),
    'task-definition',
    'api',
  );
  assert.equal(tags.message, "'tags' allows at most 50 items.");

  for (const issue of run({ family: 1, containerDefinitions: [{ name: 2, portMappings: [{ containerPort: 'x' }] }], bogus: true }, 'task-definition', 'api')) {
    assert.ok(!issue.message.includes('\n'), issue.message);
  }
});

test('array item labels name the index', () => {
  const [issue] = run(withValue(createService, ['networkConfiguration', 'awsvpcConfiguration', 'subnets', 1], 42), 'service', 'api');
  assert.equal(issue.code, 'wrong-type');
  assert.deepEqual(issue.path, ['networkConfiguration', 'awsvpcConfiguration', 'subnets', 1]);
  assert.equal(issue.message, "'subnets[1]' must be a string, not a number.");
});

test('unset values are never type, enum or range errors, in any position', () => {
  const doc = {
    family: 'x',
    containerDefinitions: [{ name: 'a', image: 'b', portMappings: [{ containerPort: null, hostPort: '', protocol: '', appProtocol: null }] }],
    networkMode: '',
    requiresCompatibilities: [],
    runtimePlatform: {},
    volumes: null,
    tags: {},
  };
  assert.deepEqual(run(doc, 'task-definition', 'api'), []);
  assert.deepEqual(run({ ...cfnTaskDefinition, NetworkMode: { Ref: 'AWS::NoValue' }, Cpu: null, Volumes: [] }, 'task-definition', 'cfn'), []);
});

test('intrinsic functions are skipped wherever they appear (cfn) but are objects in api style', () => {
  const doc = {
    ContainerDefinitions: { 'Fn::If': ['C', [], []] },
    NetworkMode: { 'Fn::FindInMap': ['Modes', { Ref: 'AWS::Region' }, 'mode'] },
    RequiresCompatibilities: { 'Fn::Split': [',', { Ref: 'Compat' }] },
    RuntimePlatform: { Condition: 'IsArm' },
  };
  assert.deepEqual(run(doc, 'task-definition', 'cfn'), []);
  const api = run({ ...codeDeployTaskDef, networkMode: { Ref: 'Mode' } }, 'task-definition', 'api');
  assert.deepEqual(brief(api), [{ code: 'wrong-type', path: 'networkMode' }]);
});

test('a top-level $schema key is tolerated in every root and style', () => {
  for (const [root, style, doc] of [
    ['task-definition', 'api', fargateTaskDefinition],
    ['service', 'api', createService],
    ['target-group', 'api', targetGroup],
    ['task-definition', 'cfn', cfnTaskDefinition],
    ['service', 'cfn', cfnService],
    ['target-group', 'cfn', cfnTargetGroup],
  ] as const) {
    assert.deepEqual(run({ $schema: 'x', ...doc }, root, style), [], `${root} ${style}`);
  }
  assert.deepEqual(brief(run(withValue(createService, ['networkConfiguration', '$schema'], 'x'), 'service', 'api')), [
    { code: 'unknown-property', path: 'networkConfiguration/$schema' },
  ]);
});

test('never throws on odd input', () => {
  let deep: unknown = 'leaf';
  for (let i = 0; i < 5000; i++) deep = { dockerLabels: deep, x: [deep] };
  const odd: unknown[] = [
    undefined,
    0,
    'text',
    true,
    [],
    {},
    { containerDefinitions: deep },
    { containerDefinitions: [deep, null, 1, 'x', [[[]]]] },
    { family: { family: { family: deep } } },
    Object.create(null),
    { containerDefinitions: Array.from({ length: 5000 }, () => ({ name: 'a', image: 'b' })), family: 'f' },
  ];
  for (const value of odd) {
    for (const root of ['task-definition', 'service', 'target-group'] as const) {
      for (const style of ['api', 'cfn'] as const) {
        assert.doesNotThrow(() => validateStructure(value, root, style));
      }
    }
  }
});

// ------------------------------------------------------------------ lookups

test('membersAt lists members with types, enums and required flags', () => {
  const top = membersAt('task-definition', 'api', []);
  assert.ok(top);
  const byName = new Map(top.map((m) => [m.name, m]));
  assert.deepEqual(byName.get('family'), { name: 'family', type: 'string', required: true });
  assert.deepEqual(byName.get('networkMode')?.enum, ['bridge', 'host', 'awsvpc', 'none']);
  assert.equal(byName.get('containerDefinitions')?.type, 'array');
  assert.equal(byName.get('revision')?.readOnly, true);

  const ports = membersAt('task-definition', 'api', ['containerDefinitions', 0, 'portMappings', 3]);
  assert.deepEqual(
    ports?.map((m) => m.name),
    ['containerPort', 'hostPort', 'protocol', 'name', 'appProtocol', 'containerPortRange'],
  );
  assert.equal(ports?.find((m) => m.name === 'containerPort')?.type, 'integer');

  const awsvpc = membersAt('service', 'api', ['networkConfiguration', 'awsvpcConfiguration']);
  assert.deepEqual(
    awsvpc?.map((m) => [m.name, m.required]),
    [
      ['subnets', true],
      ['securityGroups', false],
      ['assignPublicIp', false],
    ],
  );

  const service = membersAt('service', 'api', [])?.map((m) => m.name) ?? [];
  for (const name of ['serviceName', 'service', 'forceNewDeployment', 'launchType']) assert.ok(service.includes(name), name);

  const cfnAwsvpc = membersAt('service', 'cfn', ['NetworkConfiguration', 'AwsvpcConfiguration']);
  assert.deepEqual(cfnAwsvpc?.map((m) => m.name).sort(), ['AssignPublicIp', 'SecurityGroups', 'Subnets']);
  assert.equal(membersAt('target-group', 'cfn', [])?.find((m) => m.name === 'TargetGroupArn')?.readOnly, true);

  assert.equal(membersAt('task-definition', 'api', ['family']), undefined);
  assert.equal(membersAt('task-definition', 'api', ['nope', 'deeper']), undefined);
  assert.equal(membersAt('task-definition', 'api', ['containerDefinitions', 'name']), undefined);
});

test('enumAt returns allowed values, case-sensitive as the service is', () => {
  assert.deepEqual(enumAt('task-definition', 'api', ['networkMode']), ['bridge', 'host', 'awsvpc', 'none']);
  assert.deepEqual(enumAt('task-definition', 'api', ['requiresCompatibilities', 0]), ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']);
  assert.deepEqual(enumAt('task-definition', 'api', ['containerDefinitions', 1, 'portMappings', 0, 'protocol']), ['tcp', 'udp']);
  assert.deepEqual(enumAt('service', 'api', ['networkConfiguration', 'awsvpcConfiguration', 'assignPublicIp']), ['ENABLED', 'DISABLED']);
  assert.deepEqual(enumAt('target-group', 'api', ['TargetType']), ['instance', 'ip', 'lambda', 'alb']);
  assert.deepEqual(enumAt('target-group', 'cfn', ['TargetType']), ['instance', 'ip', 'lambda', 'alb']);
  assert.deepEqual(enumAt('task-definition', 'cfn', ['ContainerDefinitions', 0, 'PortMappings', 0, 'AppProtocol']), ['http', 'http2', 'grpc']);
  // The registry schema's list, widened by the API model's values it lags behind.
  assert.deepEqual(enumAt('service', 'cfn', ['LaunchType']), ['EC2', 'FARGATE', 'EXTERNAL', 'MANAGED_INSTANCES']);
  assert.equal(enumAt('task-definition', 'api', ['family']), undefined);
  assert.equal(enumAt('task-definition', 'api', ['requiresCompatibilities']), undefined);
  assert.equal(enumAt('task-definition', 'api', ['unknown']), undefined);
});

// ------------------------------------------------------------------ published schemas

const repoRoot = resolve(__dirname, '..', '..', '..', '..');
const schemaFiles = ['task-definition.schema.json', 'service.schema.json', 'target-group.schema.json'];

function collectDescriptions(node: unknown, out: string[]): string[] {
  if (Array.isArray(node)) for (const item of node) collectDescriptions(item, out);
  else if (typeof node === 'object' && node !== null) {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'description' && typeof value === 'string') out.push(value);
      else collectDescriptions(value, out);
    }
  }
  return out;
}

test('published schemas are draft-07 JSON with $id, title and our own short descriptions', () => {
  let total = 0;
  for (const file of schemaFiles) {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', file), 'utf8')) as Record<string, unknown>;
    assert.equal(schema.$schema, 'http://json-schema.org/draft-07/schema#', file);
    assert.equal(schema.$id, `urn:ecs-task-networking:schema:${file.replace(/\.schema\.json$/, '')}`, file);
    assert.equal(typeof schema.title, 'string', file);
    const descriptions = collectDescriptions(schema, []);
    total += descriptions.length;
    for (const text of descriptions) {
      // Source documentation is HTML with long paragraphs; ours are one plain sentence or two.
      assert.ok(text.length <= 240, `${file}: too long: ${text}`);
      assert.doesNotMatch(text, /<\/?(p|code|a|i|b|ul|li|note|important)\b|&lt;|&gt;|\n/, `${file}: markup in: ${text}`);
    }
  }
  assert.ok(total >= 30, `only ${total} descriptions`);
});

test('published schemas know every member the validator knows', () => {
  const pairs: [StructureRoot, string][] = [
    ['task-definition', 'task-definition.schema.json'],
    ['service', 'service.schema.json'],
    ['target-group', 'target-group.schema.json'],
  ];
  for (const [root, file] of pairs) {
    const schema = JSON.parse(readFileSync(join(repoRoot, 'schemas', file), 'utf8')) as { properties: Record<string, unknown> };
    const names = (membersAt(root, 'api', []) ?? []).map((m) => m.name);
    assert.ok(names.length > 5);
    assert.deepEqual(
      Object.keys(schema.properties)
        .filter((n) => n !== '$schema')
        .sort(),
      [...names].sort(),
      file,
    );
  }
});
