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
  /**
   * The same samples in CPU time of this process (process.cpuUsage): on a machine shared with other
   * work, wall time also counts the time the process waited for a core; CPU time does not.
   */
  readonly cpu: { readonly a: Summary; readonly b: Summary; readonly ratio: number };
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

/** Wall time of one run, in ns; its CPU time is pushed onto `cpuNs`. */
function elapsedNs(job: Job, cpuNs: number[]): number {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  job();
  const wall = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuNs.push((cpu.user + cpu.system) * 1000);
  return wall;
}

async function elapsedNsAsync(job: AsyncJob, cpuNs: number[]): Promise<number> {
  const cpuStart = process.cpuUsage();
  const start = process.hrtime.bigint();
  await job();
  const wall = Number(process.hrtime.bigint() - start);
  const cpu = process.cpuUsage(cpuStart);
  cpuNs.push((cpu.user + cpu.system) * 1000);
  return wall;
}

function pairOf(aNs: number[], bNs: number[], aCpuNs: number[], bCpuNs: number[]): Pair {
  const a = summarise(aNs);
  const b = summarise(bNs);
  const cpuA = summarise(aCpuNs);
  const cpuB = summarise(bCpuNs);
  return { a, b, ratio: a.medianMs / b.medianMs, cpu: { a: cpuA, b: cpuB, ratio: cpuA.medianMs / cpuB.medianMs } };
}

export function timePair(a: Job, b: Job, plan: PairPlan): Pair {
  for (let i = 0; i < plan.warmup; i++) {
    a();
    b();
  }
  const aNs: number[] = [];
  const bNs: number[] = [];
  const aCpuNs: number[] = [];
  const bCpuNs: number[] = [];
  for (let i = 0; i < plan.iterations; i++) {
    if (i % 2 === 0) {
      aNs.push(elapsedNs(a, aCpuNs));
      bNs.push(elapsedNs(b, bCpuNs));
    } else {
      bNs.push(elapsedNs(b, bCpuNs));
      aNs.push(elapsedNs(a, aCpuNs));
    }
  }
  return pairOf(aNs, bNs, aCpuNs, bCpuNs);
}

/** As timePair, for contenders of which at least one is asynchronous; each call is awaited on its own. */
export async function timePairAsync(a: AsyncJob, b: AsyncJob, plan: PairPlan): Promise<Pair> {
  for (let i = 0; i < plan.warmup; i++) {
    await a();
    await b();
  }
  const aNs: number[] = [];
  const bNs: number[] = [];
  const aCpuNs: number[] = [];
  const bCpuNs: number[] = [];
  for (let i = 0; i < plan.iterations; i++) {
    if (i % 2 === 0) {
      aNs.push(await elapsedNsAsync(a, aCpuNs));
      bNs.push(await elapsedNsAsync(b, bCpuNs));
    } else {
      bNs.push(await elapsedNsAsync(b, bCpuNs));
      aNs.push(await elapsedNsAsync(a, aCpuNs));
    }
  }
  return pairOf(aNs, bNs, aCpuNs, bCpuNs);
}
