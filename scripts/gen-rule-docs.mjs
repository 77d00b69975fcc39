// @ts-check
// Writes docs/rules/<id>.md for every registered rule, and docs/rules/README.md listing them.
// The bad and good examples are the rule's first invalid and first valid fixture
// (test/fixtures/rules/<id>/), markers removed, so every example on a page is one the tests run.
//
// Reads the compiled registry: run `npx tsc -b server` first.
// Usage: node scripts/gen-rule-docs.mjs [--out DIR]  (DIR stands for the repository root; default: the repository)
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const registryFile = join(root, 'out', 'server', 'src', 'rules', 'registry.js');
const instanceDataFile = join(root, 'out', 'server', 'src', 'core', 'data', 'instances.js');
const fixtureDir = join(root, 'test', 'fixtures', 'rules');
const outAt = process.argv.indexOf('--out');
const docsDir = join(outAt > 0 ? resolve(process.argv[outAt + 1]) : root, 'docs', 'rules');

if (!existsSync(registryFile)) {
  console.error(`gen-rule-docs: ${registryFile} is missing. Compile the server first: npx tsc -b server`);
  process.exit(1);
}
const require = createRequire(import.meta.url);
const { RULES } = require(registryFile);
const { TRUNKING_TABLE } = require(instanceDataFile);

// Rules whose findings rest on the instance table (ENIs, tasks per instance): their pages say
// which ECS table the figures come from.
const INSTANCE_TABLE_RULES = ['subnet-capacity', 'cluster-capacity', 'env-unknown-instance-type'];
const FIGURES =
  `Tasks per instance come from the ECS page of awsvpc task limits without and with trunking (${TRUNKING_TABLE.source}; ` +
  `${TRUNKING_TABLE.rows.toLocaleString('en-US')} instance types), and ENI counts from EC2 instance data. Types that only the ` +
  `${TRUNKING_TABLE.historyDate} table lists have no trunked figure. Details: [docs/DATA.md](../DATA.md).`;

const KIND_TEXT = {
  'task-definition':
    'task definitions: RegisterTaskDefinition input, `describe-task-definition` output, CodeDeploy `taskdef.json`, and `AWS::ECS::TaskDefinition` resources in CloudFormation templates',
  'container-definitions':
    'container definition lists: a top-level array of container definitions, such as the file Terraform reads for `container_definitions` (the network mode is not in it, so mode checks stay silent)',
  service:
    'services: CreateService and UpdateService input (recognised by `serviceName`, or without it by members only a service has), and `AWS::ECS::Service` resources in CloudFormation templates',
  'target-group': 'target groups: CreateTargetGroup input, and `AWS::ElasticLoadBalancingV2::TargetGroup` resources in CloudFormation templates',
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
  const fix = rule.fix;
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
      "This check reads an environment file (`ecs-network.json` in the document's folder or above, or `--env FILE` for `ecs-net check`). The examples below use:",
      '',
      fence(readFileSync(envFile, 'utf8')),
    );
  }
  lines.push('', '## Why', '', rule.description);
  if (INSTANCE_TABLE_RULES.includes(rule.id)) lines.push('', '## Figures', '', FIGURES);
  lines.push(
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
    "**Terraform.** In `.tf` files the same rules run on `aws_ecs_task_definition`, `aws_ecs_service` and `aws_lb_target_group` (or `aws_alb_target_group`) resources, read in the API's terms through a table generated from the AWS provider's documentation, so the codes, messages and pages are the same; the examples on these pages keep the API's JSON spelling (`networkMode` is `network_mode` there, a `network_configuration` block is `networkConfiguration.awsvpcConfiguration`). A value Terraform knows only at plan time (variables, data sources, module outputs, conditionals, most function calls, `dynamic` blocks) is unknown, and no rule reports on it; `module` blocks are not read. `missing-required` leaves a resource's own top-level arguments to Terraform, which checks them. The README's [Terraform](../../README.md#terraform) section lists what is read and what is unknown.",
    '',
    'These pages are generated by `node scripts/gen-rule-docs.mjs` from the rule registry and the fixtures in `test/fixtures/rules/`; edit those, not the pages.',
    '',
  ];
  return lines.join('\n');
}

const unknownTableRules = INSTANCE_TABLE_RULES.filter((id) => !RULES.some((r) => r.id === id));
if (unknownTableRules.length) {
  console.error(`gen-rule-docs: INSTANCE_TABLE_RULES names rules that are not registered: ${unknownTableRules.join(', ')}`);
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
