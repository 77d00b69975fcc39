/**
 * Terraform benchmark: the full check of a ~5 KB module and of a 1 MB `.tf` file, each against
 * tree-sitter's own parse of the same text (the floor: the reader cannot be faster than its
 * parser); a keystroke on the 1 MB file (incremental re-parse, the blocks the edit left alone
 * reused) next to the same keystroke on a 1 MB JSON template; the cold parser start and the memory
 * of 100 open `.tf` documents, each measured in a fresh process (wasm memory never shrinks, so
 * a process that has parsed the 1 MB file would hide what 100 small documents cost).
 *   node out/bench/terraform.js
 * main() prints the figures and returns them, so an aggregator can collect them.
 */
import { execFileSync } from 'node:child_process';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { checkDocument } from '../server/src/cli/check';
import { EcsDocument } from '../server/src/model/document';
import { DocumentCache } from '../server/src/model/cache';
import type { TerraformGrammar } from '../server/src/model/terraform/parser';
import { loadNodeTerraform } from '../server/src/workspace/nodeTerraform';
import { cloudFormationTemplateText } from './documents';
import { terraformLargeText, terraformModuleText, type GeneratedTerraform } from './terraform-docs';
import { summarise, timePair, type Pair, type PairPlan, type Summary } from './timing';

const MB = 1_000_000;
const MODULE_PLAN: PairPlan = { warmup: 200, iterations: 1_000 };
const LARGE_PLAN: PairPlan = { warmup: 1, iterations: 7 };
const KEYSTROKE_PLAN: PairPlan = { warmup: 2, iterations: 30 };
const COLD_STARTS = 3;
const OPEN_DOCUMENTS = 100;
const TARGET_MODULE_MEDIAN_MS = 5;
const TARGET_LARGE_RATIO = 2;
/** Trios of the CloudFormation template that make about 1 MB, as in the LSP benchmark. */
const JSON_TRIOS = 100;

export interface TerraformBenchResult {
  readonly coldStart: { readonly loadMs: Summary; readonly firstCheckMs: Summary };
  readonly module: SideBySide & { readonly bytes: number; readonly diagnostics: number };
  readonly large: SideBySide & {
    readonly bytes: number;
    readonly services: number;
    readonly stages: { readonly documentMedianMs: number; readonly rulesMedianMs: number };
    readonly findingsByCode: Readonly<Record<string, number>>;
    readonly plantedFound: number;
    readonly planted: number;
    readonly unplantedFindings: number;
  };
  readonly keystroke: {
    readonly terraform: Summary;
    readonly json: Summary;
    readonly cpu: { readonly terraform: Summary; readonly json: Summary };
    readonly terraformBytes: number;
    readonly jsonBytes: number;
  };
  readonly memory: MemoryFigures;
}

/** A timed pair: wall-clock medians, and the same runs in CPU time (what a busy machine moves least). */
interface SideBySide {
  readonly check: Summary;
  readonly parse: Summary;
  readonly ratio: number;
  readonly cpu: { readonly check: Summary; readonly parse: Summary; readonly ratio: number };
}

const sideBySide = (pair: Pair): SideBySide => ({
  check: pair.a,
  parse: pair.b,
  ratio: pair.ratio,
  cpu: { check: pair.cpu.a, parse: pair.cpu.b, ratio: pair.cpu.ratio },
});

interface MemoryFigures {
  readonly documents: number;
  readonly bytesEach: number;
  /** MiB, after a collection: the process with the grammar loaded, then with the documents open. */
  readonly before: { readonly rss: number; readonly heapUsed: number; readonly external: number };
  readonly after: { readonly rss: number; readonly heapUsed: number; readonly external: number };
}

let sink = 0;

/** The CLI's per-file work: the model, the rules, the diagnostics with their ranges; then the wasm tree goes. */
function check(text: string, uri: string): number {
  const doc = new EcsDocument(uri, 0, text);
  const n = checkDocument(doc).diagnostics.length;
  doc.release();
  sink += n;
  return n;
}

function parseOnly(grammar: TerraformGrammar, text: string): void {
  const tree = grammar.parse(text);
  sink += tree?.rootNode.endIndex ?? 0;
  tree?.delete();
}

function benchModule(grammar: TerraformGrammar): TerraformBenchResult['module'] {
  const text = terraformModuleText();
  const uri = 'file:///bench/module/main.tf';
  const diagnostics = check(text, uri);
  const pair = timePair(
    () => check(text, uri),
    () => parseOnly(grammar, text),
    MODULE_PLAN,
  );
  return { ...sideBySide(pair), bytes: Buffer.byteLength(text), diagnostics };
}

/** The service a finding's path belongs to (`resource.aws_ecs_service.svc_0042…` → `svc_0042`). */
const serviceOf = (path: readonly (string | number)[]): string | undefined =>
  path[0] === 'resource' && typeof path[2] === 'string' && /^svc_\d+$/.test(path[2]) ? path[2] : undefined;

function benchLarge(grammar: TerraformGrammar, generated: GeneratedTerraform): TerraformBenchResult['large'] {
  const { text, mistakes } = generated;
  const uri = 'file:///bench/platform.tf';
  const doc = new EcsDocument(uri, 0, text);
  const { findings } = checkDocument(doc);
  doc.release();
  const findingsByCode: Record<string, number> = {};
  const flagged = new Set<string>();
  let unplantedFindings = 0;
  for (const f of findings) {
    findingsByCode[f.ruleId] = (findingsByCode[f.ruleId] ?? 0) + 1;
    const service = serviceOf(f.path);
    if (service && mistakes.has(service)) flagged.add(service);
    else unplantedFindings++;
  }
  const pair = timePair(
    () => check(text, uri),
    () => parseOnly(grammar, text),
    LARGE_PLAN,
  );
  const documentNs: number[] = [];
  const rulesNs: number[] = [];
  for (let i = 0; i < LARGE_PLAN.iterations; i++) {
    const start = process.hrtime.bigint();
    const built = new EcsDocument(uri, 0, text);
    const mid = process.hrtime.bigint();
    sink += checkDocument(built).findings.length;
    rulesNs.push(Number(process.hrtime.bigint() - mid));
    documentNs.push(Number(mid - start));
    built.release();
  }
  return {
    bytes: Buffer.byteLength(text),
    services: generated.services,
    ...sideBySide(pair),
    stages: { documentMedianMs: summarise(documentNs).medianMs, rulesMedianMs: summarise(rulesNs).medianMs },
    findingsByCode,
    plantedFound: flagged.size,
    planted: mistakes.size,
    unplantedFindings,
  };
}

/**
 * One keystroke after another on the same document: a digit of a number in the middle of the
 * text changes and changes back; each edit builds the next version from the previous one (the
 * editor's path through DocumentCache) and runs the rules.
 */
function keystroker(text: string, uri: string, anchor: RegExp): () => void {
  const match = anchor.exec(text.slice(text.length >> 1));
  if (!match) throw new Error(`no ${anchor} in the second half of ${uri}`);
  const at = (text.length >> 1) + match.index + match[0].length - 1;
  const edited = text.slice(0, at) + (text[at] === '9' ? '8' : '9') + text.slice(at + 1);
  let doc = new EcsDocument(uri, 0, text);
  return () => {
    const next = new EcsDocument(uri, doc.version + 1, doc.version % 2 === 0 ? edited : text, undefined, doc);
    sink += checkDocument(next).findings.length;
    doc = next;
  };
}

function benchKeystroke(terraform: string): TerraformBenchResult['keystroke'] {
  const json = cloudFormationTemplateText(JSON_TRIOS).text;
  const pair = timePair(
    keystroker(terraform, 'file:///bench/keystroke.tf', /desired_count\s*=\s*\d/),
    keystroker(json, 'file:///bench/keystroke.template.json', /"DesiredCount":\s*\d/),
    KEYSTROKE_PLAN,
  );
  return {
    terraform: pair.a,
    json: pair.b,
    cpu: { terraform: pair.cpu.a, json: pair.cpu.b },
    terraformBytes: Buffer.byteLength(terraform),
    jsonBytes: Buffer.byteLength(json),
  };
}

/** Runs this file again in a fresh Node process with `args`, and reads the JSON it prints. */
function child<T>(args: string[], nodeFlags: string[] = []): T {
  const out = execFileSync(process.execPath, [...nodeFlags, __filename, ...args], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as T;
}

/** In a fresh process: loading the runtime and grammar wasm, then the first check of the module. */
async function coldStartChild(): Promise<{ loadMs: number; firstCheckMs: number }> {
  const start = process.hrtime.bigint();
  await loadNodeTerraform();
  const loaded = process.hrtime.bigint();
  check(terraformModuleText(), 'file:///bench/cold/main.tf');
  const done = process.hrtime.bigint();
  return { loadMs: Number(loaded - start) / 1e6, firstCheckMs: Number(done - loaded) / 1e6 };
}

/** In a fresh process: memory with the grammar loaded, then with OPEN_DOCUMENTS module files open in a DocumentCache. */
async function memoryChild(): Promise<MemoryFigures> {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const MiB = (n: number) => Math.round((n / 1024 / 1024) * 10) / 10;
  const sample = () => {
    gc();
    const u = process.memoryUsage();
    return { rss: MiB(u.rss), heapUsed: MiB(u.heapUsed), external: MiB(u.external) };
  };
  await loadNodeTerraform();
  const text = terraformModuleText();
  check(text, 'file:///bench/warm/main.tf');
  const before = sample();
  const cache = new DocumentCache();
  for (let i = 0; i < OPEN_DOCUMENTS; i++) {
    const uri = `file:///bench/module-${i}/main.tf`;
    const doc = cache.get(uri, 1, () => `# module ${i}\n${text}`);
    sink += checkDocument(doc).findings.length;
  }
  const after = sample();
  if (cache.size !== OPEN_DOCUMENTS) throw new Error('documents were not kept');
  return { documents: OPEN_DOCUMENTS, bytesEach: Buffer.byteLength(text), before, after };
}

export async function main(): Promise<TerraformBenchResult> {
  const colds = Array.from({ length: COLD_STARTS }, () => child<{ loadMs: number; firstCheckMs: number }>(['--cold']));
  const coldStart = { loadMs: summarise(colds.map((c) => c.loadMs * 1e6)), firstCheckMs: summarise(colds.map((c) => c.firstCheckMs * 1e6)) };
  printCold(coldStart);
  const memory = child<MemoryFigures>(['--memory']);
  printMemory(memory);

  const grammar = await loadNodeTerraform();
  const module = benchModule(grammar);
  printModule(module);
  const generated = terraformLargeText();
  const large = benchLarge(grammar, generated);
  printLarge(large);
  const keystroke = benchKeystroke(generated.text);
  printKeystroke(keystroke);
  if (sink < 0) console.log(sink);
  return { coldStart, module, large, keystroke, memory };
}

const ms = (value: number, digits = 2) => value.toFixed(digits).padStart(10);
const bytes = (n: number) => n.toLocaleString('en-US');
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function printCold(c: TerraformBenchResult['coldStart']): void {
  console.log(`Cold parser start, ${COLD_STARTS} fresh processes (median, min-max)`);
  console.log(
    `  loadTerraformGrammar (read + compile both wasm files) ${c.loadMs.medianMs.toFixed(1)} ms (${c.loadMs.minMs.toFixed(1)}-${c.loadMs.p99Ms.toFixed(1)})`,
  );
  console.log(
    `  then the first check of the 5 KB module               ${c.firstCheckMs.medianMs.toFixed(1)} ms (${c.firstCheckMs.minMs.toFixed(1)}-${c.firstCheckMs.p99Ms.toFixed(1)})`,
  );
}

function printMemory(m: MemoryFigures): void {
  const row = (label: string, s: MemoryFigures['before']) => `  ${label} rss ${s.rss} MiB, JS heap ${s.heapUsed} MiB, external (wasm) ${s.external} MiB`;
  console.log(`Memory, fresh process, after a collection: ${m.documents} open .tf documents of ${bytes(m.bytesEach)} bytes in a DocumentCache`);
  console.log(row('grammar loaded  ', m.before));
  console.log(row(`${m.documents} documents open`, m.after));
  console.log(`  per document: ${(((m.after.rss - m.before.rss) * 1024) / m.documents).toFixed(0)} KiB of RSS`);
}

function printModule(r: TerraformBenchResult['module']): void {
  console.log(`Terraform module as one file, ${bytes(r.bytes)} bytes, ${r.check.samples} samples each (interleaved), ${r.diagnostics} diagnostics`);
  console.log(`                                median        p99        min | CPU median`);
  console.log(`  full check                 ${ms(r.check.medianMs, 3)} ${ms(r.check.p99Ms, 3)} ${ms(r.check.minMs, 3)} | ${ms(r.cpu.check.medianMs, 3)} ms`);
  console.log(`  tree-sitter parse alone    ${ms(r.parse.medianMs, 3)} ${ms(r.parse.p99Ms, 3)} ${ms(r.parse.minMs, 3)} | ${ms(r.cpu.parse.medianMs, 3)} ms`);
  console.log(`  ratio (check / parse)      ${r.ratio.toFixed(1).padStart(10)}x ${''.padStart(21)} | ${r.cpu.ratio.toFixed(1).padStart(10)}x`);
  console.log(
    `  target: median < ${TARGET_MODULE_MEDIAN_MS} ms: ${met(r.check.medianMs < TARGET_MODULE_MEDIAN_MS)} (wall), ${met(r.cpu.check.medianMs < TARGET_MODULE_MEDIAN_MS)} (CPU)`,
  );
}

function printLarge(r: TerraformBenchResult['large']): void {
  const codes = Object.entries(r.findingsByCode)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([code, n]) => `${code} ${n}`)
    .join(', ');
  console.log(
    `Terraform file of ${r.services} services, ${bytes(r.bytes)} bytes (${(r.bytes / MB).toFixed(2)} MB), ${r.check.samples} runs each (interleaved)`,
  );
  console.log(`                                median        p99 | CPU median`);
  console.log(`  full check                 ${ms(r.check.medianMs, 1)} ${ms(r.check.p99Ms, 1)} | ${ms(r.cpu.check.medianMs, 1)} ms`);
  console.log(`  tree-sitter parse alone    ${ms(r.parse.medianMs, 1)} ${ms(r.parse.p99Ms, 1)} | ${ms(r.cpu.parse.medianMs, 1)} ms`);
  console.log(`  ratio (check / parse)      ${r.ratio.toFixed(2).padStart(10)}x ${''.padStart(10)} | ${r.cpu.ratio.toFixed(2).padStart(10)}x`);
  console.log(`  target: ratio <= ${TARGET_LARGE_RATIO}x: ${met(r.ratio <= TARGET_LARGE_RATIO)} (wall), ${met(r.cpu.ratio <= TARGET_LARGE_RATIO)} (CPU)`);
  console.log(
    `  breakdown (medians of separate runs): EcsDocument ${r.stages.documentMedianMs.toFixed(1)} ms (parse included) + rules ${r.stages.rulesMedianMs.toFixed(1)} ms`,
  );
  console.log(`  planted mistakes found ${r.plantedFound}/${r.planted}; findings outside planted services: ${r.unplantedFindings}`);
  console.log(`  findings: ${codes || 'none'}`);
}

function printKeystroke(k: TerraformBenchResult['keystroke']): void {
  console.log(`Keystroke -> re-check (next version from the previous one, then the rules), ${k.terraform.samples} edits each (interleaved)`);
  console.log(`                                               median        p99 | CPU median`);
  console.log(
    `  ${(k.terraformBytes / MB).toFixed(2)} MB .tf (incremental re-parse)        ${ms(k.terraform.medianMs, 1)} ${ms(k.terraform.p99Ms, 1)} | ${ms(k.cpu.terraform.medianMs, 1)} ms`,
  );
  console.log(
    `  ${(k.jsonBytes / MB).toFixed(2)} MB CloudFormation JSON (full parse) ${ms(k.json.medianMs, 1)} ${ms(k.json.p99Ms, 1)} | ${ms(k.cpu.json.medianMs, 1)} ms`,
  );
}

if (require.main === module) {
  const run = process.argv.includes('--cold') ? coldStartChild() : process.argv.includes('--memory') ? memoryChild() : main();
  run.then(
    (figures) => {
      if (process.argv.includes('--cold') || process.argv.includes('--memory')) console.log(JSON.stringify(figures));
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
