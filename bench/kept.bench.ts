/**
 * Kept scores and per-unit subtotals (issue 11, goals 2 and 3): start → first
 * dashboard on a database without kept scores (cold) and with them (kept);
 * the read after one write (a meeting recorded in one branch, then the
 * dashboard: p50 of N pairs over HTTP); process memory after dashboard, tree
 * and an export. Baselines in the same process: the raw SQL read of the kept
 * rows (with JSON parsing) for the start, a bare Fastify route and the raw
 * read of one unit's kept row for the read after a write.
 *   BENCH_ENGINE=sqlite BENCH_SCALES=1,100 npx tsx kept.bench.ts
 *   BENCH_PG_SCALES=1 (PostgreSQL's default here: 1×)   BENCH_WRITES=15
 * SQLite works on a copy of out/commission-x<scale>.sqlite under the OS temp
 * directory (the cached file is only read); 1× is generated there.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import {
  acrossEngines, bareFastifyP50, commissionDb, enginesFromEnv, IS_CHILD, ms, now, OUT, percentile, printTable, report, resultKey,
  type Engine, type Figure,
} from './lib.js';
import { childProcessesRssMb } from './proc.js';
import type { Db } from '@wj/api/db';

const WRITES = Number(process.env.BENCH_WRITES ?? 15);

interface Row {
  scale: number; branches: number; units: number;
  coldStartMs: number; coldKeepMs: number; keptRows: number; keptStartMs: number; rawKeptMs: number;
  writeP50: number; readP50: number; pairP50: number; readMax: number; bareP50: number; rawUnitMs: number;
  coldRssMb: number; coldHeapMb: number; keptRssMb: number; keptHeapMb: number; coldWorkersRssMb: number; keptWorkersRssMb: number; coldExportLoopMs: number; keptExportLoopMs: number;
}

const gc = (() => {
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
})();
const mb = (n: number) => n / 1024 / 1024;

/** The database this run writes to: a copy of the cached SQLite file (or 1× generated), or the PostgreSQL database of DATABASE_URL. */
async function database(scale: number): Promise<{ db: Db; target: string; cleanup: () => void }> {
  const { openDb } = await import('@wj/api/db');
  if (process.env.DATABASE_URL) return { db: (await commissionDb(scale)).db, target: process.env.DATABASE_URL, cleanup: () => undefined };
  const copy = resolve(tmpdir(), `wj-kept-bench-x${scale}-${process.pid}.sqlite`);
  const cleanup = () => { for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true }); };
  cleanup();
  const cached = resolve(OUT, `commission-x${scale}.sqlite`);
  if (scale > 1 && existsSync(`${cached}.ok`)) {
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
  return { db: await openDb(copy), target: copy, cleanup };
}

/** An app on `db`, listening; how long until it listened. */
async function start(db: Db) {
  const { buildApp } = await import('@wj/api/app');
  const t = now();
  const app = await buildApp({ config: { WEB_DIST: resolve(OUT, 'no-web'), LOG_LEVEL: 'silent', ATTACHMENTS_DIR: resolve(tmpdir(), 'wj-kept-attachments') }, db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const listenMs = ms(t);
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return { app, base, listenMs };
}

async function login(base: string): Promise<string> {
  const { DEMO_PASSWORD } = await import('@wj/api/demo-users');
  const res = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }) });
  if (!res.ok) throw new Error(`login answered ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

async function get(base: string, cookie: string, path: string): Promise<{ ms: number; body: Buffer }> {
  const t = now();
  const res = await fetch(`${base}${path}`, { headers: { cookie } });
  const body = Buffer.from(await res.arrayBuffer());
  if (!res.ok) throw new Error(`${path} answered ${res.status}: ${body.toString('utf8').slice(0, 200)}`);
  return { ms: ms(t), body };
}

/** Start → first dashboard (login excluded: it is the same with or without kept scores), then the tree and an export. */
async function firstDashboard(db: Db) {
  const { ensureDemoUsers } = await import('@wj/api/demo-users');
  await ensureDemoUsers(db);
  const s = await start(db);
  const cookie = await login(s.base);
  const dash = await get(s.base, cookie, '/api/quality/dashboard');
  await get(s.base, cookie, '/api/orgs/tree');
  // The export is the first request that needs every branch's details: after a kept start they are read from the kept
  // rows on the main thread, a few units at a time — the event loop's longest delay while it runs (goal 5).
  const loop = monitorEventLoopDelay({ resolution: 1 });
  loop.enable();
  await get(s.base, cookie, '/api/reports/scores.xlsx');
  loop.disable();
  const exportLoopMaxMs = loop.max / 1e6;
  const rss = mb(process.memoryUsage().rss);
  const workersRss = childProcessesRssMb();
  return { ...s, cookie, startMs: s.listenMs + dash.ms, rss, workersRss, exportLoopMaxMs, dashboard: JSON.parse(dash.body.toString('utf8')) as { counts: { units: number; branches: number } } };
}

/** The baseline of a start: every kept row of the key read through the driver and its JSON parsed. */
async function rawKept(db: Db, unitId?: number): Promise<{ rows: number; ms: number }> {
  const t = now();
  const text = `select scores from quality_scores${unitId === undefined ? '' : ` where unit_id = ${unitId}`}`;
  const rows = db.sqlite ? db.sqlite.reader.prepare(text).raw(true).all() as [string][] : (await db.pg!.pool.query({ text, rowMode: 'array' })).rows as [unknown][];
  let n = 0;
  for (const [s] of rows) n += (typeof s === 'string' ? (JSON.parse(s) as { branches: unknown[] }) : (s as { branches: unknown[] })).branches.length >= 0 ? 1 : 0;
  return { rows: n, ms: ms(t) };
}

type KeptFigures = Pick<Row, 'branches' | 'units' | 'keptRows' | 'keptStartMs' | 'rawKeptMs' | 'writeP50' | 'readP50' | 'pairP50' | 'readMax' | 'bareP50' | 'rawUnitMs' | 'keptRssMb' | 'keptHeapMb' | 'keptWorkersRssMb' | 'keptExportLoopMs'>;

/**
 * A server started on a database whose scores are kept — in a process of its
 * own, as a restart would be, so that its memory is its own — then the read
 * after one write, N times.
 */
async function keptPhase(db: Db): Promise<KeptFigures> {
  const kept = await firstDashboard(db);
  const keptRss = kept.rss;
  gc();
  const keptHeap = mb(process.memoryUsage().heapUsed);
  const raw = await rawKept(db);

  // The read after one write: a meeting in one branch (a different unit each time), then the dashboard.
  const branches = JSON.parse((await get(kept.base, kept.cookie, '/api/quality/branches')).body.toString('utf8')).items as { orgId: number; unitId: number }[];
  const perUnit = [...new Map(branches.map((b) => [b.unitId, b])).values()];
  await get(kept.base, kept.cookie, '/api/quality/dashboard');
  const writes: number[] = [], reads: number[] = [], pairs: number[] = [];
  for (let i = 0; i < WRITES; i++) {
    const b = perUnit[(i * 7) % perUnit.length]!;
    const t = now();
    const res = await fetch(`${kept.base}/api/orgs/${b.orgId}/meetings`, {
      method: 'POST', headers: { cookie: kept.cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'party_lecture', date: new Date().toISOString().slice(0, 10), topic: '专题党课', expected: 5, present: 5 }),
    });
    await res.arrayBuffer();
    if (res.status !== 201) throw new Error(`meeting write answered ${res.status}`);
    const w = ms(t);
    const r = (await get(kept.base, kept.cookie, '/api/quality/dashboard')).ms;
    writes.push(w); reads.push(r); pairs.push(w + r);
  }
  await kept.app.quality.flush();
  const rawUnit = await rawKept(db, perUnit[0]!.unitId);
  const bareP50 = await bareFastifyP50(30);
  await kept.app.close();
  return {
    branches: kept.dashboard.counts.branches, units: kept.dashboard.counts.units, keptRows: raw.rows, keptStartMs: kept.startMs, rawKeptMs: raw.ms,
    writeP50: percentile(writes, 50), readP50: percentile(reads, 50), pairP50: percentile(pairs, 50), readMax: Math.max(...reads),
    bareP50, rawUnitMs: rawUnit.ms, keptRssMb: keptRss, keptHeapMb: keptHeap, keptWorkersRssMb: kept.workersRss, keptExportLoopMs: kept.exportLoopMaxMs,
  };
}

async function measure(scale: number): Promise<Row> {
  const { db, target, cleanup } = await database(scale);
  try {
    // Cold: nothing kept yet — every unit is scored, then kept in the background (timed until written).
    const cold = await firstDashboard(db);
    const t = now();
    await cold.app.quality.flush();
    const coldKeepMs = ms(t);
    // The main thread's heap (V8's, after a GC; the score worker's own heap is in the RSS only).
    gc();
    const coldHeapMb = mb(process.memoryUsage().heapUsed);
    // (Closing the app closes its database handle.)
    await cold.app.close();

    // Kept: a new process on the same database.
    const out = resolve(tmpdir(), `wj-kept-bench-${process.pid}.json`);
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url)], {
      cwd: import.meta.dirname, env: { ...process.env, BENCH_KEPT_DB: target, BENCH_KEPT_OUT: out }, stdio: ['ignore', 'inherit', 'inherit'],
    });
    const code = await new Promise<number | null>((res, rej) => { child.on('error', rej); child.on('exit', res); });
    if (code !== 0) throw new Error(`the kept-start process failed (exit ${code})`);
    const kept = JSON.parse(readFileSync(out, 'utf8')) as KeptFigures;
    rmSync(out, { force: true });
    return { scale, coldStartMs: cold.startMs, coldKeepMs, coldRssMb: cold.rss, coldHeapMb, coldWorkersRssMb: cold.workersRss, coldExportLoopMs: cold.exportLoopMaxMs, ...kept };
  } finally {
    cleanup();
  }
}

if (IS_CHILD && process.env.BENCH_KEPT_DB) {
  const { openDb } = await import('@wj/api/db');
  writeFileSync(process.env.BENCH_KEPT_OUT!, JSON.stringify(await keptPhase(await openDb(process.env.BENCH_KEPT_DB))));
  process.exit(0);
}

if (IS_CHILD) {
  report(await measure(Number(process.env.BENCH_SCALE)));
  process.exit(0);
}

// ---------------------------------------------------------------- parent
const script = fileURLToPath(import.meta.url);
const engines: Engine[] = enginesFromEnv();
const list = (v: string | undefined, d: string) => (v ?? d).split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const scales = list(process.env.BENCH_SCALES, '1,100');
const pgScales = list(process.env.BENCH_PG_SCALES, '1');
const { results, failed } = await acrossEngines<Row>({ script, bench: 'kept', scales, pgScales });

const figures: Figure[] = [];
const cell = (engine: Engine, scale: number, pick: (r: Row) => number | string | null) => {
  const r = results.get(resultKey(engine, scale));
  return r === undefined ? undefined : typeof r === 'string' ? r : pick(r);
};
const add = (scale: number, label: string, pick: (r: Row) => number | string | null, digits = 1) =>
  figures.push({ label: `×${scale} ${label}`, sqlite: cell('sqlite', scale, pick), postgres: cell('postgres', scale, pick), digits });
const ran = [...new Set([...(engines.includes('sqlite') ? scales : []), ...(engines.includes('postgres') ? pgScales : [])])].sort((a, b) => a - b);
for (const scale of ran) {
  add(scale, 'units / branches', (r) => `${r.units} / ${r.branches}`);
  add(scale, 'cold start → first dashboard ms', (r) => r.coldStartMs, 0);
  add(scale, 'cold: background writing of kept rows still left after tree + export, ms', (r) => r.coldKeepMs, 0);
  add(scale, 'kept start → first dashboard ms (goal ≤ 3000 at ×100)', (r) => r.keptStartMs, 0);
  add(scale, 'baseline: raw SQL read + JSON of the kept rows ms', (r) => r.rawKeptMs, 0);
  add(scale, 'kept start ÷ raw read of the kept rows', (r) => r.keptStartMs / r.rawKeptMs, 2);
  add(scale, 'kept start ÷ cold start', (r) => r.keptStartMs / r.coldStartMs, 2);
  add(scale, `write (a meeting) p50 ms, ${WRITES} writes`, (r) => r.writeP50);
  add(scale, 'read after one write: dashboard p50 ms (goal ≤ 50 at ×100)', (r) => r.readP50);
  add(scale, 'read after one write: dashboard max ms', (r) => r.readMax);
  add(scale, 'write + read p50 ms', (r) => r.pairP50);
  add(scale, 'baseline: bare Fastify p50 ms', (r) => r.bareP50, 2);
  add(scale, 'baseline: raw SQL read + JSON of one unit\'s kept row ms', (r) => r.rawUnitMs, 2);
  add(scale, 'read after write ÷ bare Fastify', (r) => r.readP50 / r.bareP50, 1);
  add(scale, 'RSS after cold dashboard + tree + export MB', (r) => r.coldRssMb, 0);
  add(scale, '  + the render worker process (the export written there; idle, kept warm 60 s) MB', (r) => r.coldWorkersRssMb, 0);
  add(scale, 'heap used then, after the kept rows are written and a GC, MB', (r) => r.coldHeapMb, 0);
  add(scale, 'RSS after kept start: dashboard + tree + export MB (own process; goal ≤ 1024 at ×100)', (r) => r.keptRssMb, 0);
  add(scale, '  + the render worker process after the export MB', (r) => r.keptWorkersRssMb, 0);
  add(scale, 'event loop max during the first export, cold start ms (goal 5: ≤ 50)', (r) => r.coldExportLoopMs, 1);
  add(scale, 'event loop max during the first export, kept start: branch details read from the kept rows ms (goal 5: ≤ 50)', (r) => r.keptExportLoopMs, 1);
  add(scale, 'heap used then, after a GC, MB', (r) => r.keptHeapMb, 0);
}
printTable('Kept scores — start, read after a write, memory (HTTP on loopback; the export is scores.xlsx of the whole commission)', figures);
process.exit(failed ? 1 : 0);
