/**
 * Load benchmark (issue: holding up): the real server as its own process on
 * loopback with the demo data, several unit secretaries at once reading the
 * dashboard and branch pages and recording 组织生活, plus a contention loop of
 * read-then-save on shared records. Bounded in time; prints throughput,
 * latency, errors, and afterwards checks that every acknowledged write is in
 * the database and in the audit log, and that no update was lost.
 *   pnpm --filter @wj/bench bench:load      (BENCH_SECONDS=20 by default)
 */
import { spawn } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { OUT } from './lib.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const PORT = Number(process.env.BENCH_PORT ?? 3590);
const BASE = `http://127.0.0.1:${PORT}`;
const dbPath = resolve(OUT, 'load.sqlite');
mkdirSync(OUT, { recursive: true });
for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });

const server = spawn('pnpm', ['--filter', '@wj/api', 'start'], {
  env: { ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: dbPath, DEMO_DATA: 'true', LOG_LEVEL: 'warn', BACKUP_INTERVAL_HOURS: '0' },
  stdio: ['ignore', 'inherit', 'inherit'],
  detached: true,
});
const stopServer = () => { try { process.kill(-server.pid!, 'SIGTERM'); } catch { /* already gone */ } };
process.on('exit', stopServer);

async function waitForServer() {
  for (let i = 0; i < 120; i++) {
    try { if ((await fetch(`${BASE}/api/health`)).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('server did not start');
}

async function login(username: string): Promise<string> {
  const res = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'Demo@2026' }),
  });
  if (!res.ok) throw new Error(`login ${username}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

const json = async <T>(path: string, cookie: string): Promise<T> => (await fetch(`${BASE}${path}`, { headers: { cookie } })).json() as Promise<T>;
interface TreeNode { id: number; kind: string; children: TreeNode[] }
const branchesOf = (n: TreeNode): number[] => (n.kind === 'branch' ? [n.id] : []).concat(...n.children.map(branchesOf));

await waitForServer();
const secretaries = ['renmin', 'yanke'];
const clients = await Promise.all(secretaries.map(async (u) => {
  const cookie = await login(u);
  const tree = await json<{ root: TreeNode }>('/api/orgs/tree', cookie);
  return { user: u, cookie, branches: branchesOf(tree.root) };
}));
const leader = await login('leader');

// 1. Mixed traffic: per secretary, dashboard + branch page + score breakdown reads and meeting writes.
const acknowledged: { user: string; id: number }[] = [];
let seq = 0;
const runs = clients.map((c) => autocannon({
  url: BASE,
  connections: 4,
  duration: SECONDS,
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
      onResponse: (status, body) => { if (status === 201) acknowledged.push({ user: c.user, id: JSON.parse(body).id }); },
    },
  ],
}));
runs.push(autocannon({ url: BASE, connections: 2, duration: SECONDS, headers: { cookie: leader }, requests: [{ method: 'GET', path: '/api/quality/dashboard' }, { method: 'GET', path: '/api/quality/gaps' }] }));

// 2. Contention: several writers read-then-save the same few records; 409s are expected, lost updates are not.
const shared = (await json<{ id: number }[]>(`/api/orgs/${clients[0]!.branches[0]}/meetings`, clients[0]!.cookie)).slice(0, 3).map((m) => m.id);
const savedPerRecord = new Map<number, number>(shared.map((id) => [id, 0]));
let conflicts = 0;
const until = Date.now() + SECONDS * 1000;
const contention = Array.from({ length: 4 }, async (_, w) => {
  const cookie = clients[0]!.cookie;
  for (let i = 0; Date.now() < until; i++) {
    const id = shared[(w + i) % shared.length]!;
    const list = await json<{ id: number; version: number; type: string; date: string; expected: number; present: number }[]>(`/api/orgs/${clients[0]!.branches[0]}/meetings`, cookie);
    const m = list.find((x) => x.id === id)!;
    const res = await fetch(`${BASE}/api/meetings/${id}`, {
      method: 'PUT', headers: { cookie, 'content-type': 'application/json' },
      body: JSON.stringify({ type: m.type, date: m.date, topic: `并发修改 w${w} #${i}`, expected: m.expected, present: m.present, version: m.version }),
    });
    if (res.status === 200) savedPerRecord.set(id, savedPerRecord.get(id)! + 1);
    else if (res.status === 409) conflicts++;
    else throw new Error(`contention save answered ${res.status}`);
  }
});

const [results] = await Promise.all([Promise.all(runs), Promise.all(contention)]);
stopServer();
await new Promise((r) => setTimeout(r, 1500));

// 3. Verification against the database file.
const db = new Database(dbPath, { readonly: true });
const missingRows = acknowledged.filter((a) => !db.prepare('select 1 from meetings where id = ?').get(a.id));
const missingAudit = acknowledged.filter((a) => !db.prepare("select 1 from audit_log where entity_type = 'meeting' and action = 'create' and entity_id = ?").get(String(a.id)));
const lost = [...savedPerRecord].filter(([id, n]) => {
  const row = db.prepare('select version from meetings where id = ?').get(id) as { version: number };
  const audits = (db.prepare("select count(*) as n from audit_log where entity_type = 'meeting' and action = 'update' and entity_id = ?").get(String(id)) as { n: number }).n;
  return row.version !== 1 + n || audits !== n;
});
db.close();

const total = { requests: 0, errors: 0, non2xx: 0, p50: [] as number[], p99: [] as number[], rps: 0 };
for (const r of results) {
  total.requests += r.requests.total; total.errors += r.errors + r.timeouts; total.non2xx += r.non2xx;
  total.p50.push(r.latency.p50); total.p99.push(r.latency.p99); total.rps += r.requests.average;
}
console.log(`\nLoad — ${SECONDS}s, ${clients.length} unit secretaries × 4 connections + 1 leader × 2 + 4 contention writers`);
console.log(`requests ${total.requests}, throughput ${total.rps.toFixed(0)} req/s, latency p50 ${Math.max(...total.p50)} ms, p99 ${Math.max(...total.p99)} ms (worst client)`);
console.log(`errors ${total.errors}, non-2xx ${total.non2xx}; writes acknowledged ${acknowledged.length}; contention saves ${[...savedPerRecord.values()].reduce((a, b) => a + b, 0)} ok / ${conflicts} refused with 409`);
console.log(`verification: acknowledged writes missing from the database ${missingRows.length}, missing from the audit log ${missingAudit.length}, records with a lost update ${lost.length}`);
process.exit(0);
