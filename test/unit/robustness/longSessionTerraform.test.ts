import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { DocumentCache } from '../../../server/src/model/cache';
import { EcsDocument } from '../../../server/src/model/document';
import { runRules } from '../../../server/src/rules/engine';
import { RULES } from '../../../server/src/rules/registry';
import { loadNodeTerraform } from '../../../server/src/workspace/nodeTerraform';
import { REPO_ROOT } from '../../support/lsp-client';
import { random } from '../../support/random';

// The long-session test (test/protocol/long-session.test.ts) for a `.tf` document: 10,000
// keystrokes through the DocumentCache, each version built from the previous one as the server
// builds it (the previous tree edited and re-parsed, unchanged blocks reused), the rules run at the
// end of each burst. What must hold: the last version reads exactly as a fresh parse of the final
// text, and memory does not grow with the number of edits. Trees live in wasm memory, which never
// shrinks (it shows in process.memoryUsage().external): a tree kept or not deleted per edit would
// add megabytes every few hundred edits.

const EDITS = 10_000;
const BASELINE_AFTER = 1_000;
/** How far wasm memory and the JS heap may move between the two measurements, as a share of the first. */
const TOLERANCE = 0.2;
const URI = 'file:///ws/long-session/main.tf';

/** Every `.tf` file of examples/terraform, as one module file of some 20 KB. */
function moduleText(): string {
  const root = join(REPO_ROOT, 'examples', 'terraform');
  return readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) =>
      readdirSync(join(root, d.name))
        .filter((f) => f.endsWith('.tf'))
        .map((f) => readFileSync(join(root, d.name, f), 'utf8')),
    )
    .join('\n');
}

interface Keystroke {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

const WORDS = ['api', 'worker', 'blue', 'canary', 'v2', 'eu', 'x'];

/** The first match of `pattern` at or after `start`, wrapping around to the top. */
function findAfter(text: string, pattern: RegExp, start: number): RegExpExecArray | undefined {
  const global = new RegExp(pattern.source, 'g');
  global.lastIndex = start;
  return global.exec(text) ?? ((global.lastIndex = 0), global.exec(text) ?? undefined);
}

const typed = (at: number, word: string): Keystroke[] => [...word].map((ch, i) => ({ offset: at + i, length: 0, text: ch }));
const erased = (at: number, word: string): Keystroke[] => [...word].map((_, i) => ({ offset: at + word.length - 1 - i, length: 1, text: '' }));

/** One burst of editing somewhere in the module, as the keystrokes it takes. */
function episode(text: string, rnd: () => number): Keystroke[] {
  const from = Math.floor(rnd() * text.length);
  const word = WORDS[Math.floor(rnd() * WORDS.length)];
  const kind = rnd();
  if (kind < 0.3) {
    // Type into a string value and erase it again.
    const hit = findAfter(text, /\b(family|name|image|container_name)\s*=\s*"[^"\n$]*/, from);
    return hit ? [...typed(hit.index + hit[0].length, `-${word}`), ...erased(hit.index + hit[0].length, `-${word}`)] : [];
  }
  if (kind < 0.5) {
    // Type into an attribute name: for a moment it is an argument the provider does not have.
    const hit = findAfter(text, /\b(desired_count|network_mode|target_type|launch_type|cpu|memory)(?=\s*=)/, from);
    return hit ? [...typed(hit.index + hit[0].length, word.slice(0, 2)), ...erased(hit.index + hit[0].length, word.slice(0, 2))] : [];
  }
  if (kind < 0.7) {
    // Type a whole attribute on a new line, then delete the line in one edit.
    const hit = findAfter(text, /\n(\s*)family\s*=\s*"[^"\n]*"/, from);
    if (!hit) return [];
    const line = `\n${hit[1]}tags = { team = "${word}" }`;
    const at = hit.index + hit[0].length;
    return [...typed(at, line), { offset: at, length: line.length, text: '' }];
  }
  if (kind < 0.9) {
    // Retype a number: backspace over its digits, then type them (or others) in again.
    const hit = findAfter(text, /\b(desired_count|containerPort|hostPort|port|cpu|memory)\s*=\s*(\d+)/, from);
    if (!hit) return [];
    const end = hit.index + hit[0].length;
    const digits = hit[2];
    const replacement = rnd() < 0.2 ? String(1 + Math.floor(rnd() * 9000)) : digits;
    return [...erased(end - digits.length, digits), ...typed(end - digits.length, replacement)];
  }
  // Open a string and close it again a few keystrokes later: between the two, the rest of the file
  // is a syntax error that swallows the blocks after it.
  const hit = findAfter(text, /\bnetwork_mode\s*=\s*/, from);
  return hit ? [...typed(hit.index + hit[0].length, '"x'), ...erased(hit.index + hit[0].length, '"x')] : [];
}

const apply = (text: string, k: Keystroke) => text.slice(0, k.offset) + k.text + text.slice(k.offset + k.length);
const placed = (doc: EcsDocument) =>
  runRules(doc, RULES)
    .map((f) => {
      const span = f.range ?? doc.rangeOf(f.path, f.target);
      return `${f.ruleId} ${span.offset}+${span.length}`;
    })
    .sort();

let gc: () => void;

before(async () => {
  await loadNodeTerraform();
  setFlagsFromString('--expose-gc');
  gc = runInNewContext('gc') as () => void;
});

test(`${EDITS.toLocaleString('en-US')} edits in a .tf module: the last version reads as a fresh parse, and memory does not grow`, () => {
  const cache = new DocumentCache();
  const rnd = random(0x7f);
  let text = moduleText();
  let version = 1;
  let doc = cache.get(URI, version, () => text);
  assert.ok(doc.units.length > 10, `only ${doc.units.length} units in the module`);
  const memory = () => {
    gc();
    return process.memoryUsage();
  };
  let baseline: NodeJS.MemoryUsage | undefined;
  let sent = 0;
  let bursts = 0;
  let withErrors = 0;
  let pending: Keystroke[] = [];
  while (sent < EDITS) {
    const target = Math.min(EDITS, sent + 10 + Math.floor(rnd() * 110), sent < BASELINE_AFTER ? BASELINE_AFTER : EDITS);
    while (sent < target) {
      if (pending.length === 0) pending = episode(text, rnd);
      const keystroke = pending.shift();
      if (!keystroke) continue;
      text = apply(text, keystroke);
      const current = text;
      doc = cache.get(URI, ++version, () => current);
      if (doc.hasSyntaxErrors) withErrors++;
      sent++;
    }
    bursts++;
    runRules(doc, RULES);
    if (sent === BASELINE_AFTER) baseline = memory();
  }
  const end = memory();

  const fresh = new EcsDocument(URI, 0, text);
  assert.deepEqual(doc.value, fresh.value, 'the last version reads as a fresh parse of the final text');
  assert.deepEqual(placed(doc), placed(fresh), 'and gets the same findings at the same places');
  fresh.release();
  cache.delete(URI);

  assert.ok(baseline, `measured after the first ${BASELINE_AFTER} edits`);
  const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  const growth = (key: 'external' | 'heapUsed') => (end[key] - baseline![key]) / baseline![key];
  console.log(
    `long .tf session: ${sent} edits in ${bursts} bursts (${withErrors} versions with a syntax error); ` +
      `after ${BASELINE_AFTER} and ${sent} edits: external (wasm) ${mb(baseline.external)} → ${mb(end.external)}, ` +
      `heap used ${mb(baseline.heapUsed)} → ${mb(end.heapUsed)}, rss ${mb(baseline.rss)} → ${mb(end.rss)}`,
  );
  assert.ok(withErrors > 0, 'some versions had a syntax error');
  assert.ok(growth('external') <= TOLERANCE, `wasm memory grew ${(growth('external') * 100).toFixed(1)}%`);
  assert.ok(Math.abs(growth('heapUsed')) <= TOLERANCE, `heap used moved ${(growth('heapUsed') * 100).toFixed(1)}%`);
});
