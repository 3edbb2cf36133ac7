import { sqliteTable, integer, text, index } from 'drizzle-orm/sqlite-core';
import type { ProjectStatus } from '@wj/domain';
import { orgs } from './org.js';
import { members } from './members.js';

/** 支部品牌 */
export const brands = sqliteTable('brands', {
  id: integer().primaryKey({ autoIncrement: true }),
  orgId: integer().notNull().references(() => orgs.id),
  name: text().notNull(),
  description: text(),
  createdYear: integer().notNull(),
  active: integer({ mode: 'boolean' }).notNull().default(true),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('brands_org_idx').on(t.orgId)]);

/** 书记项目: a secretary's yearly project serving a business goal, tracked by milestones. */
export const secretaryProjects = sqliteTable('secretary_projects', {
  id: integer().primaryKey({ autoIncrement: true }),
  orgId: integer().notNull().references(() => orgs.id),
  year: integer().notNull(),
  title: text().notNull(),
  goal: text().notNull(),
  businessGoal: text().notNull(),
  status: text().$type<ProjectStatus>().notNull().default('planned'),
  progress: integer().notNull().default(0),
  review: text(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('secretary_projects_org_year_idx').on(t.orgId, t.year)]);

export const projectMilestones = sqliteTable('project_milestones', {
  id: integer().primaryKey({ autoIncrement: true }),
  projectId: integer().notNull().references(() => secretaryProjects.id),
  title: text().notNull(),
  dueDate: text().notNull(),
  doneDate: text(),
}, (t) => [index('project_milestones_project_idx').on(t.projectId)]);

/** 党员先锋岗 */
export const vanguardPosts = sqliteTable('vanguard_posts', {
  id: integer().primaryKey({ autoIncrement: true }),
  orgId: integer().notNull().references(() => orgs.id),
  year: integer().notNull(),
  name: text().notNull(),
  leaderMemberId: integer().references(() => members.id),
  memberCount: integer().notNull().default(1),
  description: text(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('vanguard_posts_org_year_idx').on(t.orgId, t.year)]);
