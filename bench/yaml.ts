/**
 * YAML benchmark (issue #12): the full check on CloudFormation templates written in YAML, side by
 * side with the `yaml` package's own parseDocument on the same text, the floor any tool reading
 * YAML with it pays.
 *   node out/bench/yaml.js
 * main() prints the figures and returns them, so bench/run.ts can collect them.
 */
import { parseDocument } from 'yaml';
import { checkText } from '../server/src/cli/check';
import { cloudFormationTemplateText } from './documents';
import { timePair, type PairPlan, type Summary } from './timing';
import { cloudFormationTemplateYaml, triosForYamlBytes, webServiceYamlText } from './yamlDocuments';

const MB = 1_000_000;
const SMALL_PLAN: PairPlan = { warmup: 500, iterations: 3_000 };
/** A 5 MB YAML template takes seconds to parse: few runs, each pair interleaved. */
const LARGE_PLAN: PairPlan = { warmup: 1, iterations: 5 };
const LARGE_BYTES = 5 * MB;

/** Issue #12: a 3 KB template checked in under 2 ms (median), a 5 MB one in at most twice the parse. */
const TARGETS = { smallMedianMs: 2, largeRatio: 2 } as const;

export interface YamlFigures {
  readonly bytes: number;
  readonly check: Summary;
  readonly parseDocument: Summary;
  /** check median / parseDocument median. */
  readonly ratio: number;
  readonly diagnostics: number;
}

export interface YamlBenchResult {
  readonly small: YamlFigures & { readonly targetMedianMs: number };
  readonly large: YamlFigures & {
    readonly trios: number;
    readonly targetRatio: number;
    /** Whether the YAML template drew exactly the findings (rule and path) of its JSON twin. */
    readonly sameFindingsAsJson: boolean;
  };
}

let sink = 0;

function check(text: string, uri: string): number {
  const n = checkText(text, uri).diagnostics.length;
  sink += n;
  return n;
}

function parseOnly(text: string): void {
  sink += parseDocument(text).errors.length;
}

function figures(text: string, uri: string, plan: PairPlan): YamlFigures {
  const diagnostics = check(text, uri);
  const pair = timePair(
    () => check(text, uri),
    () => parseOnly(text),
    plan,
  );
  return { bytes: Buffer.byteLength(text), check: pair.a, parseDocument: pair.b, ratio: pair.ratio, diagnostics };
}

function findingKeys(text: string, uri: string): string[] {
  return checkText(text, uri)
    .findings.map((f) => `${f.ruleId} ${f.path.join('/')}`)
    .sort();
}

export function main(): YamlBenchResult {
  const small = { ...figures(webServiceYamlText(), 'file:///bench/web-service.yaml', SMALL_PLAN), targetMedianMs: TARGETS.smallMedianMs };
  printSmall(small);

  const trios = triosForYamlBytes(LARGE_BYTES);
  const template = cloudFormationTemplateYaml(trios);
  const uri = `file:///bench/platform-${trios}.yaml`;
  const sameFindingsAsJson =
    JSON.stringify(findingKeys(template.text, uri)) ===
    JSON.stringify(findingKeys(cloudFormationTemplateText(trios).text, `file:///bench/platform-${trios}.json`));
  const large = { ...figures(template.text, uri, LARGE_PLAN), trios, targetRatio: TARGETS.largeRatio, sameFindingsAsJson };
  printLarge(large, template.mistakes.size);
  if (sink < 0) console.log(sink);
  return { small, large };
}

const ms = (value: number, digits: number) => value.toFixed(digits).padStart(10);
const met = (ok: boolean) => (ok ? 'met' : 'NOT met');

function printRows(f: YamlFigures, digits: number): void {
  console.log(`                              median        p99        min`);
  console.log(`  full check (checkText)   ${ms(f.check.medianMs, digits)} ${ms(f.check.p99Ms, digits)} ${ms(f.check.minMs, digits)} ms`);
  console.log(
    `  yaml parseDocument alone ${ms(f.parseDocument.medianMs, digits)} ${ms(f.parseDocument.p99Ms, digits)} ${ms(f.parseDocument.minMs, digits)} ms`,
  );
  console.log(`  ratio (check / parse)    ${f.ratio.toFixed(2).padStart(10)}x`);
}

function printSmall(f: YamlBenchResult['small']): void {
  console.log(
    `YAML template (web-service.yaml grown to 3 KB), ${f.bytes.toLocaleString('en-US')} bytes, ${f.check.samples} samples each (interleaved), ${f.diagnostics} diagnostics`,
  );
  printRows(f, 3);
  console.log(`  target: median < ${f.targetMedianMs} ms: ${met(f.check.medianMs < f.targetMedianMs)}`);
}

function printLarge(f: YamlBenchResult['large'], planted: number): void {
  console.log(
    `YAML template, the generated benchmark with ${f.trios} trios in block style with short-form tags, ` +
      `${f.bytes.toLocaleString('en-US')} bytes (${(f.bytes / MB).toFixed(2)} MB), ${f.check.samples} runs each (interleaved), ${f.diagnostics} diagnostics`,
  );
  printRows(f, 1);
  console.log(`  target: check <= ${f.targetRatio}x parseDocument: ${met(f.ratio <= f.targetRatio)}`);
  console.log(`  check minus parse, medians: ${(f.check.medianMs - f.parseDocument.medianMs).toFixed(1)} ms (the model beyond the parse, and the rules)`);
  console.log(`  ${planted} planted mistakes; findings identical (rule and path) to the JSON twin's: ${f.sameFindingsAsJson ? 'yes' : 'NO'}`);
}

if (require.main === module) main();
