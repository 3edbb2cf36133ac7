import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { buildApp } from '../../src/app.js';
import { DEMO_PASSWORD, ensureDemoUsers } from '../../src/auth/demo-users.js';
import { openDb, type Db } from '../../src/db/index.js';
import { freshDatabase } from '../helpers/db.js';
import { auditLog, loginThrottle, users } from '../../src/db/schema/index.js';

/**
 * Login under attack, on a real database of the run's engine. The coarse per-minute rate limit is raised out of the
 * way (LOGIN_RATE_MAX) so that every request reaches the failure count under test.
 * Written down here, not read from the code: 5 attempts per username and address, then a block
 * of 1 minute, then 2 minutes …
 */
const LIMIT = 5;
const MINUTE = 60_000;

type App = Awaited<ReturnType<typeof buildApp>>;
let dir: string;
const opened: { app: App; db: Db }[] = [];
let target: { target: string; drop: () => Promise<void> };
let app: App;
let db: Db;

async function open(): Promise<{ app: App; db: Db }> {
  const d = await openDb(target.target);
  const a = await buildApp({ config: { WEB_DIST: join(dir, 'no-web'), LOG_LEVEL: 'silent', LOGIN_RATE_MAX: 100_000 }, db: d, logger: false });
  await a.ready();
  opened.push({ app: a, db: d });
  return { app: a, db: d };
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-login-test-'));
  target = await freshDatabase(dir, 'login');
  ({ app, db } = await open());
  await ensureDemoUsers(db);
});
afterAll(async () => {
  for (const o of opened) await o.app.close();
  await target.drop();
  rmSync(dir, { recursive: true, force: true });
});
beforeEach(async () => { await db.transaction((tx) => tx.delete(loginThrottle)); });

const login = (username: string, password: string, from = '10.0.0.66', on: App = app) =>
  on.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password }, remoteAddress: from });
const pair = async (username: string, client: string) =>
  (await db.select().from(loginThrottle).where(and(eq(loginThrottle.username, username), eq(loginThrottle.client, client))))[0];
const expireBlock = (username: string) => db.transaction((tx) => tx.update(loginThrottle).set({ blockedUntil: Date.now() - 1 }).where(eq(loginThrottle.username, username)));

describe('concurrent wrong passwords', () => {
  it('20 at once are counted without losing one: the count stops at the limit and then even the right password is refused', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('admin', `wrong-${i}`)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    const row = (await pair('admin', '10.0.0.66'))!;
    expect(row.failures).toBe(LIMIT);
    expect(row.blocks).toBe(1);
    expect(row.blockedUntil! - Date.now()).toBeGreaterThan(MINUTE - 5000);
    expect((await login('admin', DEMO_PASSWORD)).statusCode).toBe(401);
    expect((await pair('admin', '10.0.0.66'))!.failures).toBe(LIMIT);
    await expireBlock('admin');
    expect((await login('admin', DEMO_PASSWORD)).statusCode).toBe(200);
    expect((await pair('admin', '10.0.0.66'))).toBeUndefined();
  });

  it('a right guess sent concurrently after 19 wrong ones is not checked: it lands beyond the limit', async () => {
    const guesses = [...Array.from({ length: 19 }, (_, i) => `wrong-${i}`), DEMO_PASSWORD];
    const answers = await Promise.all(guesses.map((p) => login('admin', p)));
    expect(answers.map((r) => r.statusCode)).toEqual(Array(20).fill(401));
    expect((await pair('admin', '10.0.0.66'))!.failures).toBe(LIMIT);
  });

  it('holds across two connections to one database file (as two server processes would)', async () => {
    const other = await open();
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => login('leader', `wrong-${i}`, '10.0.0.66', i % 2 ? other.app : app)));
    expect(answers.every((r) => r.statusCode === 401)).toBe(true);
    expect((await pair('leader', '10.0.0.66'))!.failures).toBe(LIMIT);
    expect((await login('leader', DEMO_PASSWORD, '10.0.0.66', other.app)).statusCode).toBe(401);
  });

  it('each block lasts twice as long as the one before', async () => {
    for (let i = 0; i < LIMIT; i++) await login('leader', 'wrong');
    expect((await pair('leader', '10.0.0.66'))!.blockedUntil! - Date.now()).toBeLessThanOrEqual(MINUTE);
    await expireBlock('leader');
    for (let i = 0; i < LIMIT - 1; i++) await login('leader', 'wrong');
    expect((await pair('leader', '10.0.0.66'))!.blockedUntil).toBeNull(); // the block ended: a fresh count
    await login('leader', 'wrong');
    const left = (await pair('leader', '10.0.0.66'))!.blockedUntil! - Date.now();
    expect(left).toBeGreaterThan(2 * MINUTE - 5000);
    expect(left).toBeLessThanOrEqual(2 * MINUTE);
  });

  it('a block never lasts longer than an hour, however often the address was blocked before', async () => {
    await login('leader', 'wrong');
    await db.transaction((tx) => tx.update(loginThrottle).set({ blocks: 40 }).where(eq(loginThrottle.username, 'leader')));
    for (let i = 1; i < LIMIT; i++) await login('leader', 'wrong');
    const left = (await pair('leader', '10.0.0.66'))!.blockedUntil! - Date.now();
    expect(left).toBeGreaterThan(60 * MINUTE - 5000);
    expect(left).toBeLessThanOrEqual(60 * MINUTE);
  });
});

describe('one answer for every failure', () => {
  it('an unknown username, a wrong password, a disabled account and a blocked address answer byte for byte alike', async () => {
    const unknown = await login('nobody', 'wrong-password');
    const wrong = await login('admin', 'wrong-password', '10.0.0.8');
    await db.transaction((tx) => tx.update(users).set({ disabled: true }).where(eq(users.username, 'leader')));
    const disabled = await login('leader', DEMO_PASSWORD, '10.0.0.8');
    await db.transaction((tx) => tx.update(users).set({ disabled: false }).where(eq(users.username, 'leader')));
    for (let i = 0; i < LIMIT; i++) await login('admin', 'wrong', '10.0.0.9');
    const blocked = await login('admin', DEMO_PASSWORD, '10.0.0.9');
    for (let i = 0; i < LIMIT; i++) await login('ghost', 'wrong', '10.0.0.9');
    const blockedUnknown = await login('ghost', 'wrong', '10.0.0.9');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error).toEqual({ code: 'BAD_CREDENTIALS', message: expect.stringContaining('用户名或密码错误') });
    for (const r of [unknown, disabled, blocked, blockedUnknown]) {
      expect(r.statusCode).toBe(wrong.statusCode);
      expect(r.body).toBe(wrong.body);
      expect(r.headers['set-cookie']).toBeUndefined();
    }
  });

  it('an unknown username takes as long as a wrong password (an argon2 verify either way)', async () => {
    const time = async (username: string) => {
      const t0 = performance.now();
      await login(username, 'wrong-password', '10.0.0.10');
      return performance.now() - t0;
    };
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    const known: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 4; i++) { known.push(await time('admin')); unknown.push(await time(`nobody${i}`)); }
    console.log(`login timing (median ms): wrong password ${median(known).toFixed(1)}, unknown user ${median(unknown).toFixed(1)}`);
    expect(median(unknown)).toBeGreaterThan(median(known) * 0.4);
  });
});

describe('a stranger cannot keep the real user out', () => {
  it('guesses from address A block only A: the admin still logs in from address B', async () => {
    for (let i = 0; i < 3 * LIMIT; i++) expect((await login('admin', `guess-${i}`, '10.0.0.66')).statusCode).toBe(401);
    expect((await login('admin', DEMO_PASSWORD, '10.0.0.66')).statusCode).toBe(401);
    const real = await login('admin', DEMO_PASSWORD, '10.0.0.7');
    expect(real.statusCode).toBe(200);
    expect(real.json().user.username).toBe('admin');
    // The real user's success leaves the stranger's block in place.
    expect((await pair('admin', '10.0.0.66'))!.blockedUntil).toBeGreaterThan(Date.now());
  });
});

describe('one address spraying many usernames', () => {
  it('is blocked after 30 failures across usernames, while other addresses and its own successes are unaffected', async () => {
    // Successes give their attempt back: an office behind one address logging in all day is never blocked.
    for (let i = 0; i < 40; i++) expect((await login('renmin', DEMO_PASSWORD, '10.0.0.90')).statusCode).toBe(200);
    // 4 guesses per username stay under the per-username limit; 30 in all reach the per-address one.
    const names = Array.from({ length: 8 }, (_, i) => (i < 4 ? ['admin', 'leader', 'yanke', 'jijiu'][i]! : `nobody${i}`));
    let sent = 0;
    for (const name of names) for (let k = 0; k < 4 && sent < 30; k++, sent++) expect((await login(name, `spray-${k}`, '10.0.0.90')).statusCode).toBe(401);
    expect(sent).toBe(30);
    // Now even a right password from that address is refused, answered like any failure …
    const blocked = await login('leader', DEMO_PASSWORD, '10.0.0.90');
    expect(blocked.statusCode).toBe(401);
    expect(blocked.json().error.code).toBe('BAD_CREDENTIALS');
    // … while the same user logs in from elsewhere.
    expect((await login('leader', DEMO_PASSWORD, '10.0.0.91')).statusCode).toBe(200);
  });
});

describe('admin unlock', () => {
  const session = async (username: string, from: string) => {
    const res = await login(username, DEMO_PASSWORD, from);
    expect(res.statusCode).toBe(200);
    return `wj_session=${res.cookies.find((c) => c.name === 'wj_session')!.value}`;
  };

  it('clears every blocked address of a user, shows in the user list and is audited', async () => {
    const leaderId = (await db.select().from(users).where(eq(users.username, 'leader')))[0]!.id;
    for (const from of ['10.0.0.66', '10.0.0.67']) for (let i = 0; i < LIMIT; i++) await login('leader', 'wrong', from);
    const cookie = await session('admin', '10.0.0.1');
    const list = (await app.inject({ url: '/api/users', headers: { cookie } })).json() as { id: number; loginBlocked: number }[];
    expect(list.find((u) => u.id === leaderId)!.loginBlocked).toBe(2);

    const res = await app.inject({ method: 'POST', url: `/api/users/${leaderId}/unlock`, headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.json().loginBlocked).toBe(0);
    expect((await login('leader', DEMO_PASSWORD, '10.0.0.66')).statusCode).toBe(200);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.action, 'unlock_login'), eq(auditLog.entityId, String(leaderId))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'admin', entityType: 'user', before: { loginBlocked: 2 } });
  });

  it('is refused to every other role and to the anonymous, and unlocks nothing', async () => {
    const adminId = (await db.select().from(users).where(eq(users.username, 'admin')))[0]!.id;
    for (let i = 0; i < LIMIT; i++) await login('admin', 'wrong', '10.0.0.66');
    for (const who of ['leader', 'renmin', 'jijiu']) {
      const cookie = await session(who, '10.0.0.2');
      expect((await app.inject({ method: 'POST', url: `/api/users/${adminId}/unlock`, headers: { cookie } })).statusCode).toBe(403);
    }
    expect((await app.inject({ method: 'POST', url: `/api/users/${adminId}/unlock` })).statusCode).toBe(401);
    expect((await pair('admin', '10.0.0.66'))!.blockedUntil).toBeGreaterThan(Date.now());
  });

  it('answers 404 for a user that does not exist', async () => {
    const cookie = await session('admin', '10.0.0.1');
    const res = await app.inject({ method: 'POST', url: '/api/users/999999/unlock', headers: { cookie } });
    expect(res.statusCode).toBe(404);
  });
});
