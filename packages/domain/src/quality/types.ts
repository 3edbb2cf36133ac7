import type { BranchDimension, Dimension, IndicatorCode } from './catalogue.js';
import type { Tier } from './sources.js';

/**
 * - met: fully meets the rule (full points).
 * - partial: partly met or at risk (some points, or a warning without loss).
 * - unmet: not met (usually no points).
 * - na: not applicable or nothing due yet — not counted in `possible`.
 */
export type IndicatorStatus = 'met' | 'partial' | 'unmet' | 'na';
/** red: the rule is broken; amber: partly met, at risk, or a reminder. */
export type Severity = 'red' | 'amber';

export interface ScoreOptions {
  /** The judged year. */
  year: number;
  /** 'YYYY-MM-DD': what has happened by this day counts; in the current year only what is due by it is judged. */
  asOf: string;
}

export interface IndicatorResult {
  code: IndicatorCode;
  dimension: Dimension;
  status: IndicatorStatus;
  /** Points earned, within the dimension. */
  earned: number;
  /** Points at stake (0 when na, disabled, or not yet due). */
  possible: number;
  /** A plain sentence of what was found, shown beside the indicator. */
  detail: string;
}

export interface Gap {
  code: IndicatorCode;
  severity: Severity;
  /** Specific: "2026年第三季度未召开支部党员大会". */
  message: string;
  source: string;
  recommendation: string;
  /** Points of the organisation's total (0–100) this gap costs; 0 for a pure warning. */
  points: number;
  /** 党内法规 / 本委工作要求 from the indicator's source; 提醒 for an at-risk or not-yet-due item (sources.ts). */
  tier: Tier;
  /** A kind of gap counted on its own line (unit_plan 'late'); null for the indicator's main phrase. */
  variant: string | null;
}

export interface DimensionScore {
  /** earned/possible × 100, one decimal; 100 when nothing is applicable. */
  score: number;
  weight: number;
  earned: number;
  possible: number;
  /** false: nothing in this dimension was judged, so it does not enter the total. */
  applicable: boolean;
}

export interface BranchScore {
  orgId: number;
  year: number;
  asOf: string;
  /** 0–100, one decimal. */
  total: number;
  dimensions: Record<BranchDimension, DimensionScore>;
  indicators: IndicatorResult[];
  gaps: Gap[];
}

export interface UnitScore {
  orgId: number;
  year: number;
  asOf: string;
  /** 0–100, one decimal: see scoreUnit for the formula. */
  total: number;
  /** The unit's own 责任落实 indicators. */
  responsibility: DimensionScore;
  /** Mean of the unit's branches, per dimension and in total; null when the unit has no branch scored (or none applicable). */
  branchAverage: Record<BranchDimension | 'total', number | null>;
  branchCount: number;
  indicators: IndicatorResult[];
  gaps: Gap[];
}

/** What one indicator's check finds, before points are attached. */
export interface Outcome {
  status: IndicatorStatus;
  /** Share of the indicator's points earned, 0–1. */
  credit: number;
  detail: string;
  /** Whether the indicator's points are at stake; default: status !== 'na'. */
  scored?: boolean;
  gap?: { severity: Severity; message: string; reminder?: boolean; variant?: string };
}
