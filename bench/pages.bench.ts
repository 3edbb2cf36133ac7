/**
 * Page benchmark (issue 11, goal 4: pages cost what they show). At city size
 * and at each larger scale of BENCH_SCALES: p50/p95 of a 20-row member page
 * (one branch, one unit), an org detail (a unit), the org tree as the org
 * page loads it (its opening view, one unit's children on expand, a search by
 * name, a page of 100 of the root's units as 显示更多 asks, and all of them as
 * a picker's first level loads them past one page; gzip accepted, as a browser asks), the whole tree the pickers still
 * read (also received without decoding, to part the server and the wire from
 * the caller's gunzip) and the cached dashboard; then autocannon at 50
 * connections against `/api/health` and the cached dashboard (gzip accepted) beside a bare
 * Fastify route started here in the same process, at the same moment, and a bare route sending the
 * dashboard's own bytes and headers from memory (what the body costs apart from the application).
 * Prints figures and ratios only (larger scale ÷ city size for latency,
 * app ÷ bare for throughput); it never passes or fails on time.
 *   BENCH_ENGINE=sqlite BENCH_SCALES=1,100 npx tsx pages.bench.ts
 *   BENCH_REQUESTS (default 30) sequential requests per page; BENCH_CANNON_S (default 3) seconds per autocannon run,
 *   BENCH_CANNON_ROUNDS (default 3) rounds of bare / same bytes / health / dashboard, alternating; BENCH_CANNON_WORKERS=1 runs
 *   autocannon in a worker thread instead of this process;
 *   BENCH_CANNON_DECODE=1 lets autocannon turn every body into a string, as it does by default (see below)
 * SQLite's cached commission files (out/commission-x10.sqlite, -x100) are
 * copied to the temporary directory first: serving logs a user in, a write.
 */
import { request } from 'node:http';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import autocannon from 'autocannon';
import {
  acrossEngines, commissionCopy, enginesFromEnv, IS_CHILD, ms, now, percentile, printTable, report, resultKey, scalesFromEnv, serve, wireBytes,
  type Engine, type Figure,
} from './lib.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const CANNON_S = Number(process.env.BENCH_CANNON_S ?? 3);
const ROUNDS = Number(process.env.BENCH_CANNON_ROUNDS ?? 3);
/** BENCH_CANNON_WORKERS: autocannon's worker threads (0: in this process, where the bench's server also runs and reads of every answer land on its event loop). */
const CANNON_WORKERS = Number(process.env.BENCH_CANNON_WORKERS ?? 0);
const YEAR = 2026;
const AS_OF = '2026-11-20';

interface Timing { p50: number; p95: number }
interface Row {
  scale: number; orgs: number; members: number;
  branchPage: Timing; unitPage: Timing; detail: Timing; treeTop: Timing; treeTopGzipBytes: number; treeChildren: Timing; rootPage: Timing; rootChildren: Timing; treeSearch: Timing; tree: Timing; treeUndecoded: Timing; treeRevalidate: Timing; treeCold: number; treeBytes: number; treeGzipBytes: number; dashboard: Timing;
  bareRps: number; sameBytesRps: number; sameBytesGzip: number; healthRps: number; dashboardRps: number; healthP99: number; bareP99: number;
}

async function timedUndecoded(url: string, headers: Record<string, string>): Promise<Timing> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const t = now();
    await wireBytes(url, headers);
    if (i >= 3) times.push(ms(t));
  }
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function timed(url: string, headers: Record<string, string>, status = 200): Promise<{ timing: Timing; bytes: number }> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < REQUESTS + 3; i++) {
    const t = now();
    const res = await fetch(url, { headers });
    if (res.status !== status) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
    bytes = (await res.arrayBuffer()).byteLength;
    if (i >= 3) times.push(ms(t));
  }
  return { timing: { p50: percentile(times, 50), p95: percentile(times, 95) }, bytes };
}

/** One answer as it came off the socket: its status, headers and bytes (gzip not undone). */
function rawAnswer(url: string, headers: Record<string, string>): Promise<{ headers: Record<string, string>; body: Buffer }> {
  return new Promise((done, fail) => {
    const u = new URL(url);
    request({ host: u.hostname, port: u.port, path: u.pathname + u.search, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        if (res.statusCode !== 200) { fail(new Error(`${url} answered ${res.statusCode}`)); return; }
        // What the server chose to send; the framing headers are the server's own business.
        const kept = Object.entries(res.headers).filter(([k]) => !['date', 'connection', 'keep-alive', 'content-length', 'transfer-encoding'].includes(k));
        done({ headers: Object.fromEntries(kept.map(([k, v]) => [k, String(v)])), body: Buffer.concat(chunks) });
      });
    }).on('error', fail).end();
  });
}

type SameBytes = Awaited<ReturnType<typeof rawAnswer>>;

/**
 * The bare baselines: one route with a small JSON answer, no hooks, no database; and, when given, a second
 * route that sends the cached dashboard's very bytes with its very headers (gzip body, ETag, security headers)
 * from memory — what those bytes cost on the wire and in the client, apart from the application's work.
 */
async function bareServer(same?: SameBytes) {
  type Reply = { headers(h: Record<string, string>): Reply; send(b: Buffer): Reply };
  type Bare = { get(path: string, handler: (req: unknown, reply: Reply) => Promise<unknown>): void; listen(o: { port: number; host: string }): Promise<string>; server: import('node:http').Server; close(): Promise<void> };
  const { default: Fastify } = await import(createRequire(import.meta.resolve('@wj/api/app')).resolve('fastify')) as { default: (o: { logger: boolean }) => Bare };
  const app = Fastify({ logger: false });
  app.get('/ping', async () => ({ status: 'ok', time: new Date().toISOString() }));
  if (same) app.get('/same-bytes', async (_req, reply) => reply.headers(same.headers).send(same.body));
  await app.listen({ port: 0, host: '127.0.0.1' });
  const addr = app.server.address();
  const base = `http://127.0.0.1:${typeof addr === 'object' && addr ? addr.port : 0}`;
  return { url: `${base}/ping`, sameUrl: `${base}/same-bytes`, close: () => app.close() };
}

/**
 * autocannon's client appends every answer's body to a string (`req.body += chunk` in its request queue), kept
 * only for its expectBody/verifyBody checks, which this bench does not use. For a gzip body that is a UTF-8
 * decode of binary bytes on every answer — work no browser does, and in this process it competes with the
 * server: it took the dashboard's own bytes sent from a bare route from 65 % to 35 % of the bare route at city
 * size. Dropped here (bytes are still counted from the socket); BENCH_CANNON_DECODE=1 keeps it. autocannon's
 * worker threads (BENCH_CANNON_WORKERS) load their own copy and still decode.
 */
if (process.env.BENCH_CANNON_DECODE !== '1') {
  const queue = createRequire(createRequire(import.meta.url).resolve('autocannon'))('./lib/pipelinedRequestsQueue.js') as { prototype: { addBody(data: unknown): void } };
  queue.prototype.addBody = () => undefined;
}

async function cannon(url: string, headers: Record<string, string> = {}, duration = CANNON_S): Promise<{ rps: number; p99: number }> {
  const r = await autocannon({ url, connections: 50, duration, headers, ...(CANNON_WORKERS ? { workers: CANNON_WORKERS } : {}) });
  if (r.non2xx > 0 || r.errors > 0) throw new Error(`${url}: ${r.non2xx} non-2xx answers, ${r.errors} errors under load`);
  return { rps: r.requests.average, p99: r.latency.p99 };
}

async function measure(scale: number): Promise<Row> {
  const db = await commissionCopy(scale, 'pages');
  // Plain SQL through the driver (the same text on both engines).
  const rawRows = async <T>(db: Awaited<ReturnType<typeof commissionCopy>>, text: string, _params: []): Promise<T[]> =>
    (db.sqlite ? db.sqlite.reader.prepare(text).all() : (await db.pg!.pool.query(text)).rows) as T[];
  const [branch] = await rawRows<{ id: number; n: number }>(db, `select o.id as id, count(*) as n from orgs o join members m on m.org_id = o.id
    where o.kind = 'branch' and o.status = 'active' and m.status = 'active' group by o.id having count(*) >= 20 order by o.id limit 1`, []);
  const [unit] = await rawRows<{ id: number }>(db, `select id from orgs where unit_id = id and status = 'active' order by id limit 1`, []);
  const [root] = await rawRows<{ id: number }>(db, `select id from orgs where parent_id is null order by id limit 1`, []);
  const [sizes] = await rawRows<{ orgs: number; members: number }>(db, `select (select count(*) from orgs) as orgs, (select count(*) from members) as members`, []);
  if (!branch || !unit || !root || !sizes) throw new Error('the commission has no branch with 20 members, no unit or no root');

  const { app, base, cookie } = await serve(db);
  const auth = { cookie };
  const page = (id: number) => `${base}/api/orgs/${id}/members?page=1&pageSize=20&status=active`;
  const dashboardUrl = `${base}/api/quality/dashboard?year=${YEAR}&asOf=${AS_OF}`;

  // The dashboard first: its scoring would otherwise run under the page figures.
  let t = now();
  await (await fetch(dashboardUrl, { headers: auth })).arrayBuffer();
  console.log(`  scale ${scale}: dashboard first answer ${ms(t).toFixed(0)} ms (scoring; not a page figure)`);

  t = now();
  const cold = await fetch(`${base}/api/orgs/tree`, { headers: { ...auth, 'accept-encoding': 'gzip' } });
  if (cold.status !== 200) throw new Error(`tree answered ${cold.status}`);
  await cold.arrayBuffer();
  const treeCold = ms(t);
  // Node's fetch decodes gzip: the wire size is the answer's content-length.
  const treeGzipBytes = cold.headers.get('content-encoding') === 'gzip' ? Number(cold.headers.get('content-length')) : NaN;
  const plain = await fetch(`${base}/api/orgs/tree`, { headers: { ...auth, 'accept-encoding': 'identity' } });
  const treeBytes = (await plain.arrayBuffer()).byteLength;

  const branchPage = (await timed(page(branch.id), auth)).timing;
  const unitPage = (await timed(page(unit.id), auth)).timing;
  const detail = (await timed(`${base}/api/orgs/${unit.id}`, auth)).timing;
  // What the org page loads: its opening view, then a unit's children when the unit is expanded, or a search (the page asks for 50 matches).
  const gzipped = { ...auth, 'accept-encoding': 'gzip' };
  const treeTop = (await timed(`${base}/api/orgs/tree/top`, gzipped)).timing;
  const treeTopGzipBytes = await wireBytes(`${base}/api/orgs/tree/top`, gzipped);
  const treeChildren = (await timed(`${base}/api/orgs/${unit.id}/children`, gzipped)).timing;
  // 显示更多 asks for 100 of the root's units at a time (the opening view holds the first 100); measured from the start, so that
  // the city's 12 units and the province's first 100 compare. The pickers' first level (admin, viewer) past one page: all of them.
  const rootPage = (await timed(`${base}/api/orgs/${root.id}/children?offset=0&limit=100`, gzipped)).timing;
  const rootChildren = (await timed(`${base}/api/orgs/${root.id}/children`, gzipped)).timing;
  const treeSearch = (await timed(`${base}/api/orgs/tree/search?q=${encodeURIComponent('内科')}&limit=50`, gzipped)).timing;
  const tree = (await timed(`${base}/api/orgs/tree`, gzipped)).timing;
  const treeUndecoded = await timedUndecoded(`${base}/api/orgs/tree`, gzipped);
  const etag = plain.headers.get('etag') ?? '';
  const treeRevalidate = (await timed(`${base}/api/orgs/tree`, { ...auth, 'if-none-match': etag }, 304)).timing;
  const dashboard = (await timed(dashboardUrl, gzipped)).timing;

  // Rounds alternate bare, same bytes, health, dashboard, so that a change in the machine's load falls on all three alike; figures are the rounds' means.
  const sameBytes = await rawAnswer(dashboardUrl, gzipped);
  if (sameBytes.headers['content-encoding'] !== 'gzip') throw new Error('the dashboard came back without gzip');
  const bare = await bareServer(sameBytes);
  const runs = { bare: [] as { rps: number; p99: number }[], same: [] as { rps: number; p99: number }[], health: [] as { rps: number; p99: number }[], dash: [] as { rps: number; p99: number }[] };
  const targets: [keyof typeof runs, string, Record<string, string>][] = [];
  // The dashboard as a browser asks for it, gzip accepted: autocannon runs in this process and reads every answer's
  // body as a string, which for the 100x dashboard's 253 kB of JSON costs this process more than the server's work.
  targets.push(['bare', bare.url, {}], ['same', bare.sameUrl, gzipped], ['health', `${base}/api/health`, {}], ['dash', dashboardUrl, gzipped]);
  for (const [, url, headers] of targets) await cannon(url, headers, 1); // warm-up, not counted
  for (let round = 0; round < ROUNDS; round++) {
    // Each round starts at another target, so none is always the first after a pause.
    for (let i = 0; i < targets.length; i++) {
      const [name, url, headers] = targets[(round + i) % targets.length]!;
      runs[name].push(await cannon(url, headers));
    }
  }
  await bare.close();
  const mean = (xs: { rps: number; p99: number }[]) => ({ rps: xs.reduce((a, x) => a + x.rps, 0) / xs.length, p99: Math.max(...xs.map((x) => x.p99)) });
  const [bareRun, same, health, dash] = [mean(runs.bare), mean(runs.same), mean(runs.health), mean(runs.dash)];
  await app.close();
  await db.close();
  return {
    scale, orgs: sizes.orgs, members: sizes.members,
    branchPage, unitPage, detail, treeTop, treeTopGzipBytes, treeChildren, rootPage, rootChildren, treeSearch, tree, treeUndecoded, treeRevalidate, treeCold, treeBytes, treeGzipBytes, dashboard,
    bareRps: bareRun.rps, sameBytesRps: same.rps, sameBytesGzip: sameBytes.body.length, healthRps: health.rps, dashboardRps: dash.rps, healthP99: health.p99, bareP99: bareRun.p99,
  };
}

if (IS_CHILD) {
  report(await measure(Number(process.env.BENCH_SCALE ?? 1)));
  process.exit(0);
}

const { scales, pgScales, note } = scalesFromEnv();
const { results, failed } = await acrossEngines<Row>({ script: fileURLToPath(import.meta.url), bench: 'pages', scales, pgScales });
const engines = enginesFromEnv();
const get = (e: Engine, s: number) => { const r = results.get(resultKey(e, s)); return r && r !== 'failed' ? r : undefined; };
const cell = (e: Engine, s: number, f: (r: Row) => number | string) => (engines.includes(e) ? (get(e, s) ? f(get(e, s)!) : (results.has(resultKey(e, s)) ? 'failed' : undefined)) : undefined);
const pages: [string, (r: Row) => Timing][] = [
  ['member page (branch, 20 rows)', (r) => r.branchPage], ['member page (unit, 20 rows)', (r) => r.unitPage],
  ['org detail (unit)', (r) => r.detail],
  ['org tree as the page opens it (gzip)', (r) => r.treeTop], ['org tree: a unit expanded (its children)', (r) => r.treeChildren],
  ['org tree: 显示更多, a page of 100 of the root\'s units', (r) => r.rootPage], ['pickers past one page: all the root\'s units (admin, viewer)', (r) => r.rootChildren], ['org tree: a search by name (50 matches at most)', (r) => r.treeSearch],
  ['whole org tree, pickers (gzip, decoded)', (r) => r.tree], ['whole org tree, pickers (gzip, not decoded: server + transfer)', (r) => r.treeUndecoded],
  ['whole org tree revalidated (304)', (r) => r.treeRevalidate], ['cached dashboard', (r) => r.dashboard],
];
const figures: Figure[] = [];
for (const s of [...new Set([...scales, ...pgScales])].sort((a, b) => a - b)) {
  const at = (f: (r: Row) => number | string, label: string, digits = 1) => figures.push({ label: `${s}×: ${label}`, sqlite: cell('sqlite', s, f), postgres: cell('postgres', s, f), digits });
  at((r) => r.orgs, 'orgs', 0);
  at((r) => r.members, 'members', 0);
  for (const [label, f] of pages) {
    at((r) => f(r).p50, `${label} p50 ms`, 2);
    at((r) => f(r).p95, `${label} p95 ms`, 2);
  }
  at((r) => r.treeTopGzipBytes / 1024, 'org tree as the page opens it kB (gzip)', 1);
  at((r) => r.treeCold, 'whole org tree, first answer ms (built and kept)', 0);
  at((r) => r.treeBytes / 1024, 'whole org tree kB (plain)', 0);
  at((r) => r.treeGzipBytes / 1024, 'whole org tree kB (gzip)', 0);
  at((r) => r.bareRps, 'bare Fastify req/s (50 connections)', 0);
  at((r) => r.healthRps, '/api/health req/s (50 connections)', 0);
  at((r) => r.sameBytesRps, "bare Fastify sending the dashboard's bytes req/s (50 connections)", 0);
  at((r) => r.sameBytesGzip / 1024, 'cached dashboard kB (gzip, as sent)', 1);
  at((r) => r.dashboardRps, 'cached dashboard req/s (50 connections)', 0);
  at((r) => `${(100 * r.healthRps / r.bareRps).toFixed(0)} %`, '/api/health ÷ bare (goal ≥ 50 %)');
  at((r) => `${(100 * r.dashboardRps / r.bareRps).toFixed(0)} %`, 'cached dashboard ÷ bare (goal ≥ 50 %)');
  at((r) => `${(100 * r.sameBytesRps / r.bareRps).toFixed(0)} %`, "the dashboard's bytes from a bare route ÷ bare (the body's own cost)");
  at((r) => `${(100 * r.dashboardRps / r.sameBytesRps).toFixed(0)} %`, "cached dashboard ÷ the same bytes from a bare route (the application's cost)");
  at((r) => r.healthP99, '/api/health p99 ms under load (worst round)', 0);
  if (s === 1) continue;
  for (const [label, f] of pages) {
    const ratio = (e: Engine) => {
      const big = get(e, s);
      const city = get(e, 1);
      if (!engines.includes(e) || !results.has(resultKey(e, s))) return undefined;
      return big && city ? `${(f(big).p50 / f(city).p50).toFixed(2)}×` : '—';
    };
    figures.push({ label: `${s}×: ${label}: p50 ÷ city size (goal ≤ 3×)`, sqlite: ratio('sqlite'), postgres: ratio('postgres') });
  }
}
printTable('Pages: what one page costs at each size, and what every request pays', figures);
if (note) console.log(`\n${note}`);
if (failed) process.exitCode = 1;
