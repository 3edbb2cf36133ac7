import { MessageChannel } from 'node:worker_threads';
import { AppError } from '../../lib/errors.js';
import { WorkerPool, workerUrl } from '../../lib/worker-pool.js';
import type { ScoreJob, ScoreResult, ScoreSlice } from './score-worker.js';

/**
 * Scoring many units — a cold start, a new day, a rule change, a write that
 * moved orgs — runs in a worker thread (score-worker.ts), so that no request
 * waits behind it: at 100× loading and scoring the commission held the event
 * loop for most of a minute. The worker reads the records on its own
 * read-only connection and posts the scores back a slice of units at a time;
 * the main thread only assembles them (service.ts). One job at a time (the
 * 2-core server also renders reports), one worker kept warm for a minute
 * after its last job so that the next computation does not pay its start.
 */
export const scorePool = new WorkerPool({
  name: 'score',
  url: workerUrl('score-worker', import.meta.url),
  parallel: 1,
  maxWaiting: 32,
  busyMessage: '服务器正在计算较多评分，请稍后再试',
  // A province on a busy 2-core machine: about a minute; far beyond that something is wrong.
  timeoutMs: 600_000,
  timeoutError: () => new AppError(503, 'SCORING_TIMEOUT', '评分计算超时，请稍后重试'),
  crashError: () => new AppError(500, 'SCORING_FAILED', '评分计算失败，请稍后重试'),
  // The facts of a province (14,400 branches, 315,100 members) as objects, and one slice's scores.
  heapMb: 4096,
  idleMs: 60_000,
});

/**
 * What one slice posted back may hold: whole units, at most 50 of them and no
 * more once it has 50 branches. Deserialising a slice (and the young-generation
 * collections its objects cause) is the main thread's share of the work: 50
 * units of a province (~600 branches) held the event loop 100–220 ms on the
 * loaded 2-core machine; 100 branches up to ~50 ms with a collection.
 */
export const UNITS_PER_SLICE = 50;
export const BRANCHES_PER_SLICE = 50;

/**
 * A kept computation's slices (each unit's subtotals and dashboard entries, a share of the orgs) hold this many
 * units: the main thread's share of one — its structured clone read, the units put into the state and summed
 * (cold-compute.ts) — stays a few milliseconds at province size.
 */
export const KEPT_UNITS_PER_SLICE = 20;

/**
 * Test hooks: `onSlice` is awaited on the main thread after the n-th slice has arrived and before the worker
 * is told it may post the next (so the worker cannot finish meanwhile); `unitsPerSlice` replaces UNITS_PER_SLICE.
 */
export const scoreHooks: { onSlice: ((n: number) => Promise<void>) | null; unitsPerSlice: number | null } = { onSlice: null, unitsPerSlice: null };

/**
 * Loads and scores the job's units in the score worker; `onSlice` receives
 * each slice of whole units as it arrives (the main thread's share of the
 * work: assembling them). Resolves once every slice has been handed over
 * (and, with `keep`, every row written), with the job's counts.
 */
export function scoreInWorker(job: Omit<ScoreJob, 'port' | 'perSlice' | 'branchesPerSlice'>, onSlice: (slice: ScoreSlice) => void): Promise<ScoreResult> {
  const { port1, port2 } = new MessageChannel();
  return new Promise<ScoreResult>((resolve, reject) => {
    let received = 0;
    let result: ScoreResult | null = null;
    let failed = false;
    let chain: Promise<void> = Promise.resolve();
    const fail = (err: unknown) => {
      if (failed) return;
      failed = true;
      port1.close();
      reject(err);
    };
    const settle = () => {
      if (failed || result === null || received < result.slices) return;
      port1.close();
      resolve(result);
    };
    port1.on('message', (slice: ScoreSlice) => {
      chain = chain.then(async () => {
        if (failed) return;
        onSlice(slice);
        received++;
        if (scoreHooks.onSlice) await scoreHooks.onSlice(received);
        port1.postMessage('ack');
        settle();
      }).catch(fail);
    });
    scorePool.run<ScoreResult>({ ...job, perSlice: scoreHooks.unitsPerSlice ?? (job.keep ? KEPT_UNITS_PER_SLICE : UNITS_PER_SLICE), branchesPerSlice: BRANCHES_PER_SLICE, port: port2 } satisfies ScoreJob, { transfer: [port2] }).then(
      (r) => { result = r; settle(); },
      fail,
    );
  });
}
