// engine: sqlite
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { backupDatabase, pruneBackups } from '../../src/ops/backup.js';
import { restoreDatabase } from '../../src/ops/restore.js';
import { build, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(() => ctx.close());

/** Every table's rows, in id order: what "finds every record" means. */
function snapshot(db: Database.Database) {
  const tables = db.prepare("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '__drizzle%' order by name").all() as { name: string }[];
  return Object.fromEntries(tables.map((t) => [t.name, db.prepare(`select * from "${t.name}" order by rowid`).all()]));
}

describe('online backup and restore', () => {
  it('a backup taken while the server writes restores to exactly the state it was taken at', async () => {
    const renmin = await ctx.as('renmin');
    const root: OrgTreeNode = (await renmin('/api/orgs/tree')).json().root;
    const branch = root.children[0]!.children[0]!;
    const write = (topic: string) => renmin({ method: 'POST', url: `/api/orgs/${branch.id}/meetings`, payload: { type: 'theme_day', date: '2026-11-02', topic, expected: 5, present: 5 } });

    expect((await write('备份前的记录')).statusCode).toBe(201);
    const backupDir = join(ctx.dir, 'backups');
    const pending = backupDatabase(ctx.db, backupDir);
    const file = await pending;
    const atBackup = snapshot(ctx.db.sqlite!.reader);
    expect((await write('备份后的记录')).statusCode).toBe(201);

    const restored = join(ctx.dir, 'restored.sqlite');
    await restoreDatabase(file, restored);
    const db = new Database(restored, { readonly: true });
    const got = snapshot(db);
    db.close();
    expect(got).toEqual(atBackup);
    expect(JSON.stringify(got.meetings)).toContain('备份前的记录');
    expect(JSON.stringify(got.meetings)).not.toContain('备份后的记录');
    expect(got.members!.length).toBeGreaterThan(3000);
  });

  it('refuses to restore a file that is not a sound database', async () => {
    const bad = join(ctx.dir, 'not-a-backup.sqlite');
    writeFileSync(bad, 'this is not sqlite');
    await expect(restoreDatabase(bad, join(ctx.dir, 'target.sqlite'))).rejects.toThrow();
  });

  it('keeps only the newest backups', async () => {
    const dir = join(ctx.dir, 'rotation');
    for (let i = 0; i < 4; i++) await backupDatabase(ctx.db, dir, new Date(Date.UTC(2026, 10, 20 + i)));
    expect(pruneBackups(dir, 2)).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual(['wj-backup-20261122T000000Z.sqlite', 'wj-backup-20261123T000000Z.sqlite']);
  });
});
