import { desc } from 'drizzle-orm';
import { DEFAULT_RULES, RuleSetSchema, withDefaults, type RuleSet } from '@wj/domain/quality';
import type { Db } from '../../db/index.js';
import { ruleSets } from '../../db/schema/index.js';

export interface StoredRules { version: number; rules: RuleSet; createdAt: string; createdBy: string | null; note: string | null }

/**
 * The rule set in force is the newest version; the first read of an empty
 * table stores the defaults as version 1 so every score names a real version.
 * Old versions stay: changing rules never rewrites records, and a past
 * version can be read back.
 */
export function currentRules(db: Db): StoredRules {
  let row = db.select().from(ruleSets).orderBy(desc(ruleSets.version)).limit(1).get();
  if (!row) {
    row = db.insert(ruleSets).values({ version: 1, rules: DEFAULT_RULES, note: '默认规则', createdAt: new Date().toISOString(), createdBy: 'system' })
      .onConflictDoNothing().returning().get() ?? db.select().from(ruleSets).orderBy(desc(ruleSets.version)).limit(1).get()!;
  }
  // Rules stored before an indicator was added get its defaults; a corrupt row falls back to the defaults.
  const parsed = RuleSetSchema.safeParse(withDefaults(row.rules));
  return { version: row.version, rules: parsed.success ? parsed.data : DEFAULT_RULES, createdAt: row.createdAt, createdBy: row.createdBy, note: row.note };
}

export function ruleHistory(db: Db) {
  return db.select().from(ruleSets).orderBy(desc(ruleSets.version)).all();
}
