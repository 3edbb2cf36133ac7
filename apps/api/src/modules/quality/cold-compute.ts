import type { BranchScore, UnitScore } from '@wj/domain/quality';
import type { Db } from '../../db/index.js';
import { dbTarget } from '../../lib/worker-pool.js';
import { scoreFacts } from './closed-years.js';
import { totalsAsTheyCome } from './commission-totals.js';
import { seedEntry } from './dashboard-json.js';
import { yieldToLoop } from './event-loop.js';
import { loadFacts } from './facts-loader.js';
import { LayeredMap } from './layered-map.js';
import { loadOrgInfo, unitsOf, type OrgInfo } from './org-info.js';
import type { StoredRules } from './rules-store.js';
import { scoreInWorker } from './score-pool.js';
import type { ScoreStore, StoreKey } from './score-store.js';
import type { YearScores } from './service.js';
import { groupByUnit } from './unit-groups.js';
import type { UnitPart } from './unit-parts.js';
import { partsOf, type YearParts } from './year-parts.js';

let serials = 0;

/** Distinguishes one computed state from the next (YearScores.serial, YearParts.serial: memo keys). */
export const nextSerial = () => ++serials;

/**
 * Up to this many units are scored on the main thread (a refresh after a write); more go to the score worker.
 * Measured at city size on the loaded 2-core machine: one unit 12 ms on the main thread (23 ms as a worker
 * round trip), four units 64 ms — over the 50 ms a request may hold the event loop.
 */
const MAIN_THREAD_UNITS = 2;

/** WJ_WORKER_KEEPS=0: a whole computation's kept rows are written by the main thread from every branch's details, as before (benches compare). */
const WORKER_KEEPS = process.env.WJ_WORKER_KEEPS !== '0';

/** Whole-commission computations started in this process (tests: how many a burst of requests cost). */
export const coldRuns = { whole: 0 };

/** Where a whole computation's rows are kept: the store, its key and the audit head the records were read at. */
export interface KeepAt { store: ScoreStore; key: StoreKey; head: number }

/**
 * The whole commission computed, and kept when `keep` says where (pruning
 * the year's other rows). With a database file or server the score worker
 * writes the kept rows itself and posts back each unit's subtotals and the
 * orgs only, so that the state is the one a start on kept scores makes
 * (QualityService.fromStore): the subtotals in memory, the branch details in
 * the rows, read when a page first needs them (QualityService.hydrate). At
 * province size the main thread then neither receives nor holds every
 * branch's details, nor serialises and inserts them.
 */
export async function computeAll(db: Db, year: number, asOf: string, rules: StoredRules, keep?: KeepAt): Promise<YearParts> {
  coldRuns.whole++;
  const target = dbTarget(db);
  if (!keep || !target || !WORKER_KEEPS) {
    const scores = await computeUnits(db, year, asOf, rules);
    keep?.store.keep(keep.key, scores, unitsOf(scores.orgs), keep.head, { prune: true });
    return partsOf(scores);
  }
  // The state is put together as the slices come — in unit-id order, the orgs in id order (score-worker.ts) — each
  // slice's units into the maps and the sums, their dashboard ranking entries' JSON as the worker checked it: nothing is
  // sorted, checked or summed over the whole commission afterwards, in one go, on the event loop.
  const parts = new Map<number, UnitPart>();
  const orgs = new Map<number, OrgInfo>();
  const kept = new Map<number, number>();
  const totals = totalsAsTheyCome();
  const done = await scoreInWorker({ target, year, asOf, rules, keep: { key: keep.key, head: keep.head, prune: true } }, (slice) => {
    for (const [id, p, json] of slice.parts ?? []) {
      seedEntry(p.rank, json);
      parts.set(id, p);
      kept.set(id, keep.head);
      totals.add(id, p);
    }
    for (const o of slice.orgs) orgs.set(o.id, o);
  });
  keep.store.written += done.written;
  const state: YearParts = {
    year, asOf, rules, orgs: new LayeredMap(orgs), parts: new LayeredMap(parts), full: null, serial: nextSerial(),
    mem: { groups: new LayeredMap(), memberCounts: new LayeredMap(), kept: new LayeredMap(kept) },
  };
  await totals.keep(state);
  return state;
}

/**
 * Loads and scores the units (all: the commission). More than a few units
 * are scored in the score worker (score-pool.ts), which reads the same
 * database on its own connection, so that the event loop stays free; the
 * main thread assembles the slices it posts into what scoreFacts returns —
 * the same lists in the same (org-id) order. One or two units after a write
 * cost less here than a round trip, and an in-memory database has no file a
 * worker could open.
 */
export async function computeUnits(db: Db, year: number, asOf: string, rules: StoredRules, unitIds?: number[]): Promise<YearScores> {
  const target = dbTarget(db);
  if (!target || (unitIds && unitIds.length <= MAIN_THREAD_UNITS)) {
    const [facts, orgs] = await Promise.all([loadFacts(db, year, unitIds), loadOrgInfo(db, unitIds)]);
    return scoreFacts(facts, orgs, rules, year, asOf, nextSerial());
  }
  const branches: BranchScore[] = [];
  const units: UnitScore[] = [];
  const members: [number, number, number][] = [];
  const orgList: OrgInfo[] = [];
  await scoreInWorker({ target, year, asOf, rules, unitIds }, (slice) => {
    for (const b of slice.branches) branches.push(b);
    for (const u of slice.units) units.push(u);
    for (const m of slice.members) members.push(m);
    for (const o of slice.orgs) orgList.push(o);
  });
  // The slices come unit by unit; scoreFacts' lists are in org-id order (the loader's), and so are these.
  // A province's lists are put in order in steps, other requests answered between them.
  const byId = (a: { orgId: number }, b: { orgId: number }) => a.orgId - b.orgId;
  branches.sort(byId);
  units.sort(byId);
  await yieldToLoop();
  members.sort((a, b) => a[0] - b[0]);
  const memberCounts = new Map(members.map(([id, inService, retired]) => [id, { inService, retired }]));
  await yieldToLoop();
  orgList.sort((a, b) => a.id - b.id);
  const orgs = new Map(orgList.map((o) => [o.id, o]));
  await yieldToLoop();
  const groups = groupByUnit(branches, units, orgs);
  return { year, asOf, rules, branches, units, memberCounts, orgs, groups, serial: nextSerial() };
}
