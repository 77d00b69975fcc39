// Writes docs/rules/<id>.md for every registered rule, and docs/rules/README.md listing them.
// The bad and good examples are the rule's first invalid and first valid fixture
// (test/fixtures/rules/<id>/), markers removed, so every example on a page is one the tests run.
//
// Reads the compiled registry: run `npx tsc -b server` first.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const registryFile = join(root, 'out', 'server', 'src', 'rules', 'registry.js');
const fixtureDir = join(root, 'test', 'fixtures', 'rules');
const docsDir = join(root, 'docs', 'rules');

if (!existsSync(registryFile)) {
  console.error(`gen-rule-docs: ${registryFile} is missing. Compile the server first: npx tsc -b server`);
  process.exit(1);
}
const { RULES } = createRequire(import.meta.url)(registryFile);

// What each rule's quick fixes do, in words for people. Kept by hand next to the rules' fix data;
// the script refuses to run when a rule has no entry, so a new rule cannot ship without one.
const FIXES = {
  'syntax-error': null,
  'document-too-large':
    'No automatic fix: split the document, or flatten the nesting. Only the `ecs-net` checks skip it; the document itself is left as it is.',
  'unknown-property':
    'When the name is close to a property the API knows (or is a well-known mix-up such as `portBindings`), the fix renames the key and keeps its value. Otherwise it offers to delete the property.',
  'wrong-type':
    'A number written as a string (`"8080"`) is rewritten as a number, and `"true"`/`"false"` as a boolean. Other type mistakes have no automatic fix.',
  'invalid-enum':
    'When the value is close to an allowed one (usually a difference in case, `awsVpc` for `awsvpc`), the fix replaces it with that value.',
  'missing-required': null,
  'out-of-range': null,
  'fargate-network-mode': "Sets `networkMode` to `awsvpc` (adding it when it was left out).",
  'fargate-task-size-required':
    'Writes task-level `cpu` and `memory`: the smallest Fargate size that holds what the containers reserve and is no smaller than a task-level value already there.',
  'fargate-task-size':
    'Replaces `cpu` and `memory` with the nearest Fargate size that is at least as large as what was asked for.',
  'fargate-unsupported-parameter': 'Deletes the setting Fargate rejects.',
  'awsvpc-container-options': 'Deletes `hostname`, `links` or `extraHosts` from the container.',
  'awsvpc-host-port':
    'Deletes `hostPort` (ECS then uses the container port), or, as a second choice, sets `hostPort` to the value of `containerPort`.',
  'host-host-port':
    'Deletes `hostPort` (the container port is then the host port), or, as a second choice, sets `hostPort` to the value of `containerPort`.',
  'host-port-conflict': null,
  'none-port-mappings': 'Deletes the container\'s `portMappings`.',
  'bridge-ephemeral-host-port': 'Deletes `hostPort`, so Docker picks a free dynamic port for each task.',
  'bridge-link-target': null,
  'port-value-range': null,
  'container-port-range': null,
  'windows-network-mode':
    'Sets `networkMode` to `awsvpc`, or, as a second choice, deletes `networkMode` so Windows uses its default NAT mode.',
  'windows-unsupported-option': 'Deletes the setting Windows containers do not support.',
  'service-awsvpc-network-configuration':
    'Inserts `networkConfiguration.awsvpcConfiguration` with empty `subnets` and `securityGroups` lists and `assignPublicIp: DISABLED`; fill in your subnet and security group IDs.',
  'service-network-configuration-mode':
    "Deletes the service's `networkConfiguration`, or, as a second choice, switches the task definition's `networkMode` to `awsvpc`.",
  'awsvpc-subnet-count': null,
  'awsvpc-security-group-count': null,
  'awsvpc-id-format':
    'When the ID is right apart from surrounding spaces, the fix trims them. A name or an ARN has no automatic fix: look up the ID.',
  'assign-public-ip-ec2': 'Sets `assignPublicIp` to `DISABLED`.',
  'service-fargate-compatibility': "Adds `FARGATE` to the task definition's `requiresCompatibilities`.",
  'launch-type-with-capacity-provider':
    'Deletes `launchType`, or, as a second choice, deletes `capacityProviderStrategy`.',
  'platform-version-ec2': 'Deletes `platformVersion`.',
  'fargate-platform-task-size': 'Sets `platformVersion` to the lowest version that runs the task size (1.4.0).',
  'classic-load-balancer-awsvpc': null,
  'target-type-network-mode':
    "Sets the target group's `TargetType` to the one the network mode needs. When an `ip` target group meets a `bridge` or `host` task definition, a second fix switches the task definition to `awsvpc` instead.",
  'load-balancer-container': null,
  'service-registry-ports': null,
  'target-group-required-fields': null,
  'ipv6-only-requirements':
    'For ECS Exec, the fix turns `enableExecuteCommand` off; for an old platform version, it sets `platformVersion` to `LATEST`. The other conditions (network mode, operating system) have no automatic fix.',
  'ipv6-dual-stack-platform': 'Sets `platformVersion` to `LATEST`.',
  'ipv6-subnet-missing': 'No automatic fix: associate an IPv6 CIDR with the subnets (and record it in the environment file), or use an `ipv4`/`dualstack` target group.',
  'env-unknown-subnet': 'No automatic fix: add the subnet to the environment file by hand or with `ecs-net env pull`.',
  'subnet-capacity': 'No automatic fix: use larger or more subnets, lower `desiredCount`, or lower `deploymentConfiguration.maximumPercent` so a deployment needs fewer addresses at once.',
  'cluster-capacity': 'No automatic fix: turn on ENI trunking (`awsvpcTrunking`) on a supported instance type, use larger instance types, or add instances.',
  'env-invalid-cidr': 'No automatic fix: write the block as `network/prefix` with a prefix from /16 to /28 and no host bits set.',
  'env-subnet-outside-vpc': 'No automatic fix: correct the subnet CIDR or `vpc.cidr`.',
  'env-unknown-instance-type': 'Replaces the type with the closest known instance type (applied by "fix all" only when there is a single candidate).',
  'env-duplicate-subnet': 'No automatic fix: remove or merge the second entry.',
  'env-invalid-entry': 'No automatic fix: add the missing `id`/`cidr`, or `instanceType` and a whole `count`.',
};

const KIND_TEXT = {
  'task-definition':
    'task definitions: RegisterTaskDefinition input, `describe-task-definition` output, CodeDeploy `taskdef.json`, and `AWS::ECS::TaskDefinition` resources in CloudFormation templates',
  service: 'services: CreateService and UpdateService input, and `AWS::ECS::Service` resources in CloudFormation templates',
  'target-group':
    'target groups: CreateTargetGroup input, and `AWS::ElasticLoadBalancingV2::TargetGroup` resources in CloudFormation templates',
};

const MARKER = /\/\*!([a-z0-9-]+)\*\//g;

/** The fixture as a reader sees it: markers removed, trailing blank space dropped. */
function exampleText(text) {
  return text.replace(MARKER, '').replace(/\s+$/, '');
}

function firstFixture(id, prefix) {
  const dir = join(fixtureDir, id);
  if (!existsSync(dir)) return undefined;
  const name = readdirSync(dir)
    .sort()
    .find((n) => n.startsWith(`${prefix}-`) && n.endsWith('.json'));
  if (!name) return undefined;
  const raw = readFileSync(join(dir, name), 'utf8');
  return { name, text: exampleText(raw), places: markedPlaces(raw, id) };
}

/** Line and column (1-based, in the text without markers) of each marker for `id`. */
function markedPlaces(raw, id) {
  const places = [];
  let removed = 0;
  for (const m of raw.matchAll(MARKER)) {
    const offset = m.index - removed;
    removed += m[0].length;
    if (m[1] !== id) continue;
    const before = raw.replace(MARKER, '').slice(0, offset);
    const line = before.split('\n').length;
    const column = offset - before.lastIndexOf('\n');
    places.push(`line ${line}, column ${column}`);
  }
  return places;
}

function appliesToText(rule) {
  if (rule.appliesTo.length === 0) {
    return 'Every document the extension recognises as ECS JSON: task definitions, services, target groups, and CloudFormation templates that hold them. Other JSON files get no diagnostics.';
  }
  return rule.appliesTo.map((kind) => `- ${KIND_TEXT[kind] ?? kind}`).join('\n');
}

function fence(text) {
  // A fixture never holds three backticks in a row, but a longer fence costs nothing.
  return ['````jsonc', text, '````'].join('\n');
}

function page(rule) {
  const bad = firstFixture(rule.id, 'invalid');
  const good = firstFixture(rule.id, 'valid');
  if (!bad || !good) throw new Error(`rule ${rule.id} needs a valid-*.json and an invalid-*.json fixture in ${join(fixtureDir, rule.id)}`);
  const fix = FIXES[rule.id];
  const lines = [
    `# ${rule.title}`,
    '',
    '| | |',
    '|---|---|',
    `| Rule id (diagnostic code) | \`${rule.id}\` |`,
    `| Family | ${rule.family} |`,
    `| Default severity | ${rule.severity} |`,
    '',
    '## Applies to',
    '',
    appliesToText(rule),
  ];
  if (rule.needsCompleteDocument) {
    lines.push('', 'This check waits while the document has a syntax error, so a half-typed line does not trip it.');
  }
  const envFile = join(fixtureDir, rule.id, 'ecs-network.json');
  if (existsSync(envFile)) {
    lines.push(
      '',
      '## Environment',
      '',
      'This check needs an environment file (`ecs-network.json` in the document\'s folder or above, or `--env FILE` for `ecs-net check`). The examples below use:',
      '',
      fence(readFileSync(envFile, 'utf8')),
    );
  }
  lines.push(
    '',
    '## Why',
    '',
    rule.description,
    '',
    '## Bad',
    '',
    `From \`test/fixtures/rules/${rule.id}/${bad.name}\`:`,
    '',
    fence(bad.text),
    '',
    `Reported at ${bad.places.join('; ')}.`,
    '',
    '## Good',
    '',
    `From \`test/fixtures/rules/${rule.id}/${good.name}\`:`,
    '',
    fence(good.text),
    '',
    '## Fix',
    '',
    fix ?? 'There is no automatic fix: the right value depends on your setup, so the change is yours to make.',
    '',
    '## Severity',
    '',
    `The default is **${rule.severity}**. To change it, or to turn the rule off, set \`ecsTaskNetworking.rules\` in your VS Code settings:`,
    '',
    '```',
    '"ecsTaskNetworking.rules": {',
    `  "${rule.id}": "off" | "info" | "warning" | "error"`,
    '}',
    '```',
    '',
    `For example \`"ecsTaskNetworking.rules": { "${rule.id}": "warning" }\`.`,
    '',
    '[All rules](README.md)',
    '',
  );
  return lines.join('\n');
}

function index(rules) {
  const lines = [
    '# Rules',
    '',
    'Each diagnostic the extension and `ecs-net check` report carries one of these ids as its code. Severity can be changed per rule with the `ecsTaskNetworking.rules` setting (`off`, `info`, `warning`, `error`).',
    '',
    '| Rule | Family | Default severity | What it checks |',
    '|---|---|---|---|',
    ...rules.map((r) => `| [\`${r.id}\`](${r.id}.md) | ${r.family} | ${r.severity} | ${r.title.replace(/\|/g, '\\|')} |`),
    '',
    'These pages are generated by `node scripts/gen-rule-docs.mjs` from the rule registry and the fixtures in `test/fixtures/rules/`; edit those, not the pages.',
    '',
  ];
  return lines.join('\n');
}

const missingFix = RULES.filter((r) => !(r.id in FIXES)).map((r) => r.id);
if (missingFix.length) {
  console.error(`gen-rule-docs: no quick-fix description for ${missingFix.join(', ')}; add them to FIXES in scripts/gen-rule-docs.mjs`);
  process.exit(1);
}

mkdirSync(docsDir, { recursive: true });
const ids = new Set(RULES.map((r) => r.id));
for (const name of readdirSync(docsDir)) {
  // Pages of rules that are no longer registered would otherwise linger.
  if (name.endsWith('.md') && name !== 'README.md' && !ids.has(name.slice(0, -3))) rmSync(join(docsDir, name));
}
try {
  for (const rule of RULES) writeFileSync(join(docsDir, `${rule.id}.md`), page(rule));
} catch (error) {
  console.error(`gen-rule-docs: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
writeFileSync(join(docsDir, 'README.md'), index(RULES));
console.log(`gen-rule-docs: wrote ${RULES.length} rule pages and README.md to ${docsDir}`);
