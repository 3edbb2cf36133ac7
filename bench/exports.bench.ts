/**
 * Goal 5 of issue 11: no request holds the event loop while files are
 * exported. The API is served in this process (SQLite); /api/health is
 * called in a loop, one request after another, first alone and then while
 * four exports run at once (two annual reports in Word, the scores and the
 * org-life tables in Excel); the same loop runs against a bare Fastify route
 * started in this process at the same moments, the in-run baseline (it is
 * held exactly as long as the event loop is). The client — both loops and the
 * exports' downloads — runs in a child process of its own (exports-client.ts),
 * so the main thread measured here (its CPU, stalls, collections) is the
 * server's alone. Printed per size: health's and
 * the bare route's worst and p99 latency with and without the exports, the
 * event loop's longest delay (perf_hooks monitorEventLoopDelay) in each
 * window, and how long the exports took.
 *
 * Sizes: BENCH_SCALES (default 1): 1 is the city demo, loaded into a fresh
 * file under /tmp; 10 and 100 copy bench/out/commission-x10/x100.sqlite to /tmp (the
 * server writes sessions and kept scores) and needs it built (quality bench).
 * Before the exports are measured, each is run once alone (the year's scores
 * computed) and then all four at once (both render workers started); that
 * warm-up is printed too.
 *
 *   cd bench && BENCH_SCALES=1,100 npx tsx exports.bench.ts
 */
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import { monitorEventLoopDelay, PerformanceObserver } from 'node:perf_hooks';
import type { ClientReply, ClientRequest, Exports, Latencies } from './exports-client.js';
import { ms, now, OUT, serve } from './lib.js';
import { schedstat, threadSampler } from './proc.js';

const SCALES = (process.env.BENCH_SCALES ?? '1').split(',').map(Number).filter((n) => n === 1 || n === 10 || n === 100);
const ALONE = Number(process.env.EXPORTS_HEALTH_REQUESTS ?? 200);
const YEAR = Number(process.env.EXPORTS_YEAR ?? 2025);
const EXPORTS = [`/api/reports/annual.docx?year=${YEAR}`, `/api/reports/annual.docx?year=${YEAR}`, `/api/reports/scores.xlsx?year=${YEAR}`, `/api/reports/org-life.xlsx?year=${YEAR}`];

type Bare = { get(path: string, handler: () => Promise<unknown>): void; listen(o: { port: number; host: string }): Promise<string>; server: import('node:http').Server; close(): Promise<void> };

async function bareServer(): Promise<{ url: string; close: () => Promise<void> }> {
  const { default: Fastify } = await import(createRequire(import.meta.resolve('@wj/api/app')).resolve('fastify')) as { default: (o: { logger: boolean }) => Bare };
  const app = Fastify({ logger: false });
  app.get('/ping', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  return { url: `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/ping`, close: () => app.close() };
}

/**
 * `cpuMs`: CPU time of the main thread alone over the window (Linux: /proc/self/task/<pid>/stat; the worker
 * threads are tasks of their own; the client is another process): compared per request between the windows, it
 * tells work the exports leave on the event loop from the thread merely waiting to be scheduled on the loaded machine.
 */
interface Window { health: Latencies; bare: Latencies; loopMax: number; cpuMs: number; stalls: Stalls; exportsMs?: number[]; exportsBytes?: number[]; inStalls: [string, number][]; heapMb: [number, number] }

/**
 * The event loop's stalls over 50 ms, each split by the main thread's scheduler statistics (Linux:
 * /proc/self/task/<pid>/schedstat, nanoseconds on a CPU and waiting in the run queue): work the loop did
 * (its own JavaScript or a collection) against the thread being ready but not scheduled (the exports'
 * threads or other processes had the cores); `stolenMs`: the virtual machine's steal time over the stall
 * (/proc/stat, the most of either CPU): the host ran something else on the CPU the guest thought it was
 * running on, which its scheduler counts neither as running nor as waiting. `gcMs`: the main thread's
 * collections inside the stall. `gcMaxMs`: the main thread's longest garbage collection.
 */
interface Stall { ms: number; ranMs: number; waitedMs: number; stolenMs: number; gcMs: number }
interface Stalls { count: number; ranMs: number; waitedMs: number; stolenMs: number; gcMs: number; worst: Stall | null; gcMaxMs: number; windows: [number, number][]; gcKinds: string; majors: string }

/** V8's collection kinds (PerformanceObserver 'gc' entries' detail.kind). */
const GC_KIND: Record<number, string> = { 1: 'minor', 4: 'major', 8: 'incremental', 16: 'weak callbacks' };


/** Each CPU's steal time so far, ms (/proc/stat's 8th field, clock ticks of 10 ms). */
function steal(): number[] {
  try {
    return readFileSync('/proc/stat', 'latin1').split('\n').filter((l) => /^cpu\d/.test(l)).map((l) => Number(l.split(/\s+/)[8]) * 10);
  } catch {
    return [];
  }
}

function watchStalls(): () => Stalls {
  const out: Stalls = { count: 0, ranMs: 0, waitedMs: 0, stolenMs: 0, gcMs: 0, worst: null, gcMaxMs: 0, windows: [], gcKinds: '', majors: '' };
  const t0 = performance.now();
  const majors: string[] = [];
  const kinds = new Map<string, { n: number; ms: number; max: number }>();
  const stalls: Stall[] = [];
  const gcs: [number, number][] = [];
  let last = performance.now();
  let [ran0, waited0] = schedstat();
  let steal0 = steal();
  const timer = setInterval(() => {
    const t = performance.now();
    const [ran, waited] = schedstat();
    const steal1 = steal();
    if (t - last > 50) {
      const s = { ms: t - last, ranMs: ran - ran0, waitedMs: waited - waited0, stolenMs: Math.max(0, ...steal1.map((x, i) => x - steal0[i]!)), gcMs: 0 };
      stalls.push(s);
      out.windows.push([last, t]);
    }
    last = t;
    ran0 = ran;
    waited0 = waited;
    steal0 = steal1;
  }, 5);
  const gc = new PerformanceObserver((list) => { for (const e of list.getEntries()) {
    gcs.push([e.startTime, e.startTime + e.duration]);
    const kind = GC_KIND[(e as unknown as { detail?: { kind?: number } }).detail?.kind ?? 0] ?? 'other';
    const k = kinds.get(kind) ?? { n: 0, ms: 0, max: 0 };
    kinds.set(kind, { n: k.n + 1, ms: k.ms + e.duration, max: Math.max(k.max, e.duration) });
    if (kind === 'major') majors.push(`${((e.startTime - t0) / 1000).toFixed(1)} s: ${f(e.duration)} ms`);
  } });
  gc.observe({ entryTypes: ['gc'] });
  return () => {
    clearInterval(timer);
    gc.disconnect();
    stalls.forEach((s, i) => {
      const [a, b] = out.windows[i]!;
      for (const [g0, g1] of gcs) s.gcMs += Math.max(0, Math.min(b, g1) - Math.max(a, g0));
      out.count++;
      out.ranMs += s.ranMs;
      out.waitedMs += s.waitedMs;
      out.stolenMs += s.stolenMs;
      out.gcMs += s.gcMs;
      if (!out.worst || s.ms > out.worst.ms) out.worst = s;
    });
    out.gcMaxMs = gcs.reduce((m, [a, b]) => Math.max(m, b - a), 0);
    out.majors = majors.join(', ');
    out.gcKinds = [...kinds].map(([k, v]) => `${k} ${v.n}× ${f(v.ms)} ms (longest ${f(v.max)})`).join(', ') || 'none';
    out.windows = out.windows.map(([a, b]) => [performance.timeOrigin + a, performance.timeOrigin + b]);
    return out;
  };
}

/** The main thread's user + system CPU time in ms (NaN where /proc is not there). */
function mainThreadCpuMs(): number {
  try {
    const f = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12])) * 10; // clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

/** Both loops at once (in the client process), with this process's event loop's delay recorded over the window. */
async function window(healthUrl: string, bareUrl: string, exports?: Exports): Promise<Window> {
  const h = monitorEventLoopDelay({ resolution: 5 });
  h.enable();
  const stalls = watchStalls();
  const cpu0 = mainThreadCpuMs();
  const heap0 = getHeapStatistics().used_heap_size / 2 ** 20;
  const r = await ask<{ health: Latencies; bare: Latencies; exportsMs?: number[]; exportsBytes?: number[] }>(exports ? { kind: 'window', healthUrl, bareUrl, exports } : { kind: 'window', healthUrl, bareUrl, count: ALONE });
  const cpuMs = mainThreadCpuMs() - cpu0;
  h.disable();
  const s = stalls();
  return { health: r.health, bare: r.bare, loopMax: h.max / 1e6, cpuMs, stalls: s, exportsMs: r.exportsMs, exportsBytes: r.exportsBytes, heapMb: [heap0, getHeapStatistics().used_heap_size / 2 ** 20], inStalls: (await sampler?.summary(s.windows)) ?? [] };
}

/** The client process (exports-client.ts, under tsx): one question at a time, answered by id. */
const client = fork(fileURLToPath(new URL('./exports-client.ts', import.meta.url)), [], { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
const pending = new Map<number, { resolve: (r: ClientReply) => void }>();
let asked = 0;
client.on('message', (r: ClientReply) => { pending.get(r.id)?.resolve(r); pending.delete(r.id); });
client.on('exit', (code) => { for (const p of pending.values()) p.resolve({ id: -1, error: `the client process exited (${code})` }); pending.clear(); });
type Question = ClientRequest extends infer Q ? Q extends ClientRequest ? Omit<Q, 'id'> : never : never;
async function ask<T>(q: Question): Promise<T> {
  const id = ++asked;
  const r = await new Promise<ClientReply>((resolve) => { pending.set(id, { resolve }); client.send({ ...q, id }); });
  if ('error' in r) throw new Error(`exports client: ${r.error}`);
  return r as T;
}

async function openScale(scale: number, dir: string) {
  const { openDb } = await import('@wj/api/db');
  const path = join(dir, `exports-x${scale}.sqlite`);
  if (scale === 1) {
    const { generateCommission, loadDemoData } = await import('@wj/api/demo');
    const db = await openDb(path);
    await loadDemoData(db, generateCommission({ scale: 1 }));
    return db;
  }
  const src = resolve(OUT, `commission-x${scale}.sqlite`);
  if (!existsSync(`${src}.ok`)) throw new Error(`${src} is not built (run the quality bench at BENCH_SCALES=${scale} first)`);
  copyFileSync(src, path);
  if (existsSync(`${src}-wal`)) copyFileSync(`${src}-wal`, `${path}-wal`);
  return openDb(path);
}

const f = (x: number) => x.toFixed(x < 10 ? 1 : 0);
const row = (label: string, w: Window) => {
  const s = w.stalls;
  const stalls = s.worst ? `${s.count} (${f(s.ranMs)} on a CPU, ${f(s.waitedMs)} waiting for one, ${f(s.stolenMs)} stolen by the host, ${f(s.gcMs)} in GC; worst ${f(s.worst.ms)}: ${f(s.worst.ranMs)} / ${f(s.worst.waitedMs)} / ${f(s.worst.stolenMs)} / ${f(s.worst.gcMs)})` : '0';
  return [label, f(w.health.worst), f(w.health.p99), f(w.health.p50), f(w.bare.worst), f(w.bare.p99), f(w.loopMax), stalls, f(s.gcMaxMs), f(w.cpuMs), (w.cpuMs / (w.health.n + w.bare.n)).toFixed(3), String(w.health.n)].join(' | ');
};

/** What the main thread was doing in the stalls: sampled every ms from a thread of its own (state, kernel wait, system call). */
const sampler = process.env.EXPORTS_SAMPLE === '0' ? null : await threadSampler(1);
const inStalls = (w: Window) => {
  const total = w.inStalls.reduce((n, [, c]) => n + c, 0);
  const heap = `main thread's collections: ${w.stalls.gcKinds}; its heap used ${w.heapMb.map(f).join(' → ')} MB; major ones (time into the window: length) ${w.stalls.majors || 'none'}`;
  return `${heap}\n  ` + (total ? `main thread in its stalls > 50 ms, ${total} samples of 1 ms: ${w.inStalls.slice(0, 6).map(([k, c]) => `${k} ${(100 * c / total).toFixed(0)} %`).join(', ')}` : 'main thread in its stalls: no samples');
};
const dir = mkdtempSync(join(tmpdir(), 'wj-exports-'));
console.log(`load: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (1/5/15 min)`);
try {
  for (const scale of SCALES) {
    const tLoad = now();
    const db = await openScale(scale, dir);
    const { app, base, cookie } = await serve(db);
    const bare = await bareServer();
    console.log(`\n[exports] ${scale === 1 ? 'city demo' : `${scale}× the city`}: database ready in ${f(ms(tLoad))} ms`);
    const healthUrl = `${base}/api/health`;
    try {
      // Warm-up, one export after another: the year's scores, the render workers and their libraries.
      const warm: string[] = [];
      for (const path of new Set(EXPORTS)) warm.push(`${path.replace(/^\/api\/reports\/|\?.*$/g, '')} ${f((await ask<{ ms: number[] }>({ kind: 'download', base, cookie, paths: [path] })).ms[0]!)} ms`);
      console.log(`[exports] warm-up (each alone): ${warm.join(', ')}`);
      // And once all four together, unmeasured: both render workers started (a worker started from src/ pays tsx's loader set-up, which the built server does not).
      const together = now();
      if (process.env.EXPORTS_WARM_TOGETHER !== '0') await ask({ kind: 'download', base, cookie, paths: EXPORTS });
      console.log(`[exports] warm-up (4 at once): ${f(ms(together))} ms`);
      const alone = await window(healthUrl, bare.url);
      const busy = await window(healthUrl, bare.url, { base, cookie, paths: EXPORTS });
      console.log(`\n/api/health while 4 exports run (2× annual.docx, scores.xlsx, org-life.xlsx), ${scale}×, SQLite, ms:`);
      console.log(['window', 'health worst', 'health p99', 'health p50', 'bare worst', 'bare p99', 'event loop max delay', 'stalls > 50 ms (main thread ms: on a CPU / waiting for one / stolen / in GC)', 'longest GC', 'main thread CPU', 'main thread CPU per request', 'health requests'].join(' | '));
      console.log(row('alone', alone));
      console.log(row('4 exports running', busy));
      console.log(`alone: ${inStalls(alone)}\nexporting: ${inStalls(busy)}`);
      console.log(`exports took ${busy.exportsMs!.map(f).join(', ')} ms (${(busy.exportsBytes ?? []).map((b) => (b / 2 ** 20).toFixed(1)).join(', ')} MB, in the order they ended); health worst ÷ bare worst while exporting: ${(busy.health.worst / busy.bare.worst).toFixed(1)}×; `
        + `goal: no request held > 50 ms → event loop max ${f(busy.loopMax)} ms (${busy.loopMax <= 50 ? 'met' : 'NOT met'})`);
    } finally {
      await bare.close();
      await app.close(); // ends the render workers too (app.ts)
      console.log(`load: ${loadavg().map((x) => x.toFixed(2)).join(' ')} (1/5/15 min)`);
    }
  }
} finally {
  await sampler?.stop();
  client.disconnect();
  rmSync(dir, { recursive: true, force: true });
}
