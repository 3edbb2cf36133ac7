/**
 * Web app weight and speed (issue 11, item 8): the real server as its own
 * process on loopback, with the demo data on a temp SQLite file, serving the
 * built SPA (apps/web/dist — build it first, this builds nothing), read by
 * Chromium. Each run is a fresh browser context, so nothing is cached.
 * Prints figures, never pass/fail, each beside a baseline from the same run:
 *   - the JavaScript the login page downloads: gzip bytes (each script
 *     compressed here at level 9, whatever the server sent) and the bytes
 *     actually transferred (brotli, as the server negotiated it), against the
 *     200 kB goal;
 *   - first contentful paint of /login, against that of a static one-line
 *     page served from this process (the browser's own floor);
 *   - from submitting the login form to the dashboard's KPI numbers on screen,
 *     and to its charts drawn, against the API alone: the same login and
 *     dashboard requests sent from here, one after the other;
 *   - the whole dist: raw, and as sent with gzip and with brotli.
 *   pnpm --filter @wj/web build && pnpm --filter @wj/bench bench:web    (BENCH_RUNS=5)
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { OUT, percentile } from './lib.js';

// Playwright is the e2e package's dependency, borrowed from there (bench/package.json does not
// list it yet); its library API lives in playwright-core, whose types pnpm keeps in its own store.
type Playwright = typeof import('../node_modules/.pnpm/node_modules/playwright-core');
const { chromium } = createRequire(resolve(import.meta.dirname, '../e2e/package.json'))('@playwright/test') as Playwright;

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PORT = Number(process.env.BENCH_PORT ?? 3592);
const BASE = `http://127.0.0.1:${PORT}`;
// BENCH_WEB_DIST: another build to compare with (e.g. one from before a change).
const DIST = resolve(process.env.BENCH_WEB_DIST ?? resolve(import.meta.dirname, '../apps/web/dist'));
if (!existsSync(join(DIST, 'index.html'))) {
  console.error(`no build at ${DIST}: run pnpm --filter @wj/web build first`);
  process.exit(1);
}

const dbPath = resolve(OUT, 'web.sqlite');
mkdirSync(OUT, { recursive: true });
for (const f of [dbPath, `${dbPath}-wal`, `${dbPath}-shm`]) rmSync(f, { force: true });
const server = spawn('pnpm', ['--filter', '@wj/api', 'start'], {
  env: {
    ...process.env, PORT: String(PORT), HOST: '127.0.0.1', DATABASE_PATH: dbPath, WEB_DIST: DIST,
    DEMO_DATA: 'true', LOG_LEVEL: 'warn', LOGIN_RATE_MAX: '1000', BACKUP_INTERVAL_HOURS: '0',
  },
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

/** Every file of the build, as stored and as the server sends it with each encoding (the sibling if there is one). */
function distSizes() {
  let raw = 0, gzip = 0, brotli = 0, files = 0;
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) { walk(path); continue; }
      if (name.endsWith('.br') || name.endsWith('.gz')) continue;
      const size = statSync(path).size;
      const sibling = (ext: string) => (existsSync(path + ext) ? statSync(path + ext).size : size);
      files++;
      raw += size;
      gzip += sibling('.gz');
      brotli += sibling('.br');
    }
  };
  walk(DIST);
  return { files, raw, gzip, brotli };
}

// In-page code (serialized, so self-contained, with no named inner functions): this package type-checks against Node's types, not the DOM's, hence `any`.
const FCP = () => (globalThis as any).performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null;
const MARK_SUBMIT = () => {
  const win = (globalThis as any);
  win.document.querySelector('form').addEventListener('submit', () => { win.__submitAt = win.performance.now(); }, { capture: true, once: true });
};
/** Both headline KPI cards show a number: ms since the submit, else false (polled every frame). */
const KPIS_SHOWN = () => {
  const win = (globalThis as any);
  // No named helper inside: tsx would wrap it in a __name() call that does not exist in the page.
  const shown = ['党支部', '党员'].every((name) => /^\d/.test(win.document.querySelector(`[role="group"][aria-label="${name}"] .ant-statistic-content-value`)?.textContent ?? ''));
  return win.__submitAt !== undefined && shown ? win.performance.now() - win.__submitAt : false;
};
const CHARTS_DRAWN = () => {
  const win = (globalThis as any);
  return win.document.querySelectorAll('[role="img"] canvas').length >= 2 ? win.performance.now() - win.__submitAt : false;
};

/** The browser's floor for a first paint: a page of one line of text, no script, from a server in this process. */
const BARE_HTML = '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>基线</title></head><body><p>卫健党建质量平台</p></body></html>';
const bare = createServer((_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(BARE_HTML); });
await new Promise<void>((ok) => bare.listen(0, '127.0.0.1', ok));
const BARE_URL = `http://127.0.0.1:${(bare.address() as { port: number }).port}/`;

async function bareFcp(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<number> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(BARE_URL);
  await page.waitForFunction(FCP);
  const fcp = (await page.evaluate(FCP)) as number;
  await context.close();
  return fcp;
}

/** What the dashboard's numbers wait for on the server: the login, then the dashboard request, as the page sends them. */
async function apiOnly(): Promise<number> {
  const started = performance.now();
  const login = await fetch(`${BASE}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: 'Demo@2026' }),
  });
  if (!login.ok) throw new Error(`login: ${login.status}`);
  const cookie = login.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
  const dash = await fetch(`${BASE}/api/quality/dashboard`, { headers: { cookie } });
  if (!dash.ok) throw new Error(`dashboard: ${dash.status}`);
  await dash.arrayBuffer();
  return performance.now() - started;
}

interface Run { scripts: number; jsGzip: number; jsSent: number; fcp: number; kpis: number; charts: number }

async function oneRun(browser: Awaited<ReturnType<typeof chromium.launch>>): Promise<Run> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const scripts: Promise<{ gzip: number; sent: number }>[] = [];
  let recording = true;
  page.on('response', (res) => {
    if (!recording || res.request().resourceType() !== 'script') return;
    scripts.push(Promise.all([res.body(), res.request().sizes()]).then(([body, sizes]) => ({
      gzip: gzipSync(body, { level: 9 }).length,
      sent: sizes.responseBodySize,
    })));
  });
  await page.goto(`${BASE}/login`);
  await page.getByLabel('用户名').waitFor();
  await page.waitForLoadState('networkidle');
  recording = false;
  const login = await Promise.all(scripts);
  const fcp = (await page.evaluate(FCP)) as number | null;
  if (fcp === null) throw new Error('no first-contentful-paint entry');

  await page.getByLabel('用户名').fill('admin');
  await page.getByLabel('密码').fill('Demo@2026');
  await page.evaluate(MARK_SUBMIT);
  await page.getByRole('button', { name: /登\s*录/ }).click();
  const kpis = (await (await page.waitForFunction(KPIS_SHOWN, undefined, { timeout: 60_000 })).jsonValue()) as number;
  const charts = (await (await page.waitForFunction(CHARTS_DRAWN, undefined, { timeout: 60_000 })).jsonValue()) as number;
  await context.close();
  return {
    scripts: login.length,
    jsGzip: login.reduce((a, s) => a + s.gzip, 0),
    jsSent: login.reduce((a, s) => a + s.sent, 0),
    fcp, kpis, charts,
  };
}

await waitForServer();
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
// One run to warm the server (its first dashboard request computes the scores), not counted.
await oneRun(browser);
const runs: Run[] = [];
for (let i = 0; i < RUNS; i++) runs.push(await oneRun(browser));
const bareRuns: number[] = [];
const apiRuns: number[] = [];
for (let i = 0; i < RUNS; i++) {
  bareRuns.push(await bareFcp(browser));
  apiRuns.push(await apiOnly());
}
await browser.close();
bare.close();
stopServer();

const kB = (n: number) => `${(n / 1000).toFixed(1)} kB`;
const stat = (xs: number[]) => `median ${percentile(xs, 50).toFixed(0)} ms (min ${Math.min(...xs).toFixed(0)}, max ${Math.max(...xs).toFixed(0)})`;
const ratio = (xs: number[], base: number[]) => `${(percentile(xs, 50) / percentile(base, 50)).toFixed(2)}×`;
const LOGIN_JS_GOAL = 200_000;
const first = runs[0]!;
const dist = distSizes();
console.log(`\nWeb — ${RUNS} cold runs (fresh browser context each), Chromium on loopback`);
console.log(`/login JavaScript: ${first.scripts} scripts, ${kB(first.jsGzip)} gzip, ${kB(first.jsSent)} transferred (brotli); goal ≤ ${kB(LOGIN_JS_GOAL)} gzip: ${(first.jsGzip / LOGIN_JS_GOAL).toFixed(2)}× the goal`);
console.log(`/login first contentful paint: ${stat(runs.map((r) => r.fcp))}`);
console.log(`  baseline, a static one-line page: ${stat(bareRuns)}; /login ${ratio(runs.map((r) => r.fcp), bareRuns)} of it`);
console.log(`login submit → dashboard KPI numbers shown: ${stat(runs.map((r) => r.kpis))}`);
console.log(`login submit → dashboard charts drawn: ${stat(runs.map((r) => r.charts))}`);
console.log(`  baseline, the API alone (login, then the dashboard request): ${stat(apiRuns)}; KPI numbers ${ratio(runs.map((r) => r.kpis), apiRuns)}, charts ${ratio(runs.map((r) => r.charts), apiRuns)} of it`);
console.log(`dist: ${dist.files} files, ${kB(dist.raw)} raw, ${kB(dist.gzip)} gzip, ${kB(dist.brotli)} brotli`);
process.exit(0);
