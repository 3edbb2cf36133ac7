/**
 * Load benchmark (holding up), on SQLite and PostgreSQL side by side: the real
 * server as its own process on loopback with the demo data — one process on
 * SQLite, TWO processes on one PostgreSQL database with the clients spread
 * over both — several unit secretaries at once reading the dashboard and
 * branch pages and recording 组织生活, plus a contention loop of read-then-save
 * on shared records (on PostgreSQL each writer reads through one process and
 * saves through the other). Bounded in time; prints throughput, latency,
 * errors, and afterwards checks, in the database, that every acknowledged
 * write is there and in the audit log, and that no update was lost.
 *   pnpm --filter @wj/bench bench:load      (BENCH_SECONDS=20 by default; BENCH_ENGINE, BENCH_PG_URL as in lib.ts)
 *   BENCH_LOAD_SCALES=1,10 (default)        the city, and ten times the city (1,440 branches): SQLite serves a
 *                                           copy of quality.bench's cached out/commission-x10.sqlite (built if
 *                                           missing); PostgreSQL a fresh database this child loads before the
 *                                           servers start (at 1× the servers load the demo themselves, together)
 * Baseline in the same run: a bare Fastify process (one route, no database)
 * under the same number of connections for BENCH_BASE_SECONDS (default 5).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { acrossEngines, commissionDb, IS_CHILD, OUT, printTable, report, resultKey, withPgClient, type Engine, type Figure } from './lib.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const BASE_SECONDS = Number(process.env.BENCH_BASE_SECONDS ?? 5);
const API_DIR = resolve(import.meta.dirname, '../apps/api');
/** Connections: per secretary, per leader (spread over the servers), and contention writers. */
const SECRETARY_CONNECTIONS = 4;
const LEADER_CONNECTIONS = 2;
const WRITERS = 4;

interface Result {
  servers: number; requests: number; rps: number; p50: number; p99: number; errors: number; non2xx: number;
  perServer: number[]; acknowledged: number; contendedOk: number; conflicts: number;
  missingRows: number; missingAudit: number; lost: number; baseRps: number; baseP50: number; baseP99: number; warmUpMs: number;
}

const freePort = () => new Promise<number>((res, rej) => {
  const s = createServer().listen(0, '127.0.0.1', () => { const a = s.address(); s.close(() => res(typeof a === 'object' && a ? a.port : 0)); });
  s.on('error', rej);
});

const running = new Set<ChildProcess>();
const stopAll = () => { for (const p of running) { try { process.kill(-p.pid!, 'SIGTERM'); } catch { /* already gone */ } } };

function startProcess(args: string[], cwd: string, env: NodeJS.ProcessEnv): ChildProcess {
  const p = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  running.add(p);
  p.on('exit', () => running.delete(p));
  return p;
}

async function stop(p: ChildProcess) {
  if (p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  try { process.kill(-p.pid!, 'SIGTERM'); } catch { return; }
  await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
}

async function waitFor(base: string, path: string) {
  for (let i = 0; i < 600; i++) {
    try { if ((await fetch(`${base}${path}`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${base} did not start`);
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** Bare Fastify in a process of its own under the same connections as the application gets. */
async function baseline(): Promise<{ rps: number; p50: number; p99: number }> {
  const port = await freePort();
  const fastify = createRequire(import.meta.resolve('@wj/api/app')).resolve('fastify');
  const code = `const F = (await import(${JSON.stringify(fastify)})).default; const app = F({ logger: false });
    app.get('/ping', async () => ({ ok: true })); await app.listen({ port: ${port}, host: '127.0.0.1' });`;
  const p = startProcess(['--input-type=module', '-e', code], import.meta.dirname, process.env);
  try {
    await waitFor(`http://127.0.0.1:${port}`, '/ping');
    const r = await autocannon({ url: `http://127.0.0.1:${port}/ping`, connections: 2 * SECRETARY_CONNECTIONS + LEADER_CONNECTIONS, duration: BASE_SECONDS });
    return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99 };
  } finally {
    await stop(p);
  }
}

/** Scale > 1: the commission that many times over, in the database the servers will open (they add the demo logins). */
async function prepareLarger(scale: number, dbPath: string): Promise<void> {
  const { db } = await commissionDb(scale); // SQLite: the cached file under out/; PostgreSQL: DATABASE_URL, loaded here
  try {
    // A copy, so that this run's writes never reach the cached file other benchmarks reuse.
    if (db.sqlite) db.sqlite.reader.prepare('VACUUM INTO ?').run(dbPath);
  } finally {
    await db.close();
  }
}

async function measure(scale: number): Promise<Result> {
  const pgUrl = process.env.DATABASE_URL;
  const serverCount = pgUrl ? 2 : 1;
  const base = await baseline();

  mkdirSync(OUT, { recursive: true });
  const dbPath = resolve(OUT, 'load.sqlite');
  for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`, `${dbPath}.lock`]) rmSync(f, { force: true });
  if (scale > 1) await prepareLarger(scale, dbPath);
  const ports = await Promise.all(Array.from({ length: serverCount }, freePort));
  const bases = ports.map((p) => `http://127.0.0.1:${p}`);
  // Both PostgreSQL servers start together on the empty database: one loads the demo data, the other waits for it.
  const servers = ports.map((port) => startProcess(['--import', 'tsx', 'src/server.ts'], API_DIR, {
    ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: dbPath, DEMO_DATA: 'true', LOG_LEVEL: 'warn',
    BACKUP_INTERVAL_HOURS: '0', ATTACHMENTS_DIR: resolve(OUT, 'load-attachments'),
  }));
  await Promise.all(bases.map((b) => waitFor(b, '/api/health')));

  const login = async (username: string): Promise<string> => {
    const res = await fetch(`${bases[0]}/api/auth/login`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo@2026' }),
    });
    if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
    return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
  };
  const json = async <T>(b: string, path: string, cookie: string): Promise<T> => {
    const res = await fetch(`${b}${path}`, { headers: { cookie } });
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    return res.json() as Promise<T>;
  };
  interface TreeNode { id: number; kind: string; children: TreeNode[] }
  const branchesOf = (n: TreeNode): number[] => (n.kind === 'branch' ? [n.id] : []).concat(...n.children.map(branchesOf));

  // Sessions live in the database: a login through the first server is valid on the second.
  const clients = await Promise.all(['renmin', 'yanke'].map(async (u) => {
    const cookie = await login(u);
    const tree = await json<{ root: TreeNode }>(bases[bases.length - 1]!, '/api/orgs/tree', cookie);
    return { user: u, cookie, branches: branchesOf(tree.root) };
  }));
  const leader = await login('leader');
  // Warm-up, not timed into the figures: each server's first dashboard scores the commission (cold), which at 10× takes
  // longer than a short run; the figures below are of the server once it holds the scores, as secretaries meet it all day.
  const warm = performance.now();
  for (const b of bases) for (const cookie of [...clients.map((c) => c.cookie), leader]) await json(b, '/api/quality/dashboard', cookie);
  const warmUpMs = Math.round(performance.now() - warm);

  // 1. Mixed traffic: per secretary, dashboard + branch page + score breakdown reads and meeting writes, spread over the servers.
  const acknowledged: number[] = [];
  let seq = 0;
  const runs: { server: number; run: ReturnType<typeof autocannon> }[] = [];
  for (const [s, url] of bases.entries()) {
    for (const c of clients) {
      runs.push({ server: s, run: autocannon({
        url, connections: SECRETARY_CONNECTIONS / serverCount, duration: SECONDS,
        headers: { cookie: c.cookie, 'content-type': 'application/json' },
        requests: [
          { method: 'GET', path: '/api/quality/dashboard' },
          { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/orgs/${c.branches[seq++ % c.branches.length]}` }) },
          { method: 'GET', setupRequest: (r) => ({ ...r, path: `/api/quality/branches/${c.branches[seq % c.branches.length]}` }) },
          {
            method: 'POST',
            setupRequest: (r) => ({
              ...r, path: `/api/orgs/${c.branches[seq++ % c.branches.length]}/meetings`,
              body: JSON.stringify({ type: 'theme_day', date: '2026-11-10', topic: `压测主题党日 ${c.user} ${seq}`, expected: 20, present: 18 }),
            }),
            onResponse: (status, body) => { if (status === 201) acknowledged.push(JSON.parse(body).id); },
          },
        ],
      }) });
    }
    runs.push({ server: s, run: autocannon({
      url, connections: LEADER_CONNECTIONS / serverCount, duration: SECONDS, headers: { cookie: leader },
      requests: [{ method: 'GET', path: '/api/quality/dashboard' }, { method: 'GET', path: '/api/quality/gaps' }],
    }) });
  }

  // 2. Contention: writers read-then-save the same few records; 409s are expected, lost updates are not.
  //    With two servers each writer reads through one and saves through the other.
  const owner = clients[0]!;
  const branch = owner.branches[0]!;
  const shared = (await json<{ id: number }[]>(bases[0]!, `/api/orgs/${branch}/meetings`, owner.cookie)).slice(0, 3).map((m) => m.id);
  if (shared.length < 3) throw new Error(`branch ${branch} has ${shared.length} meetings, the contention loop needs 3`);
  const savedPerRecord = new Map<number, number>(shared.map((id) => [id, 0]));
  let conflicts = 0;
  const until = Date.now() + SECONDS * 1000;
  const contention = Array.from({ length: WRITERS }, async (_, w) => {
    const readVia = bases[w % serverCount]!, saveVia = bases[(w + 1) % serverCount]!;
    for (let i = 0; Date.now() < until; i++) {
      const id = shared[(w + i) % shared.length]!;
      const list = await json<{ id: number; version: number; type: string; date: string; expected: number; present: number }[]>(readVia, `/api/orgs/${branch}/meetings`, owner.cookie);
      const m = list.find((x) => x.id === id)!;
      const res = await fetch(`${saveVia}/api/meetings/${id}`, {
        method: 'PUT', headers: { cookie: owner.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ type: m.type, date: m.date, topic: `并发修改 w${w} #${i}`, expected: m.expected, present: m.present, version: m.version }),
      });
      if (res.status === 200) savedPerRecord.set(id, savedPerRecord.get(id)! + 1);
      else if (res.status === 409) conflicts++;
      else throw new Error(`contention save answered ${res.status}: ${await res.text()}`);
    }
  });

  const [results] = await Promise.all([Promise.all(runs.map((r) => r.run)), Promise.all(contention)]);
  // autocannon abandons the requests in flight when its time is up; the servers are still answering them.
  // Let those finish (about one p99) before SIGTERM, so that shutdown does not cut them off.
  await new Promise((r) => setTimeout(r, Math.min(15_000, 1000 + Math.max(...results.map((x) => x.latency.p99)))));
  await Promise.all(servers.map(stop));

  // 3. Verification against the database.
  const checks = { missingRows: 0, missingAudit: 0, lost: 0 };
  type Q = (text: string, params: unknown[]) => Promise<Record<string, unknown> | undefined>;
  const verify = async (one: Q) => {
    for (const id of acknowledged) {
      if (!await one('select 1 as x from meetings where id = ?', [id])) checks.missingRows++;
      if (!await one("select 1 as x from audit_log where entity_type = 'meeting' and action = 'create' and entity_id = ?", [String(id)])) checks.missingAudit++;
    }
    for (const [id, n] of savedPerRecord) {
      const row = await one('select version from meetings where id = ?', [id]);
      const audits = await one("select count(*) as n from audit_log where entity_type = 'meeting' and action = 'update' and entity_id = ?", [String(id)]);
      if (Number(row?.version) !== 1 + n || Number(audits?.n) !== n) checks.lost++;
    }
  };
  if (pgUrl) {
    await withPgClient(pgUrl, (c) => verify(async (text, params) => {
      let i = 0;
      return (await c.query(text.replace(/\?/g, () => `$${++i}`), params)).rows[0];
    }));
  } else {
    const db = new Database(dbPath, { readonly: true });
    try { await verify(async (text, params) => db.prepare(text).get(...params) as Record<string, unknown> | undefined); } finally { db.close(); }
  }

  const all = results;
  return {
    servers: serverCount,
    requests: sum(all.map((r) => r.requests.total)),
    rps: sum(all.map((r) => r.requests.average)),
    p50: Math.max(...all.map((r) => r.latency.p50)),
    p99: Math.max(...all.map((r) => r.latency.p99)),
    errors: sum(all.map((r) => r.errors + r.timeouts)),
    non2xx: sum(all.map((r) => r.non2xx)),
    perServer: bases.map((_, s) => sum(results.filter((_r, i) => runs[i]!.server === s).map((r) => r.requests.total))),
    acknowledged: acknowledged.length,
    contendedOk: sum([...savedPerRecord.values()]),
    conflicts,
    ...checks,
    baseRps: base.rps, baseP50: base.p50, baseP99: base.p99, warmUpMs,
  };
}

if (IS_CHILD) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => { stopAll(); process.exit(130); });
  process.on('exit', stopAll);
  report(await measure(Number(process.env.BENCH_SCALE ?? 1)));
  process.exit(0);
}

// ---------------------------------------------------------------- parent
const script = fileURLToPath(import.meta.url);
const scales = (process.env.BENCH_LOAD_SCALES ?? '1,10').split(',').map(Number).filter((n) => Number.isInteger(n) && n > 0);
const { results, failed } = await acrossEngines<Result>({ script, bench: 'load', scales, pgScales: scales });
for (const scale of scales) {
  const cell = (engine: Engine, pick: (r: Result) => number | string) => {
    const r = results.get(resultKey(engine, scale));
    return r === undefined ? undefined : typeof r === 'string' ? r : pick(r);
  };
  const add = (label: string, pick: (r: Result) => number | string, digits = 0): Figure => ({ label, sqlite: cell('sqlite', pick), postgres: cell('postgres', pick), digits });
  const figures: Figure[] = [
    add('API server processes', (r) => String(r.servers)),
    add('warm-up: first dashboards, ms (not in the figures below)', (r) => r.warmUpMs),
    add('requests', (r) => r.requests),
    add('requests per server', (r) => r.perServer.join(' / ')),
    add('throughput req/s', (r) => r.rps),
    add('latency p50 ms (worst client)', (r) => r.p50),
    add('latency p99 ms (worst client)', (r) => r.p99),
    add('errors + timeouts', (r) => r.errors),
    add('non-2xx (mixed traffic)', (r) => r.non2xx),
    add('meeting writes acknowledged', (r) => r.acknowledged),
    add('contended saves accepted', (r) => r.contendedOk),
    add('contended saves refused (409)', (r) => r.conflicts),
    add('check: acknowledged, not in the database', (r) => r.missingRows),
    add('check: acknowledged, not in the audit log', (r) => r.missingAudit),
    add('check: records with a lost update', (r) => r.lost),
    add('baseline: bare Fastify req/s', (r) => r.baseRps),
    add('baseline: bare Fastify p50 / p99 ms', (r) => `${r.baseP50} / ${r.baseP99}`),
  ];
  printTable(`Load at ${scale}× the city — ${SECONDS}s, 2 unit secretaries × ${SECRETARY_CONNECTIONS} connections + 1 leader × ${LEADER_CONNECTIONS} + ${WRITERS} contention writers, spread over the servers (bare Fastify: ${BASE_SECONDS}s, same connections)`, figures);
}
const verdict = (engine: Engine, scale: number) => {
  const r = results.get(resultKey(engine, scale));
  if (!r || typeof r === 'string') return null;
  return r.missingRows === 0 && r.missingAudit === 0 && r.lost === 0;
};
let checkFailed = false;
for (const scale of scales) {
  for (const engine of ['sqlite', 'postgres'] as const) {
    const v = verdict(engine, scale);
    if (v === false) checkFailed = true;
    if (v !== null) console.log(`${engine} ${scale}×: ${v ? 'every acknowledged write is in the database and the audit log; every contended record\'s version = 1 + its accepted saves' : 'CHECK FAILED'}`);
  }
}
process.exit(failed || checkFailed ? 1 : 0);
