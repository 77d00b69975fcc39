/**
 * Side-by-side timing: two contenders are sampled in the same loop, alternating which goes first,
 * so drift in CPU frequency, GC pressure or JIT state lands on both rather than on whichever ran second.
 */

export interface Summary {
  readonly samples: number;
  readonly medianMs: number;
  readonly p99Ms: number;
  readonly minMs: number;
}

export interface Pair {
  readonly a: Summary;
  readonly b: Summary;
  /** a's median over b's median. */
  readonly ratio: number;
}

export interface PairPlan {
  readonly warmup: number;
  readonly iterations: number;
}

type Job = () => unknown;
type AsyncJob = () => Promise<unknown>;

/** Nearest-rank percentile of ascending samples (p in 0..100). */
function percentile(sorted: readonly number[], p: number): number {
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

function median(sorted: readonly number[]): number {
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

export function summarise(nanoseconds: readonly number[]): Summary {
  const sorted = [...nanoseconds].sort((x, y) => x - y);
  return {
    samples: sorted.length,
    medianMs: median(sorted) / 1e6,
    p99Ms: percentile(sorted, 99) / 1e6,
    minMs: sorted[0] / 1e6,
  };
}

function elapsedNs(job: Job): number {
  const start = process.hrtime.bigint();
  job();
  return Number(process.hrtime.bigint() - start);
}

async function elapsedNsAsync(job: AsyncJob): Promise<number> {
  const start = process.hrtime.bigint();
  await job();
  return Number(process.hrtime.bigint() - start);
}

function pairOf(aNs: number[], bNs: number[]): Pair {
  const a = summarise(aNs);
  const b = summarise(bNs);
  return { a, b, ratio: a.medianMs / b.medianMs };
}

export function timePair(a: Job, b: Job, plan: PairPlan): Pair {
  for (let i = 0; i < plan.warmup; i++) {
    a();
    b();
  }
  const aNs: number[] = [];
  const bNs: number[] = [];
  for (let i = 0; i < plan.iterations; i++) {
    if (i % 2 === 0) {
      aNs.push(elapsedNs(a));
      bNs.push(elapsedNs(b));
    } else {
      bNs.push(elapsedNs(b));
      aNs.push(elapsedNs(a));
    }
  }
  return pairOf(aNs, bNs);
}

/** As timePair, for contenders of which at least one is asynchronous; each call is awaited on its own. */
export async function timePairAsync(a: AsyncJob, b: AsyncJob, plan: PairPlan): Promise<Pair> {
  for (let i = 0; i < plan.warmup; i++) {
    await a();
    await b();
  }
  const aNs: number[] = [];
  const bNs: number[] = [];
  for (let i = 0; i < plan.iterations; i++) {
    if (i % 2 === 0) {
      aNs.push(await elapsedNsAsync(a));
      bNs.push(await elapsedNsAsync(b));
    } else {
      bNs.push(await elapsedNsAsync(b));
      aNs.push(await elapsedNsAsync(a));
    }
  }
  return pairOf(aNs, bNs);
}
