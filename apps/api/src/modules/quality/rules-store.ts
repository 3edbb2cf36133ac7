import { desc, eq } from 'drizzle-orm';
import { DEFAULT_RULES, RuleSetSchema, withDefaults, type RuleSet } from '@wj/domain/quality';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { recordAudit } from '../../lib/audit.js';
import { conflict } from '../../lib/errors.js';
import { ruleSets } from '../../db/schema/index.js';

export interface StoredRules { version: number; rules: RuleSet; createdAt: string; createdBy: string | null; note: string | null }

const newest = async (db: Queryable) => (await db.select().from(ruleSets).orderBy(desc(ruleSets.version)).limit(1))[0];

/**
 * The rule set in force is the newest version; the first read of an empty
 * table stores the defaults as version 1 so every score names a real version.
 * Old versions stay: changing rules never rewrites records, and a past
 * version can be read back. `db` is the database, or the transaction a
 * caller is in (the defaults are then stored in a savepoint of it).
 */
export async function currentRules(db: Queryable): Promise<StoredRules> {
  let row = await newest(db);
  if (!row) {
    // Two first reads at once both insert version 1: one wins, the other reads the winner's row.
    row = await db.transaction(async (tx) => {
      const [created] = await tx.insert(ruleSets)
        .values({ version: 1, rules: DEFAULT_RULES, note: '默认规则', createdAt: new Date().toISOString(), createdBy: 'system' })
        .onConflictDoNothing().returning();
      return created ?? (await newest(tx))!;
    });
  }
  return stored(row);
}

type RuleSetRow = typeof ruleSets.$inferSelect;

function stored(row: RuleSetRow): StoredRules {
  // Rules stored before an indicator was added get its defaults; a corrupt row falls back to the defaults.
  const parsed = RuleSetSchema.safeParse(withDefaults(row.rules));
  return { version: row.version, rules: parsed.success ? parsed.data : DEFAULT_RULES, createdAt: row.createdAt, createdBy: row.createdBy, note: row.note };
}

/** One stored version of the rules (a closed year is scored under the version it was closed with); null when there is none. */
export async function rulesOfVersion(db: Queryable, version: number): Promise<StoredRules | null> {
  const [row] = await db.select().from(ruleSets).where(eq(ruleSets.version, version)).limit(1);
  return row ? stored(row) : null;
}

export async function ruleHistory(db: Queryable) {
  return db.select().from(ruleSets).orderBy(desc(ruleSets.version));
}

/**
 * Saves a new rule version (in force at once). Read and checked inside the
 * transaction: two admins saving on the same version cannot both make n+1.
 * The body schema has already checked the whole rule set.
 */
export async function saveRules(db: Db, user: SessionUser, body: { rules: RuleSet; baseVersion: number; note?: string | null }) {
  return db.transaction(async (tx) => {
    const current = await currentRules(tx);
    if (current.version !== body.baseVersion) {
      throw conflict(`评分规则已被 ${current.createdBy ?? '其他管理员'} 更新为第 ${current.version} 版，请刷新后再修改`);
    }
    const [row] = await tx.insert(ruleSets).values({
      version: current.version + 1, rules: body.rules, note: body.note, createdAt: new Date().toISOString(), createdBy: user.username,
    }).returning();
    await recordAudit(tx, user, { action: 'update', entityType: 'rule_set', entityId: row!.version, orgId: null, before: current.rules, after: body.rules });
    return row!;
  });
}
