/**
 * Report export benchmark: the commission's annual report (.docx, with its two
 * charts) and the scores workbook (.xlsx, one sheet per unit) at city size and
 * 100×, through the real HTTP routes. Prints figures only; never passes or
 * fails on time.
 *   pnpm bench:reports             (first run builds the 100× file: a few minutes)
 *   BENCH_SCALES=1 pnpm bench:reports
 */
import { commissionDb, ms, now, serve } from './lib.js';

const scales = (process.env.BENCH_SCALES ?? '1,100').split(',').map(Number);
const RUNS = Number(process.env.BENCH_RUNS ?? 3);
const YEAR = 2026;

interface Timing { firstMs: number; bestMs: number; bytes: number }

async function time(url: string, cookie: string): Promise<Timing> {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < RUNS; i++) {
    const t = now();
    const res = await fetch(url, { headers: { cookie } });
    if (res.status !== 200) throw new Error(`${url} answered ${res.status}: ${await res.text()}`);
    bytes = (await res.arrayBuffer()).byteLength;
    times.push(ms(t));
  }
  return { firstMs: times[0]!, bestMs: Math.min(...times), bytes };
}

interface Row { scale: number; units: number; docx: Timing | null; xlsx: Timing }
const rows: Row[] = [];

for (const scale of scales) {
  const { db } = commissionDb(scale);
  const { app, base, cookie } = await serve(db);
  const units = (await (await fetch(`${base}/api/quality/units?year=${YEAR}`, { headers: { cookie } })).json() as { items: unknown[] }).items.length;
  // The scores are computed once per (year, as-of) and cached: warm them so both exports time their own work.
  await fetch(`${base}/api/quality/dashboard?year=${YEAR}`, { headers: { cookie } });
  // At 100× the Word report's 附表 would run to 14,400 rows: the brief times the commission's report at city size.
  const docx = scale === 1 ? await time(`${base}/api/reports/annual.docx?year=${YEAR}`, cookie) : null;
  const xlsx = await time(`${base}/api/reports/scores.xlsx?year=${YEAR}`, cookie);
  await app.close();
  rows.push({ scale, units, docx, xlsx });
}

const f = (n: number) => n.toFixed(0).padStart(8);
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`.padStart(10);
console.log(`\nReport exports — ${RUNS} runs each after the scores are warm (first run includes chart rendering, later ones reuse cached charts)`);
console.log('scale  units  export          first ms   best ms        size');
for (const r of rows) {
  if (r.docx) console.log(`${String(r.scale).padStart(5)}  ${String(r.units).padStart(5)}  annual.docx     ${f(r.docx.firstMs)}  ${f(r.docx.bestMs)}  ${kb(r.docx.bytes)}`);
  console.log(`${String(r.scale).padStart(5)}  ${String(r.units).padStart(5)}  scores.xlsx     ${f(r.xlsx.firstMs)}  ${f(r.xlsx.bestMs)}  ${kb(r.xlsx.bytes)}`);
}
if (rows.length > 1) {
  const a = rows[0]!, b = rows[rows.length - 1]!;
  console.log(`\nscores.xlsx ×${b.scale / a.scale} size: ${(b.xlsx.bestMs / a.xlsx.bestMs).toFixed(1)}× the time, ${(b.xlsx.bytes / a.xlsx.bytes).toFixed(1)}× the bytes; ${(b.xlsx.bestMs / b.units).toFixed(1)} ms per unit sheet`);
}
process.exit(0);
