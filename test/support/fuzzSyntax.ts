// The fuzz properties that the YAML and Terraform fuzz tests share, declared for one syntax: its
// seeds truncated, edited with its own tokens, given values of every type, its hostile texts, and
// the variants any text meets in an editor. The JSON fuzz test (fuzz.test.ts) has its own, richer,
// JSON-aware set.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exercise, FUZZ_ENV, MIN_DOCUMENTS, picksArb, picksFor, SEED, settings, stats, type Seed } from './fuzzHarness';

/** Runs per fast-check property, sized so that one file passes MIN_DOCUMENTS with room to spare. */
const RUNS = { truncations: 4_000, edits: 10_000, wrongTypes: 5_000, variants: 5_000 } as const;

export interface FuzzSyntax {
  /** `YAML`, `Terraform`: how the tests name the syntax. */
  readonly label: string;
  readonly seeds: readonly Seed[];
  /** Fewer seeds than this means they were not found. */
  readonly minSeeds: number;
  /** Characters and tokens that mean something in the syntax (ODD_CHARACTERS are added to them). */
  readonly tokens: readonly string[];
  /** What a value is replaced with: every type, the usual mistakes, the syntax's expressions. */
  readonly replacements: readonly string[];
  /** Where each one-line value of a text sits. */
  readonly values: (text: string) => { offset: number; length: number }[];
  /** Bracket depths around the reader's nesting limit. */
  readonly depths: { readonly min: number; readonly max: number };
  /** Texts nobody should write but an editor can hold, and the uri they are checked under. */
  readonly hostile: { readonly title: string; readonly uri: string; readonly texts: readonly string[] };
  /** Variants of a seed particular to the syntax. */
  readonly variants?: readonly fc.Arbitrary<(seed: Seed) => string>[];
}

/** Characters any text can hold and a reader can trip on: non-ASCII, a lone surrogate, NUL, a byte order mark. */
const ODD_CHARACTERS = ['é', '\ud800', '😀', '\u0000', '\ufeff'];

/** An edit with one of the syntax's tokens: inserted, or replacing up to 12 characters, or up to 12 characters deleted. */
const editArb = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace'),
  at: fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
  length: fc.integer({ min: 1, max: 12 }),
  what: fc.nat(),
});

type Edit = typeof editArb extends fc.Arbitrary<infer T> ? T : never;

function applyEdit(tokens: readonly string[]): (text: string, edit: Edit) => string {
  return (text, edit) => {
    const at = Math.floor(edit.at * (text.length + 1));
    const token = tokens[edit.what % tokens.length];
    if (edit.op === 'insert') return text.slice(0, at) + token + text.slice(at);
    if (edit.op === 'delete') return text.slice(0, at) + text.slice(at + edit.length);
    return text.slice(0, at) + token + text.slice(at + edit.length);
  };
}

/** A value of the seed (picked by `which`) replaced by `replacement`. */
function replaced(spec: FuzzSyntax, seed: Seed, which: number, replacement: string): string {
  const values = spec.values(seed.text);
  const v = values[which % Math.max(1, values.length)];
  return v ? seed.text.slice(0, v.offset) + replacement + seed.text.slice(v.offset + v.length) : seed.text + replacement;
}

/**
 * What happens to any text in an editor: a byte order mark, other line ends, tabs for the first
 * indent space, a line written twice, nesting around the limit, random bytes or UTF-16 units, and
 * a soup of the syntax's tokens.
 */
function variantsOf(spec: FuzzSyntax): fc.Arbitrary<(seed: Seed) => string> {
  return fc.oneof(
    fc.constant((seed: Seed) => '\ufeff' + seed.text),
    fc.constant((seed: Seed) => seed.text.replace(/\r?\n/g, '\r\n')),
    fc.constant((seed: Seed) => seed.text.replace(/\r?\n/g, '\r')),
    fc.constant((seed: Seed) => seed.text.replace(/^( +)/gm, (indent) => '\t' + indent.slice(1))),
    fc.nat().map((at) => (seed: Seed) => {
      const lines = seed.text.split('\n');
      const i = at % lines.length;
      return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
    }),
    fc.tuple(fc.nat(), fc.integer(spec.depths)).map(
      ([at, depth]) =>
        (seed: Seed) =>
          replaced(spec, seed, at, '['.repeat(depth) + ']'.repeat(depth)),
    ),
    fc.uint8Array({ maxLength: 2_000 }).map((bytes) => () => Buffer.from(bytes).toString('latin1')),
    fc.array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 500 }).map((units) => () => String.fromCharCode(...units)),
    fc.array(fc.constantFrom(...spec.tokens), { maxLength: 30 }).map((parts) => () => parts.join('')),
    ...(spec.variants ?? []),
  );
}

/** Declares the fuzz tests of one syntax. */
export function fuzzSyntax(syntax: FuzzSyntax): void {
  const spec = { ...syntax, tokens: [...syntax.tokens, ...ODD_CHARACTERS] };
  const { label, seeds } = spec;
  const seedArb = fc.integer({ min: 0, max: seeds.length - 1 }).map((i) => seeds[i]);
  const property = <T>(title: string, arb: fc.Arbitrary<T>, runs: number, text: (seed: Seed, value: T) => string) =>
    test(`${title} (fast-check)`, () => {
      fc.assert(
        fc.property(seedArb, arb, picksArb, (seed, value, picks) => exercise({ ...seed, text: text(seed, value) }, picks)),
        settings(runs),
      );
    });

  test(`there are ${label} seeds`, () => {
    assert.ok(seeds.length >= spec.minSeeds, `only ${seeds.length} ${label} seeds`);
  });
  test(`truncations at the start, middle and end of every line of every ${label} seed`, () => {
    let n = 0;
    for (const seed of seeds) {
      let start = 0;
      for (const line of seed.text.split('\n')) {
        for (const offset of new Set([start, start + (line.length >> 1), start + line.length]))
          exercise({ ...seed, text: seed.text.slice(0, offset) }, picksFor(n++));
        start += line.length + 1;
      }
    }
  });
  property(`${label} truncations anywhere`, fc.double({ min: 0, max: 1, noNaN: true }), RUNS.truncations, (seed, at) =>
    seed.text.slice(0, Math.floor(at * seed.text.length)),
  );
  property(`random edits with ${label} tokens`, fc.array(editArb, { minLength: 1, maxLength: 6 }), RUNS.edits, (seed, edits) =>
    edits.reduce(applyEdit(spec.tokens), seed.text),
  );
  property(`wrong types in any value of any ${label} seed`, fc.tuple(fc.nat(), fc.constantFrom(...spec.replacements)), RUNS.wrongTypes, (seed, [which, r]) =>
    replaced(spec, seed, which, r),
  );
  test(spec.hostile.title, () => {
    spec.hostile.texts.forEach((text, n) => exercise({ text, uri: spec.hostile.uri, env: FUZZ_ENV }, picksFor(n)));
  });
  property(`BOM, line endings, tabs, repeated lines, nesting at the limit, garbage in ${label}`, variantsOf(spec), RUNS.variants, (seed, variant) =>
    variant(seed),
  );
  test(`at least ${MIN_DOCUMENTS.toLocaleString('en-US')} ${label} documents went through the model and every feature`, () => {
    const n = (x: number) => x.toLocaleString('en-US');
    console.log(`${label} fuzz: ${n(stats.documents)} documents checked with seed ${SEED}: ${n(stats.findingsSeen)} findings`);
    assert.ok(stats.documents >= MIN_DOCUMENTS, `only ${stats.documents} documents`);
  });
}
