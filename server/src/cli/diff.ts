/**
 * A unified line diff (the `diff -u` layout) from a longest-common-subsequence table. Environment
 * files are a few hundred lines at most, so the quadratic table is cheap; the common head and tail
 * are trimmed first so a small change in a large file stays cheap too.
 */

export interface DiffOptions {
  readonly oldLabel: string;
  readonly newLabel: string;
  /** Unchanged lines shown around each change. */
  readonly context?: number;
}

type Op = { readonly kind: ' ' | '-' | '+'; readonly text: string };

// Above this many table cells the middle part is shown as removed-then-added instead of aligned.
const MAX_TABLE_CELLS = 4_000_000;

/** The diff as lines, empty when the texts are equal. `oldText` undefined means the file is new. */
export function unifiedDiff(oldText: string | undefined, newText: string, options: DiffOptions): string[] {
  const a = splitLines(oldText ?? '');
  const b = splitLines(newText);
  const ops = diffLines(a, b);
  if (ops.every((op) => op.kind === ' ')) return [];
  const header = [`--- ${oldText === undefined ? '/dev/null' : options.oldLabel}`, `+++ ${options.newLabel}`];
  return [...header, ...hunks(ops, options.context ?? 3)];
}

function splitLines(text: string): string[] {
  if (text === '') return [];
  const lines = text.split(/\r?\n/);
  if (lines[lines.length - 1] === '') lines.pop();
  return lines;
}

function diffLines(a: readonly string[], b: readonly string[]): Op[] {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  return [
    ...a.slice(0, head).map((text): Op => ({ kind: ' ', text })),
    ...alignMiddle(midA, midB),
    ...a.slice(a.length - tail).map((text): Op => ({ kind: ' ', text })),
  ];
}

function alignMiddle(a: readonly string[], b: readonly string[]): Op[] {
  const removedThenAdded = (): Op[] => [...a.map((text): Op => ({ kind: '-', text })), ...b.map((text): Op => ({ kind: '+', text }))];
  if (a.length === 0 || b.length === 0 || (a.length + 1) * (b.length + 1) > MAX_TABLE_CELLS) return removedThenAdded();
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..], stored row by row.
  const width = b.length + 1;
  const lcs = new Uint32Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lcs[i * width + j] = a[i] === b[j] ? lcs[(i + 1) * width + j + 1] + 1 : Math.max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  const ops: Op[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i] });
      i++;
      j++;
    } else if (lcs[(i + 1) * width + j] >= lcs[i * width + j + 1]) {
      // Removals before additions, as diff -u prints them.
      ops.push({ kind: '-', text: a[i++] });
    } else {
      ops.push({ kind: '+', text: b[j++] });
    }
  }
  while (i < a.length) ops.push({ kind: '-', text: a[i++] });
  while (j < b.length) ops.push({ kind: '+', text: b[j++] });
  return ops;
}

function hunks(ops: readonly Op[], context: number): string[] {
  const changed = ops.map((op, index) => (op.kind === ' ' ? -1 : index)).filter((index) => index >= 0);
  // Group changes whose context windows touch or overlap.
  const ranges: [number, number][] = [];
  for (const index of changed) {
    const start = Math.max(0, index - context);
    const end = Math.min(ops.length, index + context + 1);
    const last = ranges[ranges.length - 1];
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else ranges.push([start, end]);
  }
  // Line numbers (0-based) in the old and new text before each op.
  const oldAt: number[] = [];
  const newAt: number[] = [];
  let oldLine = 0;
  let newLine = 0;
  for (const op of ops) {
    oldAt.push(oldLine);
    newAt.push(newLine);
    if (op.kind !== '+') oldLine++;
    if (op.kind !== '-') newLine++;
  }
  const lines: string[] = [];
  for (const [start, end] of ranges) {
    const slice = ops.slice(start, end);
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    // An empty side names the line before the hunk, so a new file starts at -0,0.
    const oldStart = oldCount === 0 ? oldAt[start] : oldAt[start] + 1;
    const newStart = newCount === 0 ? newAt[start] : newAt[start] + 1;
    lines.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`);
    for (const op of slice) lines.push(op.kind + op.text);
  }
  return lines;
}
