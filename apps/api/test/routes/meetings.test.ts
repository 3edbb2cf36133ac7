import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { auditLog, meetings } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

let ctx: TestContext;
let renmin: Client;
let branchId: number;
let otherUnitBranchId: number;
const good = { type: 'general_meeting', date: '2026-10-15', topic: '学习贯彻党的二十届四中全会精神', expected: 20, present: 18 };

beforeAll(async () => {
  ctx = await build();
  renmin = await ctx.as('renmin');
  const root: OrgTreeNode = (await (await ctx.as('admin'))('/api/orgs/tree')).json().root;
  const firstBranch = (u: OrgTreeNode): OrgTreeNode => (u.kind === 'branch' ? u : firstBranch(u.children[0]!));
  branchId = firstBranch(root.children.find((u) => u.institutionName === '市人民医院')!).id;
  otherUnitBranchId = firstBranch(root.children.find((u) => u.institutionName === '市眼科医院')!).id;
});
afterAll(() => ctx.close());

const meetingCount = async () => (await ctx.db.select({ n: count() }).from(meetings))[0]!.n;
const post = (client: Client, orgId: number, payload: object) => client({ method: 'POST', url: `/api/orgs/${orgId}/meetings`, payload });

describe('recording 组织生活', () => {
  it('creates a record, lists it, and writes an audit entry with who and what', async () => {
    const res = await post(renmin, branchId, good);
    expect(res.statusCode).toBe(201);
    const created = res.json();
    expect(created).toMatchObject({ ...good, orgId: branchId, version: 1, updatedBy: 'renmin' });
    const list = (await renmin(`/api/orgs/${branchId}/meetings?year=2026&type=general_meeting`)).json();
    expect(list.map((m: { id: number }) => m.id)).toContain(created.id);
    const audit = (await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, String(created.id))));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ username: 'renmin', action: 'create', entityType: 'meeting' });
    expect(audit[0]!.after).toMatchObject({ topic: good.topic });
  });

  it.each([
    ['a date in the future', { date: '2099-01-01' }, 'date', '不能晚于今天'],
    ['a date that does not exist', { date: '2026-02-30' }, 'date', '不是有效日期'],
    ['a negative count', { expected: -1 }, 'expected', '应到人数'],
    ['more present than expected', { present: 21 }, 'present', '实到人数不能多于应到人数'],
    ['an empty topic', { topic: '  ' }, 'topic', '请填写会议主题'],
    ['an over-long topic', { topic: '学'.repeat(201) }, 'topic', '不能超过 200 个字'],
    ['an unknown type', { type: 'party' }, 'type', '请选择会议类型'],
  ])('refuses %s, naming the field, and changes nothing', async (_name, patch, field, message) => {
    const before = await meetingCount();
    const res = await post(renmin, branchId, { ...good, ...patch });
    expect(res.statusCode).toBe(400);
    const detail = res.json().error.details.find((d: { field: string }) => d.field === field);
    expect(detail?.message).toContain(message);
    expect(await meetingCount()).toBe(before);
  });

  it('refuses a stale save with 409 naming who changed it, and keeps the newer change', async () => {
    const m = (await post(renmin, branchId, good)).json();
    const first = await renmin({ method: 'PUT', url: `/api/meetings/${m.id}`, payload: { ...good, topic: '第一次修改', version: m.version } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(m.version + 1);
    const second = await (await ctx.as('admin'))({ method: 'PUT', url: `/api/meetings/${m.id}`, payload: { ...good, topic: '第二次修改', version: m.version } });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toContain('renmin');
    expect((await ctx.db.select().from(meetings).where(eq(meetings.id, m.id)))[0]!.topic).toBe('第一次修改');
  });

  it('deletes with the current version and records the deleted row', async () => {
    const m = (await post(renmin, branchId, good)).json();
    expect((await renmin({ method: 'DELETE', url: `/api/meetings/${m.id}?version=${m.version}` })).statusCode).toBe(204);
    expect((await ctx.db.select().from(meetings).where(eq(meetings.id, m.id)))[0]).toBeUndefined();
    const audit = (await ctx.db.select().from(auditLog).where(eq(auditLog.entityId, String(m.id))));
    expect(audit.map((a) => a.action)).toEqual(['create', 'delete']);
  });

  it('keeps each user inside their scope', async () => {
    const before = await meetingCount();
    expect((await post(renmin, otherUnitBranchId, good)).statusCode).toBe(403);
    expect((await post(await ctx.as('leader'), branchId, good)).statusCode).toBe(403);
    expect((await post(ctx.anon, branchId, good)).statusCode).toBe(401);
    expect(await meetingCount()).toBe(before);
  });
});
