/**
 * Validation benchmark: the full check the editor and `ecs-net check` run, against jsonc-parser's
 * parseTree alone (the floor any JSON tool pays) and against vscode-json-languageservice validating
 * the same task definition with our published schema.
 *   node out/bench/validation.js
 * main() prints the figures and returns them, so an aggregator can collect them.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseTree, type ParseError } from 'jsonc-parser';
import { getLanguageService, TextDocument, type LanguageService } from 'vscode-json-languageservice';
import { checkText } from '../server/src/cli/check';
import { EcsDocument } from '../server/src/model/document';
import { PARSE_OPTIONS } from '../server/src/model/parse';
import { runRules } from '../server/src/rules/engine';
import { RULES } from '../server/src/rules/registry';
import { cloudFormationTemplateText, fargateTaskDefinitionText, mistakeCases, repoFile, type GeneratedTemplate } from './documents';
import { summarise, timePair, timePairAsync, type Pair, type PairPlan, type Summary } from './timing';

/** Decimal megabyte, as file sizes are usually quoted. */
const MB = 1_000_000;

const SMALL_PLAN: PairPlan = { warmup: 1_000, iterations: 5_000 };
const PEER_PLAN: PairPlan = { warmup: 500, iterations: 3_000 };
/** Trios per template and runs per contender; counts sized so 500 trios make about 5 MB. */
const TEMPLATE_PLANS: readonly { trios: number; plan: PairPlan }[] = [
  { trios: 100, plan: { warmup: 3, iterations: 15 } },
  { trios: 500, plan: { warmup: 2, iterations: 9 } },
  { trios: 1_000, plan: { warmup: 1, iterations: 7 } },
];

const TARGET_SMALL_MEDIAN_MS = 1;
const TARGET_TEMPLATE_RATIO = 3;

export interface SideBySide {
  readonly check: Summary;
  readonly parseTree: Summary;
  /** check median / parseTree median. */
  readonly ratio: number;
}

export interface TemplateFigures extends SideBySide {
  readonly bytes: number;
  readonly trios: number;
  readonly checkMsPerMb: number;
  readonly parseTreeMsPerMb: number;
  readonly findingsByCode: Readonly<Record<string, number>>;
  /** Planted mistakes that drew at least one finding, out of all planted. */
  readonly plantedFound: number;
  readonly planted: number;
  /** Findings on trios without a planted mistake: false positives, or a generator bug. */
  readonly unplantedFindings: number;
  /** Where the check's time goes, from separate runs: building the EcsDocument (parse included), then the rules. */
  readonly stages: { readonly modelMedianMs: number; readonly rulesMedianMs: number };
}

export interface MatrixRow {
  readonly label: string;
  readonly ours: readonly string[];
  readonly theirs: readonly string[];
}

export interface ValidationBenchResult {
  readonly taskDefinition: SideBySide & { readonly bytes: number; readonly diagnostics: number; readonly targetMedianMs: number };
  readonly templates: readonly TemplateFigures[];
  /** ms/MB of the largest template over ms/MB of the smallest: 1.0 is linear growth. */
  readonly growth: { readonly check: number; readonly parseTree: number; readonly rules: number };
  readonly peer: {
    readonly ours: Summary;
    readonly theirs: Summary;
    /** Their median over ours. */
    readonly theirsOverOurs: number;
    readonly ourDiagnostics: number;
    readonly theirDiagnostics: number;
  };
  readonly matrix: readonly MatrixRow[];
}

// The model's own options (strict about comments and trailing commas, which it sorts out of the errors).

// Results are summed into this so the engine cannot drop work whose result goes unused.
let sink = 0;

function parseOnly(text: string): void {
  const errors: ParseError[] = [];
  sink += parseTree(text, errors, PARSE_OPTIONS)?.length ?? 0;
}

function checkOnly(text: string, uri: string): number {
  const { diagnostics } = checkText(text, uri);
  sink += diagnostics.length;
  return diagnostics.length;
}

function sideBySide(pair: Pair): SideBySide {
  return { check: pair.a, parseTree: pair.b, ratio: pair.ratio };
}

function benchTaskDefinition(text: string): ValidationBenchResult['taskDefinition'] {
  const uri = 'file:///bench/orders-api.taskdef.json';
  const diagnostics = checkOnly(text, uri);
  const pair = timePair(
    () => checkOnly(text, uri),
    () => parseOnly(text),
    SMALL_PLAN,
  );
  return { ...sideBySide(pair), bytes: Buffer.byteLength(text), diagnostics, targetMedianMs: TARGET_SMALL_MEDIAN_MS };
}

/** The trio a template path belongs to (`Svc0042TargetGroup` → `Svc0042`), if any. */
function trioOf(path: readonly (string | number)[]): string | undefined {
  if (path[0] !== 'Resources' || typeof path[1] !== 'string') return undefined;
  return /^(Svc\d+)[A-Z]/.exec(path[1])?.[1];
}

/**
 * Times the two halves of checkText on their own: the model (parseTree, value tree, units) and
 * runRules, each run on a freshly built document so the rules' per-document caches start cold.
 * A collection triggered by the model's garbage may land in either half, as it does in checkText.
 */
function timeStages(text: string, uri: string, runs: number): TemplateFigures['stages'] {
  const modelNs: number[] = [];
  const rulesNs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = process.hrtime.bigint();
    const doc = new EcsDocument(uri, 0, text);
    const built = process.hrtime.bigint();
    sink += runRules(doc, RULES).length;
    rulesNs.push(Number(process.hrtime.bigint() - built));
    modelNs.push(Number(built - start));
  }
  return { modelMedianMs: summarise(modelNs).medianMs, rulesMedianMs: summarise(rulesNs).medianMs };
}

function benchTemplate(template: GeneratedTemplate, plan: PairPlan): TemplateFigures {
  const uri = `file:///bench/platform-${template.trios}.template.json`;
  const { findings } = checkText(template.text, uri);
  const findingsByCode: Record<string, number> = {};
  const flaggedTrios = new Set<string>();
  let unplantedFindings = 0;
  for (const f of findings) {
    findingsByCode[f.ruleId] = (findingsByCode[f.ruleId] ?? 0) + 1;
    const trio = trioOf(f.path);
    if (trio && template.mistakes.has(trio)) flaggedTrios.add(trio);
    else unplantedFindings++;
  }

  const pair = timePair(
    () => checkOnly(template.text, uri),
    () => parseOnly(template.text),
    plan,
  );
  const stages = timeStages(template.text, uri, plan.iterations);
  const bytes = Buffer.byteLength(template.text);
  return {
    ...sideBySide(pair),
    bytes,
    trios: template.trios,
    checkMsPerMb: pair.a.medianMs / (bytes / MB),
    parseTreeMsPerMb: pair.b.medianMs / (bytes / MB),
    findingsByCode,
    plantedFound: flaggedTrios.size,
    planted: template.mistakes.size,
    unplantedFindings,
    stages,
  };
}

function schemaService(): LanguageService {
  const path = repoFile('schemas', 'task-definition.schema.json');
  const service = getLanguageService({});
  service.configure({
    validate: true,
    schemas: [{ uri: pathToFileURL(path).href, fileMatch: ['*.json'], schema: JSON.parse(readFileSync(path, 'utf8')) }],
  });
  return service;
}

let documentVersion = 0;

/** Their whole per-document path: a fresh TextDocument (ours builds its own line index too), parse, validate. */
async function schemaDiagnostics(service: LanguageService, uri: string, text: string): Promise<string[]> {
  const document = TextDocument.create(uri, 'json', ++documentVersion, text);
  const diagnostics = await service.doValidation(document, service.parseJSONDocument(document));
  sink += diagnostics.length;
  return diagnostics.map((d) => (typeof d.message === 'string' ? d.message : d.message.value));
}

async function benchPeer(service: LanguageService, text: string): Promise<ValidationBenchResult['peer']> {
  const uri = 'file:///bench/orders-api.taskdef.json';
  const ourDiagnostics = checkOnly(text, uri);
  const theirDiagnostics = (await schemaDiagnostics(service, uri, text)).length;
  // Ours is synchronous; awaiting it too puts the same promise overhead on both sides.
  const pair = await timePairAsync(
    async () => checkOnly(text, uri),
    () => schemaDiagnostics(service, uri, text),
    PEER_PLAN,
  );
  return { ours: pair.a, theirs: pair.b, theirsOverOurs: pair.b.medianMs / pair.a.medianMs, ourDiagnostics, theirDiagnostics };
}

async function benchMatrix(service: LanguageService): Promise<MatrixRow[]> {
  const rows: MatrixRow[] = [];
  for (const [index, c] of mistakeCases().entries()) {
    const uri = `file:///bench/case-${index}.json`;
    const ours = [...new Set(checkText(c.text, uri).diagnostics.map((d) => d.code))];
    rows.push({ label: c.label, ours, theirs: await schemaDiagnostics(service, uri, c.text) });
  }
  return rows;
}

export async function main(): Promise<ValidationBenchResult> {
  const small = fargateTaskDefinitionText();
  const taskDefinition = benchTaskDefinition(small);
  printTaskDefinition(taskDefinition);

  // Before the templates, so both small-document comparisons run on the same small heap.
  const service = schemaService();
  const peer = await benchPeer(service, small);
  printPeer(peer, taskDefinition.bytes);
  const matrix = await benchMatrix(service);
  printMatrix(matrix);

  const generated = TEMPLATE_PLANS.map(({ trios, plan }) => ({ template: cloudFormationTemplateText(trios), plan }));
  // One untimed check of the largest template first, so every size runs on a heap already grown to fit
  // it; otherwise the first (smallest) size also pays for growing the heap, and growth looks sublinear.
  checkOnly(generated[generated.length - 1].template.text, 'file:///bench/heap-sizing.json');
  const templates: TemplateFigures[] = [];
  for (const { template, plan } of generated) {
    const figures = benchTemplate(template, plan);
    templates.push(figures);
    printTemplate(figures);
  }
  const first = templates[0];
  const last = templates[templates.length - 1];
  const rulesPerMb = (t: TemplateFigures) => t.stages.rulesMedianMs / (t.bytes / MB);
  const growth = {
    check: last.checkMsPerMb / first.checkMsPerMb,
    parseTree: last.parseTreeMsPerMb / first.parseTreeMsPerMb,
    rules: rulesPerMb(last) / rulesPerMb(first),
  };
  printGrowth(templates, growth);

  if (sink < 0) console.log(sink);
  return { taskDefinition, templates, growth, peer, matrix };
}

const ms = (value: number, digits = 3) => value.toFixed(digits).padStart(10);
const bytes = (n: number) => n.toLocaleString('en-US');
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function printTaskDefinition(r: ValidationBenchResult['taskDefinition']): void {
  console.log(`Fargate task definition, ${bytes(r.bytes)} bytes, ${r.check.samples} samples each (interleaved), ${r.diagnostics} diagnostics`);
  console.log(`                            median        p99        min`);
  console.log(`  full check (checkText) ${ms(r.check.medianMs)} ${ms(r.check.p99Ms)} ${ms(r.check.minMs)} ms`);
  console.log(`  parseTree alone        ${ms(r.parseTree.medianMs)} ${ms(r.parseTree.p99Ms)} ${ms(r.parseTree.minMs)} ms`);
  console.log(`  ratio (check / parse)  ${r.ratio.toFixed(1).padStart(10)}x`);
  console.log(`  target: median < ${r.targetMedianMs} ms: ${met(r.check.medianMs < r.targetMedianMs)}`);
}

function printTemplate(t: TemplateFigures): void {
  const codes = Object.entries(t.findingsByCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  console.log(
    `CloudFormation template, ${t.trios} task definitions + ${t.trios} services + ${t.trios} target groups, ` +
      `${bytes(t.bytes)} bytes (${(t.bytes / MB).toFixed(2)} MB), ${t.check.samples} runs each (interleaved)`,
  );
  console.log(`                            median        p99      ms/MB`);
  console.log(`  full check (checkText) ${ms(t.check.medianMs, 1)} ${ms(t.check.p99Ms, 1)} ${ms(t.checkMsPerMb, 1)}`);
  console.log(`  parseTree alone        ${ms(t.parseTree.medianMs, 1)} ${ms(t.parseTree.p99Ms, 1)} ${ms(t.parseTreeMsPerMb, 1)}`);
  console.log(`  ratio (check / parse)  ${t.ratio.toFixed(1).padStart(10)}x   target <= ${TARGET_TEMPLATE_RATIO}x: ${met(t.ratio <= TARGET_TEMPLATE_RATIO)}`);
  console.log(
    `  breakdown (${t.check.samples} separate runs): EcsDocument ${t.stages.modelMedianMs.toFixed(1)} ms + runRules ${t.stages.rulesMedianMs.toFixed(1)} ms (medians)`,
  );
  console.log(`  planted mistakes found ${t.plantedFound}/${t.planted}; findings outside planted trios: ${t.unplantedFindings}`);
  console.log(`  findings: ${codes || 'none'}`);
}

function printGrowth(templates: readonly TemplateFigures[], growth: ValidationBenchResult['growth']): void {
  const base = templates[0];
  const rulesPerMb = (t: TemplateFigures) => t.stages.rulesMedianMs / (t.bytes / MB);
  const cell = (perMb: number, basePerMb: number) => `${perMb.toFixed(1).padStart(8)} ${(perMb / basePerMb).toFixed(2).padStart(6)}x`;
  console.log('Cost growth with template size: median ms per MB, and that over the smallest size (1.00x = linear)');
  console.log('       size    check (ms/MB, vs 1st)  parseTree (ms/MB, vs 1st)  runRules (ms/MB, vs 1st)');
  for (const t of templates) {
    console.log(
      `  ${(t.bytes / MB).toFixed(2).padStart(6)} MB ${cell(t.checkMsPerMb, base.checkMsPerMb).padStart(22)} ${cell(t.parseTreeMsPerMb, base.parseTreeMsPerMb).padStart(26)} ${cell(rulesPerMb(t), rulesPerMb(base)).padStart(25)}`,
    );
  }
  console.log(
    `  largest vs smallest, per MB: check ${growth.check.toFixed(2)}x, parseTree ${growth.parseTree.toFixed(2)}x, runRules ${growth.rules.toFixed(2)}x`,
  );
}

function printPeer(p: ValidationBenchResult['peer'], size: number): void {
  console.log(
    `Same ${bytes(size)}-byte task definition: ours vs vscode-json-languageservice 5.7.2 with schemas/task-definition.schema.json, ${p.ours.samples} samples each (interleaved)`,
  );
  console.log(`                                          median        p99  diagnostics`);
  console.log(`  ours (checkText, all ${RULES.length} rules)          ${ms(p.ours.medianMs)} ${ms(p.ours.p99Ms)} ${String(p.ourDiagnostics).padStart(12)}`);
  console.log(`  theirs (parseJSONDocument+doValidation) ${ms(p.theirs.medianMs)} ${ms(p.theirs.p99Ms)} ${String(p.theirDiagnostics).padStart(12)}`);
  console.log(`  ratio (theirs / ours)                   ${p.theirsOverOurs.toFixed(2).padStart(10)}x`);
}

function printMatrix(rows: readonly MatrixRow[]): void {
  const width = Math.max(...rows.map((r) => r.label.length));
  console.log('Which tool flags which task definition (any diagnostic)');
  console.log(`  ${'case'.padEnd(width)}  ours  schema  our codes | their first message`);
  for (const r of rows) {
    const mark = (list: readonly unknown[]) => (list.length ? 'yes' : 'no').padEnd(4);
    const first = r.theirs[0] ? ` | ${r.theirs[0].length > 60 ? r.theirs[0].slice(0, 57) + '...' : r.theirs[0]}` : '';
    console.log(`  ${r.label.padEnd(width)}  ${mark(r.ours)}  ${mark(r.theirs)}    ${r.ours.join(', ') || '-'}${first}`);
  }
  const mistakes = rows.slice(1);
  console.log(
    `  flagged, of ${mistakes.length} mistakes: ours ${mistakes.filter((r) => r.ours.length).length}, schema ${mistakes.filter((r) => r.theirs.length).length}; ` +
      `control row: ours ${rows[0].ours.length}, schema ${rows[0].theirs.length} diagnostics`,
  );
}

if (require.main === module) void main();
