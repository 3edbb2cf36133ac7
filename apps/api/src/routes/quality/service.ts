import { eq, sql } from 'drizzle-orm';
import { todayIso } from '@wj/domain/schemas';
import { scoreBranch, scoreUnit, type BranchScore, type UnitScore } from '@wj/domain/quality';
import type { Db } from '../../db/index.js';
import { meetings, orgs } from '../../db/schema/index.js';
import { loadFacts } from './facts-loader.js';
import { currentRules, type StoredRules } from './rules-store.js';

export interface OrgInfo { id: number; name: string; unitId: number; institutionName: string | null; institutionType: 'hospital' | 'health_institution' | null }

/** Every branch's and unit's score for one year and as-of date, for the whole commission. */
export interface YearScores {
  year: number;
  asOf: string;
  rules: StoredRules;
  branches: BranchScore[];
  units: UnitScore[];
  orgs: Map<number, OrgInfo>;
  memberCounts: Map<number, { inService: number; retired: number }>;
}

/** Which year and as-of date a request means: a past year is judged whole, the current one up to today. */
export function resolvePeriod(db: Db, q: { year?: number; asOf?: string }, today = todayIso()) {
  const thisYear = Number(today.slice(0, 4));
  const year = q.year ?? (q.asOf ? Number(q.asOf.slice(0, 4)) : Math.min(thisYear, latestYear(db) ?? thisYear));
  const asOf = q.asOf ?? (year < thisYear ? `${year}-12-31` : today);
  return { year, asOf };
}

function latestYear(db: Db): number | null {
  const row = db.select({ y: sql<string | null>`max(substr(${meetings.date}, 1, 4))` }).from(meetings).get();
  return row?.y ? Number(row.y) : null;
}

export function dataYears(db: Db): number[] {
  return db.selectDistinct({ y: sql<string>`substr(${meetings.date}, 1, 4)` }).from(meetings).all().map((r) => Number(r.y)).sort((a, b) => b - a);
}

/**
 * Scores are computed from the records, never stored. Computing the whole
 * commission takes a few milliseconds per branch, so results are kept per
 * (year, as-of) until the next write or rule change clears them all: a read
 * after any write always sees fresh scores.
 */
export class QualityService {
  private cache = new Map<string, YearScores>();

  constructor(private readonly db: Db) {}

  invalidate() {
    this.cache.clear();
  }

  scores(year: number, asOf: string): YearScores {
    const rules = currentRules(this.db);
    const key = `${year}|${asOf}|${rules.version}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const facts = loadFacts(this.db, year);
    const opts = { year, asOf };
    const branches = facts.branches.map((f) => scoreBranch(f, rules.rules, opts));
    const byUnit = new Map<number, BranchScore[]>();
    facts.branches.forEach((f, i) => {
      const list = byUnit.get(f.unitId) ?? [];
      list.push(branches[i]!);
      byUnit.set(f.unitId, list);
    });
    const units = facts.units.map((u) => scoreUnit(u, byUnit.get(u.orgId) ?? [], rules.rules, opts));
    const orgRows = this.db.select({ id: orgs.id, name: orgs.name, unitId: orgs.unitId, institutionName: orgs.institutionName, institutionType: orgs.institutionType })
      .from(orgs).where(eq(orgs.status, 'active')).all();
    const memberCounts = new Map<number, { inService: number; retired: number }>();
    for (const b of facts.branches) {
      memberCounts.set(b.orgId, {
        inService: b.members.filter((m) => m.employment === 'in_service').length,
        retired: b.members.filter((m) => m.employment === 'retired').length,
      });
    }
    const result: YearScores = {
      year, asOf, rules, branches, units, memberCounts,
      orgs: new Map(orgRows.map((o) => [o.id, { ...o, unitId: o.unitId ?? o.id }])),
    };
    if (this.cache.size > 16) this.cache.clear();
    this.cache.set(key, result);
    return result;
  }
}
