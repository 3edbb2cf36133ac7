// Scores many units off the event loop, one job per message (see score-pool.ts).
// TypeScript: compiled to dist/score-worker.js by scripts/build.mjs; from src/ (vitest, tsx) it runs
// under tsx's loader (lib/worker-pool.ts). It opens its own read-only connection to the server's
// database for each job (never migrates, never writes), loads the facts, scores them unit by unit
// and posts the scores back in slices on the job's port (the main thread closes it).
import { parentPort, type MessagePort } from 'node:worker_threads';
import { employmentCounts, scoreBranch, scoreUnit, type BranchFacts, type BranchScore, type UnitFacts } from '@wj/domain/quality';
import { openReader } from '../../db/index.js';
import { loadFacts } from './facts-loader.js';
import type { StoredRules } from './rules-store.js';
import { loadOrgInfo, type OrgInfo } from './service.js';

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
}

/** Some whole units' scores, their branches' member counts and their orgs. */
export interface ScoreSlice {
  branches: BranchScore[];
  units: ReturnType<typeof scoreUnit>[];
  /** [branch org id, in service, retired] */
  members: [number, number, number][];
  orgs: OrgInfo[];
}

interface UnitShare { branches: BranchFacts[]; unit: UnitFacts | null; orgs: OrgInfo[] }

async function run(job: ScoreJob): Promise<{ slices: number }> {
  const db = await openReader(job.target);
  try {
    const [facts, orgs] = await Promise.all([loadFacts(db, job.year, job.unitIds), loadOrgInfo(db, job.unitIds)]);
    // Each unit's share, as scoreFacts (closed-years.ts) groups it: branches by their unitId, units by their own id, orgs by theirs.
    const shares = new Map<number, UnitShare>();
    const share = (id: number) => {
      let s = shares.get(id);
      if (!s) shares.set(id, (s = { branches: [], unit: null, orgs: [] }));
      return s;
    };
    for (const b of facts.branches) share(b.unitId).branches.push(b);
    for (const u of facts.units) share(u.orgId).unit = u;
    for (const o of orgs.values()) share(o.unitId).orgs.push(o);
    const ids = [...shares.keys()];
    const opts = { year: job.year, asOf: job.asOf };
    const rules = job.rules.rules;

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
    try {
      for (let i = 0; i < ids.length;) {
        const slice: ScoreSlice = { branches: [], units: [], members: [], orgs: [] };
        // Whole units, up to perSlice of them and until the slice holds branchesPerSlice branches.
        for (let n = 0; i < ids.length && n < job.perSlice && slice.branches.length < job.branchesPerSlice; n++, i++) {
          const id = ids[i]!;
          const s = shares.get(id)!;
          const scored = s.branches.map((f) => scoreBranch(f, rules, opts));
          slice.branches.push(...scored);
          if (s.unit) slice.units.push(scoreUnit(s.unit, scored, rules, opts));
          for (const b of s.branches) {
            const { inService, retired } = employmentCounts(b);
            slice.members.push([b.orgId, inService, retired]);
          }
          slice.orgs.push(...s.orgs);
          // Facts scored are not needed any more: the worker holds one slice's scores at a time, not the commission's.
          shares.delete(id);
        }
        await ackedUpTo(slices);
        job.port.postMessage(slice);
        slices++;
      }
    } finally {
      job.port.off('message', onAck);
    }
    return { slices };
  } finally {
    await db.close();
  }
}

// Only when run as a worker: the module's types are imported by the main thread's code (type-only, erased).
parentPort?.on('message', (job: ScoreJob) => {
  run(job).then(
    (result) => parentPort!.postMessage({ ok: true, result }),
    (err: unknown) => {
      console.error('[score worker]', err);
      parentPort!.postMessage({ ok: false, status: 500, code: 'SCORING_FAILED', message: '评分计算失败，请稍后重试' });
    },
  );
});
