import { pgTable, integer, text, index, primaryKey, uniqueIndex, boolean, doublePrecision } from 'drizzle-orm/pg-core';
import type { Education, Employment, Gender, JobCategory, MemberCategory, MemberStatus, PartyStanding, TitleLevel } from '@wj/domain';
import { orgs } from './org.js';

/** 党员. History is kept: leaving the branch sets `status`, the row stays. */
export const members = pgTable('members', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  orgId: integer().notNull().references(() => orgs.id),
  name: text().notNull(),
  gender: text().$type<Gender>().notNull(),
  ethnicity: text().notNull(),
  birthDate: text().notNull(),
  education: text().$type<Education>().notNull(),
  idNumber: text().notNull(),
  phone: text(),
  joinDate: text().notNull(),
  fullDate: text(),
  category: text().$type<MemberCategory>().notNull(),
  employment: text().$type<Employment>().notNull(),
  jobCategory: text().$type<JobCategory>(),
  titleLevel: text().$type<TitleLevel>().notNull().default('none'),
  department: text(),
  position: text(),
  isTalent: boolean().notNull().default(false),
  isDeptHead: boolean().notNull().default(false),
  /** What the 全国党员管理信息系统 records beside the roll: 党籍状态 (正常/停止党籍/留党察看), 失联党员, 流动党员. */
  partyStanding: text().$type<PartyStanding>().notNull().default('normal'),
  lostContact: boolean().notNull().default(false),
  floating: boolean().notNull().default(false),
  status: text().$type<MemberStatus>().notNull().default('active'),
  leftDate: text(),
  leftReason: text(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [
  index('members_org_idx').on(t.orgId, t.status),
  uniqueIndex('members_id_number_uq').on(t.idNumber),
  index('members_name_idx').on(t.name),
]);

/** Study hours per member per year (党员教育培训: 32 hours, committee members 56). */
export const memberStudy = pgTable('member_study', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  memberId: integer().notNull().references(() => members.id),
  year: integer().notNull(),
  hours: doublePrecision().notNull(),
}, (t) => [uniqueIndex('member_study_uq').on(t.memberId, t.year)]);
