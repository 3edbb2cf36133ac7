import { asc, count, eq } from 'drizzle-orm';
import { averageOf, employmentCounts, scoreBranch, scoreUnit, type BranchFacts, type BranchScore, type UnitFacts } from '@wj/domain/quality';
import { todayIso, type YearStatus } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Queryable } from '../../db/index.js';
import { closedYears, closedYearUnits, orgs } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, conflict, notFound } from '../../lib/errors.js';
import { loadFacts, type CommissionFacts } from './facts-loader.js';
import { currentRules, rulesOfVersion, type StoredRules } from './rules-store.js';
import type { OrgInfo } from './org-info.js';
import type { YearScores } from './service.js';
import { groupByUnit } from './unit-groups.js';
import type { ScoreStore } from './score-store.js';
import type { OrgIndex } from '../orgs/org-index.js';
import type { OrgCounts } from '@wj/domain/schemas';

/**
 * 年度结账: a past year is judged on the organisation as it stood on 31
 * December (members, committees, secretaries then) and under the rule set in
 * force when it was closed. Closing freezes the facts the score is computed
 * from, unit by unit, with the rule version; from then on the year's scores,
 * gaps, dashboard and report are computed from the frozen facts, so a rule
 * change or a member joining today leave them as they were. Re-judging
 * (重新评定) is the one way to change them: it freezes again from the records
 * as they are now, audited with the totals before and after.
 */

/** What one closed_year_units row holds. */
interface FrozenUnit { unit: UnitFacts; branches: BranchFacts[]; orgs: OrgInfo[] }

type ClosedRow = typeof closedYears.$inferSelect;

/** Scores of any facts under some rules: the same assembly the live scores use (QualityService.compute). */
export function scoreFacts(facts: CommissionFacts, orgInfo: Map<number, OrgInfo>, rules: StoredRules, year: number, asOf: string, serial: number): YearScores {
  const opts = { year, asOf };
  const branches = facts.branches.map((f) => scoreBranch(f, rules.rules, opts));
  const byUnit = new Map<number, BranchScore[]>();
  facts.branches.forEach((f, i) => {
    const list = byUnit.get(f.unitId) ?? [];
    list.push(branches[i]!);
    byUnit.set(f.unitId, list);
  });
  const units = facts.units.map((u) => scoreUnit(u, byUnit.get(u.orgId) ?? [], rules.rules, opts));
  const memberCounts = new Map(facts.branches.map((b) => [b.orgId, employmentCounts(b)]));
  return { year, asOf, rules, branches, units, memberCounts, orgs: orgInfo, groups: groupByUnit(branches, units, orgInfo), serial };
}

// Negative, so that a frozen state's serial never equals a live one's (service.ts counts up from 1): views memoise on it.
let frozenSerials = 0;

interface Frozen { meta: ClosedRow; facts: CommissionFacts; orgs: Map<number, OrgInfo> }

async function closedRow(db: Queryable, year: number): Promise<ClosedRow | undefined> {
  return (await db.select().from(closedYears).where(eq(closedYears.year, year)).limit(1))[0];
}

const sameClose = (a: ClosedRow | undefined, b: ClosedRow | undefined) =>
  !!a && !!b && a.id === b.id && a.closedAt === b.closedAt && a.ruleSetVersion === b.ruleSetVersion;

/** The frozen facts of a closed year (null: the year is open). Read again if a re-judge landed between the two reads. */
async function frozenFacts(db: Queryable, year: number): Promise<Frozen | null> {
  for (let attempt = 0; ; attempt++) {
    const meta = await closedRow(db, year);
    if (!meta) return null;
    const rows = await db.select().from(closedYearUnits).where(eq(closedYearUnits.year, year)).orderBy(asc(closedYearUnits.unitId));
    const again = await closedRow(db, year);
    if (!sameClose(meta, again) && attempt < 3) continue;
    const parts = rows.map((r) => r.facts as FrozenUnit);
    return {
      meta,
      facts: { units: parts.map((p) => p.unit), branches: parts.flatMap((p) => p.branches) },
      orgs: new Map(parts.flatMap((p) => p.orgs).map((o) => [o.id, o])),
    };
  }
}

interface CachedFrozen { meta: ClosedRow; scores: YearScores }
const cache = new WeakMap<object, Map<string, CachedFrozen>>();

/**
 * A closed year's scores from its frozen facts and rule version, or null when
 * the year is open. One read of the closed_years row per call; the scores are
 * kept until that row changes (a re-judge, here or in another process).
 */
export async function closedYearScores(db: Queryable, year: number, asOf: string, store?: ScoreStore): Promise<YearScores | null> {
  // Kept per service when it has a store (as a process would), else per database handle.
  const owner: object = store ?? db;
  let memo = cache.get(owner);
  if (!memo) cache.set(owner, (memo = new Map()));
  const key = `${year}|${asOf}`;
  const meta = await closedRow(db, year);
  if (!meta) return null;
  const hit = memo.get(key);
  if (hit && sameClose(hit.meta, meta)) return hit.scores;
  const scores = (store && await keptClosed(db, store, meta, asOf)) || await scoreFrozen(db, year, asOf, store);
  if (!scores) return null;
  frozenStates.add(scores.scores);
  if (memo.size > 16) memo.clear();
  memo.set(key, scores);
  return scores.scores;
}

/** What a closed year's kept rows were computed from: the close itself (a re-judge makes a new one). */
const closedBasis = (meta: ClosedRow) => `closed:${meta.id}:${meta.closedAt}`;

/** A closed year's scores from its kept rows, if every frozen unit has one. */
async function keptClosed(db: Queryable, store: ScoreStore, meta: ClosedRow, asOf: string): Promise<CachedFrozen | null> {
  const [kept, [n]] = await Promise.all([
    store.read({ year: meta.year, asOf, ruleVersion: meta.ruleSetVersion, basis: closedBasis(meta) }),
    db.select({ n: count() }).from(closedYearUnits).where(eq(closedYearUnits.year, meta.year)),
  ]);
  if (kept.length === 0 || kept.length !== Number(n?.n ?? 0)) return null;
  const rules = await rulesOfVersion(db, meta.ruleSetVersion);
  if (!rules) return null;
  const orgInfo = new Map(kept.flatMap((k) => k.orgs ?? []).map((o) => [o.id, o]));
  const branches = kept.flatMap((k) => k.branches);
  const units = kept.flatMap((k) => (k.unit ? [k.unit] : []));
  const memberCounts = new Map(kept.flatMap((k) => k.members.map(([id, inService, retired]) => [id, { inService, retired }] as const)));
  const scores: YearScores = {
    year: meta.year, asOf, rules, branches, units, memberCounts, orgs: orgInfo, groups: groupByUnit(branches, units, orgInfo), serial: --frozenSerials,
  };
  return { meta, scores };
}

/** A closed year scored from its frozen facts (and kept, when a store is given). */
async function scoreFrozen(db: Queryable, year: number, asOf: string, store?: ScoreStore): Promise<CachedFrozen | null> {
  const frozen = await frozenFacts(db, year);
  if (!frozen) return null;
  const rules = await rulesOfVersion(db, frozen.meta.ruleSetVersion);
  if (!rules) throw new Error(`closed year ${year}: rule set version ${frozen.meta.ruleSetVersion} is missing`);
  const scores = scoreFacts(frozen.facts, frozen.orgs, rules, year, asOf, --frozenSerials);
  const unitIds = frozen.facts.units.map((u) => u.orgId);
  store?.keep({ year, asOf, ruleVersion: rules.version, basis: closedBasis(frozen.meta) }, scores, unitIds, 0, { orgs: true, prune: true });
  return { meta: frozen.meta, scores };
}

/** The facts a report reads for a year: the frozen ones when it is closed, else the records as they are. */
export async function yearFacts(db: Queryable, year: number, unitIds?: number[]): Promise<CommissionFacts> {
  const frozen = await frozenFacts(db, year);
  if (!frozen) return loadFacts(db, year, unitIds);
  if (!unitIds) return frozen.facts;
  const keep = new Set(unitIds);
  return { units: frozen.facts.units.filter((u) => keep.has(u.orgId)), branches: frozen.facts.branches.filter((b) => keep.has(b.unitId)) };
}

/** Each year with records or a close, newest first, with its status. The running year is always open. */
export async function yearStatuses(db: Queryable, dataYears: number[], today = todayIso()): Promise<YearStatus[]> {
  const [rows, rules] = await Promise.all([db.select().from(closedYears), currentRules(db)]);
  const closed = new Map(rows.map((r) => [r.year, r]));
  const years = [...new Set([...dataYears, ...closed.keys(), Number(today.slice(0, 4))])].sort((a, b) => b - a);
  return years.map((year) => {
    const c = closed.get(year);
    return c
      ? { year, status: 'closed' as const, closedAt: c.closedAt, closedBy: c.closedBy, ruleVersion: c.ruleSetVersion }
      : { year, status: 'open' as const, closedAt: null, closedBy: null, ruleVersion: rules.version };
  });
}

/** What the audit row records of a judgement: the rule version, the average and every branch's and unit's total. */
function totals(ys: YearScores) {
  const avg = averageOf(ys.branches.map((b) => b.total));
  return {
    ruleVersion: ys.rules.version, averageScore: avg,
    branches: Object.fromEntries(ys.branches.map((b) => [b.orgId, b.total])),
    units: Object.fromEntries(ys.units.map((u) => [u.orgId, u.total])),
  };
}

/** Freezes `year` from the records as they stand now, read as of its 31 December, under `rules`. Runs in the caller's transaction. */
async function freeze(tx: Queryable, year: number, rules: StoredRules, user: SessionUser | null) {
  const standing = `${year}-12-31`;
  const facts = await loadFacts(tx, year, undefined, standing);
  const ids = new Set([...facts.units.map((u) => u.orgId), ...facts.branches.map((b) => b.orgId)]);
  const orgRows = await tx.select({ id: orgs.id, name: orgs.name, unitId: orgs.unitId, institutionName: orgs.institutionName, institutionType: orgs.institutionType })
    .from(orgs).orderBy(orgs.id);
  const info: OrgInfo[] = orgRows.filter((o) => ids.has(o.id)).map((o) => ({ ...o, unitId: o.unitId ?? o.id }));
  const parts = facts.units.map((u): FrozenUnit => ({
    unit: u, branches: facts.branches.filter((b) => b.unitId === u.orgId), orgs: info.filter((o) => o.unitId === u.orgId),
  }));
  // Strictly later than the close it replaces: readers tell one judgement from the next by it.
  const prevAt = (await closedRow(tx, year))?.closedAt;
  let closedAt = new Date().toISOString();
  if (prevAt && closedAt <= prevAt) closedAt = new Date(Date.parse(prevAt) + 1).toISOString();
  await tx.delete(closedYearUnits).where(eq(closedYearUnits.year, year));
  await tx.delete(closedYears).where(eq(closedYears.year, year));
  await tx.insert(closedYears).values({ year, ruleSetVersion: rules.version, closedAt, closedBy: user?.username ?? 'system' });
  for (let i = 0; i < parts.length; i += 200) {
    await tx.insert(closedYearUnits).values(parts.slice(i, i + 200).map((p) => ({ year, unitId: p.unit.orgId, facts: p })));
  }
  return scoreFacts(facts, new Map(info.map((o) => [o.id, o])), rules, year, standing, 0);
}

function assertPast(year: number, today: string) {
  if (year >= Number(today.slice(0, 4))) throw badRequest(`${year}年度尚未结束，不能结账`);
}

/** 关闭年度: freezes a past year under the rules in force now. */
export async function closeYear(db: Queryable, year: number, user: SessionUser | null, today = todayIso()): Promise<YearStatus> {
  assertPast(year, today);
  return db.transaction(async (tx) => {
    if (await closedRow(tx, year)) throw conflict(`${year}年度已结账；如需按现有记录重新评定，请使用“重新评定”`);
    const after = await freeze(tx, year, await currentRules(tx), user);
    await recordAudit(tx, user, { action: 'close', entityType: 'closed_year', entityId: year, orgId: null, before: null, after: totals(after) });
    const row = (await closedRow(tx, year))!;
    return { year, status: 'closed', closedAt: row.closedAt, closedBy: row.closedBy, ruleVersion: row.ruleSetVersion };
  });
}

/**
 * 重新评定: freezes a closed year again from the records as they are now, under
 * the rule version named (default: the one in force now), and audits the
 * totals before and after.
 */
export async function rejudgeYear(db: Queryable, year: number, user: SessionUser | null, ruleVersion?: number): Promise<YearStatus> {
  return db.transaction(async (tx) => {
    const prev = await frozenFacts(tx, year);
    if (!prev) throw conflict(`${year}年度尚未结账，无需重新评定`);
    const prevRules = await rulesOfVersion(tx, prev.meta.ruleSetVersion);
    const rules = ruleVersion === undefined ? await currentRules(tx) : await rulesOfVersion(tx, ruleVersion);
    if (!rules) throw notFound(`评分规则第${ruleVersion}版不存在`);
    const before = prevRules ? totals(scoreFacts(prev.facts, prev.orgs, prevRules, year, `${year}-12-31`, 0)) : null;
    const after = await freeze(tx, year, rules, user);
    await recordAudit(tx, user, { action: 'rejudge', entityType: 'closed_year', entityId: year, orgId: null, before, after: totals(after) });
    const row = (await closedRow(tx, year))!;
    return { year, status: 'closed', closedAt: row.closedAt, closedBy: row.closedBy, ruleVersion: row.ruleSetVersion };
  });
}

const frozenStates = new WeakSet<YearScores>();

/** Whether these scores are a closed year's (computed from frozen facts). */
export const isClosedScores = (ys: YearScores) => frozenStates.has(ys);

/**
 * The org tree with a closed year's counts: branches and members as frozen
 * (ys.memberCounts), summed up the tree as loadOrgIndex sums today's — so the
 * report's 基本情况 of a closed year counts the members it was judged on.
 */
export function withFrozenCounts(index: OrgIndex, ys: YearScores): OrgIndex {
  const counts = new Map<number, OrgCounts>();
  const order: OrgIndex['root'][] = [];
  const stack = index.root ? [index.root] : [];
  while (stack.length) {
    const n = stack.pop()!;
    order.push(n);
    for (const c of index.children.get(n.id) ?? []) stack.push(c);
  }
  for (const n of order.reverse()) {
    const own = ys.memberCounts.get(n!.id) ?? { inService: 0, retired: 0 };
    const total: OrgCounts = { branches: ys.memberCounts.has(n!.id) ? 1 : 0, members: 0, inService: own.inService, retired: own.retired };
    for (const c of index.children.get(n!.id) ?? []) {
      const cc = counts.get(c.id)!;
      total.branches += cc.branches;
      total.inService += cc.inService;
      total.retired += cc.retired;
    }
    total.members = total.inService + total.retired;
    counts.set(n!.id, total);
  }
  return { ...index, counts };
}
