/**
 * `pnpm bench`: every benchmark, one after another, in one run, each as its
 * own process (so that one's memory and caches never reach the next) with its
 * own figures and in-run baselines. Before and after each one the machine's
 * load average is printed, since absolute times on a shared 2-core machine
 * move with it; ratios against the baseline measured in the same process are
 * what the figures claim. A benchmark that fails is reported and the others
 * still run; the exit code says whether any failed.
 *
 *   pnpm bench                          all of them, with each one's defaults (scales 1× and 100×, both engines)
 *   BENCH_ONLY=quality,pages pnpm bench  some of them
 * Each benchmark's own variables (BENCH_ENGINE, BENCH_SCALES, BENCH_PG_URL, …) pass through.
 * The web benchmark needs the built SPA (`pnpm build`); it is built here when apps/web/dist is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { loadavg } from 'node:os';
import { resolve } from 'node:path';

const BENCHES: { name: string; file: string; what: string }[] = [
  { name: 'quality', file: 'quality.bench.ts', what: 'scoring the commission: facts, scoring, first dashboard, against the raw SQL pass' },
  { name: 'kept', file: 'kept.bench.ts', what: 'scores kept: start → first dashboard, the read after a write, memory' },
  { name: 'pages', file: 'pages.bench.ts', what: 'pages cost what they show: member page, org detail, tree, health and dashboard throughput' },
  { name: 'tree-rebuild', file: 'tree-rebuild.bench.ts', what: 'the kept org tree rebuilt after a member write: its time and the event loop, against the raw reads' },
  { name: 'pickers', file: 'pickers.bench.ts', what: 'what each org picker loads by level, against the whole tree' },
  { name: 'cold', file: 'cold.bench.ts', what: 'a cold computation off the event loop: /api/health while the first dashboard is scored' },
  { name: 'exports', file: 'exports.bench.ts', what: 'no request waits behind an export: /api/health while four exports run' },
  { name: 'reports', file: 'reports.bench.ts', what: 'the annual report and the scores workbook' },
  { name: 'load', file: 'load.bench.ts', what: 'many secretaries at once, with the no-lost-update check' },
  { name: 'startup', file: 'startup.bench.ts', what: 'start → listening and → first answer' },
  { name: 'web', file: 'web.bench.ts', what: 'the web app in Chromium: login JavaScript, first paint, time to the dashboard' },
];

const only = process.env.BENCH_ONLY?.split(',').map((s) => s.trim()).filter(Boolean);
const chosen = BENCHES.filter((b) => (!only || only.includes(b.name)) && existsSync(resolve(import.meta.dirname, b.file)));
const load = () => loadavg().map((x) => x.toFixed(1)).join(' / ');
const root = resolve(import.meta.dirname, '..');

if (chosen.some((b) => b.name === 'web') && !existsSync(resolve(root, 'apps/web/dist/index.html'))) {
  spawnSync('pnpm', ['--filter', '@wj/web', 'build'], { cwd: root, stdio: 'inherit' });
}

const results: { name: string; ok: boolean; seconds: number; before: string; after: string }[] = [];
console.log(`benchmarks: ${chosen.map((b) => b.name).join(', ')} — ${new Date().toISOString()}, ${process.version}, load average (1/5/15 min) ${load()}`);
for (const b of chosen) {
  const before = load();
  console.log(`\n=== ${b.name}: ${b.what} (load average before: ${before}) ===`);
  const t = performance.now();
  const run = spawnSync(process.execPath, ['--import', 'tsx', b.file], { cwd: import.meta.dirname, stdio: 'inherit', env: process.env });
  const seconds = Math.round((performance.now() - t) / 1000);
  const after = load();
  results.push({ name: b.name, ok: run.status === 0, seconds, before, after });
  console.log(`=== ${b.name}: ${run.status === 0 ? 'done' : `FAILED (exit ${run.status ?? run.signal})`} in ${seconds} s (load average after: ${after}) ===`);
}

console.log('\nsummary');
for (const r of results) console.log(`  ${r.name.padEnd(8)} ${r.ok ? 'done  ' : 'FAILED'} ${String(r.seconds).padStart(5)} s   load average ${r.before} → ${r.after}`);
process.exit(results.every((r) => r.ok) ? 0 : 1);
