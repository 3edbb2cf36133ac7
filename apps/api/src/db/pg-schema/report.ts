import { pgTable, integer, text, index, primaryKey } from 'drizzle-orm/pg-core';
import type { ReportSection } from '@wj/domain/schemas';
import { orgs } from './org.js';

/**
 * The office's own words in the annual report, per year and scope (unitId
 * null: the commission's report): a row whose key is a generated paragraph's
 * replaces it; a row with an `added.` key is a paragraph of its own, shown at
 * the end of its section in `position` order. Writes are versioned and audited.
 */
export const reportParagraphs = pgTable('report_paragraphs', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  year: integer().notNull(),
  unitId: integer().references(() => orgs.id),
  section: text().$type<ReportSection>().notNull(),
  key: text().notNull(),
  text: text().notNull(),
  position: integer().notNull().default(0),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('report_paragraphs_year_unit_idx').on(t.year, t.unitId)]);
