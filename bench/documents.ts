/**
 * The documents the validation benchmark checks: a ~3 KB Fargate task definition grown from the
 * shipped example, CloudFormation templates of any size, and a table of common mistakes.
 * Everything is deterministic, so two runs check byte-identical text.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

type JsonObject = { [key: string]: unknown };

/** out/bench/*.js and bench/*.ts both sit two levels below the repository root. */
const REPO_ROOT = join(__dirname, '..', '..');

export const TASK_DEFINITION_TARGET_BYTES = 3 * 1024;

export function repoFile(...segments: string[]): string {
  return join(REPO_ROOT, ...segments);
}

function env(name: string, value: string): { name: string; value: string } {
  return { name, value };
}

// Settings a service of this kind commonly carries; used in order to top the document up to size.
const TOP_UP_ENVIRONMENT: readonly (readonly [string, string])[] = [
  ['HTTP_CLIENT_TIMEOUT_MS', '2500'],
  ['ORDERS_PAGE_SIZE', '50'],
  ['FEATURE_PARTIAL_REFUNDS', 'true'],
  ['FEATURE_SPLIT_SHIPMENTS', 'false'],
  ['CACHE_TTL_SECONDS', '300'],
  ['RATE_LIMIT_PER_MINUTE', '1200'],
  ['TRACING_SAMPLE_RATIO', '0.05'],
  ['SHUTDOWN_GRACE_SECONDS', '25'],
  ['DB_POOL_MAX', '20'],
  ['DB_POOL_IDLE_TIMEOUT_MS', '30000'],
  ['OUTBOX_POLL_INTERVAL_MS', '500'],
  ['PAYMENTS_BASE_URL', 'http://payments.orders.internal:8080'],
];

/**
 * examples/fargate-service/taskdef.json plus what a production task usually adds: a FireLens log
 * router, secrets, a health check, more environment, tags. Formatted with two-space indentation.
 */
export function fargateTaskDefinitionText(): string {
  const doc = JSON.parse(readFileSync(repoFile('examples', 'fargate-service', 'taskdef.json'), 'utf8')) as JsonObject;
  const containers = doc.containerDefinitions as JsonObject[];
  const api = containers[0];
  doc.taskRoleArn = 'arn:aws:iam::123456789012:role/orders-api-task';
  api.environment = [
    env('SPRING_PROFILES_ACTIVE', 'production'),
    env('SERVER_PORT', '8080'),
    env('DB_HOST', 'orders.cluster-c1a2b3c4d5e6.eu-west-1.rds.amazonaws.com'),
    env('DB_NAME', 'orders'),
    env('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://localhost:4317'),
    env('LOG_LEVEL', 'info'),
  ];
  api.secrets = [
    { name: 'DB_PASSWORD', valueFrom: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:orders/db-password-AbCdEf' },
    { name: 'STRIPE_API_KEY', valueFrom: 'arn:aws:ssm:eu-west-1:123456789012:parameter/orders/stripe-api-key' },
  ];
  api.healthCheck = {
    command: ['CMD-SHELL', 'curl -fs http://localhost:8080/actuator/health || exit 1'],
    interval: 15,
    timeout: 5,
    retries: 3,
    startPeriod: 60,
  };
  api.dependsOn = [{ containerName: 'log-router', condition: 'START' }];
  api.stopTimeout = 30;
  containers.push({
    name: 'log-router',
    image: 'public.ecr.aws/aws-observability/aws-for-fluent-bit:stable',
    essential: true,
    memoryReservation: 50,
    firelensConfiguration: { type: 'fluentbit' },
    user: '0',
  });
  doc.tags = [
    { key: 'team', value: 'orders' },
    { key: 'cost-centre', value: 'cc-4411' },
  ];
  const environment = api.environment as { name: string; value: string }[];
  const text = () => JSON.stringify(doc, null, 2) + '\n';
  for (const [name, value] of TOP_UP_ENVIRONMENT) {
    if (Buffer.byteLength(text()) >= TASK_DEFINITION_TARGET_BYTES) break;
    environment.push(env(name, value));
  }
  return text();
}

/** One way to get a service wrong, planted in a few trios of the generated template. */
export type PlantedMistake = 'fargate-bridge' | 'awsvpc-host-port' | 'fargate-size' | 'lb-container' | 'target-type';

const PLANTED_MISTAKES: readonly PlantedMistake[] = ['fargate-bridge', 'awsvpc-host-port', 'fargate-size', 'lb-container', 'target-type'];

/** One trio in this many carries a mistake. */
const MISTAKE_EVERY = 50;

/** The mistake planted in the i-th generated service, if any: one in MISTAKE_EVERY, in rotation. */
export function plantedMistakeAt(i: number): PlantedMistake | undefined {
  return i % MISTAKE_EVERY === MISTAKE_EVERY - 1 ? PLANTED_MISTAKES[Math.floor(i / MISTAKE_EVERY) % PLANTED_MISTAKES.length] : undefined;
}

// Valid Fargate cpu/memory pairs (https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-cpu-memory-error.html).
export const FARGATE_SIZES: readonly (readonly [string, string])[] = [
  ['256', '512'],
  ['512', '1024'],
  ['1024', '2048'],
  ['2048', '4096'],
];

/** How many environment variables each generated application container carries; sets the bytes per trio. */
const TEMPLATE_ENVIRONMENT_VARIABLES = 27;

export interface GeneratedTemplate {
  readonly text: string;
  readonly trios: number;
  readonly mistakes: ReadonlyMap<string, PlantedMistake>;
}

function cfnEnv(name: string, value: unknown): JsonObject {
  return { Name: name, Value: value };
}

function trio(i: number, mistake: PlantedMistake | undefined): Record<string, JsonObject> {
  const id = String(i).padStart(4, '0');
  const name = `svc-${id}`;
  // One service in five runs on EC2 capacity in bridge mode behind an instance target group.
  const ec2 = i % 5 === 4 && mistake === undefined;
  const [cpu, memory] = mistake === 'fargate-size' ? ['256', '4096'] : FARGATE_SIZES[i % FARGATE_SIZES.length];
  const networkMode = ec2 || mistake === 'fargate-bridge' ? 'bridge' : 'awsvpc';
  const appPort = 8080;

  const environment: JsonObject[] = [
    cfnEnv('SERVICE_NAME', name),
    cfnEnv('SERVER_PORT', String(appPort)),
    cfnEnv('AWS_REGION', { Ref: 'AWS::Region' }),
    cfnEnv('DB_HOST', { 'Fn::GetAtt': ['Database', 'Endpoint.Address'] }),
    cfnEnv('QUEUE_URL', { 'Fn::Sub': `https://sqs.\${AWS::Region}.amazonaws.com/\${AWS::AccountId}/${name}-events` }),
    cfnEnv('OTEL_EXPORTER_OTLP_ENDPOINT', 'http://localhost:4317'),
  ];
  for (let n = environment.length; n < TEMPLATE_ENVIRONMENT_VARIABLES; n++)
    environment.push(cfnEnv(`${name.toUpperCase().replace('-', '_')}_SETTING_${n}`, `value-${(i * 31 + n) % 997}`));

  const portMapping: JsonObject = { ContainerPort: appPort, Protocol: 'tcp', Name: `${name}-http`, AppProtocol: 'http' };
  if (ec2) portMapping.HostPort = 0;
  if (mistake === 'awsvpc-host-port') portMapping.HostPort = 9090;

  const taskDefinition: JsonObject = {
    Type: 'AWS::ECS::TaskDefinition',
    Properties: {
      Family: name,
      NetworkMode: networkMode,
      RequiresCompatibilities: [ec2 ? 'EC2' : 'FARGATE'],
      Cpu: cpu,
      Memory: memory,
      ExecutionRoleArn: { 'Fn::GetAtt': ['TaskExecutionRole', 'Arn'] },
      TaskRoleArn: { 'Fn::GetAtt': ['ServiceTaskRole', 'Arn'] },
      ...(ec2 ? {} : { RuntimePlatform: { OperatingSystemFamily: 'LINUX', CpuArchitecture: i % 2 ? 'ARM64' : 'X86_64' } }),
      ContainerDefinitions: [
        {
          Name: 'app',
          Image: { 'Fn::Sub': `\${AWS::AccountId}.dkr.ecr.\${AWS::Region}.amazonaws.com/${name}:\${ImageTag}` },
          Essential: true,
          PortMappings: [portMapping],
          Environment: environment,
          Secrets: [
            { Name: 'DB_PASSWORD', ValueFrom: { 'Fn::Sub': `arn:aws:secretsmanager:\${AWS::Region}:\${AWS::AccountId}:secret:${name}/db` } },
            { Name: 'API_TOKEN', ValueFrom: { 'Fn::Sub': `arn:aws:ssm:\${AWS::Region}:\${AWS::AccountId}:parameter/${name}/api-token` } },
          ],
          HealthCheck: {
            Command: ['CMD-SHELL', `curl -fs http://localhost:${appPort}/health || exit 1`],
            Interval: 15,
            Timeout: 5,
            Retries: 3,
            StartPeriod: 60,
          },
          LogConfiguration: {
            LogDriver: 'awslogs',
            Options: { 'awslogs-group': { Ref: 'LogGroup' }, 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': name },
          },
          Ulimits: [{ Name: 'nofile', SoftLimit: 65536, HardLimit: 65536 }],
          StopTimeout: 30,
        },
        {
          Name: 'otel-collector',
          Image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0',
          Essential: false,
          MemoryReservation: 64,
          Command: ['--config=/etc/ecs/ecs-default-config.yaml'],
          LogConfiguration: {
            LogDriver: 'awslogs',
            Options: { 'awslogs-group': { Ref: 'LogGroup' }, 'awslogs-region': { Ref: 'AWS::Region' }, 'awslogs-stream-prefix': `${name}-otel` },
          },
        },
      ],
      Tags: [
        { Key: 'service', Value: name },
        { Key: 'team', Value: `team-${i % 12}` },
      ],
    },
  };

  const targetGroup: JsonObject = {
    Type: 'AWS::ElasticLoadBalancingV2::TargetGroup',
    Properties: {
      Name: `tg-${name}`,
      Port: appPort,
      Protocol: 'HTTP',
      VpcId: { Ref: 'VpcId' },
      TargetType: ec2 || mistake === 'target-type' ? 'instance' : 'ip',
      HealthCheckPath: '/health',
      HealthCheckIntervalSeconds: 15,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 2,
      UnhealthyThresholdCount: 3,
      Matcher: { HttpCode: '200-299' },
      TargetGroupAttributes: [
        { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
        { Key: 'load_balancing.algorithm.type', Value: 'least_outstanding_requests' },
      ],
      Tags: [{ Key: 'service', Value: name }],
    },
  };

  const service: JsonObject = {
    Type: 'AWS::ECS::Service',
    DependsOn: [`${pascal(id)}ListenerRule`],
    Properties: {
      ServiceName: name,
      Cluster: { Ref: 'Cluster' },
      LaunchType: ec2 ? 'EC2' : 'FARGATE',
      TaskDefinition: { Ref: `${pascal(id)}TaskDefinition` },
      DesiredCount: 2 + (i % 4),
      DeploymentConfiguration: { MaximumPercent: 200, MinimumHealthyPercent: 100, DeploymentCircuitBreaker: { Enable: true, Rollback: true } },
      HealthCheckGracePeriodSeconds: 60,
      EnableExecuteCommand: false,
      PropagateTags: 'SERVICE',
      LoadBalancers: [
        { TargetGroupArn: { Ref: `${pascal(id)}TargetGroup` }, ContainerName: mistake === 'lb-container' ? 'web' : 'app', ContainerPort: appPort },
      ],
      ...(networkMode === 'awsvpc'
        ? {
            NetworkConfiguration: {
              AwsvpcConfiguration: {
                Subnets: [{ Ref: 'PrivateSubnetA' }, { Ref: 'PrivateSubnetB' }, { Ref: 'PrivateSubnetC' }],
                SecurityGroups: [{ Ref: 'ServiceSecurityGroup' }],
                AssignPublicIp: 'DISABLED',
              },
            },
          }
        : {
            PlacementStrategies: [
              { Type: 'spread', Field: 'attribute:ecs.availability-zone' },
              { Type: 'binpack', Field: 'memory' },
            ],
          }),
      Tags: [{ Key: 'service', Value: name }],
    },
  };

  const listenerRule: JsonObject = {
    Type: 'AWS::ElasticLoadBalancingV2::ListenerRule',
    Properties: {
      ListenerArn: { Ref: 'HttpsListener' },
      Priority: i + 1,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: [`/${name}/*`] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: { Ref: `${pascal(id)}TargetGroup` } }],
    },
  };

  return {
    [`${pascal(id)}TargetGroup`]: targetGroup,
    [`${pascal(id)}ListenerRule`]: listenerRule,
    [`${pascal(id)}TaskDefinition`]: taskDefinition,
    [`${pascal(id)}Service`]: service,
  };
}

function pascal(id: string): string {
  return `Svc${id}`;
}

function sharedResources(): Record<string, JsonObject> {
  const subnet = (cidr: string, az: number): JsonObject => ({
    Type: 'AWS::EC2::Subnet',
    Properties: { VpcId: { Ref: 'VpcId' }, CidrBlock: cidr, AvailabilityZone: { 'Fn::Select': [az, { 'Fn::GetAZs': '' }] } },
  });
  return {
    Cluster: { Type: 'AWS::ECS::Cluster', Properties: { ClusterName: 'platform', ClusterSettings: [{ Name: 'containerInsights', Value: 'enabled' }] } },
    LogGroup: { Type: 'AWS::Logs::LogGroup', Properties: { LogGroupName: '/ecs/platform', RetentionInDays: 30 } },
    PrivateSubnetA: subnet('10.0.0.0/19', 0),
    PrivateSubnetB: subnet('10.0.32.0/19', 1),
    PrivateSubnetC: subnet('10.0.64.0/19', 2),
    ServiceSecurityGroup: {
      Type: 'AWS::EC2::SecurityGroup',
      Properties: {
        GroupDescription: 'Tasks of the platform services',
        VpcId: { Ref: 'VpcId' },
        SecurityGroupIngress: [{ IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: { Ref: 'LoadBalancerSecurityGroup' } }],
      },
    },
    TaskExecutionRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
        ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'],
      },
    },
    ServiceTaskRole: {
      Type: 'AWS::IAM::Role',
      Properties: {
        AssumeRolePolicyDocument: { Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }] },
      },
    },
    HttpsListener: {
      Type: 'AWS::ElasticLoadBalancingV2::Listener',
      Properties: {
        LoadBalancerArn: { Ref: 'LoadBalancerArn' },
        Port: 443,
        Protocol: 'HTTPS',
        Certificates: [{ CertificateArn: { Ref: 'CertificateArn' } }],
        DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }],
      },
    },
  };
}

/**
 * A CloudFormation template with `trios` task definitions, services and target groups (plus the
 * listener rule that attaches each target group), each service referring to its task definition
 * and target group with Ref. One trio in MISTAKE_EVERY carries a planted mistake, in rotation.
 */
export function cloudFormationTemplateText(trios: number): GeneratedTemplate {
  const resources: Record<string, JsonObject> = sharedResources();
  const mistakes = new Map<string, PlantedMistake>();
  for (let i = 0; i < trios; i++) {
    const mistake = plantedMistakeAt(i);
    if (mistake) mistakes.set(pascal(String(i).padStart(4, '0')), mistake);
    Object.assign(resources, trio(i, mistake));
  }
  const template = {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `Platform services: ${trios} ECS services behind one Application Load Balancer.`,
    Parameters: {
      VpcId: { Type: 'AWS::EC2::VPC::Id' },
      LoadBalancerArn: { Type: 'String' },
      CertificateArn: { Type: 'String' },
      ImageTag: { Type: 'String', Default: 'latest' },
    },
    Resources: resources,
  };
  return { text: JSON.stringify(template, null, 2) + '\n', trios, mistakes };
}

export interface MistakeCase {
  readonly label: string;
  readonly text: string;
}

function taskDefinition(overrides: JsonObject, containers: JsonObject[]): string {
  return JSON.stringify({ family: 'case', ...overrides, containerDefinitions: containers }, null, 2) + '\n';
}

const FARGATE: JsonObject = { networkMode: 'awsvpc', requiresCompatibilities: ['FARGATE'], cpu: '256', memory: '512' };
const web = (extra: JsonObject = {}): JsonObject => ({ name: 'web', image: 'public.ecr.aws/nginx/nginx:1.27', essential: true, ...extra });

/** Task definitions with one common mistake each, and a clean one first as the control row. */
export function mistakeCases(): MistakeCase[] {
  return [
    { label: 'valid Fargate task (control)', text: taskDefinition(FARGATE, [web({ portMappings: [{ containerPort: 80 }] })]) },
    { label: 'Fargate + bridge', text: taskDefinition({ ...FARGATE, networkMode: 'bridge' }, [web({ portMappings: [{ containerPort: 80 }] })]) },
    { label: 'awsvpc hostPort != containerPort', text: taskDefinition(FARGATE, [web({ portMappings: [{ containerPort: 8080, hostPort: 80 }] })]) },
    { label: 'Fargate cpu 256 + memory 4096', text: taskDefinition({ ...FARGATE, memory: '4096' }, [web({ portMappings: [{ containerPort: 80 }] })]) },
    { label: "networkMode 'awsVpc' (case)", text: taskDefinition({ ...FARGATE, networkMode: 'awsVpc' }, [web({ portMappings: [{ containerPort: 80 }] })]) },
    { label: 'containerPort "80" (string)', text: taskDefinition(FARGATE, [web({ portMappings: [{ containerPort: '80' }] })]) },
    // The typo alone: the document no longer has a containerDefinitions list.
    {
      label: 'containerDefinition (typo for ...Definitions)',
      text: JSON.stringify({ family: 'case', ...FARGATE, containerDefinition: [web()] }, null, 2) + '\n',
    },
    { label: 'unknown property beside containerDefinitions', text: taskDefinition({ ...FARGATE, containerDefinition: [web()] }, [web()]) },
    { label: 'hostname under awsvpc', text: taskDefinition(FARGATE, [web({ hostname: 'web', portMappings: [{ containerPort: 80 }] })]) },
    {
      label: 'host mode: two containers on hostPort 8080',
      text: taskDefinition({ networkMode: 'host', requiresCompatibilities: ['EC2'] }, [
        web({ memory: 256, portMappings: [{ containerPort: 8080, hostPort: 8080 }] }),
        { name: 'admin', image: 'public.ecr.aws/docker/library/httpd:2.4', memory: 128, portMappings: [{ containerPort: 8080, hostPort: 8080 }] },
      ]),
    },
  ];
}
