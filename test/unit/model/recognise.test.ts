import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EcsDocument } from '../../../server/src/model/document';
import { ParseErrorCode } from 'jsonc-parser';
import { parseJson } from '../../../server/src/model/parse';
import { checkText } from '../../../server/src/cli/check';
import { fixAllText } from '../../../server/src/features/codeActions';
import { RULES } from '../../../server/src/rules/registry';
import { expectsStrictJson } from '../../../server/src/rules/syntax';
import { hasTemplateToken, isIdPlaceholder } from '../../../server/src/core/placeholders';

const kindOf = (value: unknown, uri = 'file:///ws/x.json') => new EcsDocument(uri, 1, JSON.stringify(value)).kind;

test('a CreateService input without serviceName is a service when two service-only members say so', () => {
  const awsvpc = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } };
  assert.equal(kindOf({ cluster: 'c', desiredCount: 2, launchType: 'FARGATE', networkConfiguration: awsvpc }), 'service');
  assert.equal(kindOf({ desiredCount: 1, deploymentController: { type: 'CODE_DEPLOY' }, schedulingStrategy: 'REPLICA' }), 'service');
  assert.equal(kindOf({ loadBalancers: [{ targetGroupArn: 'arn', containerName: 'web', containerPort: 80 }], deploymentConfiguration: {} }), 'service');
  // One key CreateService does not know (a typo) is still a service, so the typo is reported.
  assert.equal(kindOf({ desiredCount: 2, launchType: 'EC2', networkConfiguraton: awsvpc, deploymentController: { type: 'ECS' } }), 'service');
});

test('JSON that only shares a member or two with a service is not a service', () => {
  const awsvpc = { awsvpcConfiguration: { subnets: ['subnet-0a1b2c3d4e5f60718'] } };
  // RunTask input: awsvpc and a launch type, but a count and overrides, not a service.
  assert.equal(kindOf({ cluster: 'c', taskDefinition: 'td', count: 2, launchType: 'FARGATE', networkConfiguration: awsvpc, overrides: {} }), 'unknown');
  // One signal only.
  assert.equal(kindOf({ deploymentConfiguration: { maximumPercent: 200 }, desiredCount: 2 }), 'unknown');
  // Two signals but two foreign keys: another tool's configuration.
  assert.equal(kindOf({ deploymentConfiguration: {}, schedulingStrategy: 'REPLICA', replicas: 2, image: 'x' }), 'unknown');
  // schedulingStrategy must be one of ECS's values to count.
  assert.equal(kindOf({ schedulingStrategy: 'round-robin', deploymentConfiguration: {} }), 'unknown');
});

test('a bare container list needs objects, a name and image, a container-only member and ECS keys throughout', () => {
  assert.equal(kindOf([{ name: 'web', image: 'nginx', essential: true }]), 'container-definitions');
  assert.equal(
    kindOf([
      { name: 'web', image: 'nginx', portMappings: [] },
      { name: 'db', image: 'postgres', environment: [] },
    ]),
    'container-definitions',
  );
  assert.equal(kindOf([{ name: 'web', image: 'nginx' }]), 'unknown');
  assert.equal(kindOf([{ name: 'web', image: 'nginx', essential: true, tag: 'latest' }]), 'unknown');
  assert.equal(kindOf([{ name: 'web', image: 'nginx', essential: true }, 'sidecar']), 'unknown');
  assert.equal(kindOf([{ essential: true, portMappings: [] }]), 'unknown');
  assert.equal(kindOf([]), 'unknown');
  assert.equal(kindOf([1, 2, 3]), 'unknown');
});

test('comments and trailing commas come from the one parse, apart from real errors', () => {
  const text = '{\n  // note\n  "a": [1, 2, /* x */],\n  "b": 1, // tail\n}';
  const parsed = parseJson(text);
  assert.deepEqual(parsed.errors, []);
  assert.deepEqual(
    parsed.loose.map((l) => [l.kind, text.slice(l.offset, l.offset + l.length)]),
    [
      ['comment', '// note'],
      ['comment', '/* x */'],
      ['trailing-comma', ','],
      ['comment', '// tail'],
      ['trailing-comma', ','],
    ],
  );
  assert.deepEqual(parsed.value, { a: [1, 2], b: 1 });
  // An unclosed comment and a value missing after a comma are real errors.
  assert.equal(parseJson('{"a": 1 /* open').errors[0].error, ParseErrorCode.UnexpectedEndOfComment);
  assert.equal(parseJson('{"a": ,}').errors.length > 0, true);
});

test('non-standard-json: reported in .json, not in .jsonc, and not where the caller says the editor reports it', () => {
  const text = '{ "family": "web", "containerDefinitions": [{ "name": "web", "image": "nginx" },] }';
  const codes = (uri: string, strictJson?: boolean) => checkText(text, uri, strictJson === undefined ? {} : { strictJson }).findings.map((f) => f.ruleId);
  assert.deepEqual(codes('file:///ws/taskdef.json'), ['non-standard-json']);
  assert.deepEqual(codes('file:///ws/taskdef.jsonc'), []);
  assert.deepEqual(codes('file:///ws/taskdef.json', false), []);
});

test('placeholders: template syntaxes anywhere, id stand-ins only where an id belongs', () => {
  for (const s of [
    '${VAR}',
    '$VAR',
    '{{ must_env `X` }}',
    '<IMAGE1_NAME>',
    '#{Name}',
    '%NAME%',
    '__NAME__',
    'arn:aws:iam::${ACCOUNT_ID}:role/app',
    'web:{{ .Tag }}',
  ]) {
    assert.ok(hasTemplateToken(s), s);
  }
  for (const s of ['nginx:1.27', 'subnet-12345', 'CMD-SHELL', 'curl -f http://localhost/ || exit 1', '__init__', '50%', 'a_b_c']) {
    assert.ok(!hasTemplateToken(s), s);
  }
  for (const s of [
    'PRIVATE_SUBNET_ONE',
    'SECURITY_GROUP',
    'sg-EXAMPLE',
    'subnet-0abc1234EXAMPLE',
    'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/web/EXAMPLE',
  ]) {
    assert.ok(isIdPlaceholder(s), s);
  }
  for (const s of ['subnet-12345', 'subnet-0a1b2c3d4e5f60718 ', 'aws_lb_target_group.main.arn', 'sg-0123456789abcdef0', 'Subnet_A']) {
    assert.ok(!isIdPlaceholder(s), s);
  }
});

test('fix-all renames every API spelling in a CloudFormation resource to its PascalCase name', () => {
  const text = JSON.stringify(
    {
      Resources: {
        Web: {
          Type: 'AWS::ECS::TaskDefinition',
          Properties: {
            Family: 'web',
            networkMode: 'awsvpc',
            RequiresCompatibilities: ['FARGATE'],
            Cpu: '256',
            Memory: '512',
            containerDefinitions: [{ name: 'web', image: 'nginx:1.27', portMappings: [{ containerPort: 80 }] }],
          },
        },
      },
    },
    null,
    2,
  );
  const doc = new EcsDocument('file:///ws/stack.json', 1, text);
  assert.ok(checkText(text, 'file:///ws/stack.json').findings.every((f) => f.ruleId === 'cfn-unsupported-property' && f.severity === 'error'));
  const fixed = fixAllText(doc, RULES);
  assert.deepEqual(checkText(fixed, 'file:///ws/stack.json').findings, []);
  assert.deepEqual(JSON.parse(fixed).Resources.Web.Properties.ContainerDefinitions, [
    { Name: 'web', Image: 'nginx:1.27', PortMappings: [{ ContainerPort: 80 }] },
  ]);
  assert.equal(JSON.parse(fixed).Resources.Web.Properties.NetworkMode, 'awsvpc');
});

test('strict JSON is expected in .json files and json documents, unless the editor reports it itself', () => {
  assert.equal(expectsStrictJson('file:///ws/taskdef.json', undefined, false), true);
  assert.equal(expectsStrictJson('file:///ws/taskdef.json', 'json', false), true);
  // VS Code: its JSON language reports comments and trailing commas in json documents.
  assert.equal(expectsStrictJson('file:///ws/taskdef.json', 'json', true), false);
  assert.equal(expectsStrictJson('file:///ws/taskdef.json', 'jsonc', false), false);
  assert.equal(expectsStrictJson('file:///ws/taskdef.jsonc', undefined, false), false);
  assert.equal(expectsStrictJson('untitled:Untitled-1', 'json', false), true);
});
