import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import type { MeetingType } from '@wj/domain';
import { orgs } from './org.js';

/** 组织生活: one row per meeting held (三会一课, 主题党日, 组织生活会 …). */
export const meetings = sqliteTable('meetings', {
  id: integer().primaryKey({ autoIncrement: true }),
  orgId: integer().notNull().references(() => orgs.id),
  type: text().$type<MeetingType>().notNull(),
  date: text().notNull(),
  topic: text().notNull(),
  expected: integer().notNull(),
  present: integer().notNull(),
  notes: text(),
  /**
   * The unit's light review (DESIGN.md): pending until looked at; a returned
   * record does not count in the score until the branch corrects it (an edit
   * puts it back to pending). Nothing waits for approval.
   */
  reviewStatus: text().$type<'pending' | 'approved' | 'returned'>().notNull().default('pending'),
  reviewReason: text(),
  reviewedAt: text(),
  reviewedBy: text(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('meetings_org_date_idx').on(t.orgId, t.date)]);
