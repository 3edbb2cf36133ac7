import { expect } from 'vitest';
import type { IndicatorCode } from '../../src/quality/catalogue.js';
import type { BranchFacts } from '../../src/quality/facts.js';
import { DEFAULT_RULES, type RuleSet } from '../../src/quality/rules.js';
import { scoreBranch } from '../../src/quality/score.js';
import type { IndicatorStatus, ScoreOptions, Severity } from '../../src/quality/types.js';
import { AT_END, branch, YEAR } from './builders.js';

/**
 * One row of an indicator table: a sound branch with one thing changed, and
 * what that indicator must then say. `credit` is the share of the
 * indicator's points the rule grants (1 met, 0 unmet, 0.5 amber half-credit,
 * k/n for per-period and per-member checks); `scored: false` means nothing
 * is at stake (na, not yet due, a reminder).
 */
export interface Row {
  name: string;
  mutate?: (f: BranchFacts) => void;
  year?: number;
  asOf?: string;
  rules?: RuleSet;
  status: IndicatorStatus;
  /** null: no gap at all. */
  severity: Severity | null;
  /** Exact gap message (or a pattern for the detail when there is no gap). */
  message?: string | RegExp;
  credit?: number;
  scored?: boolean;
}

export function scoreRow(row: Pick<Row, 'mutate' | 'year' | 'asOf' | 'rules'>) {
  const year = row.year ?? YEAR;
  const opts: ScoreOptions = { year, asOf: row.asOf ?? (row.year ? `${year}-12-31` : AT_END.asOf) };
  return scoreBranch(branch(row.mutate, year), row.rules ?? DEFAULT_RULES, opts);
}

export function expectRow(code: IndicatorCode, row: Row): void {
  const s = scoreRow(row);
  const r = s.indicators.find((i) => i.code === code)!;
  const gap = s.gaps.find((g) => g.code === code);
  const points = (row.rules ?? DEFAULT_RULES).indicators[code].points;

  expect(r.status, r.detail).toBe(row.status);
  if (row.severity === null) expect(gap, gap?.message).toBeUndefined();
  else expect(gap?.severity, r.detail).toBe(row.severity);

  if (typeof row.message === 'string') expect(gap?.message ?? r.detail).toBe(row.message);
  else if (row.message) expect(gap?.message ?? r.detail).toMatch(row.message);

  const scored = row.scored ?? row.status !== 'na';
  expect(r.possible).toBe(scored ? points : 0);
  const credit = row.credit ?? (row.status === 'met' ? 1 : 0);
  expect(r.earned).toBeCloseTo(scored ? points * credit : 0, 2);
  // A gap's cost is exactly what the indicator lost, scaled into the total.
  if (gap && r.possible === r.earned) expect(gap.points).toBe(0);
  if (gap && r.earned < r.possible) expect(gap.points).toBeGreaterThan(0);
}

export function table(code: IndicatorCode, rows: Row[]): [string, Row][] {
  return rows.map((r) => [`${code}: ${r.name}`, r]);
}
