/**
 * Tokenizes JSON, JSON with Comments and YAML with VS Code's own grammars plus our injections
 * (syntaxes/ecs-json-injection.tmLanguage.json, syntaxes/ecs-yaml-injection.tmLanguage.json), using the vscode-textmate and vscode-oniguruma
 * that ship inside code-server, and checks which strings get our scopes and that nothing around
 * them turns invalid.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { e2eTools, REPO_ROOT } from '../support/tools';

interface Token {
  startIndex: number;
  endIndex: number;
  scopes: string[];
}
interface Grammar {
  tokenizeLine(line: string, state: unknown): { tokens: Token[]; ruleStack: unknown };
}
interface TextMate {
  INITIAL: unknown;
  Registry: new (options: unknown) => { loadGrammar(scope: string): Promise<Grammar | null> };
  parseRawGrammar(content: string, path: string): unknown;
}
interface Oniguruma {
  loadWASM(data: ArrayBuffer): Promise<void>;
  OnigScanner: new (patterns: string[]) => unknown;
  OnigString: new (text: string) => unknown;
}

const INJECTION = 'ecs-task-networking.json.injection';
const YAML_INJECTION = 'ecs-task-networking.yaml.injection';

const SAMPLE = [
  '{',
  '  "networkMode": "awsvpc", "hostname": "host", // "networkMode": "bridge"',
  '  "requiresCompatibilities": ["EC2", "FARGATE"],',
  '  "x": { "LaunchType": "FARGATE", "NetworkMode": { "Ref": "Mode" }, "y": "host" },',
  '  "launchType": "hosty", "mode": "bridge", "z": 1',
  '}',
];

const YAML_SAMPLE = [
  'Resources:',
  '  Task:',
  '    Type: AWS::ECS::TaskDefinition',
  '    Properties:',
  '      NetworkMode: awsvpc # not "bridge"',
  '      RequiresCompatibilities: [EC2, "FARGATE"]',
  '      Mode: bridge',
  '      ContainerDefinitions:',
  '        - Name: host',
  '          Hostname: host',
  '  Service:',
  '    Properties:',
  "      LaunchType: 'FARGATE'",
  '      networkMode: hosty',
  '# NetworkMode: none',
];

/** Each token carrying one of our `.ecs` scopes as `text=scope`, and the text of tokens scoped invalid. */
function scopedTokens(grammar: Grammar, initial: unknown, lines: readonly string[]): { scoped: string[]; invalid: string[] } {
  const scoped: string[] = [];
  const invalid: string[] = [];
  let state = initial;
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    for (const t of result.tokens) {
      const text = line.slice(t.startIndex, t.endIndex);
      const specific = t.scopes.find((s) => s.endsWith('.ecs'));
      if (specific && text !== '"' && text !== "'") scoped.push(`${text}=${specific}`);
      if (t.scopes.some((s) => s.startsWith('invalid'))) invalid.push(text);
    }
  }
  return { scoped, invalid };
}

async function main(): Promise<number> {
  const tools = e2eTools();
  const modules = join(tools.vscodeDir, 'node_modules');
  // The editor's own copies, found at run time: not dependencies of this package.
  /* eslint-disable @typescript-eslint/no-require-imports */
  const tm = require(join(modules, 'vscode-textmate')) as TextMate;
  const onig = require(join(modules, 'vscode-oniguruma')) as Oniguruma;
  /* eslint-enable @typescript-eslint/no-require-imports */
  const wasm = readFileSync(join(modules, 'vscode-oniguruma', 'release', 'onig.wasm'));
  await onig.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer);
  const grammars: Record<string, string> = {
    'source.json': join(tools.vscodeDir, 'extensions', 'json', 'syntaxes', 'JSON.tmLanguage.json'),
    'source.json.comments': join(tools.vscodeDir, 'extensions', 'json', 'syntaxes', 'JSONC.tmLanguage.json'),
    [INJECTION]: join(REPO_ROOT, 'syntaxes', 'ecs-json-injection.tmLanguage.json'),
    [YAML_INJECTION]: join(REPO_ROOT, 'syntaxes', 'ecs-yaml-injection.tmLanguage.json'),
  };
  const yamlSyntaxes = join(tools.vscodeDir, 'extensions', 'yaml', 'syntaxes');
  grammars['source.yaml'] = join(yamlSyntaxes, 'yaml.tmLanguage.json');
  for (const version of ['1.0', '1.1', '1.2', '1.3']) grammars[`source.yaml.${version}`] = join(yamlSyntaxes, `yaml-${version}.tmLanguage.json`);
  grammars['source.yaml.embedded'] = join(yamlSyntaxes, 'yaml-embedded.tmLanguage.json');
  const registry = new tm.Registry({
    onigLib: Promise.resolve({ createOnigScanner: (p: string[]) => new onig.OnigScanner(p), createOnigString: (s: string) => new onig.OnigString(s) }),
    loadGrammar: async (scope: string) => (grammars[scope] ? tm.parseRawGrammar(readFileSync(grammars[scope], 'utf8'), grammars[scope]) : null),
    getInjections: (scope: string) =>
      scope === 'source.json' || scope === 'source.json.comments' ? [INJECTION] : scope === 'source.yaml' ? [YAML_INJECTION] : [],
  });

  let passed = 0;
  let failed = 0;
  const check = (name: string, ok: boolean, detail: string) => {
    if (ok) passed++;
    else failed++;
    console.log(`  ${ok ? '✔' : '✘'} ${name}${ok ? '' : `\n    ${detail}`}`);
  };
  const samples = [
    { language: 'source.json', lines: SAMPLE, syntax: 'JSON' },
    { language: 'source.json.comments', lines: SAMPLE, syntax: 'JSON' },
    { language: 'source.yaml', lines: YAML_SAMPLE, syntax: 'YAML' },
  ];
  for (const { language, lines, syntax } of samples) {
    const grammar = await registry.loadGrammar(language);
    if (!grammar) throw new Error(`no grammar for ${language}`);
    const { scoped, invalid } = scopedTokens(grammar, tm.INITIAL, lines);
    const expected = [
      'awsvpc=constant.language.network-mode.ecs',
      'EC2=constant.language.launch-type.ecs',
      'FARGATE=constant.language.launch-type.ecs',
      'FARGATE=constant.language.launch-type.ecs',
    ];
    check(
      `${language}: network modes and launch types after their keys get our scopes, nothing else does`,
      JSON.stringify(scoped) === JSON.stringify(expected),
      `got ${JSON.stringify(scoped)}`,
    );
    check(`${language}: the rest of the document keeps valid ${syntax} scopes`, invalid.length === 0, `invalid tokens: ${JSON.stringify(invalid)}`);
  }
  console.log(`grammar: ${passed} passed, ${failed} failed`);
  return failed ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    console.log('grammar: 0 passed, 1 failed');
    process.exit(1);
  },
);
