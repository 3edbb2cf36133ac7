// Scores many units off the event loop, one job per message (see score-pool.ts).
// TypeScript: compiled to dist/score-worker.js by scripts/build.mjs; from src/ (vitest, tsx) it runs
// under tsx's loader (lib/worker-pool.ts). It opens its own read-only connection to the server's
// database for each job (never migrates), loads the facts, scores them unit by unit and posts the
// scores back in slices on the job's port (the main thread closes it); a whole computation that is
// kept also writes the kept rows on a writer connection of its own (kept-writer.ts).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort, type MessagePort } from 'node:worker_threads';
import { employmentCounts, scoreBranch, scoreUnit, type BranchFacts, type BranchScore, type UnitFacts } from '@wj/domain/quality';
import { openReader, type Db } from '../../db/index.js';
import { loadFacts } from './facts-loader.js';
import { openKeptWriter } from './kept-writer.js';
import type { StoredRules } from './rules-store.js';
import { ScoreStore, type StoreKey } from './score-store.js';
import { loadOrgInfo, type OrgInfo } from './org-info.js';
import { entryJson } from './dashboard-json.js';
import { groupByUnit, type UnitGroup } from './unit-groups.js';
import { partOf, type UnitPart } from './unit-parts.js';

export interface ScoreJob {
  /** The database: a SQLite file path or a PostgreSQL URL. */
  target: string;
  year: number;
  asOf: string;
  rules: StoredRules;
  /** Only these units (undefined: the whole commission). */
  unitIds?: number[];
  /** At most this many units per slice posted back… */
  perSlice: number;
  /** …and no more units once a slice holds this many branches. */
  branchesPerSlice: number;
  /** Where the slices go; the main thread answers each with 'ack'. */
  port: MessagePort;
  /**
   * Keep the scores (score-store.ts) as computed at audit head `head`, the
   * worker writing the rows itself on a connection of its own, and post back
   * each unit's subtotals and the orgs only: the main thread then holds what a
   * start on kept scores holds, and reads the branch details from the rows
   * when a page first needs them (service.ts hydrate). `prune`: first delete
   * the year's rows of other dates and rule versions.
   */
  keep?: { key: StoreKey; head: number; prune: boolean };
}

/** What a job answers once every slice was taken: how many there were, and how many units' rows it kept. */
export interface ScoreResult { slices: number; written: number }

/** Some whole units' scores, their branches' member counts and their orgs. */
export interface ScoreSlice {
  /**
   * With `keep`: each unit's subtotals, by unit id, in unit-id order across the slices, with its dashboard
   * ranking entry's JSON as checked here (dashboard-json.ts entryJson); branches, units and members are then empty.
   */
  parts?: [number, UnitPart, string | null][];
  branches: BranchScore[];
  units: ReturnType<typeof scoreUnit>[];
  /** [branch org id, in service, retired] */
  members: [number, number, number][];
  /** The slice's units' orgs; with `keep`, the job's orgs instead, in id order across the slices (a share of them in each). */
  orgs: OrgInfo[];
}

interface UnitShare { branches: BranchFacts[]; unit: UnitFacts | null; orgs: OrgInfo[] }

/**
 * Each unit's share of the facts, as scoreFacts (closed-years.ts) groups them: each score under its org's unit
 * (groupByUnit), orgs by their unit. The facts are held by the shares alone, so that each is freed once its unit is scored.
 */
async function sharesOf(db: Db, job: ScoreJob): Promise<{ shares: Map<number, UnitShare>; orgs: Map<number, OrgInfo> }> {
  const [facts, orgs] = await Promise.all([loadFacts(db, job.year, job.unitIds), loadOrgInfo(db, job.unitIds)]);
  const shares = new Map<number, UnitShare>();
  const share = (id: number) => {
    let s = shares.get(id);
    if (!s) shares.set(id, (s = { branches: [], unit: null, orgs: [] }));
    return s;
  };
  for (const b of facts.branches) share(orgs.get(b.orgId)?.unitId ?? b.unitId).branches.push(b);
  for (const u of facts.units) share(orgs.get(u.orgId)?.unitId ?? u.orgId).unit = u;
  for (const o of orgs.values()) share(o.unitId).orgs.push(o);
  return { shares, orgs };
}

async function run(job: ScoreJob): Promise<ScoreResult> {
  const db = await openReader(job.target);
  let writer: Db | null = null;
  try {
    const { shares, orgs } = await sharesOf(db, job);
    // In unit-id order: the order the main thread keeps and sums the units in (cold-compute.ts), so it sorts nothing.
    const ids = [...shares.keys()].sort((a, b) => a - b);
    const opts = { year: job.year, asOf: job.asOf };
    const rules = job.rules.rules;
    const keep = job.keep;
    // With keep: every unit of the orgs gets a row (an empty one when nothing was scored), as ScoreStore.keep is asked for by the main thread.
    const unitsOfOrgs = new Set([...orgs.values()].map((o) => o.unitId));
    const store = keep ? new ScoreStore((writer = await openKeptWriter(job.target)), { chunk: 2 }) : null;

    // At most one slice waits for the main thread while the next one is scored.
    let acked = 0;
    let wake: (() => void) | null = null;
    const onAck = () => { acked++; wake?.(); };
    job.port.on('message', onAck);
    const ackedUpTo = (n: number) => new Promise<void>((resolve) => {
      const check = () => { if (acked >= n) { wake = null; resolve(); } else wake = check; };
      check();
    });
    let slices = 0;
    // With keep: the orgs in id order (loadOrgInfo's), an equal share of them in each slice (a kept slice holds perSlice units).
    const orgList = keep ? [...orgs.values()] : [];
    const orgsPerSlice = Math.ceil(orgList.length / Math.max(1, Math.ceil(ids.length / job.perSlice)));
    try {
      for (let i = 0; i < ids.length;) {
        const slice: ScoreSlice = { branches: [], units: [], members: [], orgs: [] };
        const unitScores: ReturnType<typeof scoreUnit>[] = [];
        const counts = new Map<number, { inService: number; retired: number }>();
        const sliceIds: number[] = [];
        // Whole units, up to perSlice of them and until the slice holds branchesPerSlice branches (a kept slice posts no branches: perSlice alone).
        for (let n = 0, branches = 0; i < ids.length && n < job.perSlice && (keep || branches < job.branchesPerSlice); n++, i++) {
          const id = ids[i]!;
          const s = shares.get(id)!;
          const scored = s.branches.map((f) => scoreBranch(f, rules, opts));
          branches += scored.length;
          slice.branches.push(...scored);
          if (s.unit) unitScores.push(scoreUnit(s.unit, scored, rules, opts));
          for (const b of s.branches) {
            const { inService, retired } = employmentCounts(b);
            slice.members.push([b.orgId, inService, retired]);
            counts.set(b.orgId, { inService, retired });
          }
          slice.orgs.push(...s.orgs);
          sliceIds.push(id);
          // Facts scored are not needed any more: the worker holds one slice's scores at a time, not the commission's.
          shares.delete(id);
        }
        slice.units = unitScores;
        if (store && keep) {
          const ys = { groups: groupByUnit(slice.branches, unitScores, orgs), memberCounts: counts, orgs, rules: job.rules };
          const kept = sliceIds.filter((id) => unitsOfOrgs.has(id));
          const empty = (id: number): UnitGroup => ({ unitId: id, unit: null, branches: [] });
          const parts = kept.map((id): [number, UnitPart, string | null] => {
            const p = partOf(ys, ys.groups.get(id) ?? empty(id));
            return [id, p, entryJson(p.rank)];
          });
          store.keep(keep.key, ys, kept, keep.head, { prune: keep.prune && slices === 0 });
          const orgShare = orgList.slice(slices * orgsPerSlice, i < ids.length ? (slices + 1) * orgsPerSlice : orgList.length);
          await ackedUpTo(slices);
          job.port.postMessage({ parts, branches: [], units: [], members: [], orgs: orgShare } satisfies ScoreSlice);
          // Written before the next slice is scored: the worker holds one slice's scores at a time here too.
          await store.flush();
        } else {
          await ackedUpTo(slices);
          job.port.postMessage(slice);
        }
        slices++;
      }
    } finally {
      job.port.off('message', onAck);
    }
    return { slices, written: store?.written ?? 0 };
  } finally {
    await writer?.close();
    await db.close();
  }
}

/** A full collection of this worker's heap (V8's gc, exposed to a new context only). */
const collect = parentPort ? (() => {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return null;
  }
})() : null;

// Only when run as a worker: the module's types are imported by the main thread's code (type-only, erased).
parentPort?.on('message', (job: ScoreJob) => {
  run(job).then(
    (result) => {
      parentPort!.postMessage({ ok: true, result });
      // After a whole commission's job the facts it loaded (hundreds of MB at province size) are garbage: collected at once,
      // not held in the process's memory while this worker idles for a minute (score-pool.ts). Measured at 100×
      // (kept.bench.ts): RSS after a cold start's dashboard, tree and export 924–952 MB with it, 1,147 MB without.
      if (!job.unitIds) setImmediate(() => collect?.());
    },
    (err: unknown) => {
      console.error('[score worker]', err);
      parentPort!.postMessage({ ok: false, status: 500, code: 'SCORING_FAILED', message: '评分计算失败，请稍后重试' });
    },
  );
});
