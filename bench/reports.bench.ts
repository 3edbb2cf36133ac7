/**
 * Report export benchmark: the commission's annual report (.docx, with its two
 * charts) and the scores workbook (.xlsx, one sheet per unit) at city size and
 * 100×, through the real HTTP routes, on SQLite and PostgreSQL side by side
 * (BENCH_ENGINE, BENCH_PG_URL, BENCH_PG_SCALES as in quality.bench.ts).
 * Prints figures only; never passes or fails on time.
 *   pnpm bench:reports             (first run builds the 100× databases: minutes)
 *   BENCH_SCALES=1 pnpm bench:reports
 */
import { fileURLToPath } from 'node:url';
import { acrossEngines, commissionDb, IS_CHILD, ms, now, printTable, report, resultKey, scalesFromEnv, serve, type Engine, type Figure } from './lib.js';

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

async function measure(scale: number): Promise<Row> {
  const { db } = await commissionDb(scale);
  const { app, base, cookie } = await serve(db);
  const units = (await (await fetch(`${base}/api/quality/units?year=${YEAR}`, { headers: { cookie } })).json() as { items: unknown[] }).items.length;
  // The scores are computed once per (year, as-of) and cached: warm them so both exports time their own work.
  await fetch(`${base}/api/quality/dashboard?year=${YEAR}`, { headers: { cookie } });
  // At 100× the Word report's 附表 would run to 14,400 rows: the brief times the commission's report at city size.
  const docx = scale === 1 ? await time(`${base}/api/reports/annual.docx?year=${YEAR}`, cookie) : null;
  const xlsx = await time(`${base}/api/reports/scores.xlsx?year=${YEAR}`, cookie);
  await app.close();
  await db.close();
  return { scale, units, docx, xlsx };
}

if (IS_CHILD) {
  report(await measure(Number(process.env.BENCH_SCALE)));
  process.exit(0);
}

// ---------------------------------------------------------------- parent
const script = fileURLToPath(import.meta.url);
const { scales, pgScales, note } = scalesFromEnv();
const { results, failed } = await acrossEngines<Row>({ script, bench: 'reports', scales, pgScales });

const figures: Figure[] = [];
const cell = (engine: Engine, scale: number, pick: (r: Row) => number | string | null) => {
  const r = results.get(resultKey(engine, scale));
  return r === undefined ? undefined : typeof r === 'string' ? r : pick(r);
};
const add = (scale: number, label: string, pick: (r: Row) => number | string | null, digits = 0) =>
  figures.push({ label: `×${scale} ${label}`, sqlite: cell('sqlite', scale, pick), postgres: cell('postgres', scale, pick), digits });
for (const scale of [...new Set([...scales, ...pgScales])].sort((a, b) => a - b)) {
  add(scale, 'units', (r) => String(r.units));
  if (scale === 1) {
    add(scale, 'annual.docx first ms', (r) => r.docx?.firstMs ?? null);
    add(scale, 'annual.docx best ms', (r) => r.docx?.bestMs ?? null);
    add(scale, 'annual.docx kB', (r) => (r.docx ? r.docx.bytes / 1024 : null));
  }
  add(scale, 'scores.xlsx first ms', (r) => r.xlsx.firstMs);
  add(scale, 'scores.xlsx best ms', (r) => r.xlsx.bestMs);
  add(scale, 'scores.xlsx kB', (r) => r.xlsx.bytes / 1024);
  add(scale, 'scores.xlsx ms per unit sheet', (r) => r.xlsx.bestMs / r.units, 1);
}
printTable(`Report exports — ${RUNS} runs each after the scores are warm (the first includes chart rendering, later ones reuse cached charts)`, figures);
if (note) console.log(note);
process.exit(failed ? 1 : 0);
