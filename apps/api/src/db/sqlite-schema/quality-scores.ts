import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Kept scores (modules/quality/score-store.ts): one unit's branch and unit
 * scores for one year, as-of date and rule version, with what they were
 * computed from — `basis` 'live' and the audit head seen before the records
 * were read, or a closed year's close ('closed:<id>:<closedAt>'). A start reads
 * the subtotals (`part`) instead of scoring again, and the branch details
 * (`scores`) when a page needs them; a unit written since is recomputed and
 * its row rewritten.
 */
export const qualityScores = sqliteTable('quality_scores', {
  id: integer().primaryKey({ autoIncrement: true }),
  year: integer().notNull(),
  asOf: text().notNull(),
  ruleVersion: integer().notNull(),
  unitId: integer().notNull(),
  basis: text().notNull(),
  auditHead: integer().notNull(),
  scores: text({ mode: 'json' }).notNull(),
  /** The unit's dashboard subtotals (unit-parts.ts), read alone at a start; null in rows kept before they were stored. */
  part: text({ mode: 'json' }),
  computedAt: text().notNull(),
}, (t) => [uniqueIndex('quality_scores_uq').on(t.year, t.asOf, t.ruleVersion, t.unitId)]);
