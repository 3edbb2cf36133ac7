import { and, eq, inArray, isNotNull, ne, or, sql } from 'drizzle-orm';
import { INDICATOR_BY_CODE, type BranchScore, type Gap, type IndicatorResult, type UnitScore } from '@wj/domain/quality';
import type { Db } from '../../db/index.js';
import { qualityScores } from '../../db/schema/index.js';
import type { OrgInfo } from './org-info.js';
import type { YearScores } from './service.js';
import type { UnitGroup } from './unit-groups.js';
import { keptPart, partFromKept, partOf, type KeptPart, type UnitPart } from './unit-parts.js';

/**
 * Kept scores: one row per (year, as-of, rule version, unit) holding the
 * unit's score and its branches' and, apart, the unit's dashboard subtotals
 * (db/*-schema/quality-scores.ts). What a row was computed from is its `basis`: 'live' with the audit head read before
 * the records (every write appends an audit row naming its org, so a unit
 * named after that head has changed since), or a closed year's close, whose
 * frozen facts and rule version alone decide its scores. A start reads the
 * rows instead of scoring the whole commission again.
 *
 * Writes run in the background, one after another and a few units at a time,
 * so that storing 1,000 units never holds up the request that computed them;
 * `flush()` waits for them (tests, shutdown). A row is only ever replaced by
 * one computed at the same or a later head, so two servers storing the same
 * unit cannot leave an older state behind a newer one.
 */
export interface KeptUnit {
  unitId: number;
  auditHead: number;
  unit: UnitScore | null;
  branches: BranchScore[];
  /** [branch id, in service, retired]. */
  members: [number, number, number][];
  /** The orgs the scores name (closed years only: live names are read from the org table). */
  orgs?: OrgInfo[];
}

interface Payload { unit: UnitScore | null; branches: BranchScore[]; members: [number, number, number][]; orgs?: OrgInfo[] }

export interface StoreKey { year: number; asOf: string; ruleVersion: number; basis: string }

/**
 * How many units go into one insert: small enough that one statement never
 * holds the event loop long (25 units took 20–110 ms at province size on the
 * loaded 2-core machine, their JSON written and inserted in one go).
 */
const CHUNK = 8;

export class ScoreStore {
  private writing: Promise<unknown> = Promise.resolve();
  /** Units written (counted for tests and the bench). */
  written = 0;

  /** `chunk`: units per insert (CHUNK; the score worker, writing off the event loop, takes fewer to hold SQLite's write lock less long). */
  constructor(private readonly db: Db, private readonly opts: { chunk?: number } = {}) {}

  /** The kept units of one key (all of them, or those named). */
  async read(key: StoreKey, unitIds?: number[]): Promise<KeptUnit[]> {
    const rows = await this.db.select({ unitId: qualityScores.unitId, auditHead: qualityScores.auditHead, scores: qualityScores.scores }).from(qualityScores)
      .where(and(
        eq(qualityScores.year, key.year), eq(qualityScores.asOf, key.asOf), eq(qualityScores.ruleVersion, key.ruleVersion), eq(qualityScores.basis, key.basis),
        unitIds ? inArray(qualityScores.unitId, unitIds) : undefined,
      ));
    return rows.map((r) => {
      const p = (typeof r.scores === 'string' ? JSON.parse(r.scores) : r.scores) as Payload;
      const full = { year: key.year, asOf: key.asOf };
      return { unitId: r.unitId, auditHead: r.auditHead, ...p, unit: p.unit && fill(p.unit, full), branches: p.branches.map((b) => fill(b, full)) };
    });
  }

  /**
   * The kept subtotals of one key (unit-parts.ts), without the branch details:
   * what a start reads to answer the first dashboard. Rows kept before
   * subtotals were stored have none and are left out (their units are then
   * recomputed).
   */
  async readParts(key: StoreKey): Promise<{ unitId: number; auditHead: number; part: UnitPart }[]> {
    const rows = await this.db.select({ unitId: qualityScores.unitId, auditHead: qualityScores.auditHead, part: qualityScores.part }).from(qualityScores)
      .where(and(
        eq(qualityScores.year, key.year), eq(qualityScores.asOf, key.asOf), eq(qualityScores.ruleVersion, key.ruleVersion), eq(qualityScores.basis, key.basis),
        isNotNull(qualityScores.part),
      ));
    return rows.map((r) => ({ unitId: r.unitId, auditHead: r.auditHead, part: partFromKept((typeof r.part === 'string' ? JSON.parse(r.part) : r.part) as KeptPart) }));
  }

  /** Stores the given units of `ys` as computed at `auditHead` (in the background; see flush). */
  keep(key: StoreKey, ys: Pick<YearScores, 'groups' | 'memberCounts' | 'orgs' | 'rules'>, unitIds: Iterable<number>, auditHead: number, opts: { orgs?: boolean; prune?: boolean } = {}): void {
    // A unit with nothing scored is kept too (an empty row), so that the next start does not take it for one never computed.
    const groups = [...unitIds].map((id): UnitGroup => ys.groups.get(id) ?? { unitId: id, unit: null, branches: [] });
    const payload = (g: UnitGroup): Payload => ({
      unit: g.unit && slim(g.unit), branches: g.branches.map(slim),
      members: g.branches.map((b) => {
        const c = ys.memberCounts.get(b.orgId) ?? { inService: 0, retired: 0 };
        return [b.orgId, c.inService, c.retired];
      }),
      ...(opts.orgs ? { orgs: [...ys.orgs.values()].filter((o) => o.unitId === g.unitId) } : {}),
    });
    this.writing = this.writing.then(async () => {
      if (opts.prune) await this.prune(key);
      const chunk = this.opts.chunk ?? CHUNK;
      for (let i = 0; i < groups.length; i += chunk) {
        const computedAt = new Date().toISOString();
        const rows = groups.slice(i, i + chunk).map((g) => ({
          year: key.year, asOf: key.asOf, ruleVersion: key.ruleVersion, unitId: g.unitId, basis: key.basis, auditHead, scores: payload(g), part: keptPart(partOf(ys, g)), computedAt,
        }));
        await this.db.transaction((tx) => tx.insert(qualityScores).values(rows).onConflictDoUpdate({
          target: [qualityScores.year, qualityScores.asOf, qualityScores.ruleVersion, qualityScores.unitId],
          set: { basis: sql`excluded.basis`, auditHead: sql`excluded.audit_head`, scores: sql`excluded.scores`, part: sql`excluded.part`, computedAt: sql`excluded.computed_at` },
          setWhere: sql`excluded.basis <> ${qualityScores.basis} or excluded.audit_head >= ${qualityScores.auditHead}`,
        }));
        this.written += rows.length;
        // Let requests in between chunks.
        await new Promise((r) => setImmediate(r));
      }
    }).catch((err: unknown) => {
      // Kept scores are a cache of the records: a failed write costs a recomputation at the next start, never a wrong score.
      console.error('quality: could not keep scores', err);
    });
  }

  /** Rows of the same year for another as-of date (yesterday's 'today') or rule version: no read will ask for them again. */
  private async prune(key: StoreKey): Promise<void> {
    await this.db.transaction((tx) => tx.delete(qualityScores).where(and(eq(qualityScores.year, key.year), or(ne(qualityScores.asOf, key.asOf), ne(qualityScores.ruleVersion, key.ruleVersion)))));
  }

  /** Waits for the writes asked for so far. */
  async flush(): Promise<void> {
    await this.writing;
  }
}

/**
 * A score as stored: what the catalogue or the row's key already says is left
 * out — the year and as-of date, each indicator's dimension, a gap's source
 * and recommendation when they are the catalogue's — and put back on reading
 * (fill), so that a kept score reads back equal to the computed one.
 */
type Slim<T extends BranchScore | UnitScore> = Omit<T, 'year' | 'asOf' | 'indicators' | 'gaps'> & {
  indicators: (Omit<IndicatorResult, 'dimension'> & { dimension?: IndicatorResult['dimension'] })[];
  gaps: (Omit<Gap, 'source' | 'recommendation'> & Partial<Pick<Gap, 'source' | 'recommendation'>>)[];
};

function slim<T extends BranchScore | UnitScore>(s: T): T {
  const { year: _y, asOf: _a, indicators, gaps, ...rest } = s;
  const out: Slim<T> = {
    ...rest,
    indicators: indicators.map(({ dimension, ...i }) => (dimension === INDICATOR_BY_CODE[i.code]?.dimension ? i : { ...i, dimension })),
    gaps: gaps.map(({ source, recommendation, ...g }) => {
      const def = INDICATOR_BY_CODE[g.code];
      return { ...g, ...(source === def?.source ? {} : { source }), ...(recommendation === def?.recommendation ? {} : { recommendation }) };
    }),
  };
  return out as unknown as T;
}

/** Puts back what slim() left out, in place (the objects are fresh from the JSON). */
function fill<T extends BranchScore | UnitScore>(s: T, key: { year: number; asOf: string }): T {
  const x = s as unknown as Slim<T> & { year?: number; asOf?: string };
  x.year = key.year;
  x.asOf = key.asOf;
  for (const i of x.indicators) i.dimension ??= INDICATOR_BY_CODE[i.code].dimension;
  for (const g of x.gaps) {
    g.source ??= INDICATOR_BY_CODE[g.code].source;
    g.recommendation ??= INDICATOR_BY_CODE[g.code].recommendation;
  }
  return s;
}
