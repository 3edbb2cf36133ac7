import { pgTable, integer, text, index, primaryKey, boolean, jsonb } from 'drizzle-orm/pg-core';
import type { CommitteeRole } from '@wj/domain';
import { orgs } from './org.js';
import { members } from './members.js';

/**
 * One 支委会 per election. The current one has no `endedDate`. A branch under 7
 * full members elects only a secretary (and maybe a deputy); it still gets a row
 * here so that the secretary and the term are on record.
 */
export const committees = pgTable('committees', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  orgId: integer().notNull().references(() => orgs.id),
  electedDate: text().notNull(),
  termYears: integer().notNull().default(3),
  endedDate: text(),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('committees_org_idx').on(t.orgId)]);

export const committeeMembers = pgTable('committee_members', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  committeeId: integer().notNull().references(() => committees.id),
  memberId: integer().notNull().references(() => members.id),
  role: text().$type<CommitteeRole>().notNull(),
  /** Roles held besides `role` (兼任: 书记兼纪检委员), as a JSON array. */
  alsoRoles: jsonb().$type<CommitteeRole[]>().notNull().default([]),
  /** Secretary only: 专职 (true) or 兼职 (false). */
  fullTime: boolean().notNull().default(false),
  /** Other posts held besides party work, e.g. 科主任 — the survey's 兼职多. */
  otherPosts: integer().notNull().default(0),
}, (t) => [index('committee_members_committee_idx').on(t.committeeId)]);
