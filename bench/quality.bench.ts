/**
 * Quality-model benchmark (issue: the branch quality model and the dashboard).
 * Prints figures and ratios only; it never passes or fails on time.
 *   pnpm bench            city size and 100× (first run builds the 100× file: a few minutes)
 *   BENCH_SCALES=1,10 pnpm bench
 */
import { scoreBranch, scoreUnit, DEFAULT_RULES } from '@wj/domain/quality';
import { loadFacts } from '@wj/api/facts';
import { commissionDb, ms, now, percentile, serve } from './lib.js';

const scales = (process.env.BENCH_SCALES ?? '1,100').split(',').map(Number);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 30);
const YEAR = 2026;
const AS_OF = '2026-11-20';

interface Row { scale: number; branches: number; members: number; loadMs: number | null; factsMs: number; scoreMs: number; coldMs: number; p50: number; p95: number }
const rows: Row[] = [];

for (const scale of scales) {
  const { db, loadMs } = commissionDb(scale);
  let t = now();
  const facts = loadFacts(db, YEAR);
  const factsMs = ms(t);
  t = now();
  const scores = facts.branches.map((f) => scoreBranch(f, DEFAULT_RULES, { year: YEAR, asOf: AS_OF }));
  facts.units.forEach((u) => scoreUnit(u, scores.filter((s, i) => facts.branches[i]!.unitId === u.orgId), DEFAULT_RULES, { year: YEAR, asOf: AS_OF }));
  const scoreMs = ms(t);
  const members = facts.branches.reduce((n, b) => n + b.members.length, 0);

  const { app, base, cookie } = await serve(db);
  const url = `${base}/api/quality/dashboard?year=${YEAR}&asOf=${AS_OF}`;
  t = now();
  const first = await fetch(url, { headers: { cookie } });
  if (first.status !== 200) throw new Error(`dashboard answered ${first.status}: ${await first.text()}`);
  await first.arrayBuffer();
  const coldMs = ms(t);
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    t = now();
    await (await fetch(url, { headers: { cookie } })).arrayBuffer();
    times.push(ms(t));
  }
  await app.close();
  rows.push({ scale, branches: facts.branches.length, members, loadMs, factsMs, scoreMs, coldMs, p50: percentile(times, 50), p95: percentile(times, 95) });
}

const f = (n: number | null) => (n === null ? '(cached)' : n.toFixed(1));
console.log('\nQuality model — scoring and dashboard latency');
console.log('scale  branches  members   load ms   facts ms  score ms  dash cold ms  dash p50 ms  dash p95 ms');
for (const r of rows) {
  console.log(`${String(r.scale).padStart(5)}  ${String(r.branches).padStart(8)}  ${String(r.members).padStart(7)}  ${f(r.loadMs).padStart(8)}  ${f(r.factsMs).padStart(9)}  ${f(r.scoreMs).padStart(8)}  ${f(r.coldMs).padStart(12)}  ${f(r.p50).padStart(11)}  ${f(r.p95).padStart(11)}`);
}
if (rows.length > 1) {
  const a = rows[0]!, b = rows[rows.length - 1]!;
  console.log(`\nratios ×${b.scale / a.scale} size: branches ${(b.branches / a.branches).toFixed(0)}×, facts ${(b.factsMs / a.factsMs).toFixed(1)}×, scoring ${(b.scoreMs / a.scoreMs).toFixed(1)}×, cold dashboard ${(b.coldMs / a.coldMs).toFixed(1)}×, cached p50 ${(b.p50 / a.p50).toFixed(1)}×`);
  console.log(`per branch: scoring ${(a.scoreMs / a.branches * 1000).toFixed(0)} µs (×1) vs ${(b.scoreMs / b.branches * 1000).toFixed(0)} µs (×${b.scale})`);
}
process.exit(0);
