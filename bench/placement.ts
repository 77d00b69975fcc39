/**
 * Placement and instance-lookup benchmark.
 *   node out/bench/placement.js
 * main() prints the figures and returns them, so an aggregator can collect them.
 */
import { INSTANCE_ROWS } from '../server/src/core/data/instances';
import { getInstanceType, instanceTypeNames } from '../server/src/core/instances';
import { simulatePlacement, type PlacementInput, type PlacementStrategy } from '../server/src/core/placement';

export interface PlacementBenchResult {
  placement: {
    tasks: number;
    instances: number;
    runs: number;
    spreadMedianMs: number;
    binpackMedianMs: number;
  };
  lookup: {
    names: number;
    runs: number;
    mapNsPerOp: number;
    linearScanNsPerOp: number;
    /** How many times faster the map lookup is than the linear scan. */
    speedup: number;
  };
}

const RUNS = 25;
const WARMUP_RUNS = 5;
const TASKS = 10_000;
const INSTANCES = 1_000;
// Each lookup sample walks every name this many times, so a sample lasts milliseconds, not microseconds.
const LOOKUP_PASSES = 20;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median wall time of `fn` in nanoseconds over RUNS runs, after WARMUP_RUNS unmeasured ones. */
function timeNs(fn: () => void): number {
  for (let i = 0; i < WARMUP_RUNS; i++) fn();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    fn();
    samples.push(Number(process.hrtime.bigint() - start));
  }
  return median(samples);
}

/** 1,000 instances: 50 each of 5 types in 4 AZs, room for more than 10,000 tasks. */
function placementInput(strategy: PlacementStrategy): PlacementInput {
  const azs = ['us-east-1a', 'us-east-1b', 'us-east-1c', 'us-east-1d'];
  const types = ['m5.xlarge', 'c5.2xlarge', 'm5.2xlarge', 'r5.xlarge', 'c5.xlarge'];
  const perEntry = INSTANCES / (azs.length * types.length);
  return {
    capacity: azs.flatMap((az) => types.map((instanceType) => ({ instanceType, count: perEntry, az }))),
    trunking: true,
    task: { count: TASKS, networkMode: 'awsvpc', cpu: 256, memoryMiB: 512 },
    strategy,
    subnets: azs.map((az) => ({ az, usableIpv4: 4091 })),
  };
}

function benchPlacement(strategy: PlacementStrategy): number {
  const input = placementInput(strategy);
  const check = simulatePlacement(input);
  if (check.perInstance.length !== INSTANCES) throw new Error(`expected ${INSTANCES} instances, got ${check.perInstance.length}`);
  return timeNs(() => void simulatePlacement(input)) / 1e6;
}

/** A fixed pseudo-random order of every name, so neither lookup benefits from sorted access. */
function shuffledNames(): string[] {
  const names = [...instanceTypeNames()];
  let seed = 7;
  for (let i = names.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [names[i], names[j]] = [names[j], names[i]];
  }
  return names;
}

function benchLookup(names: readonly string[]): { mapNsPerOp: number; linearScanNsPerOp: number } {
  let sink = 0;
  const viaMap = timeNs(() => {
    for (let pass = 0; pass < LOOKUP_PASSES; pass++) for (const name of names) sink += getInstanceType(name)?.maxEnis ?? 0;
  });
  const viaScan = timeNs(() => {
    for (let pass = 0; pass < LOOKUP_PASSES; pass++) for (const name of names) sink += INSTANCE_ROWS.find((row) => row[0] === name)?.[3] ?? 0;
  });
  // Using the sum keeps the lookups from being optimised away.
  if (sink === 0) throw new Error('lookups found nothing');
  const ops = names.length * LOOKUP_PASSES;
  return { mapNsPerOp: viaMap / ops, linearScanNsPerOp: viaScan / ops };
}

export function main(): PlacementBenchResult {
  const names = shuffledNames();
  const lookup = benchLookup(names);
  const result: PlacementBenchResult = {
    placement: {
      tasks: TASKS,
      instances: INSTANCES,
      runs: RUNS,
      spreadMedianMs: benchPlacement('spread'),
      binpackMedianMs: benchPlacement('binpack'),
    },
    lookup: {
      names: names.length,
      runs: RUNS,
      mapNsPerOp: lookup.mapNsPerOp,
      linearScanNsPerOp: lookup.linearScanNsPerOp,
      speedup: lookup.linearScanNsPerOp / lookup.mapNsPerOp,
    },
  };
  print(result);
  return result;
}

function print(r: PlacementBenchResult): void {
  const p = r.placement;
  const l = r.lookup;
  console.log(`placement: ${p.tasks.toLocaleString('en-US')} tasks on ${p.instances.toLocaleString('en-US')} instances, median of ${p.runs} runs`);
  console.log(`  spread   ${p.spreadMedianMs.toFixed(3).padStart(9)} ms`);
  console.log(`  binpack  ${p.binpackMedianMs.toFixed(3).padStart(9)} ms`);
  console.log(`instance lookup, ${l.names} names × ${LOOKUP_PASSES} passes per run, median of ${l.runs} runs`);
  console.log(`  getInstanceType (map)   ${l.mapNsPerOp.toFixed(1).padStart(9)} ns/op`);
  console.log(`  linear scan of rows     ${l.linearScanNsPerOp.toFixed(1).padStart(9)} ns/op`);
  console.log(`  ratio (scan / map)      ${l.speedup.toFixed(1).padStart(9)}x`);
}

if (require.main === module) main();
