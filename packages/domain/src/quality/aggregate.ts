import { INDICATOR_BY_CODE, INDICATORS, type IndicatorCode, type IndicatorDef } from './catalogue.js';
import type { RuleParams } from './params.js';
import type { Tier } from './sources.js';
import type { Gap } from './types.js';

/** What one line of the 问题清单 counts: organisations with a gap of one code, tier and variant. */
interface LineCount {
  code: IndicatorCode;
  /** 党内法规 / 本委工作要求 / 提醒: a line never mixes tiers, so its heading claims only its own. */
  tier: Tier;
  /** A kind of gap counted on its own (unit_plan 'late'), or null. */
  variant: string | null;
  count: number;
  red: number;
  amber: number;
}

/** One line of the committee dashboard: “5个支部书记非“双带头人””, with the organisations behind it. */
export interface GapSummary extends LineCount {
  /** `${count}${phrase}` — the tier's or variant's phrase. */
  text: string;
  orgIds: number[];
}

/** The phrase that follows the count: the reminder's, the variant's, or the indicator's; {param} filled from the rules. */
export function gapPhraseOf(def: IndicatorDef, tier: Tier, variant: string | null, params?: Partial<RuleParams>): string {
  const raw = tier === 'reminder' ? def.reminderPhrase : (variant && def.variants[variant]) || def.gapPhrase;
  return raw.replace(/\{(\w+)\}/g, (_, k: string) => String(params?.[k as keyof RuleParams] ?? 'N'));
}

const TIER_ORDER: Record<Tier, number> = { regulation: 0, commission: 1, reminder: 2 };
const CATALOGUE_ORDER = new Map(INDICATORS.map((d, i) => [d.code, i]));

/**
 * One line's count over some organisations, before its text: what a
 * GapSummary is made from. Tallies of disjoint sets of organisations add up
 * (mergeTallies), so a dashboard can sum per-unit tallies instead of counting
 * every branch again.
 */
export interface GapTally extends LineCount {
  /** code|tier|variant (gapLineKey). */
  key: string;
  /** Where the line first appears: the organisation's place (its position in the list tallied, or its id) and the gap's index in its list. */
  firstOrg: number;
  firstGap: number;
  /** The organisations counted, in order (only when asked for). */
  orgIds?: number[];
}

/**
 * Counts organisations per gap code, tier and variant, the way the survey
 * did: each organisation counts once per line, red and amber count gaps.
 * `severity` counts only red (rule broken) or only amber gaps; `placeBy: 'orgId'`
 * records an organisation's place by its id (for lists in id order whose
 * tallies are merged), else by its position in `scores`.
 */
export function tallyGaps(
  scores: { orgId: number; gaps: Gap[] }[], opts: { severity?: Gap['severity']; placeBy?: 'position' | 'orgId'; orgIds?: boolean } = {},
): GapTally[] {
  const out = new Map<string, GapTally & { lastOrg: number }>();
  scores.forEach((s, at) => {
    s.gaps.forEach((g, i) => {
      if (opts.severity && g.severity !== opts.severity) return;
      const key = gapLineKey({ code: g.code, tier: g.tier, variant: g.variant ?? null });
      let t = out.get(key);
      if (!t) {
        const first = opts.placeBy === 'orgId' ? s.orgId : at;
        out.set(key, (t = { key, code: g.code, tier: g.tier, variant: g.variant ?? null, count: 0, red: 0, amber: 0, firstOrg: first, firstGap: i, lastOrg: NaN, ...(opts.orgIds ? { orgIds: [] } : {}) }));
      }
      if (t.lastOrg !== s.orgId) {
        t.count++;
        t.orgIds?.push(s.orgId);
      }
      t.lastOrg = s.orgId;
      if (g.severity === 'red') t.red++;
      else if (g.severity === 'amber') t.amber++;
    });
  });
  return [...out.values()].map(({ lastOrg: _l, ...t }) => t);
}

/** The tallies of disjoint sets of organisations (placed by id), summed line by line. */
export function mergeTallies(lists: GapTally[][]): GapTally[] {
  const all = new Map<string, GapTally>();
  for (const list of lists) for (const t of list) {
    const m = all.get(t.key);
    if (!m) { all.set(t.key, { ...t, orgIds: t.orgIds && [...t.orgIds] }); continue; }
    m.count += t.count; m.red += t.red; m.amber += t.amber;
    if (t.orgIds) m.orgIds = [...(m.orgIds ?? []), ...t.orgIds];
    if (t.firstOrg < m.firstOrg || (t.firstOrg === m.firstOrg && t.firstGap < m.firstGap)) { m.firstOrg = t.firstOrg; m.firstGap = t.firstGap; }
  }
  return [...all.values()];
}

/**
 * Adds the tallies of one set of organisations (placed by id) to merged ones
 * (`sign` 1), or takes them away again (-1), line by line: what mergeTallies
 * gives for all sets but one is then its result with that set's tallies taken
 * away, so a sum over many sets follows a change to one of them without
 * merging them all again. A changed line is a new object (the old one may be
 * shared). A line whose first place was the one taken away is named in
 * `lost`: its place is among the other sets' tallies, which the caller looks
 * through (the smallest firstOrg, then firstGap); adding a tally placed no
 * later settles it. Lines counted by no organisation are left out.
 */
export function adjustTallies(into: Map<string, GapTally>, list: GapTally[], sign: 1 | -1, lost: Set<string>): void {
  for (const t of list) {
    const m = into.get(t.key);
    if (sign > 0) {
      if (!m) {
        into.set(t.key, { key: t.key, code: t.code, tier: t.tier, variant: t.variant, count: t.count, red: t.red, amber: t.amber, firstOrg: t.firstOrg, firstGap: t.firstGap });
        continue;
      }
      const first = t.firstOrg < m.firstOrg || (t.firstOrg === m.firstOrg && t.firstGap <= m.firstGap);
      if (first) lost.delete(t.key);
      into.set(t.key, {
        ...m, count: m.count + t.count, red: m.red + t.red, amber: m.amber + t.amber,
        firstOrg: first ? t.firstOrg : m.firstOrg, firstGap: first ? t.firstGap : m.firstGap,
      });
      continue;
    }
    if (!m) throw new Error(`no merged line ${t.key} to take a tally from`);
    if (m.count === t.count) {
      into.delete(t.key);
      lost.delete(t.key);
      continue;
    }
    into.set(t.key, { ...m, count: m.count - t.count, red: m.red - t.red, amber: m.amber - t.amber });
    if (m.firstOrg === t.firstOrg && m.firstGap === t.firstGap) lost.add(t.key);
  }
}

/**
 * The lines of some tallies with their text: in the catalogue's order, a
 * code's lines in the order they first appear, problems (党内法规, 本委工作要求)
 * before reminders; the rule parameters fill the phrases ("3个月内").
 */
export function gapSummaries(tallies: GapTally[], params?: Partial<RuleParams>): GapSummary[] {
  return tallies
    .filter((t) => CATALOGUE_ORDER.has(t.code))
    .sort((a, b) => CATALOGUE_ORDER.get(a.code)! - CATALOGUE_ORDER.get(b.code)! || a.firstOrg - b.firstOrg || a.firstGap - b.firstGap)
    .map((t) => ({
      code: t.code, tier: t.tier, variant: t.variant, count: t.count, red: t.red, amber: t.amber,
      text: `${t.count}${gapPhraseOf(INDICATOR_BY_CODE[t.code], t.tier, t.variant, params)}`, orgIds: t.orgIds ?? [],
    }))
    .sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
}

/**
 * Counts organisations per gap code, tier and variant, the way the survey
 * did (tallyGaps), as the dashboard's lines (gapSummaries). Lines with no gap
 * are left out. Pass `severity` to count only red (rule broken) or only amber
 * gaps, and the rule parameters to fill the reminder phrases ("3个月内").
 */
function countGaps(scores: { orgId: number; gaps: Gap[] }[], severity?: Gap['severity'], params?: Partial<RuleParams>): GapSummary[] {
  return gapSummaries(tallyGaps(scores, { severity, orgIds: true }), params);
}

/**
 * aggregateGaps, with its steps as members for callers that sum per-unit
 * tallies (the API's dashboard): `tally`, `merge`, `adjust`, `lines`.
 * (Reached through this one export while quality/index.ts lists no other name of this file.)
 */
export const aggregateGaps = Object.assign(countGaps, { tally: tallyGaps, merge: mergeTallies, adjust: adjustTallies, lines: gapSummaries });

/** A gap that is a problem (not a reminder): what 问题数 counts. */
export const isProblem = (g: Pick<Gap, 'tier'>): boolean => g.tier !== 'reminder';

/** Identifies one line of the 问题清单 across screens and requests: code, tier and variant. */
export const gapLineKey = (g: { code: string; tier: Tier; variant: string | null }): string => `${g.code}|${g.tier}|${g.variant ?? ''}`;
