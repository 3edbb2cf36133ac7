import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import type { Gender, JobCategory, RecruitStage, RecruitStatus, TitleLevel } from '@wj/domain';
import { orgs } from './org.js';

/**
 * 发展党员 pipeline, one row per person, with the date each stage was reached
 * (《发展党员工作细则》2014: 申请 → 积极分子 ≥1 year → 发展对象 → 预备党员 1 year → 正式党员).
 */
export const recruits = sqliteTable('recruits', {
  id: integer().primaryKey({ autoIncrement: true }),
  orgId: integer().notNull().references(() => orgs.id),
  name: text().notNull(),
  gender: text().$type<Gender>().notNull(),
  birthDate: text().notNull(),
  jobCategory: text().$type<JobCategory>(),
  titleLevel: text().$type<TitleLevel>().notNull().default('none'),
  isTalent: integer({ mode: 'boolean' }).notNull().default(false),
  stage: text().$type<RecruitStage>().notNull(),
  applicationDate: text().notNull(),
  activistDate: text(),
  candidateDate: text(),
  probationaryDate: text(),
  fullDate: text(),
  status: text().$type<RecruitStatus>().notNull().default('active'),
  /** Why and when the pipeline entry was ended (status 'stopped'): kept on the row so the branch can read it. */
  stoppedDate: text(),
  stopReason: text(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('recruits_org_idx').on(t.orgId)]);
