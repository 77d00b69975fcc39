#!/usr/bin/env node
// @ts-check
// Reads the ECS / ELBv2 API models and the CloudFormation resource schemas in ../shared/data and
// writes the structural model the validator uses (server/src/structure/data/) plus the JSON Schemas
// we publish (schemas/). Only structure carries over: names, types, enums, bounds. No documentation
// or description text from the sources is copied; the few descriptions in the schemas are our own
// (DESCRIPTIONS below).
// Usage: node scripts/gen-shapes.mjs [--shared DIR] [--out DIR] [--accept-inputs]
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { inputReader, outPath, parseArgs } from './data-inputs.mjs';
import { renameTree } from './cfn-renames.mjs';
import { createRequire } from 'node:module';

const args = parseArgs(process.argv.slice(2));
const inputs = inputReader(args);
const outDir = outPath(args, join('server', 'src', 'structure', 'data'));
const schemaDir = outPath(args, 'schemas');
const load = inputs.json;

const apiSubset = load('ecs-api-shapes.json');
// The full ECS model adds the DescribeTaskDefinition output shape (read-only fields of exports) and
// the `document` flag, which the subset drops.
const ecsFull = load('botocore/ecs/2014-11-13/service-2.json');
const cfnFiles = {
  'task-definition': load('cfn-schemas/aws-ecs-taskdefinition.json'),
  service: load('cfn-schemas/aws-ecs-service.json'),
  'target-group': load('cfn-schemas/aws-elasticloadbalancingv2-targetgroup.json'),
};

// ------------------------------------------------------------------ our own descriptions
// The network modes are described once, in the core (compile the server first: `tsc -b server`).
/** @type {{ NETWORK_MODE_PROFILES: Record<string, { mode: string, shortly: string }> }} */
const { NETWORK_MODE_PROFILES } = createRequire(import.meta.url)('../out/server/src/core/networkModes.js');
const modeList = Object.values(NETWORK_MODE_PROFILES).map((p) => `${p.mode} (${p.shortly})`);

// Keyed by "<definition>.<member>" of the published API schemas. Written for this project.
const DESCRIPTIONS = {
  'TaskDefinition.family': 'Name shared by all revisions of this task definition.',
  'TaskDefinition.networkMode': `How the containers of a task reach the network: ${modeList.slice(0, -1).join(', ')} or ${modeList[modeList.length - 1]}.`,
  'TaskDefinition.requiresCompatibilities': 'Launch types this task definition is checked against when registered (EC2, FARGATE, EXTERNAL, MANAGED_INSTANCES).',
  'TaskDefinition.cpu': 'Task-level CPU units (1024 = 1 vCPU) or a value such as "1 vCPU". Required on Fargate, where only certain cpu/memory pairs exist.',
  'TaskDefinition.memory': 'Task-level memory in MiB, or a value such as "2 GB". Required on Fargate and must pair with cpu.',
  'TaskDefinition.pidMode': 'Process namespace shared by the containers: host or task. Fargate allows only task.',
  'TaskDefinition.ipcMode': 'IPC namespace for the containers: host, task or none. Not available on Fargate.',
  'TaskDefinition.runtimePlatform': 'Operating system family and CPU architecture the task needs.',
  'TaskDefinition.containerDefinitions': 'Container list: at least one entry, each with a name and an image.',
  'TaskDefinition.taskDefinitionArn': 'Read-only: ARN assigned at registration. Accepted here so exported task definitions validate.',
  'TaskDefinition.revision': 'Read-only: revision number within the family, from describe-task-definition output.',
  'TaskDefinition.status': 'Read-only: registration status, from describe-task-definition output.',
  'TaskDefinition.compatibilities': 'Read-only: launch types ECS found this task definition to be compatible with.',
  'RuntimePlatform.operatingSystemFamily': 'LINUX or one of the WINDOWS_SERVER_* families. Windows tasks support only the awsvpc or default network mode.',
  'RuntimePlatform.cpuArchitecture': 'X86_64 or ARM64.',
  'ContainerDefinition.name': 'Container name, used by links, load balancers and service registries to refer to it.',
  'ContainerDefinition.portMappings': 'Ports the container listens on and how they are published on the host or task ENI.',
  'ContainerDefinition.links': 'Other containers this one can reach by name. Only with the bridge network mode; not on Fargate or Windows.',
  'ContainerDefinition.hostname': 'Hostname inside the container. Not allowed with the awsvpc network mode.',
  'ContainerDefinition.extraHosts': 'Extra /etc/hosts entries. Not allowed with the awsvpc network mode or on Windows.',
  'ContainerDefinition.dnsServers': 'DNS server addresses for the container. Not supported on Fargate or Windows.',
  'ContainerDefinition.dnsSearchDomains': 'DNS search domains for the container. Not supported on Fargate or Windows.',
  'ContainerDefinition.disableNetworking': 'Turns networking off inside the container. Not supported on Fargate or Windows.',
  'PortMapping.containerPort': 'Port number inside the container (0-65535).',
  'PortMapping.hostPort': 'Port on the host. With awsvpc or host mode omit it or repeat containerPort; with bridge mode 0 or omitted picks a dynamic port.',
  'PortMapping.protocol': 'tcp (default) or udp.',
  'PortMapping.appProtocol': 'Application protocol (http, http2, grpc) used by Service Connect for this port.',
  'PortMapping.containerPortRange': 'A range such as "8000-8010" instead of one containerPort. Only with bridge or awsvpc mode.',
  'PortMapping.name': 'Port name that Service Connect configurations refer to.',
  'Service.cluster': 'Short name or ARN of the cluster. The default cluster is used when omitted.',
  'Service.serviceName': 'Name of the service to create (CreateService).',
  'Service.service': 'Name or ARN of the service to change (UpdateService).',
  'Service.taskDefinition': 'Task definition as family:revision or full ARN; a bare family picks its newest ACTIVE revision.',
  'Service.desiredCount': 'Number of tasks to keep running.',
  'Service.launchType': 'Where tasks run: EC2, FARGATE, EXTERNAL or MANAGED_INSTANCES. Do not combine with capacityProviderStrategy.',
  'Service.capacityProviderStrategy': 'Capacity providers and weights used to place tasks. Do not combine with launchType.',
  'Service.platformVersion': 'Fargate platform version, for example LATEST or 1.4.0. Not used with EC2.',
  'Service.networkConfiguration': 'Subnets, security groups and public IP setting for tasks. Needed when the task definition uses awsvpc.',
  'Service.loadBalancers': 'Target groups (or Classic Load Balancers) that tasks register with.',
  'Service.serviceRegistries': 'Cloud Map registries that tasks register with for service discovery.',
  'Service.deploymentConfiguration': 'How many tasks may run above and below desiredCount while deploying, and rollback settings.',
  'Service.enableExecuteCommand': 'Allows ECS Exec into the tasks. Not available for IPv6-only tasks.',
  'Service.healthCheckGracePeriodSeconds': 'Seconds to ignore failing load balancer health checks after a task starts.',
  'Service.forceNewDeployment': 'Starts a new deployment even when nothing changed (UpdateService).',
  'NetworkConfiguration.awsvpcConfiguration': 'ENI settings for awsvpc tasks.',
  'AwsVpcConfiguration.subnets': 'Subnet IDs (subnet-...) for the task ENIs; 1 to 16, all in the same VPC.',
  'AwsVpcConfiguration.securityGroups': 'Security group IDs (sg-...) for the task ENIs; at most 5. The VPC default group when omitted.',
  'AwsVpcConfiguration.assignPublicIp': 'ENABLED gives each Fargate task a public IPv4 address. Not supported for tasks on EC2 instances.',
  'LoadBalancer.targetGroupArn': 'ARN of the ALB or NLB target group. Its target type must be ip for awsvpc tasks and instance otherwise.',
  'LoadBalancer.loadBalancerName': 'Classic Load Balancer name. Not supported for awsvpc or Fargate services.',
  'LoadBalancer.containerName': 'Container (from the task definition) that receives the traffic.',
  'LoadBalancer.containerPort': "Container port (from that container's portMappings) that receives the traffic.",
  'ServiceRegistry.registryArn': 'ARN of the Cloud Map service to register tasks in.',
  'ServiceRegistry.containerName': 'Container whose port goes into SRV records. Needed for SRV records with bridge or host mode.',
  'ServiceRegistry.containerPort': 'Container port that goes into SRV records, with containerName.',
  'DeploymentConfiguration.maximumPercent':
    'Ceiling on tasks while a deployment is under way, as a percentage of desiredCount (200 when unset). Sets the peak IP address need.',
  'DeploymentConfiguration.minimumHealthyPercent': 'Floor on healthy tasks while a deployment is under way, as a percentage of desiredCount.',
  'TargetGroup.Name': 'Target group name: up to 32 letters, digits and hyphens.',
  'TargetGroup.Protocol': 'Protocol the load balancer uses to reach the targets, for example HTTP, HTTPS, TCP, UDP.',
  'TargetGroup.Port': 'Default port the targets receive traffic on.',
  'TargetGroup.VpcId': 'VPC of the targets (vpc-...).',
  'TargetGroup.TargetType': 'How targets are registered: ip for awsvpc tasks, instance for bridge and host mode tasks, also lambda and alb.',
  'TargetGroup.IpAddressType': 'ipv4 or ipv6 addressing for ip targets.',
  'TargetGroup.HealthCheckPort': 'Port for health checks, or traffic-port to use the port each target receives traffic on.',
  'TargetGroup.HealthCheckProtocol': 'Protocol for health checks.',
};
const SCHEMA_TEXT = {
  'task-definition': {
    title: 'Amazon ECS task definition',
    description:
      'RegisterTaskDefinition input (camelCase), as written for the AWS CLI, SDKs and deploy actions. Also accepts describe-task-definition output fields, null values and CodeDeploy placeholders such as <IMAGE1_NAME>.',
  },
  service: {
    title: 'Amazon ECS service',
    description: 'CreateService or UpdateService input (camelCase). Null values count as not set.',
  },
  'target-group': {
    title: 'Elastic Load Balancing v2 target group',
    description: 'CreateTargetGroup input (PascalCase). Null values count as not set.',
  },
};
// A URN: the schemas ship in the extension and the npm package, not at a web address of ours.
const SCHEMA_ID_BASE = 'urn:ecs-task-networking:schema:';

// ------------------------------------------------------------------ table builder
// Row kinds: o object, a array, m map, s string, i integer, n number, b boolean, t timestamp, x any.
// Rows drop trailing nulls to stay compact.
class Tables {
  constructor() {
    this.rows = [];
    this.names = []; // per row: a readable name, used only for the published schemas
    this.enums = [];
    this.enumIndex = new Map();
    this.scalarIndex = new Map();
    this.named = new Map();
  }
  enumId(values) {
    const key = JSON.stringify(values);
    let id = this.enumIndex.get(key);
    if (id === undefined) {
      id = this.enums.length;
      this.enums.push(values);
      this.enumIndex.set(key, id);
    }
    return id;
  }
  /** Scalar rows are shared between all shapes that look the same. */
  scalar(row, name) {
    const trimmed = trim(row);
    const key = JSON.stringify(trimmed);
    let id = this.scalarIndex.get(key);
    if (id === undefined) {
      id = this.rows.length;
      this.rows.push(trimmed);
      this.names.push(name);
      this.scalarIndex.set(key, id);
    }
    return id;
  }
  reserve(name) {
    const id = this.rows.length;
    this.rows.push(null);
    this.names.push(name);
    return id;
  }
  set(id, row) {
    this.rows[id] = trim(row);
  }
}
function trim(row) {
  const out = [...row];
  while (out.length > 1 && (out[out.length - 1] === null || out[out.length - 1] === undefined)) out.pop();
  return out.map((v) => (v === undefined ? null : v));
}
const num = (v) => (typeof v === 'number' ? v : null);

// ------------------------------------------------------------------ API (botocore) shapes
const api = new Tables();
function apiShapeDef(svc, name) {
  const subset = apiSubset.json[svc].shapes[name];
  const full = svc === 'ecs' ? ecsFull.json.shapes[name] : undefined;
  const def = subset ?? full;
  if (!def) throw new Error(`${svc}: shape ${name} not found`);
  if (subset && full && subset.type !== full.type) throw new Error(`${svc}: ${name} differs between subset and full model`);
  return { def, document: Boolean(full?.document || subset?.document) };
}
const memberShape = (m) => (typeof m === 'string' ? m : m.shape);

function apiShape(svc, name) {
  const memoKey = `${svc}:${name}`;
  if (api.named.has(memoKey)) return api.named.get(memoKey);
  const { def, document } = apiShapeDef(svc, name);
  let id;
  switch (def.type) {
    case 'structure': {
      if (document) {
        id = api.scalar(['x'], 'Document');
        break;
      }
      id = api.reserve(name);
      api.named.set(memoKey, id);
      const members = {};
      for (const [member, m] of Object.entries(def.members)) members[member] = apiShape(svc, memberShape(m));
      api.set(id, ['o', members, def.required ?? [], 1]);
      return id;
    }
    case 'list':
      id = api.reserve(name);
      api.named.set(memoKey, id);
      api.set(id, ['a', apiShape(svc, memberShape(def.member)), num(def.min), num(def.max)]);
      return id;
    case 'map':
      id = api.reserve(name);
      api.named.set(memoKey, id);
      api.set(id, ['m', apiShape(svc, memberShape(def.value))]);
      return id;
    case 'string':
    case 'blob':
      id = api.scalar(['s', def.enum ? api.enumId(def.enum) : null, num(def.min), num(def.max)], def.enum ? name : 'String');
      break;
    case 'integer':
    case 'long':
      id = api.scalar(['i', num(def.min), num(def.max)], 'Integer');
      break;
    case 'double':
    case 'float':
      id = api.scalar(['n', num(def.min), num(def.max)], 'Number');
      break;
    case 'boolean':
      id = api.scalar(['b'], 'Boolean');
      break;
    case 'timestamp':
      id = api.scalar(['t'], 'Timestamp');
      break;
    default:
      throw new Error(`${svc}: ${name} has unsupported type ${def.type}`);
  }
  api.named.set(memoKey, id);
  return id;
}

/**
 * Merges several input shapes into one object row; a member in two of them must map to one row.
 * @param {string} name @param {string} svc @param {string[]} shapeNames
 * @param {{ required?: string[], readOnlyFrom?: string }} [options]
 */
function apiMergedRoot(name, svc, shapeNames, { required, readOnlyFrom } = {}) {
  const id = api.reserve(name);
  const members = {};
  const add = (shapeName) => {
    const { def } = apiShapeDef(svc, shapeName);
    const added = [];
    for (const [member, m] of Object.entries(def.members)) {
      const target = apiShape(svc, memberShape(m));
      if (member in members) {
        if (members[member] !== target) throw new Error(`${name}.${member}: different shapes in ${shapeNames.join(', ')}`);
        continue;
      }
      members[member] = target;
      added.push(member);
    }
    return added;
  };
  for (const s of shapeNames) add(s);
  const readOnly = readOnlyFrom ? add(readOnlyFrom) : [];
  api.set(id, ['o', members, required, 1, readOnly.length ? readOnly : null]);
  return id;
}

const ecsShapes = apiSubset.json.ecs.shapes;
const API_ROOTS = {
  'task-definition': apiMergedRoot('TaskDefinition', 'ecs', ['RegisterTaskDefinitionRequest'], {
    required: ecsShapes.RegisterTaskDefinitionRequest.required,
    readOnlyFrom: 'TaskDefinition',
  }),
  service: apiMergedRoot('Service', 'ecs', ['CreateServiceRequest', 'UpdateServiceRequest'], {
    required: ecsShapes.CreateServiceRequest.required,
  }),
  'target-group': apiMergedRoot('TargetGroup', 'elbv2', ['CreateTargetGroupInput'], {
    required: apiSubset.json.elbv2.shapes.CreateTargetGroupInput.required,
  }),
};
const API_SERVICE_UPDATE_REQUIRED = ecsShapes.UpdateServiceRequest.required;

// ------------------------------------------------------------------ CloudFormation shapes
// CloudFormation passes property values on to the same APIs, so where a CFN schema leaves out an
// enum or a bound that the API model states, the API's is used (the API rejects those values too).
// Where the CFN schema has its own, it wins: the registry validates against it.
const cfn = new Tables();
/** @type {{ enums: string[], bounds: string[], unmatched: string[] }} */
const enrichment = { enums: [], bounds: [], unmatched: [] };
// CFN property names that are not simply the API member name with other letter case.
const CFN_TO_API_RENAMES = { ProxyConfigurationProperties: 'properties', PlacementStrategies: 'placementStrategy' };

/** Per CFN object row: CFN property → the API member it matched, for the rename tables. */
const cfnApiNames = new Map();

/** The API shape counterpart of a CFN property, and the API member's name; or null. `apiRef` is { svc, names }. */
function apiMember(apiRef, prop) {
  if (!apiRef) return null;
  const defs = apiRef.names.map((n) => apiShapeDef(apiRef.svc, n).def);
  for (const def of defs) {
    if (def.type !== 'structure' || !def.members) continue;
    const wanted = (CFN_TO_API_RENAMES[prop] ?? prop).toLowerCase();
    const hit = Object.keys(def.members).find((m) => m.toLowerCase() === wanted);
    if (hit) return { svc: apiRef.svc, names: [memberShape(def.members[hit])], member: hit };
  }
  return null;
}
function apiItem(apiRef) {
  if (!apiRef) return null;
  const def = apiShapeDef(apiRef.svc, apiRef.names[0]).def;
  if (def.type === 'list') return { svc: apiRef.svc, names: [memberShape(def.member)] };
  if (def.type === 'map') return { svc: apiRef.svc, names: [memberShape(def.value)] };
  return null;
}

function cfnNode(file, node, hint, apiRef, where) {
  const schema = cfnFiles[file].json;
  if (node.$ref) {
    const m = /^#\/definitions\/(.+)$/.exec(node.$ref);
    if (!m) throw new Error(`${file}: unsupported $ref ${node.$ref}`);
    const memoKey = `${file}:${m[1]}`;
    if (cfn.named.has(memoKey)) return cfn.named.get(memoKey);
    const def = schema.definitions[m[1]];
    if (!def) throw new Error(`${file}: missing definition ${m[1]}`);
    const id = cfnNode(file, def, m[1], apiRef, `${where}`);
    cfn.named.set(memoKey, id);
    return id;
  }
  const apiDef = apiRef ? apiShapeDef(apiRef.svc, apiRef.names[0]).def : null;
  if (Array.isArray(node.type) || node.anyOf || node.oneOf || node.allOf) return cfn.scalar(['x'], 'Any');
  const type = node.type ?? (node.properties || node.patternProperties ? 'object' : undefined);
  switch (type) {
    case 'object': {
      if (node.properties) {
        const id = cfn.reserve(hint);
        const members = {};
        const apiNames = {};
        for (const [prop, sub] of Object.entries(node.properties)) {
          const subApi = apiMember(apiRef, prop);
          if (apiRef && !subApi) enrichment.unmatched.push(`${where}.${prop}`);
          if (subApi) apiNames[prop] = subApi.member;
          members[prop] = cfnNode(file, sub, prop, subApi, `${where}.${prop}`);
        }
        cfnApiNames.set(id, apiNames);
        cfn.set(id, ['o', members, node.required ?? [], node.additionalProperties === false ? 1 : 0]);
        return id;
      }
      // A map: one pattern for all keys (CFN writes "" or ".{1,}"), or an additionalProperties schema.
      const patterns = Object.values(node.patternProperties ?? {});
      const valueSchema =
        patterns.length === 1 ? patterns[0] : patterns.length === 0 && typeof node.additionalProperties === 'object' ? node.additionalProperties : null;
      if (valueSchema) {
        const id = cfn.reserve(hint);
        cfn.set(id, ['m', cfnNode(file, valueSchema, hint, apiItem(apiRef), `${where}{}`)]);
        return id;
      }
      return cfn.scalar(['x'], 'Any');
    }
    case 'array': {
      const id = cfn.reserve(hint);
      const apiList = apiDef?.type === 'list' ? apiDef : null;
      const item = node.items ? cfnNode(file, node.items, hint, apiItem(apiRef), `${where}[]`) : cfn.scalar(['x'], 'Any');
      let minItems = num(node.minItems);
      let maxItems = num(node.maxItems);
      if (apiList && minItems === null && maxItems === null && (num(apiList.min) !== null || num(apiList.max) !== null)) {
        minItems = num(apiList.min);
        maxItems = num(apiList.max);
        enrichment.bounds.push(`${where} items ${minItems ?? ''}..${maxItems ?? ''}`);
      }
      cfn.set(id, ['a', item, minItems, maxItems]);
      return id;
    }
    case 'string': {
      let values = node.enum ?? null;
      let minLength = num(node.minLength);
      let maxLength = num(node.maxLength);
      if (apiDef?.type === 'string') {
        if (!values && apiDef.enum) {
          values = apiDef.enum;
          enrichment.enums.push(where);
        } else if (values && apiDef.enum) {
          // A registry schema snapshot can lag the API (e.g. LaunchType MANAGED_INSTANCES): accept both lists.
          values = [...values, ...apiDef.enum.filter((v) => !values.includes(v))];
        }
        if (minLength === null && maxLength === null && (num(apiDef.min) !== null || num(apiDef.max) !== null)) {
          minLength = num(apiDef.min);
          maxLength = num(apiDef.max);
          enrichment.bounds.push(`${where} length ${minLength ?? ''}..${maxLength ?? ''}`);
        }
      }
      return cfn.scalar(['s', values ? cfn.enumId(values) : null, minLength, maxLength], values ? hint : 'String');
    }
    case 'integer':
    case 'number': {
      let minimum = num(node.minimum);
      let maximum = num(node.maximum);
      const apiNumeric = apiDef && ['integer', 'long', 'double', 'float'].includes(apiDef.type);
      if (apiNumeric && minimum === null && maximum === null && (num(apiDef.min) !== null || num(apiDef.max) !== null)) {
        minimum = num(apiDef.min);
        maximum = num(apiDef.max);
        enrichment.bounds.push(`${where} ${minimum ?? ''}..${maximum ?? ''}`);
      }
      const values = node.enum ? cfn.enumId(node.enum) : null;
      return cfn.scalar([type === 'integer' ? 'i' : 'n', minimum, maximum, values], type === 'integer' ? 'Integer' : 'Number');
    }
    case 'boolean':
      return cfn.scalar(['b'], 'Boolean');
    case undefined:
      return cfn.scalar(['x'], 'Any');
    default:
      throw new Error(`${file}: unsupported type ${type} at ${where}`);
  }
}

const CFN_API_COUNTERPART = {
  'task-definition': { svc: 'ecs', names: ['RegisterTaskDefinitionRequest'] },
  service: { svc: 'ecs', names: ['CreateServiceRequest', 'UpdateServiceRequest'] },
  'target-group': { svc: 'elbv2', names: ['CreateTargetGroupInput'] },
};
const CFN_ROOTS = {};
const CFN_TYPE_NAMES = {};
for (const [rootName, file] of Object.entries(cfnFiles)) {
  const schema = file.json;
  const readOnly = (schema.readOnlyProperties ?? []).map((p) => {
    const m = /^\/properties\/([^/]+)$/.exec(p);
    if (!m) throw new Error(`${file.file}: nested read-only property ${p} is not supported`);
    return m[1];
  });
  const id = cfnNode(
    rootName,
    { type: 'object', properties: schema.properties, required: schema.required, additionalProperties: schema.additionalProperties },
    schema.typeName,
    CFN_API_COUNTERPART[rootName],
    schema.typeName,
  );
  const row = cfn.rows[id];
  cfn.rows[id] = trim([row[0], row[1], row[2], row[3], readOnly.length ? readOnly : null]);
  CFN_ROOTS[rootName] = id;
  CFN_TYPE_NAMES[rootName] = schema.typeName;
}

// ------------------------------------------------------------------ TypeScript tables
const commitOf = (s) => s.commit ?? s.HEAD ?? 'unknown';
const ecsSource = apiSubset.json.ecs.source;
const elbSource = apiSubset.json.elbv2.source;

const header = (sources, notes) =>
  `// Generated by scripts/gen-shapes.mjs. Do not edit: run \`node scripts/gen-shapes.mjs\`.\n` +
  `// Sources and provenance: docs/STRUCTURE.md\n` +
  notes.map((n) => `// ${n}\n`).join('') +
  sources.map((s) => `// ${s.file} sha256 ${s.sha256}\n`).join('') +
  '\n';

const rowsTs = (rows) => rows.map((r, i) => `  /* ${i} */ ${JSON.stringify(r)},`).join('\n');
const enumsTs = (enums) => enums.map((e, i) => `  /* ${i} */ ${JSON.stringify(e)},`).join('\n');

const apiTs =
  header(
    [apiSubset, ecsFull],
    [
      `ECS model: ${ecsSource.repo} ${ecsSource.path} at ${commitOf(ecsSource)} (botocore ${ecsSource.botocoreVersion})`,
      `ELBv2 model: ${elbSource.repo} ${elbSource.path} at ${commitOf(elbSource)}`,
    ],
  ) +
  `/**\n` +
  ` * One row per shape, referred to by index. Kinds: o object, a array, m map, s string, i integer,\n` +
  ` * n number, b boolean, t timestamp (string or number), x anything. Trailing nulls are left out.\n` +
  ` * Objects: members (name -> row), required names, 1 when unknown members are rejected, and the\n` +
  ` * members that are tolerated read-only output fields. Enums are indices into the enum table.\n` +
  ` */\n` +
  `export type ShapeRow =\n` +
  `  | readonly [kind: 'o', members: { readonly [name: string]: number }, required: readonly string[], closed: 0 | 1, readOnly?: readonly string[]]\n` +
  `  | readonly [kind: 'a', item: number, minItems?: number | null, maxItems?: number | null]\n` +
  `  | readonly [kind: 'm', value: number]\n` +
  `  | readonly [kind: 's', enumId?: number | null, minLength?: number | null, maxLength?: number | null]\n` +
  `  | readonly [kind: 'i' | 'n', minimum?: number | null, maximum?: number | null, enumId?: number | null]\n` +
  `  | readonly [kind: 'b' | 't' | 'x'];\n\n` +
  `export type EnumValues = readonly string[] | readonly number[];\n\n` +
  `export const API_SHAPES: readonly ShapeRow[] = [\n${rowsTs(api.rows)}\n];\n\n` +
  `export const API_ENUMS: readonly EnumValues[] = [\n${enumsTs(api.enums)}\n];\n\n` +
  `/** Root rows. The service root holds CreateService and UpdateService members; its required list is CreateService's. */\n` +
  `export const API_ROOTS = ${JSON.stringify(API_ROOTS)} as const;\n\n` +
  `/** Required members of UpdateService input. */\n` +
  `export const API_SERVICE_UPDATE_REQUIRED: readonly string[] = ${JSON.stringify(API_SERVICE_UPDATE_REQUIRED)};\n`;

const cfnSourcesNote = Object.values(cfnFiles).map((f) => `${f.file}: ${f.json.typeName}`);
const cfnTs =
  header(
    [...Object.values(cfnFiles), apiSubset],
    [
      'CloudFormation registry schemas (awscc copies, see data/SOURCES.md); enums and bounds the schemas',
      'leave out are taken from the API model of the same property.',
      ...cfnSourcesNote,
    ],
  ) +
  `import type { EnumValues, ShapeRow } from './api-shapes';\n\n` +
  `/** Rows in the same format as API_SHAPES. */\n` +
  `export const CFN_SHAPES: readonly ShapeRow[] = [\n${rowsTs(cfn.rows)}\n];\n\n` +
  `export const CFN_ENUMS: readonly EnumValues[] = [\n${enumsTs(cfn.enums)}\n];\n\n` +
  `/** Root rows: the Properties object of each resource type. */\n` +
  `export const CFN_ROOTS = ${JSON.stringify(CFN_ROOTS)} as const;\n\n` +
  `export const CFN_TYPE_NAMES = ${JSON.stringify(CFN_TYPE_NAMES)} as const;\n`;

// CloudFormation → API key renames, path by path, for model/normalise.ts. The target group keeps
// its PascalCase names in both spellings, so only the ECS resources have a tree.
const renames = {
  'task-definition': renameTree(cfn.rows, cfnApiNames, CFN_ROOTS['task-definition']),
  service: renameTree(cfn.rows, cfnApiNames, CFN_ROOTS.service),
};
const renamesTs =
  header(
    [...Object.values(cfnFiles).slice(0, 2), apiSubset, ecsFull],
    ['Where a CloudFormation key is not the API member name with its first letter lowered.'],
  ) +
  `/** One CloudFormation key: its API name when it is not the default, and the renames inside its value (array items included). */\n` +
  `export interface CfnKeyRename {\n  readonly api?: string;\n  readonly below?: CfnRenameTree;\n}\n\n` +
  `export interface CfnRenameTree {\n  readonly [cfnKey: string]: CfnKeyRename;\n}\n\n` +
  `/** Per resource kind, the branches of its Properties that hold a rename. */\n` +
  `export const CFN_API_RENAMES: { readonly 'task-definition': CfnRenameTree; readonly service: CfnRenameTree } = ${JSON.stringify(renames, null, 2)};\n`;

// ------------------------------------------------------------------ JSON Schemas (API style)
// Same acceptance as the validator: null, "", [] and {} are unset; describe-output fields are known;
// placeholders like <IMAGE1_NAME> stand for any scalar.
const PLACEHOLDER_OR_EMPTY = '^(<[A-Za-z0-9_]+>)?$';
const usedDescriptions = new Set();

function schemaFor(rootName) {
  const rootId = API_ROOTS[rootName];
  const definitions = {};
  const defName = new Map();
  const taken = new Set();
  const nameFor = (id) => {
    if (defName.has(id)) return defName.get(id);
    let base = api.names[id];
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
    taken.add(name);
    defName.set(id, name);
    return name;
  };
  const enumValues = (e) => api.enums[e];

  // Scalar schemas are written inline; objects, arrays, maps and enums become definitions.
  function ref(id) {
    const row = api.rows[id];
    switch (row[0]) {
      case 'o':
      case 'a':
      case 'm':
        define(id);
        return { $ref: `#/definitions/${nameFor(id)}` };
      case 's':
        if (row[1] !== null && row[1] !== undefined) {
          define(id);
          return { $ref: `#/definitions/${nameFor(id)}` };
        }
        return stringSchema(row);
      case 'i':
      case 'n': {
        const real = { type: row[0] === 'i' ? 'integer' : 'number' };
        if (row[1] !== null && row[1] !== undefined) real.minimum = row[1];
        if (row[2] !== null && row[2] !== undefined) real.maximum = row[2];
        return { anyOf: [real, { $ref: '#/definitions/unset' }] };
      }
      case 'b':
        return { anyOf: [{ type: 'boolean' }, { $ref: '#/definitions/unset' }] };
      case 't':
        return { type: ['string', 'number', 'null'] };
      case 'x':
        return {};
      default:
        throw new Error(`unknown row kind ${row[0]}`);
    }
  }
  function stringSchema(row) {
    const out = { type: ['string', 'null'] };
    const min = row[2] ?? null;
    const max = row[3] ?? null;
    if (min !== null && min > 0) out.anyOf = [{ minLength: min }, { pattern: PLACEHOLDER_OR_EMPTY }];
    if (max !== null) out.maxLength = max;
    return out;
  }
  function define(id) {
    const name = nameFor(id);
    if (name in definitions) return;
    definitions[name] = null; // placeholder against cycles
    const row = api.rows[id];
    /** @type {Record<string, any>} */
    let out;
    switch (row[0]) {
      case 'o': {
        const [, members, required, , readOnly = []] = row;
        const properties = {};
        for (const [member, target] of Object.entries(members)) {
          const key = `${name}.${member}`;
          const description = DESCRIPTIONS[key];
          const sub = ref(target);
          if (description) {
            usedDescriptions.add(key);
            properties[member] = Object.keys(sub).length === 1 && sub.$ref ? { description, allOf: [sub] } : { description, ...sub };
          } else {
            properties[member] = sub;
          }
          if (readOnly.includes(member) && !description)
            properties[member] = { description: 'Read-only output field, accepted in exported documents.', ...properties[member] };
        }
        out = { type: ['object', 'null'], properties, additionalProperties: false };
        if (required.length) {
          // {} counts as unset, so required members apply only to a non-empty object.
          out.if = { minProperties: 1 };
          out.then = { required };
        }
        break;
      }
      case 'a': {
        out = { type: ['array', 'null'], items: ref(row[1]) };
        const min = row[2] ?? null;
        if (min !== null && min > 1) out.anyOf = [{ minItems: min }, { maxItems: 0 }];
        if (row[3] !== null && row[3] !== undefined) out.maxItems = row[3];
        break;
      }
      case 'm':
        out = { type: ['object', 'null'], additionalProperties: ref(row[1]) };
        break;
      case 's': {
        const values = enumValues(row[1]);
        out = { type: ['string', 'null'], anyOf: [{ enum: values }, { pattern: PLACEHOLDER_OR_EMPTY }] };
        break;
      }
      default:
        throw new Error(`no definition for kind ${row[0]}`);
    }
    definitions[name] = out;
  }

  const rootName_ = nameFor(rootId);
  define(rootId);
  const rootDef = definitions[rootName_];
  delete definitions[rootName_];
  const text = SCHEMA_TEXT[rootName];
  const schema = {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: `${SCHEMA_ID_BASE}${rootName}`,
    title: text.title,
    description: text.description,
    type: 'object',
    properties: { $schema: { type: 'string' }, ...rootDef.properties },
    additionalProperties: false,
  };
  if (rootName === 'service') {
    schema.if = { minProperties: 1 };
    schema.then = { anyOf: [{ required: ecsShapes.CreateServiceRequest.required }, { required: API_SERVICE_UPDATE_REQUIRED }] };
  } else if (rootDef.then) {
    schema.required = rootDef.then.required;
  }
  schema.definitions = {
    unset: {
      description: 'A value left unset: null, an empty string, array or object, or a placeholder such as <IMAGE1_NAME>.',
      anyOf: [{ type: 'null' }, { type: 'string', pattern: PLACEHOLDER_OR_EMPTY }, { type: 'array', maxItems: 0 }, { type: 'object', maxProperties: 0 }],
    },
    ...Object.fromEntries(Object.entries(definitions).sort(([a], [b]) => a.localeCompare(b))),
  };
  return schema;
}

const schemas = {
  'task-definition.schema.json': schemaFor('task-definition'),
  'service.schema.json': schemaFor('service'),
  'target-group.schema.json': schemaFor('target-group'),
};
const unusedDescriptions = Object.keys(DESCRIPTIONS).filter((k) => !usedDescriptions.has(k));
if (unusedDescriptions.length) throw new Error(`descriptions for unknown members: ${unusedDescriptions.join(', ')}`);

// Our descriptions must be our own words: no run of SHINGLE words may appear in any source text.
const SHINGLE = 6;
const words = (text) =>
  text
    .replace(/<[^>]+>/g, ' ')
    .replace(/&[a-z]+;/g, ' ')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
function sourceTexts() {
  const texts = [];
  const walk = (node) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'documentation' || key === 'description' || key === 'markdownDescription') && typeof value === 'string') texts.push(value);
        else walk(value);
      }
    }
  };
  walk(apiSubset.json);
  walk(ecsFull.json);
  walk(load('botocore/elbv2/2015-12-01/service-2.json').json);
  for (const f of Object.values(cfnFiles)) walk(f.json);
  walk(load('peers/awslabs-ecs-intellisense-schema.json').json);
  return texts;
}
const sourceShingles = new Set();
for (const text of sourceTexts()) {
  const w = words(text);
  for (let i = 0; i + SHINGLE <= w.length; i++) sourceShingles.add(w.slice(i, i + SHINGLE).join(' '));
}
const ownTexts = [
  ...Object.values(DESCRIPTIONS),
  ...Object.values(SCHEMA_TEXT).flatMap((t) => [t.title, t.description]),
  ...Object.values(schemas).flatMap((s) => [s.definitions.unset.description]),
];
const echoes = [];
for (const text of ownTexts) {
  const w = words(text);
  for (let i = 0; i + SHINGLE <= w.length; i++) {
    const shingle = w.slice(i, i + SHINGLE).join(' ');
    if (sourceShingles.has(shingle)) echoes.push(`"${shingle}" in: ${text}`);
  }
}
if (echoes.length) throw new Error(`descriptions echo source documentation:\n${echoes.join('\n')}`);

// ------------------------------------------------------------------ write
mkdirSync(outDir, { recursive: true });
mkdirSync(schemaDir, { recursive: true });
writeFileSync(join(outDir, 'api-shapes.ts'), apiTs);
writeFileSync(join(outDir, 'cfn-shapes.ts'), cfnTs);
writeFileSync(join(outDir, 'cfn-api-names.ts'), renamesTs);
for (const [name, schema] of Object.entries(schemas)) writeFileSync(join(schemaDir, name), JSON.stringify(schema, null, 2) + '\n');

console.log(`api: ${api.rows.length} rows, ${api.enums.length} enums; roots ${JSON.stringify(API_ROOTS)}`);
console.log(`cfn: ${cfn.rows.length} rows, ${cfn.enums.length} enums; roots ${JSON.stringify(CFN_ROOTS)}`);
console.log(`cfn enums taken from the API model (${enrichment.enums.length}): ${enrichment.enums.join(', ')}`);
console.log(`cfn bounds taken from the API model (${enrichment.bounds.length}): ${enrichment.bounds.join(', ')}`);
if (enrichment.unmatched.length) console.log(`cfn properties with no API counterpart (${enrichment.unmatched.length}): ${enrichment.unmatched.join(', ')}`);
console.log(`schemas: ${Object.keys(schemas).join(', ')}; ${usedDescriptions.size} own descriptions`);
console.log(`written to ${outDir} and ${schemaDir}`);
inputs.savePins();
