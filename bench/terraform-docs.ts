/**
 * Terraform inputs for the benchmarks: a ~5 KB module (task definition with its containers in
 * jsonencode(), service, target group, two subnets with literal CIDRs), as the files of a folder or
 * as one file, and a ~1 MB `.tf` file of many such services with distinct names and the same
 * planted mistakes as the generated CloudFormation template. Deterministic: two runs give
 * byte-identical text, laid out as `terraform fmt` leaves it.
 */
import { FARGATE_SIZES, plantedMistakeAt, type PlantedMistake } from './documents';
import { attr, blank, block, call, expr, file, type Entry, type HclValue } from './hcl';

export const TERRAFORM_LARGE_TARGET_BYTES = 1024 * 1024;

const APP_PORT = 8080;
const ACCOUNT = '123456789012';
const REGION = 'eu-west-1';

// Settings a service commonly carries, taken in order (and numbered once the list runs out).
const ENVIRONMENT: readonly (readonly [string, string])[] = [
  ['SERVER_PORT', String(APP_PORT)],
  ['LOG_LEVEL', 'info'],
  ['OTEL_EXPORTER_OTLP_ENDPOINT', 'http://localhost:4317'],
  ['HTTP_CLIENT_TIMEOUT_MS', '2500'],
  ['CACHE_TTL_SECONDS', '300'],
  ['RATE_LIMIT_PER_MINUTE', '1200'],
  ['DB_POOL_MAX', '20'],
  ['SHUTDOWN_GRACE_SECONDS', '25'],
  ['FEATURE_PARTIAL_REFUNDS', 'true'],
  ['TRACING_SAMPLE_RATIO', '0.05'],
  ['OUTBOX_POLL_INTERVAL_MS', '500'],
  ['DB_POOL_IDLE_TIMEOUT_MS', '30000'],
];

/** Environment variables of the app container: the module's makes it about 5.3 KB; the large file's
 * make each service about 4 KB, so 1 MB holds more than 250 services and every planted mistake. */
const MODULE_ENVIRONMENT_VARIABLES = 1;
const LARGE_ENVIRONMENT_VARIABLES = 3;

const ref = (text: string) => expr(text);

function sharedVariables(): Entry[] {
  return [
    block('variable', ['vpc_id'], [attr('description', 'VPC of the service subnets and target groups.'), attr('type', ref('string'))]),
    block('variable', ['image_tag'], [attr('description', 'Tag of every service image.'), attr('type', ref('string')), attr('default', '1.0.0')]),
  ];
}

function sharedNetwork(): Entry[] {
  const subnet = (suffix: string, cidr: string, az: string) =>
    block(
      'resource',
      ['aws_subnet', `private_${suffix}`],
      [attr('vpc_id', ref('var.vpc_id')), attr('cidr_block', cidr), attr('availability_zone', az), blank, attr('tags', { Name: `platform-private-${suffix}` })],
    );
  const rule = (type: string, port: number, protocol: string, cidr: string) =>
    block(type, [], [attr('from_port', port), attr('to_port', port), attr('protocol', protocol), attr('cidr_blocks', [cidr])]);
  return [
    subnet('a', '10.0.0.0/19', `${REGION}a`),
    subnet('b', '10.0.32.0/19', `${REGION}b`),
    block(
      'resource',
      ['aws_security_group', 'services'],
      [
        attr('name', 'platform-services'),
        attr('description', 'Tasks of the platform services'),
        attr('vpc_id', ref('var.vpc_id')),
        blank,
        rule('ingress', APP_PORT, 'tcp', '10.0.0.0/16'),
        blank,
        rule('egress', 0, '-1', '0.0.0.0/0'),
      ],
    ),
    block('resource', ['aws_ecs_account_setting_default', 'trunking'], [attr('name', 'awsvpcTrunking'), attr('value', 'enabled')]),
  ];
}

function sharedCluster(): Entry {
  return block(
    'resource',
    ['aws_ecs_cluster', 'platform'],
    [attr('name', 'platform'), blank, block('setting', [], [attr('name', 'containerInsights'), attr('value', 'enabled')])],
  );
}

/** The three resources of one generated service, all named `svc_NNNN`. */
interface ServiceBlocks {
  readonly resourceName: string;
  readonly taskDefinition: Entry;
  readonly targetGroup: Entry;
  readonly service: Entry;
}

function containers(name: string, i: number, ec2: boolean, mistake: PlantedMistake | undefined, environmentVariables: number): HclValue {
  const portMapping: Record<string, HclValue> = { containerPort: APP_PORT, protocol: 'tcp', name: `${name}-http`, appProtocol: 'http' };
  if (ec2) portMapping.hostPort = 0;
  if (mistake === 'awsvpc-host-port') portMapping.hostPort = 9090;
  const environment: HclValue[] = [{ name: 'SERVICE_NAME', value: name }];
  for (let n = 0; environment.length < environmentVariables; n++) {
    const [key, value] = ENVIRONMENT[n % ENVIRONMENT.length];
    environment.push({ name: n < ENVIRONMENT.length ? key : `${key}_${n}`, value: n < ENVIRONMENT.length ? value : `${value}-${(i * 31 + n) % 997}` });
  }
  const logs = (prefix: string): HclValue => ({
    logDriver: 'awslogs',
    options: { 'awslogs-group': '/ecs/platform', 'awslogs-region': REGION, 'awslogs-stream-prefix': prefix },
  });
  return [
    {
      name: 'app',
      image: ref(`"${ACCOUNT}.dkr.ecr.${REGION}.amazonaws.com/${name}:\${var.image_tag}"`),
      essential: true,
      portMappings: [portMapping],
      environment,
      secrets: [
        { name: 'DB_PASSWORD', valueFrom: `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${name}/db` },
        { name: 'API_TOKEN', valueFrom: `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${name}/api-token` },
      ],
      healthCheck: {
        command: ['CMD-SHELL', `curl -fs http://localhost:${APP_PORT}/health || exit 1`],
        interval: 15,
        timeout: 5,
        retries: 3,
        startPeriod: 60,
      },
      logConfiguration: logs(name),
      ulimits: [{ name: 'nofile', softLimit: 65536, hardLimit: 65536 }],
      stopTimeout: 30,
    },
    {
      name: 'otel-collector',
      image: 'public.ecr.aws/aws-observability/aws-otel-collector:v0.40.0',
      essential: false,
      memoryReservation: 64,
      command: ['--config=/etc/ecs/ecs-default-config.yaml'],
      logConfiguration: logs(`${name}-otel`),
    },
  ];
}

function serviceBlocks(i: number, mistake: PlantedMistake | undefined, environmentVariables: number): ServiceBlocks {
  const id = String(i).padStart(4, '0');
  const name = `svc-${id}`;
  const resourceName = `svc_${id}`;
  // One service in five runs on EC2 capacity in bridge mode behind an instance target group.
  const ec2 = i % 5 === 4 && mistake === undefined;
  const [cpu, memory] = mistake === 'fargate-size' ? ['256', '4096'] : FARGATE_SIZES[i % FARGATE_SIZES.length];
  const networkMode = ec2 || mistake === 'fargate-bridge' ? 'bridge' : 'awsvpc';
  const tags = attr('tags', { service: name, team: `team-${i % 12}` });

  const taskDefinition = block(
    'resource',
    ['aws_ecs_task_definition', resourceName],
    [
      attr('family', name),
      attr('network_mode', networkMode),
      attr('requires_compatibilities', [ec2 ? 'EC2' : 'FARGATE']),
      attr('cpu', cpu),
      attr('memory', memory),
      attr('execution_role_arn', `arn:aws:iam::${ACCOUNT}:role/ecsTaskExecutionRole`),
      attr('task_role_arn', `arn:aws:iam::${ACCOUNT}:role/${name}-task`),
      blank,
      ...(ec2 ? [] : [block('runtime_platform', [], [attr('operating_system_family', 'LINUX'), attr('cpu_architecture', i % 2 ? 'ARM64' : 'X86_64')]), blank]),
      attr('container_definitions', call('jsonencode', containers(name, i, ec2, mistake, environmentVariables))),
      blank,
      tags,
    ],
  );

  const targetGroup = block(
    'resource',
    ['aws_lb_target_group', resourceName],
    [
      attr('name', `tg-${name}`),
      attr('port', APP_PORT),
      attr('protocol', 'HTTP'),
      attr('vpc_id', ref('var.vpc_id')),
      attr('target_type', ec2 || mistake === 'target-type' ? 'instance' : 'ip'),
      attr('deregistration_delay', 30),
      attr('load_balancing_algorithm_type', 'least_outstanding_requests'),
      blank,
      block(
        'health_check',
        [],
        [
          attr('path', '/health'),
          attr('interval', 15),
          attr('timeout', 5),
          attr('healthy_threshold', 2),
          attr('unhealthy_threshold', 3),
          attr('matcher', '200-299'),
        ],
      ),
      blank,
      tags,
    ],
  );

  const placement =
    networkMode === 'awsvpc'
      ? [
          block(
            'network_configuration',
            [],
            [
              attr('subnets', [ref('aws_subnet.private_a.id'), ref('aws_subnet.private_b.id')]),
              attr('security_groups', [ref('aws_security_group.services.id')]),
              attr('assign_public_ip', false),
            ],
          ),
        ]
      : [
          block('ordered_placement_strategy', [], [attr('type', 'spread'), attr('field', 'attribute:ecs.availability-zone')]),
          blank,
          block('ordered_placement_strategy', [], [attr('type', 'binpack'), attr('field', 'memory')]),
        ];
  const service = block(
    'resource',
    ['aws_ecs_service', resourceName],
    [
      attr('name', name),
      attr('cluster', ref('aws_ecs_cluster.platform.id')),
      attr('task_definition', ref(`aws_ecs_task_definition.${resourceName}.arn`)),
      attr('desired_count', 2 + (i % 4)),
      attr('launch_type', ec2 ? 'EC2' : 'FARGATE'),
      attr('deployment_maximum_percent', 200),
      attr('deployment_minimum_healthy_percent', 100),
      attr('health_check_grace_period_seconds', 60),
      attr('enable_execute_command', false),
      attr('propagate_tags', 'SERVICE'),
      blank,
      block('deployment_circuit_breaker', [], [attr('enable', true), attr('rollback', true)]),
      blank,
      ...placement,
      blank,
      block(
        'load_balancer',
        [],
        [
          attr('target_group_arn', ref(`aws_lb_target_group.${resourceName}.arn`)),
          attr('container_name', mistake === 'lb-container' ? 'web' : 'app'),
          attr('container_port', APP_PORT),
        ],
      ),
      blank,
      tags,
    ],
  );
  return { resourceName, taskDefinition, targetGroup, service };
}

/**
 * The ~5 KB module as the files of one folder (variables.tf, network.tf, ecs.tf, lb.tf,
 * service.tf): one clean Fargate service with an ip target group in two /19 subnets.
 */
export function terraformModuleFiles(): Readonly<Record<string, string>> {
  const unit = serviceBlocks(0, undefined, MODULE_ENVIRONMENT_VARIABLES);
  return {
    'variables.tf': file(sharedVariables()),
    'network.tf': file(sharedNetwork()),
    'ecs.tf': file([sharedCluster(), unit.taskDefinition]),
    'lb.tf': file([unit.targetGroup]),
    'service.tf': file([unit.service]),
  };
}

/** The same module written as a single `.tf` file (a module's files read as one). */
export function terraformModuleText(): string {
  return Object.values(terraformModuleFiles()).join('\n');
}

export interface GeneratedTerraform {
  readonly text: string;
  readonly services: number;
  /** Planted mistakes by resource name (`svc_NNNN`: its task definition, target group and service). */
  readonly mistakes: ReadonlyMap<string, PlantedMistake>;
}

/**
 * One `.tf` file of at least `targetBytes`: the shared subnets, security group, account setting and
 * cluster, then as many services (task definition, target group, service) as it takes, each with
 * distinct names; one service in fifty carries a planted mistake, in the same rotation as the
 * CloudFormation template.
 */
export function terraformLargeText(targetBytes: number = TERRAFORM_LARGE_TARGET_BYTES): GeneratedTerraform {
  const parts = [file([...sharedVariables(), ...sharedNetwork(), sharedCluster()])];
  let bytes = Buffer.byteLength(parts[0]);
  const mistakes = new Map<string, PlantedMistake>();
  let services = 0;
  while (bytes < targetBytes) {
    const mistake = plantedMistakeAt(services);
    const unit = serviceBlocks(services, mistake, LARGE_ENVIRONMENT_VARIABLES);
    if (mistake) mistakes.set(unit.resourceName, mistake);
    const text = file([unit.taskDefinition, unit.targetGroup, unit.service]);
    parts.push(text);
    bytes += Buffer.byteLength(text) + 1;
    services++;
  }
  return { text: parts.join('\n'), services, mistakes };
}
