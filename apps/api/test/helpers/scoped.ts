import { afterAll, beforeAll, expect } from 'vitest';
import { rawRows } from '../../src/db/raw.js';
import { build, type Client, type TestContext } from './build.js';

/** The demo's scoped callers: two unit secretaries and a branch secretary. */
export type Scoped = 'renmin' | 'yanke' | 'jijiu';
export const SCOPED_CALLERS: Scoped[] = ['renmin', 'yanke', 'jijiu'];

/**
 * One demo server for the file and a logged-in client per scoped caller,
 * built before the file's tests and closed after them.
 */
export function scopedClients(): { ctx: () => TestContext; client: (who: Scoped) => Client } {
  let ctx: TestContext | undefined;
  const clients = new Map<Scoped, Client>();
  beforeAll(async () => {
    ctx = await build();
    for (const r of SCOPED_CALLERS) clients.set(r, await ctx.as(r));
  });
  afterAll(() => ctx?.close());
  return { ctx: () => ctx!, client: (who) => clients.get(who)! };
}

/** A GET that must answer 200, its body parsed. */
export async function okJson<T>(c: Client, url: string): Promise<T> {
  const res = await c(url);
  expect(res.statusCode, `${url}: ${res.body.slice(0, 200)}`).toBe(200);
  return res.json() as T;
}

export interface ScopeUser { role: string; org: number }

/** The caller's role and scope org, read from the users table. */
export async function scopeUser(ctx: TestContext, username: Scoped): Promise<ScopeUser> {
  const [user] = await rawRows<ScopeUser>(ctx.db, 'select role, scope_org_id as org from users where username = ?', [username]);
  if (!user) throw new Error(`no user ${username}`);
  return user;
}

/** Whether an org lies in the caller's scope, from its raw row: a unit's whole sub-tree, or one branch with its 党小组. */
export const inScopeOf = (user: ScopeUser) => (o: { id: number; parent_id: number | null; unit_id: number | null }): boolean =>
  user.role === 'unit_secretary' ? o.unit_id === user.org : o.id === user.org || o.parent_id === user.org;
