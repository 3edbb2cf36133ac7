/**
 * Picker benchmark (issue 11, goal 4: pages cost what they show). At city
 * size and at each larger scale of BENCH_SCALES, as admin (the widest view):
 * what each org picker of the web app now loads — the report scope bar the
 * top level alone, and on 显示更多 the next page of the root's units
 * (GET /api/orgs/:id/children?offset=100&limit=100; at city size every unit
 * comes with the top level, so that row loads the top level only and says
 * so); a branch picker the top level and one unit's children when it is
 * opened, or one search as the user types; a picker opened on a saved value
 * the path down to it; the audit page the names of its page's orgs — beside
 * the whole tree they all read before. When the top level's root comes with
 * fewer children than its childCount (ORG_TOP_PAGE of them, past one page of
 * units), the branch pickers opening on it load the root's whole children
 * next (GET /api/orgs/:id/children, no offset/limit: useOrgLevels' rootRest in
 * apps/web/src), so those rows add that request and say so; the browser asks
 * it beside a saved value's path, here they are timed one after the other.
 * Bytes on the wire (gzip accepted, as a
 * browser asks) and p50 of the request decoded by the caller; SQLite only.
 * Prints figures and ratios only; it never passes or fails on time.
 *   BENCH_SCALES=1,100 npx tsx pickers.bench.ts      (BENCH_REQUESTS, default 20)
 * The cached commission file (out/commission-x100.sqlite) is copied first: serving logs a user in, a write.
 */
import { loadavg } from 'node:os';
import { ORG_TOP_PAGE } from '@wj/domain/schemas';
import { commissionCopy, ms, now, percentile, serve, wireBytes } from './lib.js';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 20);
const SCALES = (process.env.BENCH_SCALES ?? '1,100').split(',').map(Number);

/** p50 of the requests one after another, each decoded (fetch undoes gzip, as a browser does). */
async function p50(urls: string[], headers: Record<string, string>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < REQUESTS + 3; i++) {
    const t = now();
    for (const url of urls) {
      const res = await fetch(url, { headers });
      if (res.status !== 200) throw new Error(`${url} answered ${res.status}`);
      await res.arrayBuffer();
    }
    if (i >= 3) times.push(ms(t));
  }
  return percentile(times, 50);
}

/** `what` is the row's name at every scale (its ×first baseline is found by it); `also` what it loaded besides at this scale. */
type Row = { what: string; also: string; bytes: number; p50: number };

type TopNode = { id: number; childCount: number; children?: TopNode[] };

/**
 * What the pickers load after the top level: the branch pickers the root's whole children when the root came with
 * fewer than its childCount; the report scope bar, on 显示更多, the next page from the units sent.
 */
async function rootRest(top: string, headers: Record<string, string>): Promise<{ picker: boolean; sent: number; more: boolean; id: number }> {
  const res = await fetch(top, { headers });
  if (res.status !== 200) throw new Error(`${top} answered ${res.status}`);
  const { root, scopeId } = (await res.json()) as { root: TopNode; scopeId: number };
  const sent = root.children?.length ?? 0;
  return {
    // useOrgLevels: the caller's scope is the root and the root was sent with children, fewer than its childCount.
    picker: scopeId === root.id && root.children !== undefined && sent < root.childCount,
    // useReportScopes: 显示更多 is offered while fewer units were sent than the root's childCount.
    sent,
    more: sent < root.childCount,
    id: root.id,
  };
}

async function measure(scale: number): Promise<Row[]> {
  const db = await commissionCopy(scale, 'pickers');
  const rows = <T>(text: string) => db.sqlite!.reader.prepare(text).all() as T[];
  const [unit] = rows<{ id: number }>(`select id from orgs where unit_id = id and kind = 'party_committee' and status = 'active' order by id limit 1`);
  const [branch] = rows<{ id: number }>(`select id from orgs where kind = 'branch' and status = 'active' order by id desc limit 1`);
  const page = rows<{ id: number }>(`select id from orgs where status = 'active' order by id desc limit 20`);
  if (!unit || !branch) throw new Error('the commission has no unit or no branch');
  const { app, base, cookie } = await serve(db);
  const headers = { cookie, 'accept-encoding': 'gzip' };
  const u = (p: string) => `${base}/api${p}`;
  const top = u('/orgs/tree/top');
  const rest = await rootRest(top, headers);
  const whole = u(`/orgs/${rest.id}/children`);
  const ALSO = ' (top + the root\'s whole list)';
  /** The top level, then the root's whole children when this picker loads them. */
  const topThen = (loadsRest: boolean): string[] => (loadsRest ? [top, whole] : [top]);
  const also = (loadsRest: boolean) => (loadsRest ? ALSO : '');
  // 显示更多 is offered only past one page of units: with every unit sent the page loads the top level alone.
  const nextPage = rest.more ? [top, u(`/orgs/${rest.id}/children?offset=${rest.sent}&limit=${ORG_TOP_PAGE}`)] : [top];
  const cases: [string, string[], string][] = [
    ['whole tree (every picker before)', [u('/orgs/tree')], ''],
    ['report scope bar: top', [top], ''],
    [`report scope bar: 显示更多 (next ${ORG_TOP_PAGE})`, nextPage, rest.more ? ' (top + one page)' : ` (${rest.sent} units, all sent: top only)`],
    ['branch picker: top + open one unit', [...topThen(rest.picker), u(`/orgs/${unit.id}/children`)], also(rest.picker)],
    ['branch picker: one search (内科, 50)', [u(`/orgs/tree/search?q=${encodeURIComponent('内科')}&limit=50`)], ''],
    ['saved value: top + its path', [...topThen(rest.picker), u(`/orgs/tree/paths?ids=${branch.id}`)], also(rest.picker)],
    ['merge target: one unit\'s children', [u(`/orgs/${unit.id}/children`)], ''],
    ['audit page: names of 20 orgs', [u(`/orgs/tree/paths?ids=${page.map((p) => p.id).join(',')}`)], ''],
  ];
  const out: Row[] = [];
  for (const [what, urls, rowAlso] of cases) {
    let bytes = 0;
    for (const url of urls) bytes += await wireBytes(url, headers);
    out.push({ what, also: rowAlso, bytes, p50: await p50(urls, headers) });
  }
  await app.close();
  await db.close?.();
  return out;
}

const results = new Map<number, Row[]>();
for (const scale of SCALES) {
  const t = now();
  results.set(scale, await measure(scale));
  console.log(`scale ${scale}: measured in ${(ms(t) / 1000).toFixed(1)} s; load ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
}
const first = SCALES[0]!;
console.log(`\nwhat each picker loads (gzip bytes on the wire, p50 ms decoded; ratio to the whole tree at the same scale)`);
for (const scale of SCALES) {
  const rs = results.get(scale)!;
  const whole = rs[0]!;
  console.log(`\n  ×${scale}`);
  for (const r of rs) {
    const base = results.get(first)!.find((b) => b.what === r.what)!;
    console.log(`  ${(r.what + r.also).padEnd(68)} ${String(r.bytes).padStart(8)} B (${(r.bytes / whole.bytes).toFixed(3)}×)  ${r.p50.toFixed(2).padStart(7)} ms (${(r.p50 / whole.p50).toFixed(3)}×)${scale === first ? '' : `  vs ×${first}: ${(r.p50 / base.p50).toFixed(2)}×`}`);
  }
}
process.exit(0);
