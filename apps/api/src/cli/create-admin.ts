/**
 * Creates an administrator in a real deployment (no default password exists there):
 *   ADMIN_PASSWORD='…' pnpm --filter @wj/api create-admin <username> [显示名]
 * On the configured database: DATABASE_URL (PostgreSQL) or DATABASE_PATH (SQLite).
 */
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/password-policy.js';
import { databaseTarget, loadConfig } from '../config.js';
import { openDb } from '../db/index.js';
import { users } from '../db/schema/index.js';

const [username, displayName = '系统管理员'] = process.argv.slice(2);
const password = process.env.ADMIN_PASSWORD ?? '';
if (!username) {
  console.error('usage: ADMIN_PASSWORD=… pnpm --filter @wj/api create-admin <username> [displayName]');
  process.exit(2);
}
const problem = passwordProblem(password);
if (problem) {
  console.error(`ADMIN_PASSWORD: ${problem}`);
  process.exit(2);
}
const config = loadConfig();
const db = await openDb(databaseTarget(config));
const passwordHash = await hashPassword(password); // before the transaction: it may run again on PostgreSQL
const now = new Date().toISOString();
const created = await db.transaction(async (tx) => {
  const [existing] = await tx.select({ id: users.id }).from(users).where(eq(users.username, username)).limit(1);
  if (existing) return false;
  await tx.insert(users).values({ username, displayName, role: 'admin', passwordHash, createdAt: now, updatedAt: now });
  return true;
});
await db.close();
if (!created) {
  console.error(`user ${username} already exists`);
  process.exit(1);
}
console.log(`admin ${username} created`);
