import { sqliteTable, integer, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * A closed year (年度结账): judged on the organisation as it stood on 31
 * December and under the rule set in force when it was closed. One row per
 * closed year; its facts are in closed_year_units. Re-judging rewrites both.
 */
export const closedYears = sqliteTable('closed_years', {
  id: integer().primaryKey({ autoIncrement: true }),
  year: integer().notNull(),
  ruleSetVersion: integer().notNull(),
  closedAt: text().notNull(),
  closedBy: text(),
}, (t) => [uniqueIndex('closed_years_year_uq').on(t.year)]);

/** The facts a closed year is scored from, one row per unit: { unit, branches, orgs } (modules/quality/closed-years.ts). */
export const closedYearUnits = sqliteTable('closed_year_units', {
  id: integer().primaryKey({ autoIncrement: true }),
  year: integer().notNull(),
  unitId: integer().notNull(),
  facts: text({ mode: 'json' }).notNull(),
}, (t) => [uniqueIndex('closed_year_units_uq').on(t.year, t.unitId)]);
