import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import * as esbuild from 'esbuild';
import { DEFAULT_SETTINGS, parseSettings, type Settings } from '../../../server/src/settings';
import { parseEnvironment } from '../../../server/src/core/environment';
import { MAX_SIMULATED_INSTANCES, simulatePlacement } from '../../../server/src/core/placement';
import { EcsDocument } from '../../../server/src/model/document';
import { runRules } from '../../../server/src/rules/engine';
import { RULES } from '../../../server/src/rules/registry';
import { EnvironmentCache, readEnvironment } from '../../../server/src/workspace/files';
import { absurdEnvironment } from '../../support/hostile';
import { REPO_ROOT, SERVER_BUNDLE } from '../../support/lsp-client';

// A workspace is untrusted input: its settings, its environment file and its documents can be
// anything. None of it may change the server's own objects, hang it, run code or reach the network.

/** What every object inherits; a polluted prototype shows up as a new or changed name here. */
function prototypeSnapshot(): string[] {
  return [Object.prototype, Array.prototype]
    .flatMap((proto, i) => Object.getOwnPropertyNames(proto).map((name) => `${i}:${name}:${typeof Object.getOwnPropertyDescriptor(proto, name)?.value}`))
    .sort();
}

function assertUnpolluted(before: readonly string[]): void {
  assert.deepEqual(prototypeSnapshot(), before, 'Object.prototype or Array.prototype changed');
  const probe: Record<string, unknown> = {};
  for (const key of ['polluted', 'isAdmin', 'validationDelay', 'subnets', 'dualStackIPv6']) assert.equal(probe[key], undefined, `{}.${key} is inherited`);
}

/** A well-formed Settings: right types, and each field within what parseSettings accepts. */
function assertWellFormed(settings: Settings, label: string): void {
  assert.equal(Object.getPrototypeOf(settings.rules), Object.prototype, `${label}: rules lost its prototype`);
  for (const [id, severity] of Object.entries(settings.rules))
    assert.ok(['off', 'info', 'warning', 'error'].includes(severity), `${label}: rules.${id} = ${String(severity)}`);
  assert.ok(
    Number.isFinite(settings.validationDelayMs) && settings.validationDelayMs >= 0 && settings.validationDelayMs <= 10_000,
    `${label}: validationDelayMs ${settings.validationDelayMs}`,
  );
  assert.ok(
    settings.defaultInstanceTypes.length > 0 && settings.defaultInstanceTypes.every((t) => typeof t === 'string' && t.trim() !== ''),
    `${label}: defaultInstanceTypes`,
  );
  assert.equal(typeof settings.trunking, 'boolean', `${label}: trunking`);
  assert.ok(settings.os === 'linux' || settings.os === 'windows', `${label}: os`);
  assert.ok(
    typeof settings.environmentFile === 'string' && settings.environmentFile !== '' && !settings.environmentFile.includes('\0'),
    `${label}: environmentFile`,
  );
}

test('settings of the wrong type, huge or hostile fall back to the defaults, field by field', () => {
  const before = prototypeSnapshot();
  // JSON.parse makes "__proto__" an own property, as a settings message off the wire does.
  const wire = (text: string): unknown => JSON.parse(text);
  const cases: [string, unknown, Partial<Settings>][] = [
    ['undefined', undefined, DEFAULT_SETTINGS],
    ['null', null, DEFAULT_SETTINGS],
    ['a number', 42, DEFAULT_SETTINGS],
    ['a string', 'ecsTaskNetworking', DEFAULT_SETTINGS],
    ['an array', [1, 2, 3], DEFAULT_SETTINGS],
    [
      'wrong type in every field',
      { rules: 'off', validationDelay: '200', defaultInstanceTypes: 'c5.large', trunking: 'true', os: 42, environmentFile: ['a'] },
      DEFAULT_SETTINGS,
    ],
    ['huge and impossible numbers', { validationDelay: 1e308, rules: [] }, { validationDelayMs: DEFAULT_SETTINGS.validationDelayMs, rules: {} }],
    ['a negative delay', { validationDelay: -1 }, { validationDelayMs: DEFAULT_SETTINGS.validationDelayMs }],
    ['NaN and Infinity', { validationDelay: Number.NaN, trunking: Infinity }, { validationDelayMs: DEFAULT_SETTINGS.validationDelayMs, trunking: false }],
    ['unknown severities', { rules: { 'awsvpc-host-port': 'fatal', 'wrong-type': 3, 'fargate-task-size': null } }, { rules: {} }],
    [
      'blank and non-string instance types',
      { defaultInstanceTypes: ['', '  ', null, 7, {}, []] },
      { defaultInstanceTypes: DEFAULT_SETTINGS.defaultInstanceTypes },
    ],
    ['an os in the wrong case', { os: 'WINDOWS' }, { os: 'linux' }],
    ['a NUL in the environment file name', { environmentFile: 'ecs-network.json\0.sh' }, { environmentFile: DEFAULT_SETTINGS.environmentFile }],
    ['a blank environment file name', { environmentFile: '   ' }, { environmentFile: DEFAULT_SETTINGS.environmentFile }],
    ['__proto__ at the top', wire('{"__proto__": {"validationDelay": 5, "trunking": true, "os": "windows"}}'), DEFAULT_SETTINGS],
    ['__proto__ in rules', wire('{"rules": {"__proto__": {"awsvpc-host-port": "off"}, "constructor": {"prototype": {"polluted": "error"}}}}'), { rules: {} }],
    ['constructor.prototype at the top', wire('{"constructor": {"prototype": {"polluted": true, "isAdmin": true}}}'), DEFAULT_SETTINGS],
  ];
  for (const [label, raw, expected] of cases) {
    const settings = parseSettings(raw);
    assertWellFormed(settings, label);
    for (const [field, value] of Object.entries(expected)) assert.deepEqual(settings[field as keyof Settings], value, `${label}: ${field}`);
    assertUnpolluted(before);
  }
  // A severity under an ordinary id still counts next to hostile ones.
  const mixed = parseSettings(wire('{"rules": {"__proto__": "off", "toString": "error", "awsvpc-host-port": "info"}}'));
  assert.equal(mixed.rules['awsvpc-host-port'], 'info');

  // A very long list of instance types and a very long file name are taken as given, and parsing them ends.
  const many = parseSettings({ defaultInstanceTypes: Array.from({ length: 100_000 }, (_, i) => `t${i}.large`), environmentFile: 'e'.repeat(1_000_000) });
  assert.equal(many.defaultInstanceTypes.length, 100_000);
  assertUnpolluted(before);
});

test('an environment file with __proto__ keys and absurd counts pollutes nothing and stays bounded', () => {
  const before = prototypeSnapshot();
  const text = absurdEnvironment();
  const loaded = readEnvironment('/ws/ecs-network.json', text);
  assert.equal(loaded.error, undefined, 'the file is valid JSON');
  assertUnpolluted(before);

  const { env } = loaded;
  // "__proto__" is data: nothing inherited from it (the smuggled subnet, dualStackIPv6) is read.
  assert.deepEqual(
    env.subnets.map((s) => s.id),
    ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'],
  );
  assert.equal(env.accountSettings.dualStackIPv6, undefined);
  assert.equal(env.accountSettings.awsvpcTrunking, true);
  // 1e12 and 1e999 instances are not a cluster: those entries are dropped, the plausible ones stay.
  const prod = env.clusters.find((c) => c.name === 'prod');
  assert.deepEqual(
    prod?.capacity.map((c) => c.count),
    [4999, 4999],
  );
  assert.deepEqual(env.clusters.find((c) => c.name === '__proto__')?.services, ['__proto__', 'constructor']);

  // The file itself shows why, as diagnostics on the entries that were dropped.
  const doc = new EcsDocument('file:///ws/ecs-network.json', 1, text);
  const findings = runRules(doc, RULES);
  const dropped = findings.filter((f) => f.ruleId === 'env-invalid-entry').map((f) => f.path.join('.'));
  assert.ok(dropped.includes('clusters.0.capacity.0.count'), `1e12 instances reported: ${dropped.join(', ')}`);
  assert.ok(dropped.includes('clusters.0.capacity.3'), `1e999 instances reported: ${dropped.join(', ')}`);
  assert.ok(
    findings.some((f) => f.ruleId === 'env-unknown-instance-type'),
    'an instance type called __proto__ is unknown',
  );
  assertUnpolluted(before);

  // A service on that cluster, asking for 1e12 tasks: the placement simulation still ends.
  const service = new EcsDocument('file:///ws/stack.json', 1, serviceStack('prod', 1e12));
  const checked = runRules(service, RULES, { env });
  assert.ok(
    checked.some((f) => f.ruleId === 'subnet-capacity'),
    'a trillion tasks do not fit in two /16 subnets',
  );
  assertUnpolluted(before);
});

test('placement simulates at most the instances a cluster can register, however many are listed', () => {
  const capacity = [
    { instanceType: 'c5.large', count: 1e12, az: 'eu-west-1a' },
    ...Array.from({ length: 100 }, (_, i) => ({ instanceType: 'm5.large', count: 4_999, az: `eu-west-1${'abc'[i % 3]}` })),
  ];
  const result = simulatePlacement({ capacity, task: { count: 1e12, networkMode: 'awsvpc', cpu: 256 }, strategy: 'spread' });
  assert.equal(result.perInstance.length, MAX_SIMULATED_INSTANCES);
  assert.equal(result.placed + result.unplaced, 1e12);
  assert.ok(
    result.warnings.some((w) => w.includes(`${MAX_SIMULATED_INSTANCES} instances`)),
    result.warnings.join('\n'),
  );
});

test('a malformed environment file gives diagnostics in the file and the defaults everywhere else', () => {
  const root = mkdtempSync(join(tmpdir(), 'ecs-net-untrusted-'));
  try {
    const defaults = parseEnvironment({}).env;
    const cache = new EnvironmentCache();
    const envFile = join(root, 'ecs-network.json');
    const cases: [string, string, string | undefined][] = [
      ['a syntax error', '{ "subnets": [ { "id": "subnet-1", } ', 'syntax-error'],
      ['nesting 10,000 deep', `{ "subnets": ${'['.repeat(10_000)}${']'.repeat(10_000)} }`, 'document-too-large'],
      ['not an object', '[1, 2, 3]', undefined],
      ['binary garbage', '\u0000\u0001\u00ff{{{', 'syntax-error'],
    ];
    for (const [label, text, code] of cases) {
      writeFileSync(envFile, text);
      const loaded = cache.forFile(join(root, 'service.json'));
      assert.ok(loaded, `${label}: the file is found`);
      assert.deepEqual(loaded.env, defaults, `${label}: the defaults apply`);
      if (code) assert.ok(loaded.error, `${label}: the server log says why`);
      // The parse problem comes first; entries the parser could still read may have their own.
      const findings = runRules(new EcsDocument(`file://${envFile}`, 1, text), RULES);
      assert.equal(findings[0]?.ruleId, code, `${label}: the file's own diagnostics: ${findings.map((f) => f.ruleId).join(', ')}`);
      cache.clear();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

/** A CloudFormation template with an EC2 awsvpc service on `cluster`, in the absurd environment's subnets. */
function serviceStack(cluster: string, desiredCount: number): string {
  return JSON.stringify({
    Resources: {
      Task: {
        Type: 'AWS::ECS::TaskDefinition',
        Properties: {
          Family: 'api',
          NetworkMode: 'awsvpc',
          RequiresCompatibilities: ['EC2'],
          Cpu: '256',
          Memory: '512',
          ContainerDefinitions: [{ Name: 'api', Image: 'api:1' }],
        },
      },
      Service: {
        Type: 'AWS::ECS::Service',
        Properties: {
          Cluster: cluster,
          LaunchType: 'EC2',
          TaskDefinition: { Ref: 'Task' },
          DesiredCount: desiredCount,
          NetworkConfiguration: { AwsvpcConfiguration: { Subnets: ['subnet-0123456789abcdef0', 'subnet-0123456789abcdef1'] } },
        },
      },
    },
  });
}

// ------------------------------------------------------------------ nothing runs code or reaches the network

/** Ways to run code or reach the network that the server itself never needs. */
const FORBIDDEN: readonly [string, RegExp][] = [
  ['child_process', /child_process/],
  ['eval', /\beval\s*\(/],
  ['new Function', /\bnew\s+Function\b|[^.\w$]Function\s*\(/],
  ['fetch', /\bfetch\s*\(/],
  ['http(s).request / get', /\bhttps?\s*\.\s*(request|get)\s*\(/],
  ['network modules', /\b(from|import)\s+['"](node:)?(http|https|http2|net|dgram|dns|tls)['"]/],
  ['code-loading modules', /\b(from|import)\s+['"](node:)?(vm|worker_threads|cluster|module)['"]/],
  ['dynamic require or import', /\brequire\s*\(|\bimport\s*\(/],
  ['native code', /process\.(binding|dlopen)|WebAssembly/],
];

/** Our own modules that go into dist/server.js, as esbuild resolves them from the entry point. */
async function serverSources(): Promise<string[]> {
  const result = await esbuild.build({
    entryPoints: [join(REPO_ROOT, 'server', 'src', 'server.ts')],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    mainFields: ['module', 'main'],
    define: { __ECS_NET_VERSION__: '"0.0.0"' },
    write: false,
    metafile: true,
    logLevel: 'silent',
    absWorkingDir: REPO_ROOT,
  });
  return Object.keys(result.metafile.inputs).filter((input) => input.startsWith(`server/src/`));
}

test("the server's own code never runs code or opens a connection", async () => {
  const sources = await serverSources();
  assert.ok(sources.includes('server/src/startServer.ts') && sources.length > 20, `server sources: ${sources.join(', ')}`);
  // The AWS pull (the one part that talks to the network) belongs to the CLI and is never in the server.
  assert.deepEqual(
    sources.filter((s) => s.startsWith('server/src/cli/env-pull')),
    [],
  );
  for (const source of sources) {
    const text = readFileSync(join(REPO_ROOT, source), 'utf8');
    for (const [what, pattern] of FORBIDDEN) {
      const hit = pattern.exec(text);
      assert.equal(hit, null, `${source} uses ${what}: '${hit?.[0]}'`);
    }
  }
  // Nor does it call the vscode-languageserver helpers that spawn processes (Files.resolve*, which run npm/yarn).
  for (const source of sources)
    assert.doesNotMatch(readFileSync(join(REPO_ROOT, source), 'utf8'), /\bFiles\s*\.|resolveGlobal(Node|Yarn)Path|resolveModulePath/, source);
});

test('the server bundle holds no eval, Function, fetch or HTTP; child_process and net only in library code it never calls', () => {
  const bundle = readFileSync(SERVER_BUNDLE, 'utf8');
  const relativeBundle = relative(REPO_ROOT, SERVER_BUNDLE).split(sep).join('/');
  // web-tree-sitter's Emscripten loader is the one library with such code: eval for modules that embed
  // JS (EM_ASM/EM_JS; the HCL grammar embeds none) and fetch / import("fs/promises") for a wasm
  // given by path or URL. Ours is always given as bytes (workspace/nodeTerraform.ts), so none of
  // these run: each is allowed only where the loader has it, and counted.
  const loaderSites: Record<string, { count: number; near: RegExp }> = {
    eval: { count: 2, near: /addEmAsm|addEmJs/ },
    fetch: { count: 3, near: /same-origin|fs\/promises/ },
    'dynamic import': { count: 1, near: /import\("fs\/promises"\)/ },
  };
  for (const [what, pattern] of [
    ['eval', /\beval\s*\(/g],
    ['new Function', /\bnew\s+Function\b|[^.\w$]Function\s*\(/g],
    ['fetch', /\bfetch\s*\(/g],
    ['http(s).request', /\bhttps?\s*\.\s*request\s*\(/g],
    ['http/https/http2/dgram/dns/tls modules', /require\("(node:)?(http|https|http2|dgram|dns|tls|vm|worker_threads)"\)/g],
    ['dynamic import', /\bimport\s*\(/g],
  ] as const) {
    const hits = [...bundle.matchAll(pattern)];
    const allowed = loaderSites[what];
    assert.equal(hits.length, allowed?.count ?? 0, `${relativeBundle} contains ${what} ${hits.length} times`);
    for (const hit of hits)
      assert.match(bundle.slice(Math.max(0, hit.index - 300), hit.index + 300), allowed!.near, `${what} outside web-tree-sitter's loader`);
  }
  // vscode-languageserver's Files module requires child_process for resolveGlobalNodePath/YarnPath (see above: never called).
  const childProcess = [...bundle.matchAll(/child_process/g)];
  assert.equal(childProcess.length, 1, 'child_process is required once');
  assert.match(bundle.slice(Math.max(0, childProcess[0].index! - 600), childProcess[0].index! + 600), /resolveGlobalNodePath/);
  // vscode-jsonrpc's node transports require net for --socket/--pipe; the extension starts the server over IPC or stdio.
  const net = [...bundle.matchAll(/require\("(node:)?net"\)/g)];
  assert.equal(net.length, 1, 'net is required once');
  assert.match(bundle.slice(Math.max(0, net[0].index! - 600), net[0].index! + 600), /createServerSocketTransport|IPCMessageReader/);
});
