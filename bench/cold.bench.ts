/**
 * Cold scoring off the event loop (issue 11, goal 5): a server started on a
 * database with no kept scores computes the whole commission for its first
 * dashboard — in the score worker (apps/api/src/modules/quality/score-pool.ts).
 * Meanwhile /api/health is polled every 10 ms: its worst latency and the
 * event loop's maximum delay (perf_hooks.monitorEventLoopDelay) during the
 * cold first dashboard, beside the same for a bare Fastify route polled in the
 * same process while nothing else runs (the floor), while a service that
 * keeps nothing computes the same year (the computation alone, without the
 * kept rows' writing and the dashboard's view), and — at the scales of
 * BENCH_MAIN_SCALES (default 1) — while the same computation runs on the main
 * thread, as it did before (loadFacts + scoreFacts in-process: the cost moved).
 *   BENCH_SCALES=1,100 npx tsx cold.bench.ts        (SQLite)
 * Each window lists its stalls over 50 ms (BENCH_STALL_MS): when, how long, the main thread's time on a CPU and
 * waiting for one, its collections; BENCH_STALLS_OUT=file writes them with process.hrtime µs, the clock of a
 * `node --cpu-prof` profile's samples, to find what ran in each.
 * Works on a copy of out/commission-x<scale>.sqlite under the OS temp
 * directory (the server writes quality_scores; the cached file is only read); 1× is generated there.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import { createRequire } from 'node:module';
import { ms, now, OUT, percentile, serve } from './lib.js';
import { schedstat } from './proc.js';
import type { Db } from '@wj/api/db';

const SCALES = (process.env.BENCH_SCALES ?? '1,100').split(',').map(Number);
const MAIN_SCALES = new Set((process.env.BENCH_MAIN_SCALES ?? '1').split(',').filter(Boolean).map(Number));
const POLL_MS = 10;

async function copyOf(scale: number): Promise<{ target: string; cleanup: () => void }> {
  const copy = resolve(tmpdir(), `wj-cold-bench-x${scale}-${process.pid}.sqlite`);
  const cleanup = () => { for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true }); };
  cleanup();
  const cached = resolve(OUT, `commission-x${scale}.sqlite`);
  const { openDb } = await import('@wj/api/db');
  if (existsSync(`${cached}.ok`)) {
    const { default: Database } = await import('better-sqlite3');
    const src = new Database(cached, { readonly: true });
    await src.backup(copy);
    src.close();
  } else {
    const { generateCommission, loadDemoData } = await import('@wj/api/demo');
    const db = await openDb(copy);
    await loadDemoData(db, generateCommission({ scale }));
    await db.close();
  }
  // No kept scores: the first dashboard computes everything.
  const db = await openDb(copy);
  db.sqlite!.writer.prepare('delete from quality_scores').run();
  await db.close();
  return { target: copy, cleanup };
}

/**
 * One stall of the event loop (a 5 ms timer late by more than STALL_MS): its length, the main thread's time in it on a
 * CPU and waiting for one (Linux: /proc/self/task/<pid>/schedstat), its collections in it, and where it was
 * (`at`: ms into the watch; `hr`: process.hrtime µs, the clock of a --cpu-prof profile's timestamps).
 */
interface Stall { at: number; ms: number; ranMs: number; waitedMs: number; gcMs: number; hr: [number, number] }

/** worst/p99: one poll's latency; gap: the longest time between two answers (a poll not yet sent when the loop stalled shows here); loop max: the event loop's longest delay. */
interface Watch { worstMs: number; p99Ms: number; polls: number; gapMs: number; loopMaxMs: number; gcMaxMs: number; stalls: Stall[] }

/** A stall this long is listed (goal 5: no request holds the loop more than 50 ms; shorter ones with BENCH_STALL_MS, for a profile). */
const STALL_MS = Number(process.env.BENCH_STALL_MS ?? 50);


/** Watches the loop's stalls (as exports.bench.ts does) until the returned function is called. */
function watchStalls(): () => Stall[] {
  const t0 = performance.now();
  const stalls: Stall[] = [];
  const gcs: [number, number][] = [];
  let last = performance.now();
  let lastHr = process.hrtime.bigint();
  let [ran0, waited0] = schedstat();
  const timer = setInterval(() => {
    const t = performance.now();
    const hr = process.hrtime.bigint();
    const [ran, waited] = schedstat();
    if (t - last > STALL_MS) stalls.push({ at: last - t0, ms: t - last, ranMs: ran - ran0, waitedMs: waited - waited0, gcMs: 0, hr: [Number(lastHr / 1000n), Number(hr / 1000n)] });
    last = t;
    lastHr = hr;
    ran0 = ran;
    waited0 = waited;
  }, 5);
  const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcs.push([e.startTime - t0, e.startTime - t0 + e.duration]); });
  gc.observe({ entryTypes: ['gc'] });
  return () => {
    clearInterval(timer);
    gc.disconnect();
    for (const s of stalls) for (const [g0, g1] of gcs) s.gcMs += Math.max(0, Math.min(s.at + s.ms, g1) - Math.max(s.at, g0));
    return stalls;
  };
}

const stallsLine = (w: Watch) => {
  const worst = [...w.stalls].sort((a, b) => b.ms - a.ms).slice(0, 5);
  return `${w.stalls.length} stalls > ${STALL_MS} ms${worst.length ? ` (worst: ${worst.map((s) => `at ${(s.at / 1000).toFixed(2)} s ${s.ms.toFixed(0)} ms — ran ${s.ranMs.toFixed(0)}, waited ${s.waitedMs.toFixed(0)}, GC ${s.gcMs.toFixed(0)}`).join('; ')})` : ''}`;
};

/** Polls `url` every 10 ms (one at a time) and watches the event loop until `work` settles. */
async function watch<T>(url: string, headers: Record<string, string>, work: () => Promise<T>): Promise<{ result: T; watch: Watch; workMs: number }> {
  const loop = monitorEventLoopDelay({ resolution: 5 });
  const times: number[] = [];
  const ends: number[] = [];
  let running = true;
  const poller = (async () => {
    while (running) {
      const t = now();
      await (await fetch(url, { headers })).arrayBuffer();
      times.push(ms(t));
      ends.push(performance.now());
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  })();
  let gcMaxMs = 0;
  const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMaxMs = Math.max(gcMaxMs, e.duration); });
  gc.observe({ entryTypes: ['gc'] });
  loop.enable();
  const stalls = watchStalls();
  const t = now();
  // Let the poller have its first answer before the work starts.
  await new Promise((r) => setTimeout(r, 50));
  const result = await work();
  const workMs = ms(t) - 50;
  running = false;
  await poller;
  loop.disable();
  gc.disconnect();
  return { result, workMs, watch: { worstMs: Math.max(...times), p99Ms: percentile(times, 99), polls: times.length, gapMs: Math.max(0, ...ends.slice(1).map((e, i) => e - ends[i]!)), loopMaxMs: loop.max / 1e6, gcMaxMs, stalls: stalls() } };
}

async function bareServer() {
  type Bare = { get(path: string, handler: () => Promise<unknown>): void; listen(o: { port: number; host: string }): Promise<string>; server: import('node:http').Server; close(): Promise<void> };
  const { default: Fastify } = await import(createRequire(import.meta.resolve('@wj/api/app')).resolve('fastify')) as { default: (o: { logger: boolean }) => Bare };
  const app = Fastify({ logger: false });
  app.get('/ping', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return { app, url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/ping` };
}

const f = (n: number) => n.toFixed(1).padStart(9);

async function one(scale: number) {
  const { target, cleanup } = await copyOf(scale);
  const { openDb } = await import('@wj/api/db');
  const db: Db = await openDb(target);
  try {
    const bare = await bareServer();
    // The floor: the bare route polled for 2 s while nothing else runs.
    const idle = await watch(bare.url, {}, () => new Promise((r) => setTimeout(r, 2000)));
    const s = await serve(db);
    const cold = await watch(`${s.base}/api/health`, {}, async () => {
      const res = await fetch(`${s.base}/api/quality/dashboard`, { headers: { cookie: s.cookie } });
      if (!res.ok) throw new Error(`dashboard answered ${res.status}`);
      return (JSON.parse(await res.text()) as { counts: { branches: number } }).counts.branches;
    });
    await s.app.quality.flush();
    // The computation alone (a service that keeps nothing: no kept rows written, no dashboard view built): what runs in the score worker.
    const { QualityService, defaultAsOf: asOfOf } = await import(`../apps/api/src/modules/quality/service.js`) as typeof import('../apps/api/src/modules/quality/service.js');
    const thisYear = new Date().getUTCFullYear();
    const compute = await watch(bare.url, {}, async () => (await new QualityService(db).scores(thisYear, asOfOf(thisYear))).branches.length);
    let main: Awaited<ReturnType<typeof watch<number>>> | null = null;
    if (MAIN_SCALES.has(scale)) {
      const { loadFacts } = await import('@wj/api/facts');
      // Not exported by @wj/api: the same modules the server runs, by path.
      const quality = '../apps/api/src/modules/quality';
      const { scoreFacts } = await import(`${quality}/closed-years.js`) as typeof import('../apps/api/src/modules/quality/closed-years.js');
      const { currentRules } = await import(`${quality}/rules-store.js`) as typeof import('../apps/api/src/modules/quality/rules-store.js');
      const { defaultAsOf } = await import(`${quality}/service.js`) as typeof import('../apps/api/src/modules/quality/service.js');
      const { loadOrgInfo } = await import(`${quality}/org-info.js`) as typeof import('../apps/api/src/modules/quality/org-info.js');
      const year = new Date().getUTCFullYear();
      const rules = await currentRules(db);
      main = await watch(bare.url, {}, async () => {
        const ys = scoreFacts(await loadFacts(db, year), await loadOrgInfo(db), rules, year, defaultAsOf(year), 0);
        return ys.branches.length;
      });
    }
    await s.app.close();
    await bare.app.close();
    console.log(`\n${scale}× (${cold.result} branches), SQLite — polled every ${POLL_MS} ms       worst ms    p99 ms  polls    gap ms  loop max   work ms  main GC max`);
    console.log(`  bare Fastify route, idle (floor)               ${f(idle.watch.worstMs)} ${f(idle.watch.p99Ms)} ${String(idle.watch.polls).padStart(6)} ${f(idle.watch.gapMs)} ${f(idle.watch.loopMaxMs)} ${' '.repeat(9)} ${f(idle.watch.gcMaxMs)}`);
    console.log(`  /api/health during the cold first dashboard    ${f(cold.watch.worstMs)} ${f(cold.watch.p99Ms)} ${String(cold.watch.polls).padStart(6)} ${f(cold.watch.gapMs)} ${f(cold.watch.loopMaxMs)} ${f(cold.workMs)} ${f(cold.watch.gcMaxMs)}`);
    console.log(`  bare route, the computation alone (worker)     ${f(compute.watch.worstMs)} ${f(compute.watch.p99Ms)} ${String(compute.watch.polls).padStart(6)} ${f(compute.watch.gapMs)} ${f(compute.watch.loopMaxMs)} ${f(compute.workMs)} ${f(compute.watch.gcMaxMs)}`);
    if (main) console.log(`  bare route, same compute on the main thread    ${f(main.watch.worstMs)} ${f(main.watch.p99Ms)} ${String(main.watch.polls).padStart(6)} ${f(main.watch.gapMs)} ${f(main.watch.loopMaxMs)} ${f(main.workMs)} ${f(main.watch.gcMaxMs)}`);
    console.log(`  cold first dashboard: ${stallsLine(cold.watch)}`);
    console.log(`  computation alone: ${stallsLine(compute.watch)}`);
    if (process.env.BENCH_STALLS_OUT) writeFileSync(process.env.BENCH_STALLS_OUT, JSON.stringify({ cold: cold.watch.stalls, compute: compute.watch.stalls }));
    console.log(`  ratios to the floor's loop max: cold first dashboard ${(cold.watch.loopMaxMs / idle.watch.loopMaxMs).toFixed(1)}×, computation alone ${(compute.watch.loopMaxMs / idle.watch.loopMaxMs).toFixed(1)}×${main ? `, on the main thread ${(main.watch.loopMaxMs / idle.watch.loopMaxMs).toFixed(1)}×` : ''} (goal: loop max ≤ 50 ms)`);
  } finally {
    await db.close();
    cleanup();
  }
}

console.log(`load: ${(await import('node:os')).loadavg().map((x) => x.toFixed(2)).join(' ')} (1/5/15 min)`);
for (const scale of SCALES) await one(scale);
// The score worker is kept idle for a minute (unref'd): nothing else keeps the process.
