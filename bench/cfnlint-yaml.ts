/**
 * Cross-check with cfn-lint on the YAML templates (issue #12): every YAML example and every YAML
 * fixture holding a mistake goes through cfn-lint (one process for all of them) and through
 * `ecs-net check`; for each networking finding cfn-lint reports, it asks whether we report the same
 * constraint on the same resource. Valid fixtures are checked too and listed when cfn-lint flags
 * them, so disagreements show both ways. Prints a Markdown table for BENCHMARKS.md.
 *   node out/bench/cfnlint-yaml.js
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkText } from '../server/src/cli/check';
import type { Environment } from '../server/src/core/environment';
import type { JsonPath } from '../server/src/model/types';
import { loadYamlFixtures } from '../test/support/fixtures';
import { repoFile } from './documents';

/**
 * The cfn-lint rules that speak to ECS networking, each with our rules covering the same
 * constraint. A cfn-lint finding counts as ours when one of these rules reports on the same
 * resource (the finding's place or one of its related places).
 */
const NETWORKING: Readonly<Record<string, { readonly topic: string; readonly ours: readonly string[] }>> = {
  E1154: { topic: 'subnet / security group id format', ours: ['awsvpc-id-format'] },
  E1155: { topic: 'subnet / security group id format', ours: ['awsvpc-id-format'] },
  E3002: { topic: 'property not in the resource schema', ours: ['cfn-unsupported-property'] },
  E3003: { topic: 'required property', ours: ['missing-required', 'fargate-task-size-required', 'target-group-required-fields'] },
  E3012: { topic: 'value type', ours: ['wrong-type'] },
  E3030: { topic: 'allowed values', ours: ['invalid-enum'] },
  E3034: { topic: 'value range', ours: ['out-of-range', 'port-value-range'] },
  E3047: { topic: 'Fargate cpu / memory pair', ours: ['fargate-task-size'] },
  E3048: {
    topic: 'Fargate task definition',
    ours: ['fargate-network-mode', 'fargate-task-size-required', 'fargate-unsupported-parameter', 'fargate-task-size'],
  },
  E3049: { topic: 'dynamic host port and target group health check port', ours: ['target-group-health-check-port'] },
  E3052: { topic: 'awsvpc service needs NetworkConfiguration', ours: ['service-awsvpc-network-configuration'] },
  E3053: { topic: 'awsvpc HostPort equals ContainerPort', ours: ['awsvpc-host-port', 'host-host-port'] },
  E3681: { topic: 'target group required properties', ours: ['target-group-required-fields', 'missing-required'] },
};

/** cfn-lint rules seen on these templates that say nothing about ECS networking. */
const NOT_NETWORKING: Readonly<Record<string, string>> = {
  W3005: 'DependsOn already implied by a Ref',
  W3010: 'hard-coded Availability Zone on a subnet',
};

interface Case {
  readonly label: string;
  readonly text: string;
  readonly valid: boolean;
  readonly env?: Environment;
}

interface LintMatch {
  readonly id: string;
  readonly line: number;
  readonly path: JsonPath;
  readonly message: string;
}

interface OurFinding {
  readonly ruleId: string;
  readonly places: readonly JsonPath[];
}

export interface CrossCheckRow {
  readonly label: string;
  readonly valid: boolean;
  readonly lint: readonly (LintMatch & { readonly networking: boolean | undefined; readonly matched: boolean })[];
  readonly ours: readonly string[];
  readonly verdict: string;
}

function cases(): Case[] {
  const examples: Case[] = [];
  for (const folder of ['cloudformation', 'mistakes'])
    for (const name of readdirSync(repoFile('examples', folder))
      .filter((n) => /\.ya?ml$/.test(n))
      .sort())
      examples.push({ label: `examples/${folder}/${name}`, text: readFileSync(repoFile('examples', folder, name), 'utf8'), valid: folder !== 'mistakes' });
  const fixtures = loadYamlFixtures().map((f) => ({ label: `${f.ruleDir}/${f.name}`, text: f.text, valid: f.valid, env: f.env }));
  return [...examples, ...fixtures];
}

/** cfn-lint's findings per case, from one run over all of them. */
function lint(all: readonly Case[]): LintMatch[][] {
  const dir = mkdtempSync(join(tmpdir(), 'ecs-net-cfnlint-yaml-'));
  try {
    const files = all.map((c, i) => {
      const file = join(dir, `case-${i}.yaml`);
      writeFileSync(file, c.text);
      return file;
    });
    const run = spawnSync('cfn-lint', ['--format', 'json', '--', ...files], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    if (run.error || run.stdout.trim() === '') throw new Error(`cfn-lint did not run: ${run.error?.message ?? run.stderr}`);
    const matches = JSON.parse(run.stdout) as {
      Filename: string;
      Rule: { Id: string };
      Location: { Start: { LineNumber: number }; Path?: JsonPath };
      Message: string;
    }[];
    const byFile = files.map(() => [] as LintMatch[]);
    for (const m of matches) {
      const index = files.indexOf(m.Filename);
      if (index >= 0) byFile[index].push({ id: m.Rule.Id, line: m.Location.Start.LineNumber, path: m.Location.Path ?? [], message: m.Message });
    }
    return byFile;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const sameResource = (a: JsonPath, b: JsonPath) => a[0] === 'Resources' && b[0] === 'Resources' && a[1] === b[1];

function ourFindings(c: Case): OurFinding[] {
  return checkText(c.text, 'file:///case.yaml', { env: c.env }).findings.map((f) => ({
    ruleId: f.ruleId,
    places: [f.path, ...(f.related ?? []).map((r) => r.path)],
  }));
}

function row(c: Case, lintMatches: readonly LintMatch[]): CrossCheckRow {
  const ours = ourFindings(c);
  const lintRows = lintMatches.map((m) => {
    const networking = NETWORKING[m.id] ? true : NOT_NETWORKING[m.id] ? false : undefined;
    const equivalents = NETWORKING[m.id]?.ours ?? [];
    const matched = ours.some((f) => equivalents.includes(f.ruleId) && f.places.some((p) => sameResource(p, m.path)));
    return { ...m, networking, matched };
  });
  const relevant = lintRows.filter((m) => m.networking !== false);
  const missed = relevant.filter((m) => !m.matched);
  const verdict =
    relevant.length === 0
      ? ours.length
        ? 'ecs-net only'
        : 'neither (clean)'
      : missed.length === 0
        ? 'both'
        : `cfn-lint only: ${[...new Set(missed.map((m) => (m.networking === undefined ? `${m.id} (unclassified)` : m.id)))].join(', ')}`;
  return { label: c.label, valid: c.valid, lint: lintRows, ours: [...new Set(ours.map((f) => f.ruleId))].sort(), verdict };
}

export function main(): CrossCheckRow[] {
  const version = spawnSync('cfn-lint', ['--version'], { encoding: 'utf8' });
  if (version.status !== 0) throw new Error('cfn-lint is not installed (pip install cfn-lint)');
  const all = cases();
  const started = process.hrtime.bigint();
  const linted = lint(all);
  const lintSeconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rows = all.map((c, i) => row(c, linted[i]));
  // Every case with a mistake; a valid one only when cfn-lint disagrees that it is valid.
  const shown = rows.filter((r) => !r.valid || r.lint.some((m) => m.networking !== false) || r.label.startsWith('examples/'));
  console.log(`${version.stdout.trim()} and ecs-net on ${all.length} YAML templates (${lintSeconds.toFixed(1)} s for cfn-lint, one process)\n`);
  console.log('| case | cfn-lint (line) | ecs-net | verdict |');
  console.log('| --- | --- | --- | --- |');
  const cell = (r: CrossCheckRow) => r.lint.map((m) => `${m.id} (${m.line})${m.networking === false ? ' ¹' : ''}`).join(', ') || '-';
  for (const r of shown) console.log(`| ${r.label}${r.valid ? ' (valid)' : ''} | ${cell(r)} | ${r.ours.join(', ') || '-'} | ${r.verdict} |`);
  console.log(
    '\n¹ not about ECS networking: ' +
      Object.entries(NOT_NETWORKING)
        .map(([id, what]) => `${id} ${what}`)
        .join('; '),
  );

  const networking = rows.flatMap((r) => r.lint.filter((m) => m.networking !== false).map((m) => ({ ...m, label: r.label })));
  const missed = networking.filter((m) => !m.matched);
  console.log(
    `\ncfn-lint networking findings: ${networking.length}, also reported by ecs-net on the same resource: ${networking.length - missed.length}, not: ${missed.length}`,
  );
  for (const m of missed) console.log(`  not ours: ${m.label} line ${m.line} ${m.id}: ${m.message}`);
  const oursOnly = shown.filter((r) => !r.valid && r.verdict === 'ecs-net only');
  console.log(`cases with a mistake that only ecs-net flags: ${oursOnly.length} of ${shown.filter((r) => !r.valid).length}`);
  return rows;
}

if (require.main === module) main();
