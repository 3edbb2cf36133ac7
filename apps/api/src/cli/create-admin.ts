/**
 * Creates an administrator in a real deployment (no default password exists there):
 *   ADMIN_PASSWORD='…' pnpm --filter @wj/api create-admin <username> [显示名]
 */
import { eq } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import { passwordProblem } from '../auth/password-policy.js';
import { loadConfig } from '../config.js';
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
const db = openDb(loadConfig().DATABASE_PATH);
if (db.select().from(users).where(eq(users.username, username)).get()) {
  console.error(`user ${username} already exists`);
  process.exit(1);
}
const now = new Date().toISOString();
db.insert(users).values({ username, displayName, role: 'admin', passwordHash: await hashPassword(password), createdAt: now, updatedAt: now }).run();
console.log(`admin ${username} created`);
