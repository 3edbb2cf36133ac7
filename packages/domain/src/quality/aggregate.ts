import { INDICATORS, type IndicatorCode, type IndicatorDef } from './catalogue.js';
import type { RuleParams } from './params.js';
import type { Tier } from './sources.js';
import type { Gap } from './types.js';

/** One line of the committee dashboard: “5个支部书记非“双带头人””, with the organisations behind it. */
export interface GapSummary {
  code: IndicatorCode;
  /** 党内法规 / 本委工作要求 / 提醒: a line never mixes tiers, so its heading claims only its own. */
  tier: Tier;
  /** A kind of gap counted on its own (unit_plan 'late'), or null. */
  variant: string | null;
  count: number;
  red: number;
  amber: number;
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

/**
 * Counts organisations per gap code, tier and variant, the way the survey
 * did. Each organisation counts once per line; lines with no gap are left
 * out; the order is the catalogue's, problems (党内法规, 本委工作要求) before
 * reminders. Pass `severity` to count only red (rule broken) or only amber
 * gaps, and the rule parameters to fill the reminder phrases ("3个月内").
 */
export function aggregateGaps(scores: { orgId: number; gaps: Gap[] }[], severity?: Gap['severity'], params?: Partial<RuleParams>): GapSummary[] {
  const out: GapSummary[] = [];
  for (const def of INDICATORS) {
    const hits = scores.flatMap((s) => s.gaps.filter((g) => g.code === def.code && (!severity || g.severity === severity)).map((g) => ({ orgId: s.orgId, g })));
    const keys = [...new Set(hits.map((h) => `${h.g.tier}|${h.g.variant ?? ''}`))];
    for (const key of keys) {
      const [tier, v] = key.split('|') as [Tier, string];
      const mine = hits.filter((h) => `${h.g.tier}|${h.g.variant ?? ''}` === key);
      const orgIds = [...new Set(mine.map((h) => h.orgId))];
      const variant = v || null;
      out.push({
        code: def.code, tier, variant,
        count: orgIds.length,
        red: mine.filter((h) => h.g.severity === 'red').length,
        amber: mine.filter((h) => h.g.severity === 'amber').length,
        text: `${orgIds.length}${gapPhraseOf(def, tier, variant, params)}`,
        orgIds,
      });
    }
  }
  return out.sort((a, b) => TIER_ORDER[a.tier] - TIER_ORDER[b.tier]);
}

/** A gap that is a problem (not a reminder): what 问题数 counts. */
export const isProblem = (g: Pick<Gap, 'tier'>): boolean => g.tier !== 'reminder';

/** Identifies one line of the 问题清单 across screens and requests: code, tier and variant. */
export const gapLineKey = (g: { code: string; tier: Tier; variant: string | null }): string => `${g.code}|${g.tier}|${g.variant ?? ''}`;
