// engine: postgres
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { and, eq } from 'drizzle-orm';
import pg from 'pg';
import { ENGINE, openDb, type Db } from '../../src/db/index.js';
import { meetings, orgs } from '../../src/db/schema/index.js';
import { countDomainRows, generateCommission, loadDemoData } from '../../src/demo/index.js';
import { backupDatabase, pruneBackups } from '../../src/ops/backup.js';
import { DatabaseInUseError } from '../../src/ops/db-lock.js';
import { NotOurDatabaseError } from '../../src/ops/identity.js';
import { findPgTool, PgToolMissingError, runPgTool } from '../../src/ops/pg-tools.js';
import { restoreDatabase } from '../../src/ops/restore.js';
import { freshDatabase } from '../helpers/db.js';

/**
 * Backup and restore on PostgreSQL: pg_dump -Fc while the database is in use,
 * pg_restore into DATABASE_URL after checking the archive is this
 * application's, refusing while anyone else is connected, keeping a dump of
 * what it replaces. Run with DATABASE_URL set (the PostgreSQL run).
 */
if (ENGINE !== 'postgres') throw new Error('pg-backup.test.ts runs on PostgreSQL only: set DATABASE_URL');

const apiDir = fileURLToPath(new URL('../..', import.meta.url));
const tsx = fileURLToPath(new URL('../../node_modules/.bin/tsx', import.meta.url));

let dir: string;
let target: string;
let drop: () => Promise<void>;
let db: Db;
let branchId: number;
const files = () => join(dir, 'attachments');

async function addMeeting(on: Db, topic: string) {
  await on.transaction(async (tx) => {
    await tx.insert(meetings).values({ orgId: branchId, type: 'theme_day', date: '2026-11-02', topic, expected: 5, present: 5, updatedAt: new Date().toISOString(), updatedBy: 'test' });
  });
}
const topics = async (on: Db, topic: string) => (await on.select({ id: meetings.id }).from(meetings).where(eq(meetings.topic, topic))).length;

/** A connection like a running server's: the pool names itself wj-api. */
async function serverLikeConnection(url: string) {
  const client = new pg.Client({ connectionString: url, application_name: 'wj-api' });
  await client.connect();
  return client;
}

function cli(name: string, args: string[], env: NodeJS.ProcessEnv) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(tsx, [`src/cli/${name}.ts`, ...args], { cwd: apiDir, env: { ...process.env, ...env } });
    let stdout = '', stderr = '';
    child.stdout.on('data', (d: Buffer) => { stdout += d; });
    child.stderr.on('data', (d: Buffer) => { stderr += d; });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-pg-backup-'));
  ({ target, drop } = await freshDatabase(dir, 'pgbackup'));
  db = await openDb(target);
  await loadDemoData(db, generateCommission());
  const [branch] = await db.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.kind, 'branch'), eq(orgs.status, 'active'))).orderBy(orgs.id).limit(1);
  branchId = branch!.id;
  mkdirSync(files(), { recursive: true });
  writeFileSync(join(files(), 'sign-in.png'), 'evidence');
}, 120_000);
afterAll(async () => {
  await db.close().catch(() => undefined);
  await drop();
  rmSync(dir, { recursive: true, force: true });
});

describe('pg_dump backup and pg_restore', () => {
  let file: string;
  let atBackup: Awaited<ReturnType<typeof countDomainRows>>;

  it('backs up with pg_dump -Fc into the backup folder, attachments beside it, without blocking the event loop', async () => {
    await addMeeting(db, '备份前的记录');
    atBackup = await countDomainRows(db);
    let ticks = 0;
    const ticker = setInterval(() => { ticks++; }, 5);
    try {
      file = await backupDatabase(db, join(dir, 'backups'), new Date(Date.UTC(2026, 11, 1, 2, 0, 0)), files());
    } finally {
      clearInterval(ticker);
    }
    expect(file).toBe(join(dir, 'backups', 'wj-backup-20261201T020000Z.dump'));
    expect(readdirSync(join(dir, 'backups')).sort()).toEqual(['wj-backup-20261201T020000Z.dump', 'wj-backup-20261201T020000Z.dump.attachments']);
    expect(readdirSync(`${file}.attachments`)).toEqual(['sign-in.png']);
    expect(ticks, 'timers ran while pg_dump worked').toBeGreaterThan(0);
    const list = (await runPgTool('pg_restore', ['--list', file])).stdout;
    expect(list).toContain('Format: CUSTOM');
    expect(list).toMatch(/TABLE public meetings /);
    expect(atBackup.members).toBeGreaterThan(3000);
  }, 60_000);

  it('refuses to restore while another connection (a server) uses the database, changing nothing', async () => {
    await addMeeting(db, '备份后的记录');
    const server = await serverLikeConnection(target);
    try {
      const err = await restoreDatabase(file, target).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DatabaseInUseError);
      expect((err as Error).message).toContain('服务进程 wj-api');
      expect((err as Error).message).toContain('请先停止所有使用该数据库的服务进程');
    } finally {
      await server.end();
    }
    expect(await topics(db, '备份后的记录')).toBe(1);
    expect(readdirSync(join(dir, 'backups')).filter((f) => f.includes('before-restore'))).toEqual([]);
  }, 30_000);

  it('restores the backup: the row written after it is gone, the counts are the backup\'s, the replaced database is kept', async () => {
    await db.close();
    const restoredFiles = join(dir, 'restored-attachments');
    const at = new Date(Date.UTC(2026, 11, 1, 8, 30, 0));
    const { keptCopy, identity, attachments } = await restoreDatabase(file, target, at, restoredFiles);
    expect(keptCopy).toBe(join(dir, 'backups', 'wj-before-restore-20261201T083000Z.dump'));
    expect(identity.applied).toBe(identity.known);
    expect(attachments).toEqual({ restored: 1, keptCopy: null });
    expect(readdirSync(restoredFiles)).toEqual(['sign-in.png']);
    // The kept dump holds the state before the restore, the row written after the backup included.
    const kept = (await runPgTool('pg_restore', ['--data-only', '--table=meetings', '--file=-', keptCopy!])).stdout;
    expect(kept).toContain('备份后的记录');

    db = await openDb(target);
    expect(await topics(db, '备份前的记录')).toBe(1);
    expect(await topics(db, '备份后的记录')).toBe(0);
    expect(await countDomainRows(db)).toEqual(atBackup);
    // The identity sequences came back too: a new record gets a fresh id.
    await addMeeting(db, '恢复后的记录');
    expect(await topics(db, '恢复后的记录')).toBe(1);
  }, 120_000);
});

describe('restore refuses a file that is not a backup of this application, changing nothing', () => {
  const cases: [string, (path: string) => Promise<void>, RegExp][] = [
    ['a text file', async (p) => writeFileSync(p, 'this is not a dump'), /pg_restore 无法读取/],
    ['a SQLite database of the application', async (p) => {
      const { default: Database } = await import('better-sqlite3');
      const d = new Database(p); d.exec('create table __drizzle_migrations (id integer primary key, hash text, created_at numeric)'); d.close();
    }, /pg_restore 无法读取/],
    ['a pg_dump of another program\'s database', async (p) => {
      const other = await freshDatabase(dir, 'other');
      try {
        const c = new pg.Client({ connectionString: other.target });
        await c.connect();
        await c.query('create table notes (id serial primary key, body text)');
        await c.end();
        await runPgTool('pg_dump', ['--format=custom', `--file=${p}`], { url: other.target });
      } finally {
        await other.drop();
      }
    }, /没有迁移记录表 __drizzle_migrations/],
  ];
  it.each(cases)('%s', async (_what, make, message) => {
    const bad = join(dir, `bad-${Math.random().toString(36).slice(2)}.dump`);
    await make(bad);
    const before = await countDomainRows(db);
    await db.close();
    try {
      const err = await restoreDatabase(bad, target).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(NotOurDatabaseError);
      expect((err as Error).message).toMatch(message);
    } finally {
      db = await openDb(target);
    }
    expect(await countDomainRows(db)).toEqual(before);
  }, 30_000);
});

describe('the commands', () => {
  it('pnpm backup writes a dump of DATABASE_URL; pnpm restore of a file that is no dump says nothing changed', async () => {
    const env = { DATABASE_URL: target, BACKUP_DIR: join(dir, 'cli-backups'), ATTACHMENTS_DIR: files(), BACKUP_KEEP: '3' };
    const backup = await cli('backup', [], env);
    expect(backup.code, backup.stderr).toBe(0);
    expect(backup.stdout).toContain('备份完成');
    const written = readdirSync(join(dir, 'cli-backups')).filter((f) => f.endsWith('.dump'));
    expect(written).toHaveLength(1);
    expect((await runPgTool('pg_restore', ['--list', join(dir, 'cli-backups', written[0]!)])).stdout).toContain('__drizzle_migrations');

    const bad = join(dir, 'not-a-dump.dump');
    writeFileSync(bad, 'nope');
    const restore = await cli('restore', [bad], env);
    expect(restore.code).toBe(1);
    expect(restore.stderr).toContain('未恢复，数据库未改动');
  }, 60_000);

  it('pruning keeps the newest dumps and removes their attachments folders', async () => {
    const rot = join(dir, 'rotation');
    for (let i = 0; i < 3; i++) await backupDatabase(db, rot, new Date(Date.UTC(2026, 10, 20 + i)), files());
    expect(pruneBackups(rot, 1)).toEqual(['wj-backup-20261120T000000Z.dump', 'wj-backup-20261121T000000Z.dump']);
    expect(readdirSync(rot).sort()).toEqual(['wj-backup-20261122T000000Z.dump', 'wj-backup-20261122T000000Z.dump.attachments']);
  }, 60_000);
});

describe('finding pg_dump', () => {
  it('takes it from /usr/lib/postgresql/<version>/bin when it is not on PATH', () => {
    expect(findPgTool('pg_dump', { PATH: '' })).toMatch(/^\/usr\/lib\/postgresql\/[^/]+\/bin\/pg_dump$/);
  });

  it('says clearly that it is missing when neither has it', () => {
    const empty = mkdtempSync(join(tmpdir(), 'wj-no-pg-'));
    try {
      expect(() => findPgTool('pg_dump', { PATH: empty }, empty)).toThrow(PgToolMissingError);
      expect(() => findPgTool('pg_dump', { PATH: empty }, empty)).toThrow(/找不到 PostgreSQL 客户端程序 pg_dump/);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
    expect(existsSync(empty)).toBe(false);
  });
});
