// What users would reach for instead, on the same documents, side by side in one run:
//  - vscode-json-languageservice with the schema AWS Toolkit mapped to *ecs-task-def.json
//    (../shared/data/peers/awslabs-ecs-intellisense-schema.json, read here, never committed);
//  - vscode-json-languageservice with our own schemas/task-definition.schema.json;
//  - cfn-lint on CloudFormation variants of the same mistakes.
// Prints time per document and which mistakes each tool flags.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { getLanguageService, type LanguageService } from 'vscode-json-languageservice';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { checkText } from '../server/src/cli/check';
import { toDocValue } from '../server/src/model/normalise';
import type { Json } from '../server/src/model/types';
import { fargateTaskDefinitionText, mistakeCases, repoFile } from './documents';
import { timePairAsync } from './timing';

const TOOLKIT_SCHEMA = repoFile('..', 'shared', 'data', 'peers', 'awslabs-ecs-intellisense-schema.json');

function schemaService(path: string): LanguageService {
  const service = getLanguageService({});
  service.configure({ validate: true, schemas: [{ uri: pathToFileURL(path).href, fileMatch: ['*.json'], schema: JSON.parse(readFileSync(path, 'utf8')) }] });
  return service;
}

let version = 0;
async function schemaFindings(service: LanguageService, text: string): Promise<number> {
  const doc = TextDocument.create('file:///bench/ecs-task-def.json', 'json', ++version, text);
  return (await service.doValidation(doc, service.parseJSONDocument(doc))).length;
}

/** A task definition document as an AWS::ECS::TaskDefinition resource (PascalCase) in a template. */
function asTemplate(taskDefinitionText: string): string {
  let value: Json;
  try {
    value = JSON.parse(taskDefinitionText) as Json;
  } catch {
    return '';
  }
  return JSON.stringify(
    { AWSTemplateFormatVersion: '2010-09-09', Resources: { TaskDefinition: { Type: 'AWS::ECS::TaskDefinition', Properties: toDocValue(value, 'cfn') } } },
    null,
    2,
  );
}

interface CfnLintRun {
  available: boolean;
  flagged: boolean[];
  perInvocationMs: number;
  batchPerDocumentMs: number;
}

function runCfnLint(templates: string[]): CfnLintRun {
  const probe = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (probe.status !== 0) return { available: false, flagged: [], perInvocationMs: 0, batchPerDocumentMs: 0 };
  const dir = mkdtempSync(join(tmpdir(), 'ecs-net-cfnlint-'));
  try {
    const files = templates.map((t, i) => {
      const file = join(dir, `case-${i}.json`);
      writeFileSync(file, t);
      return file;
    });
    const flagged: boolean[] = [];
    let total = 0;
    for (const file of files) {
      const start = process.hrtime.bigint();
      const run = spawnSync('cfn-lint', ['--format', 'json', '--', file], { encoding: 'utf8' });
      total += Number(process.hrtime.bigint() - start) / 1e6;
      let matches: unknown[] = [];
      try {
        matches = JSON.parse(run.stdout || '[]') as unknown[];
      } catch {
        matches = [];
      }
      flagged.push(matches.length > 0);
    }
    const start = process.hrtime.bigint();
    spawnSync('cfn-lint', ['--format', 'json', '--', ...files], { encoding: 'utf8' });
    const batch = Number(process.hrtime.bigint() - start) / 1e6;
    return { available: true, flagged, perInvocationMs: total / files.length, batchPerDocumentMs: batch / files.length };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function main(): Promise<Record<string, unknown>> {
  console.log('\n## Peers on the same documents\n');
  const ours = schemaService(repoFile('schemas', 'task-definition.schema.json'));
  const toolkit = existsSync(TOOLKIT_SCHEMA) ? schemaService(TOOLKIT_SCHEMA) : undefined;
  if (!toolkit) console.log(`(AWS Toolkit schema not found at ${TOOLKIT_SCHEMA}: that column is skipped)`);

  const text = fargateTaskDefinitionText();
  const plan = { warmup: 200, iterations: 2000 };
  const vsOurSchema = await timePairAsync(
    async () => checkText(text, 'file:///bench/t.json'),
    () => schemaFindings(ours, text),
    plan,
  );
  const vsToolkit = toolkit
    ? await timePairAsync(
        async () => checkText(text, 'file:///bench/t.json'),
        () => schemaFindings(toolkit, text),
        plan,
      )
    : undefined;
  console.log(`3 KB task definition, median per document:`);
  console.log(`  ecs-net check                                   ${vsOurSchema.a.medianMs.toFixed(3)} ms`);
  console.log(
    `  json-languageservice + our schema               ${vsOurSchema.b.medianMs.toFixed(3)} ms (${(vsOurSchema.b.medianMs / vsOurSchema.a.medianMs).toFixed(2)}x ours)`,
  );
  if (vsToolkit)
    console.log(
      `  json-languageservice + AWS Toolkit schema       ${vsToolkit.b.medianMs.toFixed(3)} ms (${(vsToolkit.b.medianMs / vsToolkit.a.medianMs).toFixed(2)}x ours)`,
    );

  const cases = mistakeCases();
  const templates = cases.map((c) => asTemplate(c.text));
  const lint = runCfnLint(templates);
  const rows: { label: string; ours: boolean; ourSchema: boolean; toolkit?: boolean; oursCfn: boolean; cfnLint?: boolean }[] = [];
  for (const [i, c] of cases.entries()) {
    rows.push({
      label: c.label,
      ours: checkText(c.text, `file:///bench/case-${i}.json`).diagnostics.length > 0,
      ourSchema: (await schemaFindings(ours, c.text)) > 0,
      toolkit: toolkit ? (await schemaFindings(toolkit, c.text)) > 0 : undefined,
      oursCfn: templates[i] !== '' && checkText(templates[i], `file:///bench/case-${i}.template.json`).diagnostics.length > 0,
      cfnLint: lint.available ? lint.flagged[i] : undefined,
    });
  }
  const mark = (b: boolean | undefined) => (b === undefined ? 'n/a' : b ? 'flagged' : '-');
  console.log('\nWhich mistakes each tool flags (first row is a valid control: it should be "-" everywhere)\n');
  console.log('| case | ecs-net | schema (ours) | AWS Toolkit schema | ecs-net on CFN | cfn-lint on CFN |');
  console.log('|---|---|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.label} | ${mark(r.ours)} | ${mark(r.ourSchema)} | ${mark(r.toolkit)} | ${mark(r.oursCfn)} | ${mark(r.cfnLint)} |`);
  const count = (key: 'ours' | 'ourSchema' | 'toolkit' | 'oursCfn' | 'cfnLint') => rows.slice(1).filter((r) => r[key]).length;
  console.log(
    `\nflagged of ${rows.length - 1} mistakes: ecs-net ${count('ours')}, our schema ${count('ourSchema')}, AWS Toolkit schema ${toolkit ? count('toolkit') : 'n/a'}, ecs-net on CFN ${count('oursCfn')}, cfn-lint ${lint.available ? count('cfnLint') : 'n/a'}`,
  );
  if (lint.available) {
    console.log(
      `cfn-lint time per template: ${lint.perInvocationMs.toFixed(0)} ms one file per run (process start included), ${lint.batchPerDocumentMs.toFixed(0)} ms per file in one run of ${templates.length}`,
    );
  } else console.log('cfn-lint not installed: its columns are n/a');
  return { vsOurSchema, vsToolkit, rows, cfnLint: lint };
}

if (require.main === module) void main();
