// engine: sqlite
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { openDb } from '../../src/db/index.js';
import { backupDatabase } from '../../src/ops/backup.js';
import { DatabaseInUseError, lockPathOf } from '../../src/ops/db-lock.js';
import { NotOurDatabaseError } from '../../src/ops/identity.js';
import { restoreDatabase } from '../../src/ops/restore.js';
import { startServer } from './server-process.js';

/**
 * A restore that cannot destroy data: it refuses while anything has the
 * database open, refuses a file that is not this application's database, and
 * keeps the database it replaces beside it.
 */
let dir: string;
beforeAll(() => { dir = mkdtempSync(join(tmpdir(), 'wj-restore-')); });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
/** A database of this application holding rule-set rows noted with `notes` (closed again). */
async function appDb(notes: string[]): Promise<string> {
  const path = join(dir, `db-${++n}.sqlite`);
  const db = await openDb(path);
  const insert = db.sqlite!.writer.prepare("insert into rule_sets (version, rules, note, created_at, created_by) values (?, '{}', ?, '2026-01-01', 'test')");
  notes.forEach((note, i) => insert.run(i + 1, note));
  await db.close();
  return path;
}
const notesIn = (path: string) => {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('select note from rule_sets order by version').all() as { note: string }[]).map((r) => r.note);
  } finally {
    db.close();
  }
};
const keptCopies = () => readdirSync(dir).filter((f) => f.includes('.before-restore-'));

describe('restore keeps what it replaces', () => {
  it('replaces the target with the backup and keeps the replaced database beside it, timestamped', async () => {
    const target = await appDb(['现用数据']);
    const backup = await appDb(['备份数据甲', '备份数据乙']);
    const at = new Date(Date.UTC(2026, 11, 1, 8, 30, 0));
    const { keptCopy, identity } = await restoreDatabase(backup, target, at);
    expect(notesIn(target)).toEqual(['备份数据甲', '备份数据乙']);
    expect(keptCopy).toBe(join(dir, `db-${n - 1}.before-restore-20261201T083000Z.sqlite`));
    expect(notesIn(keptCopy!)).toEqual(['现用数据']);
    expect(identity.applied).toBe(identity.known);
    expect(existsSync(lockPathOf(target))).toBe(false);
    expect(readdirSync(dir).filter((f) => f.includes('.restoring'))).toEqual([]);
    // The restored file opens as the app's database again.
    const db = await openDb(target);
    expect((db.sqlite!.reader.prepare('select count(*) as c from rule_sets').get() as { c: number }).c).toBe(2);
    await db.close();
  });

  it('a backup of an older schema version is restored and brought up to date when the app opens it', async () => {
    const older = join(dir, 'older.sqlite');
    const folder = join(dir, 'older-migrations');
    cpSync(new URL('../../drizzle', import.meta.url), folder, { recursive: true });
    const journalPath = join(folder, 'meta/_journal.json');
    const journal = JSON.parse(readFileSync(journalPath, 'utf8')) as { entries: unknown[] };
    const total = journal.entries.length;
    writeFileSync(journalPath, JSON.stringify({ ...journal, entries: journal.entries.slice(0, 1) }));
    const { drizzle } = await import('drizzle-orm/better-sqlite3');
    const { migrate } = await import('drizzle-orm/better-sqlite3/migrator');
    const raw = new Database(older);
    migrate(drizzle({ client: raw }), { migrationsFolder: folder });
    raw.close();

    const target = await appDb(['现用数据']);
    const { identity } = await restoreDatabase(older, target);
    expect(identity).toMatchObject({ applied: 1, known: total, tag: '0000_init' });
    const db = await openDb(target);
    expect((db.sqlite!.reader.prepare('select count(*) as c from __drizzle_migrations').get() as { c: number }).c).toBe(total);
    await db.close();
  });
});

describe('restore refuses a file that is not this application\'s database, changing nothing', () => {
  const cases: [string, (path: string) => void | Promise<void>, RegExp][] = [
    ['a text file', (p) => writeFileSync(p, 'this is not sqlite'), /无法作为 SQLite 数据库打开/],
    ['another program\'s SQLite database', (p) => { const d = new Database(p); d.exec('create table notes (id integer primary key, body text)'); d.close(); }, /没有迁移记录表/],
    ['a database whose migrations differ from this program\'s', async (p) => {
      cpSync(await appDb([]), p);
      const d = new Database(p); d.prepare("update __drizzle_migrations set hash = 'abc' where rowid = (select min(rowid) from __drizzle_migrations)").run(); d.close();
    }, /第 1 个迁移.*不一致/],
    ['a database made by a newer version', async (p) => {
      cpSync(await appDb([]), p);
      const d = new Database(p); d.prepare("insert into __drizzle_migrations (hash, created_at) values ('future', 99999999999999)").run(); d.close();
    }, /更新版本/],
    ['a database missing a table', async (p) => {
      cpSync(await appDb([]), p);
      const d = new Database(p); d.pragma('foreign_keys = OFF'); d.exec('drop table meetings'); d.close();
    }, /缺少数据表 meetings/],
    ['a database missing a column', async (p) => {
      cpSync(await appDb([]), p);
      const d = new Database(p); d.exec('alter table rule_sets drop column note'); d.close();
    }, /rule_sets 缺少字段 note/],
    ['a database whose rows point at missing rows', async (p) => {
      cpSync(await appDb([]), p);
      const d = new Database(p); d.pragma('foreign_keys = OFF');
      d.prepare("insert into orgs (parent_id, kind, name, updated_at) values (424242, 'branch', '孤立支部', '2026-01-01')").run(); d.close();
    }, /外键/],
  ];
  it.each(cases)('%s', async (_what, make, message) => {
    const bad = join(dir, `bad-${++n}.sqlite`);
    await make(bad);
    const target = await appDb(['现用数据']);
    const before = keptCopies().length;
    const err = await restoreDatabase(bad, target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(NotOurDatabaseError);
    expect((err as Error).message).toMatch(message);
    expect(notesIn(target)).toEqual(['现用数据']);
    expect(keptCopies().length).toBe(before);
    expect(existsSync(lockPathOf(target))).toBe(false);
  });
});

describe('restore refuses a backup that is the database itself', () => {
  it('names it and leaves the database as it was', async () => {
    const target = await appDb(['现用数据']);
    await expect(restoreDatabase(target, target)).rejects.toThrow(/就是当前数据库本身/);
    expect(notesIn(target)).toEqual(['现用数据']);
  });
});

describe('restore refuses while the database is in use', () => {
  it('refuses while a connection in this process has it open (SQLite\'s lock), and works once it is closed', async () => {
    const target = await appDb(['现用数据']);
    const backup = await appDb(['备份数据']);
    const open = await openDb(target);
    const err = await restoreDatabase(backup, target).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DatabaseInUseError);
    expect((err as Error).message).toContain('正被其他程序打开');
    expect(notesIn(target)).toEqual(['现用数据']);
    await open.close();
    await restoreDatabase(backup, target);
    expect(notesIn(target)).toEqual(['备份数据']);
  });

  it('refuses while the real server runs on it — by its lock file, and by SQLite\'s lock when the file is gone — and the CLI says so', async () => {
    const target = await appDb(['现用数据']);
    const backup = await appDb(['备份数据']);
    const server = await startServer(target);
    try {
      const holder = JSON.parse(readFileSync(lockPathOf(target), 'utf8')) as { pid: number; purpose: string };
      expect(holder.purpose).toBe('server');
      expect(server.processes()).toContain(holder.pid);
      const byFile = await restoreDatabase(backup, target).catch((e: unknown) => e);
      expect(byFile).toBeInstanceOf(DatabaseInUseError);
      expect((byFile as Error).message).toContain(`服务进程使用（进程 ${holder.pid}`);

      const cli = await server.runCli('restore', backup);
      expect(cli.code).toBe(1);
      expect(cli.stderr).toContain('未恢复，数据库未改动');

      rmSync(lockPathOf(target)); // e.g. deleted by hand, or a server from before lock files
      const bySqlite = await restoreDatabase(backup, target).catch((e: unknown) => e);
      expect(bySqlite).toBeInstanceOf(DatabaseInUseError);
      expect((bySqlite as Error).message).toContain('正被其他程序打开');
      expect(notesIn(target)).toEqual(['现用数据']);
    } finally {
      await server.stop();
    }
    const cli = await server.runCli('restore', backup);
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stdout).toContain('原数据库已保留在');
    expect(notesIn(target)).toEqual(['备份数据']);
  }, 60_000);

  it('a second server will not start on a database a server uses; a lock file left by a dead process is taken over', async () => {
    const target = await appDb(['现用数据']);
    const first = await startServer(target);
    try {
      const second = await startServer(target).catch((e: unknown) => e);
      expect(String(second)).toContain('无法启动');
    } finally {
      await first.stop();
    }
    expect(existsSync(lockPathOf(target))).toBe(false);
    writeFileSync(lockPathOf(target), JSON.stringify({ pid: 2 ** 22 + 12345, purpose: 'server', host: (await import('node:os')).hostname(), startedAt: '2026-01-01T00:00:00Z' }));
    await restoreDatabase(await appDb(['备份数据']), target);
    expect(notesIn(target)).toEqual(['备份数据']);
  }, 60_000);
});
