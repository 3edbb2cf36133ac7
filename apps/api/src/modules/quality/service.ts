import { qualityPeriod, todayIso } from '@wj/domain/schemas';
import type { BranchScore, UnitScore } from '@wj/domain/quality';
import type { Db } from '../../db/index.js';
import { checkAudit, sinceOf, type AuditStamp } from './audit-head.js';
import { changedUnits, dirtyUnits, LATE_WINDOW } from './changed-units.js';
import { changeSignal, type ChangeSignal } from './change-signal.js';
import { closedYearScores } from './closed-years.js';
import { computeAll, computeUnits, nextSerial } from './cold-compute.js';
import { warmTotals } from './commission-totals.js';
import { yearsByUnit } from './data-years.js';
import { LayeredMap } from './layered-map.js';
import { loadOrgInfo, unitsOf, type OrgInfo } from './org-info.js';
import { currentRules, type StoredRules } from './rules-store.js';
import { ScoreStore, type StoreKey } from './score-store.js';
import type { UnitGroup } from './unit-groups.js';
import { addKeptDetails, fullOf, partsOf, putOrgs, warmKept, withUnits, type YearParts } from './year-parts.js';

/** Kept units whose branch details are read in one slice of the event loop (a unit of 12 branches: about 1 ms at 100×). */
const HYDRATE_UNITS = 8;

/** Every branch's and unit's score for one year and as-of date, for the whole commission. */
export interface YearScores {
  year: number;
  asOf: string;
  rules: StoredRules;
  branches: BranchScore[];
  units: UnitScore[];
  orgs: Map<number, OrgInfo>;
  memberCounts: Map<number, { inService: number; retired: number }>;
  /** The same scores by unit (unit-groups.ts): what the dashboard is summed from, one subtotal per unit. */
  groups: Map<number, UnitGroup>;
  /** Distinguishes one computed state from the next (memo keys). */
  serial: number;
}

/**
 * Which year and as-of date a request means: a past year is judged whole, the current one up to today,
 * and a caller's asOf is clamped into the year and to today (@wj/domain qualityPeriod), so the cache below keys on the clamped date.
 */
export function resolvePeriod(years: number[], q: { year?: number; asOf?: string }, today = todayIso()) {
  return qualityPeriod(q, years, today);
}

/** The date a year is judged at when the caller names none: its end, or today while it runs. */
export function defaultAsOf(year: number, today = todayIso()): string {
  const end = `${year}-12-31`;
  return end < today ? end : today;
}

interface Cached { parts: YearParts; stamp: AuditStamp }

/** Entries are promises from the first request's read on: requests arriving together share it (one check, not one each). */
interface Memo { signal: ChangeSignal | null; years: Promise<number[]> | null; parts: Map<string, Promise<YearParts>> }

/**
 * Scores are computed from the records, never stored. Results are kept per
 * (year, as-of, rule version) and brought up to date before every read: every
 * write appends an audit row naming its org, so the units written since the
 * last computation are recomputed and the rest reused. A read after any write
 * — in this process or another sharing the database — therefore always sees
 * fresh scores, without rescoring the whole commission on each dashboard view.
 * Reads run one after another (`serial`): a second request waiting behind a
 * computation finds its result instead of computing the same again.
 */
export class QualityService {
  private cache = new Map<string, Cached>();
  private views = new WeakMap<object, Map<string, unknown>>();
  private hydrating = new WeakMap<YearParts, Promise<YearScores>>();
  private years: { stamp: AuditStamp; years: number[]; byUnit: Map<number, Set<number>> } | null = null;
  private queue: Promise<unknown> = Promise.resolve();
  /**
   * What was answered while the change signal (change-signal.ts) read `signal`:
   * every entry was computed after that value was read, so while the signal
   * still reads the same nothing has been written since and the entry is
   * current — answered without the mutex and without any other check.
   */
  private memo: Memo = { signal: null, years: null, parts: new Map() };
  private readonly readSignal: () => ChangeSignal | Promise<ChangeSignal>;

  private readonly store: ScoreStore | null;

  /** `keep`: store scores in the database and read them at the next start (the app's service; a bare one computes). */
  constructor(private readonly db: Db, opts: { keep?: boolean } = {}) {
    this.store = opts.keep ? new ScoreStore(db) : null;
    this.readSignal = changeSignal(db);
  }

  /**
   * The database's change signal now. A request that reads several things
   * (the years, this year's and last year's scores) reads it once and passes
   * it on; what comes back is at least as recent as that read.
   */
  signal(): ChangeSignal | Promise<ChangeSignal> {
    return this.readSignal();
  }

  private memoFor(signal: ChangeSignal): Memo {
    if (this.memo.signal !== signal) this.memo = { signal, years: null, parts: new Map() };
    return this.memo;
  }

  /** Units written to the database so far (tests, bench). */
  get keptWrites(): number {
    return this.store?.written ?? 0;
  }

  /**
   * A view derived from one state of the scores (e.g. the dashboard for one
   * scope), computed once: a refresh makes a new scores object, so the memo
   * can never outlive the data it was computed from.
   */
  view<T>(scores: YearScores | YearParts, key: string, make: () => T): T {
    let memo = this.views.get(scores);
    if (!memo) this.views.set(scores, (memo = new Map()));
    if (!memo.has(key)) memo.set(key, make());
    return memo.get(key) as T;
  }

  private serial<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /**
   * Years that have 组织生活 records, newest first. Kept per unit: after a
   * write only the written units' meetings are looked at again (through the
   * meetings' org index), not every meeting of the commission.
   */
  async dataYears(signal?: ChangeSignal): Promise<number[]> {
    const memo = this.memoFor(signal ?? await this.readSignal());
    // A memo replaced meanwhile (the signal moved) keeps this in the old one only: harmless.
    if (!memo.years) {
      const run = this.checkYears();
      memo.years = run;
      run.catch(() => { if (memo.years === run) memo.years = null; });
    }
    return memo.years;
  }

  private checkYears(): Promise<number[]> {
    return this.serial(async () => {
      const prev = this.years;
      const check = await checkAudit(this.db, prev?.stamp ?? null);
      if (prev && check.same) return prev.years;
      const changed = prev ? await changedUnits(this.db, sinceOf(prev.stamp, check)) : 'all';
      const byUnit = prev && changed !== 'all' ? new Map(prev.byUnit) : new Map<number, Set<number>>();
      const scanned = await yearsByUnit(this.db, prev && changed !== 'all' ? [...changed] : undefined);
      if (prev && changed !== 'all') for (const id of changed) byUnit.delete(id);
      for (const [unit, years] of scanned) byUnit.set(unit, years);
      const years = [...new Set([...byUnit.values()].flatMap((y) => [...y]))].sort((a, b) => b - a);
      this.years = { stamp: check.stamp, years, byUnit };
      return years;
    });
  }

  /** Forget everything (rule changes take effect through the version key; this is for tests and tools). */
  invalidate() {
    this.cache.clear();
    this.years = null;
    this.memo = { signal: null, years: null, parts: new Map() };
  }

  /** Every branch's and unit's score for the year at `asOf`, current as of `signal` (read now when not given). */
  async scores(year: number, asOf: string, signal?: ChangeSignal): Promise<YearScores> {
    const yp = await this.parts(year, asOf, signal);
    return yp.full ?? this.hydrate(yp);
  }

  /**
   * Every unit's dashboard subtotals for the year at `asOf`, current as of
   * `signal`: after a start on kept scores, without the branch details
   * behind them (year-parts.ts).
   */
  async parts(year: number, asOf: string, signal?: ChangeSignal): Promise<YearParts> {
    const memo = this.memoFor(signal ?? await this.readSignal());
    const key = `${year}|${asOf}`;
    const hit = memo.parts.get(key);
    if (hit) return hit;
    if (memo.parts.size > 16) memo.parts.clear();
    const run = this.checkParts(year, asOf);
    memo.parts.set(key, run);
    // A failed read is not kept for the requests after it.
    run.catch(() => { if (memo.parts.get(key) === run) memo.parts.delete(key); });
    return run;
  }

  private checkParts(year: number, asOf: string): Promise<YearParts> {
    return this.serial(async () => {
      // Only a year's default date is kept in the database: a caller's other dates stay in this process (as-of-budget.ts bounds them).
      const store = this.store && asOf === defaultAsOf(year) ? this.store : undefined;
      // A closed year is scored from its frozen facts under its frozen rules (closed-years.ts), never from today's records.
      const closed = await closedYearScores(this.db, year, asOf, store);
      if (closed) return partsOf(closed);
      const rules = await currentRules(this.db);
      const key = `${year}|${asOf}|${rules.version}`;
      const hit = this.cache.get(key);
      // The stamp is read before the records: a write landing in between is in the scores and again in the next check (recomputed twice, never missed).
      const check = await checkAudit(this.db, hit?.stamp ?? null);
      if (hit && check.same) return hit.parts;
      const storeKey = { year, asOf, ruleVersion: rules.version, basis: 'live' };
      let parts: YearParts;
      if (hit) {
        const changed = await changedUnits(this.db, sinceOf(hit.stamp, check), year);
        if (changed === 'all') {
          parts = await computeAll(this.db, year, asOf, rules, store && { store, key: storeKey, head: check.stamp.head });
        } else {
          parts = await this.refresh(hit.parts, changed);
          if (changed.size) store?.keep(storeKey, { ...parts.mem, orgs: parts.orgs, rules: parts.rules }, changed, check.stamp.head);
        }
      } else {
        parts = store ? await this.fromStore(store, storeKey, rules, check.stamp.head) : await computeAll(this.db, year, asOf, rules);
      }
      if (!hit && this.cache.size > 16) this.cache.clear();
      this.cache.set(key, { parts, stamp: check.stamp });
      return parts;
    });
  }

  /**
   * The whole scores of a state read from kept subtotals: the kept units'
   * details read from their rows (once per state); a unit whose row was
   * rewritten since (by another server) is recomputed.
   */
  private hydrate(yp: YearParts): Promise<YearScores> {
    let run = this.hydrating.get(yp);
    if (!run) {
      run = (async () => {
        const storeKey = { year: yp.year, asOf: yp.asOf, ruleVersion: yp.rules.version, basis: 'live' };
        // A few units' rows at a time, the event loop free in between: at 100× the whole commission's rows are some
        // 1.1 s of reading and JSON on the main thread (issue 11, goal 5: no request holds the loop > 50 ms).
        const ids = [...yp.mem.kept.keys()];
        for (let i = 0; i < ids.length; i += HYDRATE_UNITS) {
          addKeptDetails(yp, await this.store!.read(storeKey, ids.slice(i, i + HYDRATE_UNITS)));
          await new Promise((r) => setImmediate(r));
        }
        // The units whose row was not the one read at the start (rewritten since by another server).
        const stale = [...yp.mem.kept.keys()];
        if (stale.length) {
          // Rare: the subtotals already answered stay, the details come from a computation of the records now.
          const fresh = await computeUnits(this.db, yp.year, yp.asOf, yp.rules, stale);
          for (const [id, g] of fresh.groups) yp.mem.groups.set(id, g);
          for (const [id, c] of fresh.memberCounts) yp.mem.memberCounts.set(id, c);
          putOrgs(yp, fresh.orgs);
          yp.mem.kept.clear();
        }
        return (yp.full = fullOf(yp));
      })();
      this.hydrating.set(yp, run);
    }
    return run;
  }

  /** Waits until the scores computed so far are kept in the database (tests; a server closing). */
  async flush(): Promise<void> {
    await this.store?.flush();
  }

  /**
   * The first read of a key in this process: the kept units whose records
   * have not changed since their row's audit head, and the others recomputed
   * (and kept again). Nothing kept, or a write since that moved orgs between
   * units: everything is computed.
   */
  private async fromStore(store: ScoreStore, storeKey: StoreKey, rules: StoredRules, head: number): Promise<YearParts> {
    const { year, asOf } = storeKey;
    const kept = await store.readParts(storeKey);
    const dirty = kept.length ? await dirtyUnits(this.db, kept, this.db.pg ? LATE_WINDOW : 0) : 'all';
    if (dirty === 'all') return computeAll(this.db, year, asOf, rules, { store, key: storeKey, head });
    const orgs = await loadOrgInfo(this.db);
    const units = new Set(unitsOf(orgs));
    const keptIds = new Set(kept.map((k) => k.unitId));
    for (const id of units) if (!keptIds.has(id)) dirty.add(id);
    const clean = kept.filter((k) => units.has(k.unitId) && !dirty.has(k.unitId));
    await warmKept(clean.map((k) => k.part));
    // Layered maps (layered-map.ts) over maps nothing else holds: a refresh derives from them without copying them.
    const start: YearParts = {
      year, asOf, rules, orgs: new LayeredMap(orgs), parts: new LayeredMap(new Map(clean.map((k) => [k.unitId, k.part]))), full: null, serial: nextSerial(),
      mem: { groups: new LayeredMap(), memberCounts: new LayeredMap(), kept: new LayeredMap(new Map(clean.map((k) => [k.unitId, k.auditHead]))) },
    };
    // The commission's sums made here, a slice at a time; a state with units recomputed below derives its own from them.
    await warmTotals(start);
    if (dirty.size === 0) return start;
    const part = await computeUnits(this.db, year, asOf, rules, [...dirty]);
    store.keep(storeKey, { ...part, orgs }, dirty, head);
    return withUnits(start, dirty, part, nextSerial());
  }

  /**
   * Recomputes the given units and keeps every other unit's scores as they
   * were — the same objects, so their subtotals (unit-parts.ts) are reused.
   * Only the changed units' orgs are read again: a write that moves orgs
   * between units is a MOVE and recomputes everything instead.
   */
  private async refresh(prev: YearParts, unitIds: Set<number>): Promise<YearParts> {
    if (unitIds.size === 0) return prev;
    return withUnits(prev, unitIds, await computeUnits(this.db, prev.year, prev.asOf, prev.rules, [...unitIds]), nextSerial());
  }
}
