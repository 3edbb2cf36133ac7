import type { StoredRules } from './rules-store.js';
import type { OrgInfo } from './org-info.js';
import type { YearScores } from './service.js';
import { warmEntry } from './dashboard-json.js';
import { SLICE_MS, yieldToLoop } from './event-loop.js';
import type { KeptUnit } from './score-store.js';
import { deriveTotals, warmTotals } from './commission-totals.js';
import { LayeredMap } from './layered-map.js';
import { groupByUnit, groupsInOrder, type UnitGroup } from './unit-groups.js';
import { partOf, seedPart, type UnitPart } from './unit-parts.js';

/**
 * One state of a year's scores as the dashboard reads it: every unit's
 * subtotals (unit-parts.ts). The branch and unit scores behind them are in
 * memory for the units computed in this process (`mem.groups`); the other
 * units' were read from their kept rows' subtotals alone at the start, and
 * their details stay in the database (`mem.kept`, with the audit head of each
 * row) until a page needs them — then `full` is made (QualityService.scores).
 */
export interface YearParts {
  year: number;
  asOf: string;
  rules: StoredRules;
  orgs: Map<number, OrgInfo>;
  /** Every unit's subtotals, by unit id. */
  parts: Map<number, UnitPart>;
  /** The whole scores, once every unit's details are in memory. */
  full: YearScores | null;
  mem: { groups: Map<number, UnitGroup>; memberCounts: YearScores['memberCounts']; kept: Map<number, number> };
  serial: number;
}

const fromFull = new WeakMap<YearScores, YearParts>();

/**
 * The parts of scores whose details are all in memory (a computation, a
 * closed year), once per scores object. The subtotals and their ranking
 * entries' JSON (dashboard-json.ts) are computed a slice of units at a time:
 * at province size, 1,200 units' subtotals in one go held the event loop for
 * hundreds of milliseconds. Both are memoised on the unit's group, so a state
 * made by a refresh computes only its units' here.
 */
export async function partsOf(ys: YearScores): Promise<YearParts> {
  const hit = fromFull.get(ys);
  if (hit) return hit;
  let t = performance.now();
  for (const g of groupsInOrder(ys.groups)) {
    const p = partOf(ys, g);
    warmEntry(p.rank);
    if (performance.now() - t > SLICE_MS) {
      await yieldToLoop();
      t = performance.now();
    }
  }
  const yp = partsNow(ys);
  await warmTotals(yp);
  return yp;
}

/** The same at once, in one go (a report composed in the worker). */
export function partsNow(ys: YearScores): YearParts {
  let yp = fromFull.get(ys);
  if (!yp) {
    const parts = new LayeredMap(new Map([...ys.groups].map(([id, g]) => [id, partOf(ys, g)])));
    // The computed maps are written no more: layered over them as they are, the first refresh copies none of them.
    yp = {
      year: ys.year, asOf: ys.asOf, rules: ys.rules, orgs: new LayeredMap(ys.orgs), parts, full: ys, serial: ys.serial,
      mem: { groups: new LayeredMap(ys.groups), memberCounts: new LayeredMap(ys.memberCounts), kept: new LayeredMap() },
    };
    fromFull.set(ys, yp);
  }
  return yp;
}

/** Checks and serializes the kept units' ranking entries ahead of the first dashboard, a slice at a time. */
export async function warmKept(parts: Iterable<UnitPart>): Promise<void> {
  let t = performance.now();
  for (const p of parts) {
    warmEntry(p.rank);
    if (performance.now() - t > SLICE_MS) {
      await yieldToLoop();
      t = performance.now();
    }
  }
}

/** The whole scores of a state whose units' details are all in memory. */
export function fullOf(yp: Omit<YearParts, 'full'>): YearScores {
  const { year, asOf, rules, orgs, serial } = yp;
  return withListsFromGroups({ year, asOf, rules, orgs, memberCounts: yp.mem.memberCounts, groups: yp.mem.groups, serial });
}

/**
 * The org ids of each unit of a state, kept with it (made by one pass over
 * the orgs the first time a refresh needs them, then derived): a refresh
 * finds the orgs of the units it recomputes without looking at every org.
 */
const orgIndex = new WeakMap<YearParts, LayeredMap<number, number[]>>();

function orgsByUnit(yp: YearParts): LayeredMap<number, number[]> {
  let index = orgIndex.get(yp);
  if (!index) {
    const byUnit = new Map<number, number[]>();
    for (const [id, o] of yp.orgs) {
      const list = byUnit.get(o.unitId);
      if (list) list.push(id);
      else byUnit.set(o.unitId, [id]);
    }
    orgIndex.set(yp, (index = new LayeredMap(byUnit)));
  }
  return index;
}

/** Puts orgs into a state (a unit recomputed while its details are read in: service.ts), its org index with them. */
export function putOrgs(yp: YearParts, orgs: Map<number, OrgInfo>): void {
  const index = orgIndex.get(yp);
  for (const [id, o] of orgs) {
    if (index && !yp.orgs.has(id)) index.set(o.unitId, [...(index.get(o.unitId) ?? []), id]);
    yp.orgs.set(id, o);
  }
}

/**
 * The state after the units of `fresh` (scores of those units alone) were
 * recomputed: their orgs, groups and subtotals replaced, every other unit's
 * kept as it was — the same objects, so their subtotals are reused. The maps
 * are derived from the previous state's (layered-map.ts) and so are the
 * commission's sums (commission-totals.ts): the cost is the units', not the
 * commission's.
 */
export function withUnits(prev: YearParts, unitIds: Set<number>, fresh: YearScores, serial: number): YearParts {
  const index = orgsByUnit(prev).derive();
  const orgs = LayeredMap.of(prev.orgs);
  const memberCounts = LayeredMap.of(prev.mem.memberCounts);
  const groups = LayeredMap.of(prev.mem.groups);
  const parts = LayeredMap.of(prev.parts);
  const kept = LayeredMap.of(prev.mem.kept);
  for (const id of unitIds) {
    for (const o of index.get(id) ?? []) {
      orgs.delete(o);
      memberCounts.delete(o);
    }
    for (const b of prev.mem.groups.get(id)?.branches ?? []) memberCounts.delete(b.orgId);
    index.delete(id);
    groups.delete(id);
    parts.delete(id);
    kept.delete(id);
  }
  const added = new Map<number, number[]>();
  for (const [id, o] of fresh.orgs) {
    orgs.set(id, o);
    const list = added.get(o.unitId);
    if (list) list.push(id);
    else added.set(o.unitId, [id]);
  }
  for (const [unit, ids] of added) index.set(unit, [...(index.get(unit) ?? []), ...ids]);
  for (const [id, c] of fresh.memberCounts) memberCounts.set(id, c);
  for (const [id, g] of fresh.groups) {
    groups.set(id, g);
    const p = partOf(fresh, g);
    warmEntry(p.rank);
    parts.set(id, p);
  }
  const base = { year: prev.year, asOf: prev.asOf, rules: prev.rules, orgs, parts, mem: { groups, memberCounts, kept }, serial };
  const next: YearParts = { ...base, full: kept.size === 0 ? fullOf(base) : null };
  orgIndex.set(next, index);
  deriveTotals(prev, next, [...unitIds, ...fresh.groups.keys()]);
  return next;
}

/**
 * Puts the kept units' details, read from their rows, into the state: each
 * group gets the subtotals read at the start (computed from the same scores).
 * Returns the units still without details: when every kept unit's rows were
 * given, those whose row is no longer the one read then (another server
 * rewrote it since), which the caller recomputes.
 */
export function addKeptDetails(yp: YearParts, rows: KeptUnit[]): number[] {
  // Called for a few units at a time (service.ts hydrate): the rows read, not every unit still waiting, are gone through.
  const good = rows.filter((r) => yp.mem.kept.get(r.unitId) === r.auditHead);
  const groups = groupByUnit(good.flatMap((k) => k.branches), good.flatMap((k) => (k.unit ? [k.unit] : [])), yp.orgs);
  for (const [id, g] of groups) {
    seedPart(g, yp.parts.get(id)!);
    yp.mem.groups.set(id, g);
  }
  for (const k of good) {
    for (const [id, inService, retired] of k.members) yp.mem.memberCounts.set(id, { inService, retired });
    yp.mem.kept.delete(k.unitId);
  }
  return [...yp.mem.kept.keys()];
}

/**
 * Scores whose branch and unit lists are made from the groups when first
 * read: the dashboard reads only the subtotals, so a refresh after a write
 * costs the written unit, not a pass over every branch of the commission.
 */
function withListsFromGroups(ys: Omit<YearScores, 'branches' | 'units'>): YearScores {
  let branches: YearScores['branches'] | undefined;
  let units: YearScores['units'] | undefined;
  return Object.defineProperties(ys, {
    branches: { enumerable: true, get: () => (branches ??= [...ys.groups.values()].flatMap((g) => g.branches)) },
    units: { enumerable: true, get: () => (units ??= [...ys.groups.values()].flatMap((g) => (g.unit ? [g.unit] : []))) },
  }) as YearScores;
}
