/**
 * Start → listening and start → first /api/health answer, for the API run
 * as TypeScript through tsx (how `pnpm start` ran before the production
 * build), for the build (`node dist/server.js`: the launcher, which starts
 * the CommonJS bundle from V8's code cache; once more without that cache; and the `start` script's
 * up-to-date check in front of it), and for a bare Fastify server with one
 * route started by node, the floor any server here pays.
 *
 * Each server is started STARTUP_RUNS times (default 5) on the same SQLite
 * file with the demo commission already in it (one start loads it first, not
 * counted), and the medians are printed. With 100 in BENCH_SCALES the build,
 * the start script and the bare server are started again on a copy (in /tmp:
 * the server writes) of bench/out/commission-x100.sqlite, 100× the city
 * (goal 7 of issue 11: start → listening ≤ 0.5 s at any size). "listening" is the moment the server
 * prints its "running at" line (after app.listen resolved); "first answer" is
 * the first 200 of /api/health, polled every 5 ms from the start. Beside the
 * times, the CPU time the process had used when it was listening (user +
 * system, from /proc; the start script's check, a finished child, included):
 * on a shared, loaded machine the figure other processes move least. tsx runs
 * the server in a child of its own, so its CPU column is left out.
 *
 *   cd bench && npx tsx startup.bench.ts      (builds the API first when stale)
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { request } from 'node:http';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const API = resolve(import.meta.dirname, '../apps/api');
const RUNS = Number(process.env.STARTUP_RUNS ?? 5);
const dir = mkdtempSync(join(tmpdir(), 'wj-startup-'));
const env = {
  ...process.env,
  HOST: '127.0.0.1', DATABASE_PATH: join(dir, 'startup.sqlite'), DEMO_DATA: 'true',
  LOG_LEVEL: 'warn', BACKUP_INTERVAL_HOURS: '0',
};
delete (env as Record<string, string | undefined>).DATABASE_URL;

const BARE = `
import Fastify from 'fastify';
const app = Fastify();
app.get('/api/health', async () => ({ ok: true }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
console.log('running at ' + process.env.PORT);
`;

interface Variant { label: string; cmd: string; args: string[]; env?: Record<string, string>; before?: () => void; after?: () => void }
/** V8's code cache of the bundle, which dist/server.js (the launcher) writes once a start listens and reads at each start after. */
const CODE_CACHE = join(API, 'dist/server.bundle.cjs.v8cache');
const variants: Variant[] = [
  { label: 'tsx src/server.ts (before)', cmd: join(API, 'node_modules/.bin/tsx'), args: ['src/server.ts'] },
  { label: 'node dist/server.js (build)', cmd: process.execPath, args: ['dist/server.js'] },
  { label: 'node dist/server.js without its code cache (set aside for each start)', cmd: process.execPath, args: ['dist/server.js'], before: () => renameSync(CODE_CACHE, `${CODE_CACHE}.kept`), after: () => renameSync(`${CODE_CACHE}.kept`, CODE_CACHE) },
  { label: 'start script: --if-stale check + node dist/server.js', cmd: 'sh', args: ['-c', `${process.execPath} scripts/build.mjs --if-stale && exec ${process.execPath} dist/server.js`] },
  { label: 'node dist/ext/server.js (npm dependencies left external)', cmd: process.execPath, args: ['dist/ext/server.js'] },
  { label: 'bare Fastify, one route (node)', cmd: process.execPath, args: ['--input-type=module', '-e', BARE] },
];

function health(port: number): Promise<boolean> {
  return new Promise((done) => {
    const req = request({ host: '127.0.0.1', port, path: '/api/health', timeout: 1000 }, (res) => { res.resume(); done(res.statusCode === 200); });
    req.on('error', () => done(false));
    req.on('timeout', () => { req.destroy(); done(false); });
    req.end();
  });
}

/** A port nobody listens on now (other servers of other runs share the machine). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const srv = createServer();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address() as AddressInfo; srv.close(() => done(port)); });
  });
}

/** One start: ms to the "running at" line and to the first 200 of /api/health; then SIGTERM and wait for the exit (the SQLite lock is released). */
/** CPU ms a running process (and its finished children) has used. */
function cpuMs(pid: number): number {
  try {
    const f = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10; // clock ticks of 10 ms
  } catch { return NaN; }
}

async function once(v: Variant): Promise<{ listening: number; answer: number; cpu: number }> {
  const port = await freePort();
  v.before?.();
  const t0 = performance.now();
  const child = spawn(v.cmd, v.args, { cwd: API, env: { ...env, ...v.env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'] });
  let listening = NaN;
  let cpu = NaN;
  let out = '';
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  child.stdout.on('data', (b: Buffer) => { out += b; if (Number.isNaN(listening) && out.includes('running at')) { listening = performance.now() - t0; cpu = cpuMs(child.pid!); } });
  child.stderr.on('data', (b: Buffer) => { out += b; });
  let answer = NaN;
  let dead = false;
  void exited.then(() => { dead = true; });
  while (!dead && performance.now() - t0 < 60_000) {
    if (await health(port)) { answer = performance.now() - t0; break; }
    await new Promise((r) => setTimeout(r, 5));
  }
  // The line may arrive just after the first answer: give stdout a moment.
  for (let i = 0; i < 100 && Number.isNaN(listening) && !dead; i++) await new Promise((r) => setTimeout(r, 5));
  child.kill('SIGTERM');
  await exited;
  v.after?.();
  if (Number.isNaN(answer)) throw new Error(`${v.label}: no answer from /api/health\n${out}`);
  return { listening, answer, cpu };
}

const median = (xs: number[]) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]!; };

try {
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale'], { cwd: API, stdio: 'inherit' });
  execFileSync(process.execPath, ['scripts/build.mjs', '--if-stale', '--deps-external'], { cwd: API, stdio: 'inherit', env: { ...process.env, API_DIST_DIR: 'dist/ext' } });
  await once(variants[1]!); // loads the demo commission into the file and writes the code cache: not counted
  const table = async (title: string, list: Variant[]) => {
    const rows: string[][] = [];
    for (const v of list) {
      const runs: { listening: number; answer: number; cpu: number }[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await once(v));
      const cpu = v.label.startsWith('tsx') ? NaN : median(runs.map((r) => r.cpu));
      rows.push([v.label, median(runs.map((r) => r.listening)).toFixed(0), median(runs.map((r) => r.answer)).toFixed(0), Number.isNaN(cpu) ? '—' : cpu.toFixed(0)]);
    }
    const last = rows[rows.length - 1]!;
    const bare = Number(last[2]);
    const bareCpu = Number(last[3]);
    console.log(`\nAPI start on SQLite (${title}), median of ${RUNS} starts, ms:`);
    console.log(['server', '→ listening', '→ first /api/health', 'answer ÷ bare', 'CPU ms at listening', 'CPU ÷ bare'].join(' | '));
    for (const r of rows) console.log([...r.slice(0, 3), (Number(r[2]) / bare).toFixed(1) + '×', r[3], r[3] === '—' ? '—' : (Number(r[3]) / bareCpu).toFixed(1) + '×'].join(' | '));
  };
  await table('demo commission', variants);
  if ((process.env.BENCH_SCALES ?? '').split(',').includes('100')) {
    const src = resolve(import.meta.dirname, 'out/commission-x100.sqlite');
    if (!existsSync(`${src}.ok`)) throw new Error(`${src} is not built (run the quality bench at BENCH_SCALES=100 first)`);
    const copy = join(dir, 'startup-x100.sqlite');
    copyFileSync(src, copy);
    if (existsSync(`${src}-wal`)) copyFileSync(`${src}-wal`, `${copy}-wal`);
    const x100 = { DATABASE_PATH: copy, DEMO_DATA: 'false' };
    await table('100× the city: 14,400 branches', [variants[1]!, variants[3]!, variants[5]!].map((v) => ({ ...v, env: x100 })));
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}
