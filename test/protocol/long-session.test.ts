import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { checkText } from '../../server/src/cli/check';
import { MEMORY_USAGE, type MemoryUsage } from '../../shared/src/protocol';
import { LspTestClient } from '../support/lsp-client';
import { serviceStackTemplate } from '../support/templates';
import { random } from '../support/random';

// An afternoon of editing in one large template: 10,000 keystrokes (typing and deleting in values
// and keys, properties typed in and removed), sent in bursts the way an editor sends them while
// someone types, with a pause after each burst. At the end the server's diagnostics must be exactly
// those of a fresh check of the final text, and its heap, measured after a full collection, must
// be where it was after the first 1,000 edits: memory that grows with the number of edits is a leak.

const EDITS = 10_000;
const BASELINE_AFTER = 1_000;
/** How far the heap may move between the two measurements, as a share of the first. */
const HEAP_TOLERANCE = 0.2;
const URI = 'file:///ws/long-session-stack.json';

/** A replacement of `length` characters at `offset` by `text`, against the text the previous edit left. */
interface Keystroke {
  readonly offset: number;
  readonly length: number;
  readonly text: string;
}

const WORDS = ['api', 'worker', 'blue', 'green', 'canary', 'v2', 'eu', 'orders', 'payments', 'x'];

/**
 * The editor's copy of the document. Keystrokes are applied with the same TextDocument the server
 * uses, so both sides agree on every offset, and each is turned into the range-based change an
 * editor sends.
 */
class Editor {
  private doc: TextDocument;

  constructor(text: string) {
    this.doc = TextDocument.create(URI, 'json', 1, text);
  }

  get text(): string {
    return this.doc.getText();
  }

  apply(k: Keystroke): TextDocumentContentChangeEvent {
    const range = { start: this.doc.positionAt(k.offset), end: this.doc.positionAt(k.offset + k.length) };
    const change = { range, text: k.text };
    this.doc = TextDocument.update(this.doc, [change], this.doc.version + 1);
    return change;
  }
}

/** Typing `word` one character at a time at `at`, then (usually) deleting it again with backspace. */
function typeAndErase(at: number, word: string, keep: boolean): Keystroke[] {
  const typed = [...word].map((ch, i) => ({ offset: at + i, length: 0, text: ch }));
  if (keep) return typed;
  return [...typed, ...[...word].map((_, i) => ({ offset: at + word.length - 1 - i, length: 1, text: '' }))];
}

/** The first match of `pattern` at or after `start`, wrapping around to the top. */
function findAfter(text: string, pattern: RegExp, start: number): RegExpExecArray | undefined {
  const global = new RegExp(pattern.source, 'g');
  global.lastIndex = start;
  const hit = global.exec(text);
  if (hit) return hit;
  global.lastIndex = 0;
  return global.exec(text) ?? undefined;
}

/** One burst of editing somewhere in the template, as the keystrokes it takes. */
function episode(text: string, rnd: () => number): Keystroke[] {
  const from = Math.floor(rnd() * text.length);
  const word = WORDS[Math.floor(rnd() * WORDS.length)];
  const keep = rnd() < 0.15;
  const kind = rnd();
  if (kind < 0.35) {
    // Type into a string value (an image tag, a family, an environment value), before its closing quote.
    const hit = findAfter(text, /"(Image|Family|Value|Name)": "[^"\n]*/, from);
    return hit ? typeAndErase(hit.index + hit[0].length, `-${word}`, keep) : [];
  }
  if (kind < 0.55) {
    // Type into a property name: for a moment it is an unknown property.
    const hit = findAfter(text, /"(Essential|Protocol|DesiredCount|Cpu|TargetType|Cluster)(?=":)/, from);
    return hit ? typeAndErase(hit.index + hit[0].length, word.slice(0, 2), keep && rnd() < 0.3) : [];
  }
  if (kind < 0.75) {
    // Type a whole property in, a character at a time, then remove it with one delete of the selection.
    const hit = findAfter(text, /"Essential": true,/, from);
    if (!hit) return [];
    const property = ` "StopTimeout": ${10 + Math.floor(rnd() * 50)},`;
    const typed = typeAndErase(hit.index + hit[0].length, property, true);
    return keep ? typed : [...typed, { offset: hit.index + hit[0].length, length: property.length, text: '' }];
  }
  if (kind < 0.9) {
    // Retype a number: backspace over the digits of DesiredCount or a port, then type new ones.
    const hit = findAfter(text, /"(DesiredCount|ContainerPort|Port)": (\d+)/, from);
    if (!hit) return [];
    const digits = hit[2];
    const end = hit.index + hit[0].length;
    const erase = [...digits].map((_, i) => ({ offset: end - 1 - i, length: 1, text: '' }));
    const replacement = keep ? String(1 + Math.floor(rnd() * 9000)) : digits;
    return [...erase, ...[...replacement].map((ch, i) => ({ offset: end - digits.length + i, length: 0, text: ch }))];
  }
  // Cut a property and paste it back (two edits), or leave it cut.
  const hit = findAfter(text, /,\s*"Protocol": "tcp"/, from);
  if (!hit) return [];
  const cut = { offset: hit.index, length: hit[0].length, text: '' };
  return keep ? [cut] : [cut, { offset: hit.index, length: 0, text: hit[0] }];
}

interface Placed {
  readonly code?: unknown;
  readonly range: { readonly start: { line: number; character: number }; readonly end: { line: number; character: number } };
}

const placed = (diagnostics: readonly Placed[]) =>
  diagnostics.map((d) => `${String(d.code)} ${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}`).sort();

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

let client: LspTestClient;

before(async () => {
  client = new LspTestClient(['--stdio'], { nodeArgs: ['--expose-gc'] });
  // A short delay keeps the test quick; bursts still arrive faster than it, so checks run at the pauses.
  client.settings = { validationDelay: 20 };
  await client.initialize();
});

after(async () => {
  await client.shutdown();
});

test(`${EDITS.toLocaleString('en-US')} edits in a large template: final diagnostics match a fresh check, and the heap does not grow`, async () => {
  const initial = serviceStackTemplate(100);
  assert.ok(initial.length > 190_000, `the template is ${initial.length} characters`);
  const editor = new Editor(initial);
  const rnd = random(0xec5);
  const opened = await client.open(URI, initial);
  assert.deepEqual(placed(opened), placed(checkText(initial, URI).diagnostics), 'the first check');

  const memory = async (): Promise<MemoryUsage> => client.connection.sendRequest<MemoryUsage>(MEMORY_USAGE.method);
  let baseline: MemoryUsage | undefined;
  let sent = 0;
  let pending: Keystroke[] = [];
  let bursts = 0;
  let last: Diagnostic[] = opened;
  while (sent < EDITS) {
    // A burst of 10 to 120 keystrokes, never across the baseline mark.
    const target = Math.min(EDITS, sent + 10 + Math.floor(rnd() * 110), sent < BASELINE_AFTER ? BASELINE_AFTER : EDITS);
    let version = 0;
    while (sent < target) {
      if (pending.length === 0) pending = episode(editor.text, rnd);
      const keystroke = pending.shift();
      if (!keystroke) continue;
      version = await client.change(URI, [editor.apply(keystroke)]);
      sent++;
    }
    bursts++;
    // The pause after a burst: the server checks the version it ends on.
    last = await client.diagnosticsFor(URI, version);
    if (sent === BASELINE_AFTER) baseline = await memory();
  }
  const end = await memory();

  const fresh = checkText(editor.text, URI);
  assert.deepEqual(placed(last), placed(fresh.diagnostics), 'the last diagnostics are those of a fresh check of the final text');
  assert.ok(baseline, 'measured after the first 1,000 edits');
  const growth = (end.heapUsed - baseline.heapUsed) / baseline.heapUsed;
  console.log(
    `long session: ${sent} edits in ${bursts} bursts; template ${initial.length} → ${editor.text.length} characters, ${fresh.diagnostics.length} diagnostics at the end; ` +
      `heap used after ${BASELINE_AFTER} edits ${mb(baseline.heapUsed)}, after ${sent} ${mb(end.heapUsed)} (${(growth * 100).toFixed(1)}%); rss ${mb(baseline.rss)} → ${mb(end.rss)}`,
  );
  assert.ok(Math.abs(growth) <= HEAP_TOLERANCE, `heap used moved ${(growth * 100).toFixed(1)}% between edit ${BASELINE_AFTER} and edit ${sent}`);
  assert.equal(client.process.exitCode, null);
});
