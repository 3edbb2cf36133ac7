/**
 * The kept org tree rebuilt after a write to orgs or members (issue 11,
 * goal 5): the server reads the records again a slice of org ids at a time
 * (apps/api/src/modules/orgs/org-index.ts, readRecordsInSlices) so that the
 * first request after such a write does not hold the event loop. Printed per
 * size (SQLite): the rebuild's time and the event loop's longest delay while
 * it runs (the longest gap between a 1 ms interval's ticks), beside the
 * baseline in the same process — the same two reads as one query each on the
 * driver (all active orgs in tree order; active members counted per org and
 * employment), which on SQLite holds the loop for all of its time.
 *   BENCH_SCALES=1,100 npx tsx tree-rebuild.bench.ts
 */
import { commissionCopy, ms, now, percentile } from './lib.js';

const SCALES = (process.env.BENCH_SCALES ?? '1,100').split(',').map(Number);
const ROUNDS = 5;

/** The work's time and the longest gap between the ticks of a 1 ms interval while it runs (the event loop held). */
async function loopMaxWhile(fn: () => Promise<unknown>): Promise<{ ms: number; loopMax: number }> {
  let last = performance.now();
  let max = 0;
  const tick = setInterval(() => { const t = performance.now(); max = Math.max(max, t - last); last = t; }, 1);
  await new Promise((r) => setTimeout(r, 5));
  last = performance.now();
  max = 0;
  const t = now();
  await fn();
  const took = ms(t);
  // One more turn, so that a block at the very end is seen.
  await new Promise((r) => setTimeout(r, 5));
  clearInterval(tick);
  return { ms: took, loopMax: max };
}

for (const scale of SCALES) {
  const db = await commissionCopy(scale, 'tree-rebuild');
  const { loadOrgIndex } = await import('@wj/api/org-index');
  const { recordAudit } = await import('@wj/api/audit');
  const { orgTreeBody, treeOf } = await import('@wj/api/org-tree');
  const { keptJson } = await import('@wj/api/kept-json');
  const { OrgTreeSchema } = await import('@wj/domain/schemas');
  const everything = { all: true, unitId: null, branchId: null };
  const reader = db.sqlite!.reader;
  const orgsSql = reader.prepare("select * from orgs where status = 'active' order by sort_order, id");
  const membersSql = reader.prepare("select org_id, employment, count(*) from members where status = 'active' group by org_id, employment");
  let orgCount = (await loadOrgIndex(db)).byId.size;
  const sliced: { ms: number; loopMax: number }[] = [];
  const raw: { ms: number; loopMax: number }[] = [];
  const body: { ms: number; loopMax: number }[] = [];
  const bodyOneGo: { ms: number; loopMax: number }[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    // A logged write to a member: the next read of the tree rebuilds it.
    await db.transaction((tx) => recordAudit(tx, null, { action: 'update', entityType: 'member', entityId: 1, orgId: 1 }));
    sliced.push(await loopMaxWhile(async () => { orgCount = (await loadOrgIndex(db)).byId.size; }));
    raw.push(await loopMaxWhile(async () => { orgsSql.all(); membersSql.all(); }));
    // Then the whole tree's answer for the commission (GET /api/orgs/tree), made once per tree version; and the same
    // JSON checked and serialized in one go, as it was made before.
    body.push(await loopMaxWhile(() => orgTreeBody(db, everything)));
    const index = await loadOrgIndex(db);
    bodyOneGo.push(await loopMaxWhile(async () => keptJson(OrgTreeSchema, { root: treeOf(index)! })));
  }
  const p50 = (xs: number[]) => percentile(xs, 50);
  const s = { ms: p50(sliced.map((x) => x.ms)), loop: Math.max(...sliced.map((x) => x.loopMax)) };
  const r = { ms: p50(raw.map((x) => x.ms)), loop: Math.max(...raw.map((x) => x.loopMax)) };
  console.log(`\n${scale}× (${orgCount} orgs), SQLite, ${ROUNDS} rebuilds after a logged member write:`);
  console.log(`  kept tree rebuilt in slices of org ids: p50 ${s.ms.toFixed(1)} ms, event loop max ${s.loop.toFixed(1)} ms (goal 5: ≤ 50)`);
  console.log(`  baseline, the two reads as one query each on the driver: p50 ${r.ms.toFixed(1)} ms, event loop max ${r.loop.toFixed(1)} ms`);
  const b = { ms: p50(body.map((x) => x.ms)), loop: Math.max(...body.map((x) => x.loopMax)) };
  const o = { ms: p50(bodyOneGo.map((x) => x.ms)), loop: Math.max(...bodyOneGo.map((x) => x.loopMax)) };
  console.log(`  then the whole tree's answer (GET /api/orgs/tree), made in slices: p50 ${b.ms.toFixed(1)} ms, event loop max ${b.loop.toFixed(1)} ms; in one go: p50 ${o.ms.toFixed(1)} ms, loop max ${o.loop.toFixed(1)} ms`);
  console.log(`  ratios: rebuild time ${(s.ms / r.ms).toFixed(2)}× the raw reads; loop max ${(s.loop / r.loop).toFixed(2)}× theirs`);
  await db.close();
}
