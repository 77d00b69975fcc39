/**
 * "Did you mean" suggestions: the candidates closest to a mistyped word by edit distance
 * (insertions, deletions, substitutions and swaps of neighbours all cost 1).
 */

/** Optimal-string-alignment distance; stops early once every cell exceeds `limit`. */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prevPrev: number[] = [];
  let prev: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row: number[] = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      let d = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2] + 1);
      row.push(d);
      if (d < rowMin) rowMin = d;
    }
    if (rowMin > limit) return limit + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length];
}

/**
 * Up to `max` candidates close to `input`, best first. A candidate that differs only in letter
 * case always comes first; otherwise the allowed distance grows with the word's length, so short
 * words do not match everything.
 */
export function closestMatches(input: string, candidates: Iterable<string>, max = 3): string[] {
  const lower = input.toLowerCase();
  const limit = Math.max(1, Math.min(4, Math.floor(input.length / 3)));
  const scored: { name: string; score: number }[] = [];
  for (const name of candidates) {
    if (name === input) continue;
    const candLower = name.toLowerCase();
    let score: number;
    if (candLower === lower) score = 0;
    else if (candLower.startsWith(lower) && lower.length >= 3) score = 0.5 + (candLower.length - lower.length) / 100;
    else {
      const d = editDistance(lower, candLower, limit);
      if (d > limit) continue;
      score = d;
    }
    scored.push({ name, score });
  }
  scored.sort((x, y) => x.score - y.score || x.name.localeCompare(y.name));
  return scored.slice(0, max).map((s) => s.name);
}
