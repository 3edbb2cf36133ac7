import { sqliteTable, integer, text, index, uniqueIndex } from 'drizzle-orm/sqlite-core';
import type { ReviewGrade } from '@wj/domain';
import { orgs } from './org.js';

/** 年度党建工作计划 of a unit (due in Q1). */
export const unitPlans = sqliteTable('unit_plans', {
  id: integer().primaryKey({ autoIncrement: true }),
  unitId: integer().notNull().references(() => orgs.id),
  year: integer().notNull(),
  title: text().notNull(),
  content: text(),
  fileName: text(),
  submittedDate: text().notNull(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [uniqueIndex('unit_plans_unit_year_uq').on(t.unitId, t.year)]);

/** 党务干部 of a unit; `fullTime` marks 专职. */
export const partyWorkers = sqliteTable('party_workers', {
  id: integer().primaryKey({ autoIncrement: true }),
  unitId: integer().notNull().references(() => orgs.id),
  name: text().notNull(),
  position: text().notNull(),
  fullTime: integer({ mode: 'boolean' }).notNull().default(true),
  startDate: text().notNull(),
  endDate: text(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('party_workers_unit_idx').on(t.unitId)]);

/** 书记抓党建述职评议: the grade of an org's secretary for a year. */
export const secretaryReviews = sqliteTable('secretary_reviews', {
  id: integer().primaryKey({ autoIncrement: true }),
  orgId: integer().notNull().references(() => orgs.id),
  year: integer().notNull(),
  secretaryName: text().notNull(),
  grade: text().$type<ReviewGrade>().notNull(),
  comment: text(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [uniqueIndex('secretary_reviews_org_year_uq').on(t.orgId, t.year)]);

/** 全面从严治党主体责任清单: a unit's items for a year and whether each is done. */
export const responsibilityItems = sqliteTable('responsibility_items', {
  id: integer().primaryKey({ autoIncrement: true }),
  unitId: integer().notNull().references(() => orgs.id),
  year: integer().notNull(),
  title: text().notNull(),
  done: integer({ mode: 'boolean' }).notNull().default(false),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('responsibility_items_unit_year_idx').on(t.unitId, t.year)]);
