import { aggregateGaps, BRANCH_DIMENSIONS, tenthsOf, type BranchDimension } from '@wj/domain/quality';
import type { Dashboard } from '@wj/domain/schemas';
import { SLICE_MS, yieldToLoop } from './event-loop.js';
import { BUCKETS, type GapTally, type UnitPart } from './unit-parts.js';
import type { YearParts } from './year-parts.js';

/**
 * What the committee's dashboard sums over every unit (views.ts), kept per
 * state of the scores: the units' subtotals in unit-id order, their sums and
 * merged 问题清单 tallies, and the ranking in order. Made once by a pass over
 * the units; a state made by a refresh after a write (year-parts.ts withUnits)
 * gets them from the previous state's by taking the written units' old
 * subtotals away and adding their new ones — a write costs its units, not a
 * pass over the commission. Score sums are kept in tenths (every branch and
 * dimension score is rounded to one decimal), as integers, so that taking a
 * part away gives exactly the sum over the others.
 */
export interface Totals {
  /** Units with a unit score (row). */
  units: number;
  branches: number;
  inService: number;
  retired: number;
  totalTenths: number;
  belowPass: number;
  grades: { good: number; fair: number; poor: number };
  buckets: number[];
  dimTenths: Record<BranchDimension, number>;
  dimCount: Record<BranchDimension, number>;
  problems: number;
  /** The units' own tallies (of units with a row) and their branches', merged by line key. */
  unitGaps: Map<string, GapTally>;
  branchGaps: Map<string, GapTally>;
}

interface Order { ids: number[]; parts: UnitPart[] }
interface Ranked { id: number; entry: Dashboard['unitRanking'][number] }

const orders = new WeakMap<YearParts, Order>();
const totals = new WeakMap<YearParts, Totals>();
const rankings = new WeakMap<YearParts, { ranked: Ranked[]; entries: Dashboard['unitRanking'] }>();

const tenths = tenthsOf;
const zero = () => Object.fromEntries(BRANCH_DIMENSIONS.map((d) => [d, 0])) as Record<BranchDimension, number>;


function orderOf(yp: YearParts): Order {
  let o = orders.get(yp);
  if (!o) {
    const ids = [...yp.parts.keys()].sort((a, b) => a - b);
    orders.set(yp, (o = { ids, parts: ids.map((id) => yp.parts.get(id)!) }));
  }
  return o;
}

/** The subtotals in unit-id order: the order the dashboard lists units in. */
export const partsInOrder = (yp: YearParts): UnitPart[] => orderOf(yp).parts;

function emptyTotals(): Totals {
  return {
    units: 0, branches: 0, inService: 0, retired: 0, totalTenths: 0, belowPass: 0, grades: { good: 0, fair: 0, poor: 0 },
    buckets: BUCKETS.map(() => 0), dimTenths: zero(), dimCount: zero(), problems: 0, unitGaps: new Map(), branchGaps: new Map(),
  };
}

interface Lost { unit: Set<string>; branch: Set<string> }

function add(t: Totals, p: UnitPart, sign: 1 | -1, lost: Lost): void {
  if (p.row) t.units += sign;
  t.branches += sign * p.branchCount;
  t.inService += sign * p.inService;
  t.retired += sign * p.retired;
  t.totalTenths += sign * tenths(p.totalSum);
  t.belowPass += sign * p.belowPass;
  t.grades.good += sign * p.grades.good;
  t.grades.fair += sign * p.grades.fair;
  t.grades.poor += sign * p.grades.poor;
  p.buckets.forEach((n, i) => { t.buckets[i]! += sign * n; });
  for (const d of BRANCH_DIMENSIONS) {
    t.dimTenths[d] += sign * tenths(p.dimSum[d]);
    t.dimCount[d] += sign * p.dimCount[d];
  }
  t.problems += sign * p.problems;
  if (p.row) aggregateGaps.adjust(t.unitGaps, p.unitGaps, sign, lost.unit);
  aggregateGaps.adjust(t.branchGaps, p.branchGaps, sign, lost.branch);
}

/** The totals of some units' subtotals (a scope's), summed now. */
export function totalsOfParts(parts: UnitPart[]): Totals {
  const t = emptyTotals();
  const lost = { unit: new Set<string>(), branch: new Set<string>() };
  for (const p of parts) add(t, p, 1, lost);
  return t;
}

/** The totals over every unit of a state: kept with it (derived from the previous state's after a refresh). */
export function totalsOf(yp: YearParts): Totals {
  let t = totals.get(yp);
  if (!t) totals.set(yp, (t = totalsOfParts(partsInOrder(yp))));
  return t;
}

/**
 * Makes the totals and the ranking of a state just made from every unit (a
 * computation, a start) ahead of its first dashboard, a slice of units at a
 * time: at province size one pass over 1,200 units' tallies held the event
 * loop for up to 100 ms on the loaded 2-core machine.
 */
export async function warmTotals(yp: YearParts): Promise<void> {
  if (totals.has(yp)) return;
  const parts = partsInOrder(yp);
  const t = emptyTotals();
  const lost = { unit: new Set<string>(), branch: new Set<string>() };
  let since = performance.now();
  for (const p of parts) {
    add(t, p, 1, lost);
    if (performance.now() - since > SLICE_MS) {
      await yieldToLoop();
      since = performance.now();
    }
  }
  // Nothing else makes this state's totals meanwhile: the state is not handed out before this resolves.
  totals.set(yp, t);
  rankingOf(yp);
}

/**
 * The commission's totals summed as a whole computation's subtotals arrive from the score worker (cold-compute.ts),
 * a slice at a time in unit-id order — the order warmTotals sums them in — and kept with the state once it is made
 * (`keep`), with its ranking. A unit out of order (none is sent so) leaves the sums to warmTotals.
 */
export function totalsAsTheyCome(): { add(unitId: number, p: UnitPart): void; keep(yp: YearParts): Promise<void> } {
  const t = emptyTotals();
  const lost = { unit: new Set<string>(), branch: new Set<string>() };
  let last = -Infinity;
  let inOrder = true;
  return {
    add(unitId, p) {
      if (unitId <= last) inOrder = false;
      last = unitId;
      if (inOrder) add(t, p, 1, lost);
    },
    async keep(yp) {
      if (!inOrder || totals.has(yp)) return warmTotals(yp);
      totals.set(yp, t);
      rankingOf(yp);
    },
  };
}

const rankOrder = (a: Ranked, b: Ranked) => b.entry.total - a.entry.total || a.id - b.id;

/** The dashboard's ranking over every unit: by total, highest first, ties in unit-id order (a stable sort of the units in id order). */
export function rankingOf(yp: YearParts): Dashboard['unitRanking'] {
  let r = rankings.get(yp);
  if (!r) {
    const { ids, parts } = orderOf(yp);
    const ranked = ids.flatMap((id, i) => (parts[i]!.rank ? [{ id, entry: parts[i]!.rank! }] : [])).sort(rankOrder);
    rankings.set(yp, (r = { ranked, entries: ranked.map((x) => x.entry) }));
  }
  return r.entries;
}

/** The first index in a sorted list whose element is not before `x`. */
function lowerBound<T>(xs: T[], x: T, before: (a: T, b: T) => number): number {
  let lo = 0, hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(xs[mid]!, x) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Gives `next` — `prev` with the units `changed` recomputed (their parts
 * replaced, added or gone) — whatever of the above `prev` has, derived from
 * it: a copy of the unit lists with those units' entries replaced, and the
 * sums with their old parts taken away and their new ones added.
 */
export function deriveTotals(prev: YearParts, next: YearParts, changed: Iterable<number>): void {
  const was = orders.get(prev);
  if (!was) return;
  const ids = [...was.ids], parts = [...was.parts];
  const diff: [number, UnitPart | undefined, UnitPart | undefined][] = [];
  for (const id of new Set(changed)) {
    const old = prev.parts.get(id), now = next.parts.get(id);
    if (old === now) continue;
    diff.push([id, old, now]);
    const i = lowerBound(ids, id, (a, b) => a - b);
    const here = ids[i] === id;
    if (now && here) parts[i] = now;
    else if (now) { ids.splice(i, 0, id); parts.splice(i, 0, now); }
    else if (here) { ids.splice(i, 1); parts.splice(i, 1); }
  }
  orders.set(next, { ids, parts });

  const t0 = totals.get(prev);
  if (t0) {
    const t: Totals = {
      ...t0, grades: { ...t0.grades }, buckets: [...t0.buckets], dimTenths: { ...t0.dimTenths }, dimCount: { ...t0.dimCount },
      unitGaps: new Map(t0.unitGaps), branchGaps: new Map(t0.branchGaps),
    };
    const lost = { unit: new Set<string>(), branch: new Set<string>() };
    for (const [, old] of diff) if (old) add(t, old, -1, lost);
    for (const [, , now] of diff) if (now) add(t, now, 1, lost);
    // A line whose first place went with a unit's old tallies: its place is the first among the other units'.
    const refind = (merged: Map<string, GapTally>, keys: Set<string>, of: (p: UnitPart) => GapTally[]) => {
      for (const key of keys) {
        let first: GapTally | undefined;
        for (const p of parts) for (const g of of(p)) {
          if (g.key === key && (!first || g.firstOrg < first.firstOrg || (g.firstOrg === first.firstOrg && g.firstGap < first.firstGap))) first = g;
        }
        merged.set(key, { ...merged.get(key)!, firstOrg: first!.firstOrg, firstGap: first!.firstGap });
      }
    };
    refind(t.unitGaps, lost.unit, (p) => (p.row ? p.unitGaps : []));
    refind(t.branchGaps, lost.branch, (p) => p.branchGaps);
    totals.set(next, t);
  }

  const r0 = rankings.get(prev);
  if (r0) {
    const ranked = [...r0.ranked];
    for (const [id, old] of diff) if (old?.rank) ranked.splice(lowerBound(ranked, { id, entry: old.rank }, rankOrder), 1);
    for (const [id, , now] of diff) if (now?.rank) {
      const x = { id, entry: now.rank };
      ranked.splice(lowerBound(ranked, x, rankOrder), 0, x);
    }
    rankings.set(next, { ranked, entries: ranked.map((x) => x.entry) });
  }
}
