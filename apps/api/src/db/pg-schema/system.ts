import { pgTable, integer, text, index, primaryKey, uniqueIndex, boolean, jsonb, bigint } from 'drizzle-orm/pg-core';
import type { Role } from '@wj/domain';
import { orgs } from './org.js';

/** Versioned scoring rules; the newest row is in force. Rules are JSON (RuleSet in @wj/domain/quality). */
export const ruleSets = pgTable('rule_sets', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  version: integer().notNull(),
  rules: jsonb().notNull(),
  note: text(),
  createdAt: text().notNull(),
  createdBy: text(),
}, (t) => [uniqueIndex('rule_sets_version_uq').on(t.version)]);

export const users = pgTable('users', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  username: text().notNull(),
  displayName: text().notNull(),
  passwordHash: text().notNull(),
  role: text().$type<Role>().notNull(),
  /** unit_secretary: the unit's org id; branch_secretary: the branch's; null for admin and viewer. */
  scopeOrgId: integer().references(() => orgs.id),
  disabled: boolean().notNull().default(false),
  /** Unused since login failures are counted per username and address (login_throttle); kept for old audit rows. */
  failedLogins: integer().notNull().default(0),
  lockedUntil: text(),
  version: integer().notNull().default(1),
  createdAt: text().notNull(),
  updatedAt: text().notNull(),
}, (t) => [uniqueIndex('users_username_uq').on(t.username)]);

/**
 * Failed logins per submitted username and client address (known usernames or not, so the
 * answer never tells them apart). Times are epoch milliseconds. See auth/login-throttle.ts.
 */
export const loginThrottle = pgTable('login_throttle', {
  username: text().notNull(),
  client: text().notNull(),
  /** Attempts counted since the last block ended, each reserved before its password is checked. */
  failures: integer().notNull().default(0),
  /** How many times this pair has been blocked: each block lasts twice as long as the one before. */
  blocks: integer().notNull().default(0),
  blockedUntil: bigint({ mode: 'number' }),
  updatedAt: bigint({ mode: 'number' }).notNull(),
}, (t) => [primaryKey({ columns: [t.username, t.client] }), index('login_throttle_updated_idx').on(t.updatedAt)]);

/** Server-side sessions; the cookie carries a random token, the table its SHA-256. */
export const sessions = pgTable('sessions', {
  id: text().primaryKey(),
  userId: integer().notNull().references(() => users.id),
  createdAt: text().notNull(),
  lastSeenAt: text().notNull(),
  expiresAt: text().notNull(),
}, (t) => [index('sessions_user_idx').on(t.userId)]);

/** Every write: who, when, what, before and after (sensitive fields masked). Append-only. */
export const auditLog = pgTable('audit_log', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  at: text().notNull(),
  userId: integer(),
  username: text().notNull(),
  action: text().notNull(),
  entityType: text().notNull(),
  entityId: text(),
  orgId: integer(),
  before: jsonb(),
  after: jsonb(),
}, (t) => [index('audit_at_idx').on(t.at), index('audit_entity_idx').on(t.entityType, t.entityId)]);
