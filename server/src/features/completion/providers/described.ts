import type { DescribedValue } from '../items';
import { choiceList, describedEnum } from '../items';
import { INDEX, pathIs, type ValueProvider } from './registry';

// Enums worth a sentence each, with nothing in the document that rules a value out.

const PROTOCOLS: readonly DescribedValue[] = [
  {
    value: 'tcp',
    detail: 'default',
    documentation: 'TCP, the default when `protocol` is left out. Needed for Service Connect and Application Load Balancers.',
  },
  {
    value: 'udp',
    detail: 'datagrams',
    documentation: 'UDP. Usable behind a Network Load Balancer with a UDP listener; not with Application Load Balancers or Service Connect.',
  },
];

const APP_PROTOCOLS: readonly DescribedValue[] = [
  {
    value: 'http',
    detail: 'HTTP/1.1',
    documentation: 'Tells Service Connect the port speaks HTTP/1.1, so it can report HTTP metrics and handle retries. The port mapping needs a `name`.',
  },
  { value: 'http2', detail: 'HTTP/2', documentation: 'Tells Service Connect the port speaks HTTP/2. The port mapping needs a `name`.' },
  {
    value: 'grpc',
    detail: 'gRPC',
    documentation: 'Tells Service Connect the port speaks gRPC, so it can report per-call metrics. The port mapping needs a `name`.',
  },
];

const TARGET_TYPES: readonly DescribedValue[] = [
  {
    value: 'ip',
    detail: 'registers IP addresses · for awsvpc tasks (Fargate included)',
    documentation: 'Targets are IP addresses. ECS registers each task’s own IP: the type for `awsvpc` tasks, and the only one for Fargate.',
  },
  {
    value: 'instance',
    detail: 'registers EC2 instance IDs and ports · for bridge and host tasks',
    documentation:
      'Targets are EC2 instances with a port. ECS registers the instance and the task’s host port: the type for `bridge` (dynamic ports) and `host` tasks.',
  },
  {
    value: 'alb',
    detail: 'registers an Application Load Balancer (behind an NLB)',
    documentation: 'The target is an Application Load Balancer, placed behind a Network Load Balancer. Not used for ECS tasks directly.',
  },
  { value: 'lambda', detail: 'registers a Lambda function', documentation: 'The target is a Lambda function. Not used with ECS.' },
];

const mapping = (key: string) => pathIs('containerDefinitions', INDEX, 'portMappings', INDEX, key);

export const describedProviders: readonly ValueProvider[] = [
  { id: 'port-protocol', kinds: ['task-definition'], matches: mapping('protocol'), provide: (ctx) => choiceList(ctx, describedEnum(ctx, PROTOCOLS)) },
  {
    id: 'port-app-protocol',
    kinds: ['task-definition'],
    matches: mapping('appProtocol'),
    provide: (ctx) => choiceList(ctx, describedEnum(ctx, APP_PROTOCOLS)),
  },
  { id: 'target-type', kinds: ['target-group'], matches: pathIs('TargetType'), provide: (ctx) => choiceList(ctx, describedEnum(ctx, TARGET_TYPES)) },
];
