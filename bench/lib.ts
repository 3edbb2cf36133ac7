/**
 * What the benchmarks share. Each benchmark file runs twice over: as the
 * parent (no BENCH_CHILD), which picks the engines, prepares a PostgreSQL
 * database when one is asked for and runs one child process per engine; and
 * as that child, whose engine is fixed by DATABASE_URL at import (the tables
 * are bound per process, `apps/api/src/db/schema/index.ts`), which measures
 * and writes its figures to BENCH_RESULT_FILE. The parent prints one table:
 * figure | sqlite | postgres | ratio.
 *
 *   BENCH_ENGINE=sqlite|postgres|both   (default both)
 *   BENCH_PG_URL=postgres://…           a server to create the bench databases on;
 *                                       without it a throwaway cluster is started
 *                                       (scripts/pg-cluster.sh) and always stopped.
 */
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import type { Db } from '@wj/api/db';

export const OUT = resolve(import.meta.dirname, 'out');
const ROOT = resolve(import.meta.dirname, '..');

export const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
export const now = () => process.hrtime.bigint();

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!;
}

export type Engine = 'sqlite' | 'postgres';
export const IS_CHILD = process.env.BENCH_CHILD === '1';

export function enginesFromEnv(): Engine[] {
  const v = process.env.BENCH_ENGINE ?? 'both';
  if (v === 'both') return ['sqlite', 'postgres'];
  if (v === 'sqlite' || v === 'postgres') return [v];
  throw new Error(`BENCH_ENGINE must be sqlite, postgres or both (got ${v})`);
}

// ---------------------------------------------------------------- PostgreSQL

/**
 * node-postgres, taken from the API package's dependencies (the bench has no
 * dependency of its own on it); only the few calls used here are typed.
 */
interface PgClient { connect(): Promise<void>; query(text: string, params?: unknown[]): Promise<{ rows: Record<string, unknown>[] }>; end(): Promise<void> }
const pg = createRequire(import.meta.resolve('@wj/api/db'))('pg') as { Client: new (o: { connectionString: string }) => PgClient };

export async function withPgClient<T>(url: string, fn: (c: PgClient) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try { return await fn(c); } finally { await c.end(); }
}

/** The URL of database `name` on the server of `url`. */
export function dbUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

const KEPT = 'wj-bench complete';

/**
 * Database `name` on the server of `serverUrl`, empty (dropped and created
 * again) unless `keep` and a previous run marked it complete: returns its URL
 * and whether it must be loaded.
 */
export async function pgDatabase(serverUrl: string, name: string, keep: boolean): Promise<{ url: string; fresh: boolean }> {
  return withPgClient(serverUrl, async (c) => {
    if (keep) {
      const { rows } = await c.query('select shobj_description(oid, \'pg_database\') as note from pg_database where datname = $1', [name]);
      if (rows[0] && String(rows[0].note ?? '').startsWith(KEPT)) return { url: dbUrl(serverUrl, name), fresh: false };
    }
    await c.query(`drop database if exists "${name}" with (force)`);
    await c.query(`create database "${name}"`);
    return { url: dbUrl(serverUrl, name), fresh: true };
  });
}

/** Marks a kept database as fully loaded, so the next run reuses it. */
export async function markComplete(serverUrl: string, name: string): Promise<void> {
  await withPgClient(serverUrl, (c) => c.query(`comment on database "${name}" is '${KEPT} ${new Date().toISOString()}'`));
}

export async function dropPgDatabase(serverUrl: string, name: string): Promise<void> {
  await withPgClient(serverUrl, (c) => c.query(`drop database if exists "${name}" with (force)`));
}

/** Where PostgreSQL runs for this bench: BENCH_PG_URL, or a cluster of its own. */
export interface PgServer { url: string; owned: boolean; stop(): void }

let clusterDir: string | null = null;
function stopCluster() {
  if (!clusterDir) return;
  const dir = clusterDir;
  clusterDir = null;
  try { execFileSync('bash', [resolve(ROOT, 'scripts/pg-cluster.sh'), 'stop', dir], { stdio: 'inherit' }); } catch (err) { console.error(`could not stop the cluster in ${dir}:`, err); }
}

/** Starts a throwaway cluster unless BENCH_PG_URL is given; it is stopped on exit, on error and on Ctrl-C. */
export function pgServer(): PgServer {
  const given = process.env.BENCH_PG_URL;
  if (given) return { url: given, owned: false, stop: () => undefined };
  const out = execFileSync('bash', [resolve(ROOT, 'scripts/pg-cluster.sh'), 'start'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  const vars = Object.fromEntries([...out.matchAll(/(PG_TEST_\w+)=(\S+)/g)].map((m) => [m[1], m[2]]));
  if (!vars.PG_TEST_DIR || !vars.PG_TEST_URL) throw new Error(`pg-cluster.sh start printed no cluster: ${out}`);
  clusterDir = vars.PG_TEST_DIR;
  process.on('exit', stopCluster);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { stopCluster(); process.exit(130); });
  console.log(`(a throwaway PostgreSQL cluster for this run: ${vars.PG_TEST_URL})`);
  return { url: vars.PG_TEST_URL, owned: true, stop: stopCluster };
}

// ---------------------------------------------------------------- child processes

/**
 * Runs this benchmark file again as a child with `env` (DATABASE_URL decides
 * its engine) and returns the figures it wrote. Its output goes to ours.
 */
export async function runChild<T>(script: string, engine: Engine, env: Record<string, string>): Promise<T> {
  mkdirSync(OUT, { recursive: true });
  const resultFile = resolve(OUT, `result-${process.pid}-${engine}.json`);
  rmSync(resultFile, { force: true });
  const childEnv: NodeJS.ProcessEnv = { ...process.env, ...env, BENCH_CHILD: '1', BENCH_RESULT_FILE: resultFile };
  if (engine === 'sqlite') delete childEnv.DATABASE_URL;
  else if (!childEnv.DATABASE_URL) throw new Error('a postgres child needs DATABASE_URL');
  const child = spawn(process.execPath, ['--import', 'tsx', script], { cwd: import.meta.dirname, env: childEnv, stdio: ['ignore', 'inherit', 'inherit'] });
  const code = await new Promise<number | null>((res, rej) => { child.on('error', rej); child.on('exit', (c) => res(c)); });
  if (code !== 0 || !existsSync(resultFile)) throw new Error(`the ${engine} run of ${script} failed (exit ${code})`);
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as T;
  rmSync(resultFile, { force: true });
  return result;
}

/** In the child: hands the figures to the parent. */
export function report(result: unknown): void {
  writeFileSync(process.env.BENCH_RESULT_FILE!, JSON.stringify(result));
}

/**
 * The parent's loop of the quality and report benchmarks: for each scale, a
 * child per engine (SQLite; PostgreSQL on a fresh database, or the kept
 * `wj_bench_100` on a BENCH_PG_URL server). A failed run is recorded as
 * 'failed' and the others still run; the cluster, if started, is stopped.
 */
export async function acrossEngines<T>(o: { script: string; bench: string; scales: number[]; pgScales: number[] }): Promise<{ results: Map<string, T | 'failed'>; failed: boolean }> {
  const engines = enginesFromEnv();
  const results = new Map<string, T | 'failed'>();
  let server: PgServer | null = null;
  let failed = false;
  try {
    for (const scale of [...new Set([...o.scales, ...o.pgScales])].sort((a, b) => a - b)) {
      for (const engine of engines) {
        if (!(engine === 'sqlite' ? o.scales : o.pgScales).includes(scale)) continue;
        console.log(`— ${o.bench}: ${engine}, scale ${scale}`);
        const t = now();
        try {
          if (engine === 'sqlite') {
            results.set(resultKey(engine, scale), await runChild<T>(o.script, engine, { BENCH_SCALE: String(scale) }));
          } else {
            server ??= pgServer();
            // 100× on a server of the user's is built once and kept; everything else is a fresh database.
            const keep = scale === 100 && !server.owned;
            const name = keep ? 'wj_bench_100' : `wj_bench_${o.bench}_x${scale}`;
            const { url, fresh } = await pgDatabase(server.url, name, keep);
            results.set(resultKey(engine, scale), await runChild<T>(o.script, engine, { BENCH_SCALE: String(scale), DATABASE_URL: url, BENCH_LOAD: fresh ? '1' : '0' }));
            if (keep && fresh) await markComplete(server.url, name);
            if (!keep && !server.owned) await dropPgDatabase(server.url, name);
          }
        } catch (err) {
          failed = true;
          console.error(err);
          results.set(resultKey(engine, scale), 'failed');
        }
        console.log(`  (${(ms(t) / 1000).toFixed(0)} s)`);
      }
    }
  } finally {
    server?.stop();
  }
  return { results, failed };
}

/**
 * Scales per engine. BENCH_SCALES (default 1,100) for SQLite; PostgreSQL takes
 * BENCH_PG_SCALES, or by default the same with 100× replaced by 10× — loading
 * the 100× commission into PostgreSQL takes too long for a routine run
 * (measured here: 74 s at 10× on a loaded 2-core machine, so about 12 min at
 * 100×, against SQLite's 36 s / 6 min) — and then SQLite runs at 10× too, so
 * that the two stand side by side there.
 */
export function scalesFromEnv(): { scales: number[]; pgScales: number[]; note: string | null } {
  const list = (v: string) => v.split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
  const scales = list(process.env.BENCH_SCALES ?? '1,100');
  if (process.env.BENCH_PG_SCALES) return { scales, pgScales: list(process.env.BENCH_PG_SCALES), note: null };
  if (!scales.includes(100) || !enginesFromEnv().includes('postgres')) return { scales, pgScales: scales, note: null };
  const pgScales = [...new Set(scales.map((s) => (s === 100 ? 10 : s)))].sort((a, b) => a - b);
  return {
    scales: [...new Set([...scales, 10])].sort((a, b) => a - b),
    pgScales,
    note: 'PostgreSQL ran at 1× and 10×, not 100×: loading 100× into PostgreSQL takes about ten times the 10× load above (over 3 min). '
      + 'BENCH_PG_SCALES=1,100 runs it (kept as database wj_bench_100 on a BENCH_PG_URL server, rebuilt on a cluster of the bench\'s own).',
  };
}

export const resultKey = (engine: Engine, scale: number) => `${engine}@${scale}`;

// ---------------------------------------------------------------- the side-by-side table

export type Cell = number | string | null;
export interface Figure { label: string; sqlite?: Cell; postgres?: Cell; digits?: number }

const show = (v: Cell | undefined, digits: number) => (v === undefined ? '—' : v === null ? '(cached)' : typeof v === 'number' ? v.toFixed(digits) : v);

/** figure | sqlite | postgres | ratio (postgres ÷ sqlite, for numbers on both sides). */
export function printTable(title: string, figures: Figure[]): void {
  const rows = figures.map((f) => {
    const d = f.digits ?? 1;
    const ratio = typeof f.sqlite === 'number' && typeof f.postgres === 'number' && f.sqlite !== 0 ? `${(f.postgres / f.sqlite).toFixed(2)}×` : '';
    return [f.label, show(f.sqlite, d), show(f.postgres, d), ratio];
  });
  const head = ['figure', 'sqlite', 'postgres', 'pg ÷ sqlite'];
  const width = (i: number) => Math.max(head[i]!.length, ...rows.map((r) => r[i]!.length));
  const line = (r: string[]) => `${r[0]!.padEnd(width(0))}  ${r.slice(1).map((c, i) => c.padStart(width(i + 1))).join('  ')}`;
  console.log(`\n${title}`);
  console.log(line(head));
  console.log('-'.repeat(line(head).length));
  for (const r of rows) console.log(line(r));
}

// ---------------------------------------------------------------- in the child: the API

/**
 * The database of this child's engine holding the commission `scale` times
 * over. SQLite: a file under out/, built once and reused for scale > 1 (city
 * size is rebuilt, so its load time is measured on both engines). PostgreSQL:
 * the database at DATABASE_URL, loaded when BENCH_LOAD=1 (the parent created
 * it empty). `loadMs` is null when the data was already there.
 */
export async function commissionDb(scale: number): Promise<{ db: Db; loadMs: number | null }> {
  const { openDb, sqliteMigrations } = await import('@wj/api/db');
  const { generateCommission, loadDemoData } = await import('@wj/api/demo');
  if (process.env.DATABASE_URL) {
    const db = await openDb(process.env.DATABASE_URL);
    if (process.env.BENCH_LOAD !== '1') return { db, loadMs: null };
    const data = generateCommission({ scale });
    const t0 = now();
    await loadDemoData(db, data);
    return { db, loadMs: ms(t0) };
  }
  mkdirSync(OUT, { recursive: true });
  const path = resolve(OUT, `commission-x${scale}.sqlite`);
  const stamp = `${path}.ok`;
  // The file is reused only if it was built under the same migrations (a migration rewritten since would not apply to it).
  const built = `built under migrations ${migrationsHash(sqliteMigrations)}`;
  if (scale > 1 && existsSync(path) && existsSync(stamp) && readFileSync(stamp, 'utf8').startsWith(built)) return { db: await openDb(path), loadMs: null };
  for (const f of [path, `${path}-wal`, `${path}-shm`, stamp]) rmSync(f, { force: true });
  const db = await openDb(path);
  const data = generateCommission({ scale });
  const t0 = now();
  await loadDemoData(db, data);
  const loadMs = ms(t0);
  writeFileSync(stamp, `${built} ${new Date().toISOString()}`);
  return { db, loadMs };
}

function migrationsHash(dir: string): string {
  const h = createHash('sha256');
  for (const f of readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort()) {
    const p = resolve(dir, f);
    if (statSync(p).isFile()) h.update(f).update(readFileSync(p));
  }
  return h.digest('hex').slice(0, 16);
}

/**
 * The commission at `scale` for a bench that writes (serving logs a user in): city size built fresh;
 * a larger SQLite file copied from its cache first, so that nothing writes to the cache. `name` names the copy.
 */
export async function commissionCopy(scale: number, name: string): Promise<Db> {
  const cached = resolve(OUT, `commission-x${scale}.sqlite`);
  if (process.env.DATABASE_URL || scale === 1 || !existsSync(`${cached}.ok`)) return (await commissionDb(scale)).db;
  const copy = resolve(tmpdir(), `wj-${name}-bench-x${scale}-${process.pid}.sqlite`);
  const { default: Database } = await import('better-sqlite3');
  const src = new Database(cached, { readonly: true, fileMustExist: true });
  await src.backup(copy);
  src.close();
  process.on('exit', () => { for (const f of [copy, `${copy}-wal`, `${copy}-shm`]) rmSync(f, { force: true }); });
  const { openDb } = await import('@wj/api/db');
  return await openDb(copy);
}

/** The bytes of a GET's answer as they come off the socket (gzip not undone): the server's time and the transfer, without the caller's decoding. */
export function wireBytes(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const u = new URL(url);
    request({ host: u.hostname, port: u.port, path: u.pathname + u.search, headers }, (res) => {
      let bytes = 0;
      res.on('data', (c: Buffer) => { bytes += c.length; });
      res.on('end', () => (res.statusCode === 200 ? done(bytes) : fail(new Error(`${url} answered ${res.statusCode}`))));
    }).on('error', fail).end();
  });
}

/** The real HTTP server on a loopback port, with an admin session cookie. */
export async function serve(db: Db) {
  const { buildApp } = await import('@wj/api/app');
  const { DEMO_PASSWORD, ensureDemoUsers } = await import('@wj/api/demo-users');
  const app = await buildApp({ config: { WEB_DIST: resolve(OUT, 'no-web'), LOG_LEVEL: 'silent', ATTACHMENTS_DIR: resolve(OUT, 'attachments') }, db, logger: false });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const port = typeof addr === 'object' && addr ? addr.port : 0;
  await ensureDemoUsers(db);
  const base = `http://127.0.0.1:${port}`;
  const login = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: DEMO_PASSWORD }),
  });
  if (!login.ok) throw new Error(`admin login answered ${login.status}: ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  return { app, base, cookie };
}

/**
 * The in-run baseline for HTTP: a bare Fastify server (one route, a small
 * JSON answer, no database) timed like the dashboard on the same machine at
 * the same moment — what any request costs here before the application.
 */
export async function bareFastifyP50(requests: number): Promise<number> {
  type Bare = { get(path: string, handler: () => Promise<unknown>): void; listen(o: { port: number; host: string }): Promise<string>; server: import('node:http').Server; close(): Promise<void> };
  const { default: Fastify } = await import(createRequire(import.meta.resolve('@wj/api/app')).resolve('fastify')) as { default: (o: { logger: boolean }) => Bare };
  const app = Fastify({ logger: false });
  app.get('/ping', async () => ({ ok: true }));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const url = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}/ping`;
  const times: number[] = [];
  for (let i = 0; i < requests + 3; i++) {
    const t = now();
    await (await fetch(url)).arrayBuffer();
    if (i >= 3) times.push(ms(t));
  }
  await app.close();
  return percentile(times, 50);
}

