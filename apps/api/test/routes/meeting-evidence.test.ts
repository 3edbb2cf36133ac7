import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, ne } from 'drizzle-orm';
import { meetingAttendance, meetings, members, orgs, users } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/** 组织生活 records with their people: 主持人, 记录人, the attendance list and 应到/实到 from it. */
let ctx: TestContext;
let jijiu: Client;
let branchId: number;
let own: { id: number; name: string }[];
let foreign: { id: number; name: string };
let left: { id: number; name: string };

beforeAll(async () => {
  ctx = await build();
  jijiu = await ctx.as('jijiu');
  branchId = (await ctx.db.select().from(users).where(eq(users.username, 'jijiu')))[0]!.scopeOrgId!;
  own = (await ctx.db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.orgId, branchId), eq(members.status, 'active'))).orderBy(members.id).limit(5));
  const yankeUnit = (await ctx.db.select().from(users).where(eq(users.username, 'yanke')))[0]!.scopeOrgId!;
  const yankeBranch = (await ctx.db.select().from(orgs).where(and(eq(orgs.unitId, yankeUnit), eq(orgs.kind, 'branch'))))[0]!.id;
  foreign = (await ctx.db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.orgId, yankeBranch), eq(members.status, 'active'))))[0]!;
  // Someone of the branch who left: on the roll's history, no longer a member to pick.
  const l = (await ctx.db.select({ id: members.id, name: members.name }).from(members).where(and(eq(members.orgId, branchId), eq(members.status, 'active'))).orderBy(members.id).limit(1).offset(5))[0]!;
  await ctx.db.transaction(async (tx) => { await tx.update(members).set({ status: 'transferred_out', leftDate: '2026-06-30' }).where(eq(members.id, l.id)); });
  left = l;
}, 120_000);
afterAll(() => ctx.close());

const meetingCount = async () => (await ctx.db.select({ n: count() }).from(meetings))[0]!.n;
const post = (payload: object) => jijiu({ method: 'POST', url: `/api/orgs/${branchId}/meetings`, payload });
const base = { type: 'committee_meeting', date: '2026-11-20', topic: '研究十二月党建工作' };
const list = () => [
  { memberId: own[0]!.id, present: true },
  { memberId: own[1]!.id, present: true },
  { memberId: own[2]!.id, present: true },
  { memberId: own[3]!.id, present: false, absenceReason: 'sick' },
];

describe('meeting records with their people', () => {
  it('takes 主持人, 记录人, attendees with an absentee and minutes; 应到 and 实到 are the list\'s counts', async () => {
    expect(own).toHaveLength(5);
    const res = await post({ ...base, hostId: own[0]!.id, recorderId: own[1]!.id, attendees: list(), minutes: '一、传达上级精神\n二、研究发展党员工作' });
    expect(res.statusCode).toBe(201);
    const m = res.json();
    expect(m).toMatchObject({ expected: 4, present: 3, hostId: own[0]!.id, hostName: own[0]!.name, recorderName: own[1]!.name, minutes: '一、传达上级精神\n二、研究发展党员工作' });
    expect(m.attendees).toHaveLength(4);
    // 登记人 by name, the account beside it.
    expect(m).toMatchObject({ updatedBy: 'jijiu', updatedByName: '人民医院急救支部书记' });
    expect(m.attendees[3]).toEqual({ memberId: own[3]!.id, name: own[3]!.name, present: false, absenceReason: 'sick', absenceNote: null });
    expect((await ctx.db.select({ n: count() }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, m.id)))[0]!.n).toBe(4);
    const listed = (await jijiu(`/api/orgs/${branchId}/meetings?year=2026&type=committee_meeting`)).json();
    expect(listed.find((x: { id: number }) => x.id === m.id)).toMatchObject({ expected: 4, present: 3, hostName: own[0]!.name });
  });

  it('accepts counts sent with the list when they agree, and refuses them naming the field when they do not', async () => {
    expect((await post({ ...base, attendees: list(), expected: 4, present: 3 })).statusCode).toBe(201);
    const before = await meetingCount();
    const res = await post({ ...base, attendees: list(), expected: 10, present: 3 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'expected', message: expect.stringContaining('名单共 4 人') })]));
    const res2 = await post({ ...base, attendees: list(), present: 4 });
    expect(res2.json().error.details.map((d: { field: string }) => d.field)).toContain('present');
    expect(await meetingCount()).toBe(before);
  });

  it('refuses an absentee without a reason, a person listed twice, and an empty list without counts, and changes nothing', async () => {
    const before = await meetingCount();
    const noReason = await post({ ...base, attendees: [{ memberId: own[0]!.id, present: true }, { memberId: own[1]!.id, present: false }] });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details).toEqual([expect.objectContaining({ field: 'attendees.1.absenceReason', message: expect.stringContaining('缺席原因') })]);
    const twice = await post({ ...base, attendees: [{ memberId: own[0]!.id, present: true }, { memberId: own[0]!.id, present: true }] });
    expect(twice.json().error.details.map((d: { field: string }) => d.field)).toEqual(['attendees.1.memberId']);
    // An empty list is no list: the counts are then asked for.
    const empty = await post({ ...base, attendees: [] });
    expect(empty.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['expected', 'present']);
    expect(await meetingCount()).toBe(before);
  });

  it('refuses a person who is not an active member of the branch, naming the field, never the person', async () => {
    const before = await meetingCount();
    const res = await post({ ...base, attendees: [...list(), { memberId: foreign.id, present: true }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.details).toEqual([{ field: 'attendees.4.memberId', message: '参会人员第 5 人不是本支部的在册党员' }]);
    expect(res.body).not.toContain(foreign.name);
    const host = await post({ ...base, hostId: foreign.id, recorderId: left.id, attendees: list() });
    expect(host.json().error.details.map((d: { field: string }) => d.field)).toEqual(['hostId', 'recorderId']);
    expect(host.body).not.toContain(foreign.name);
    expect(host.body).not.toContain(left.name);
    const missing = await post({ ...base, attendees: [{ memberId: 99_999_999, present: true }] });
    expect(missing.json().error.details.map((d: { field: string }) => d.field)).toEqual(['attendees.0.memberId']);
    expect(await meetingCount()).toBe(before);
  });

  it('an edit replaces the list and its counts; a count-only record stays one', async () => {
    const m = (await post({ ...base, attendees: list() })).json();
    const shorter = [{ memberId: own[0]!.id, present: true }, { memberId: own[4]!.id, present: false, absenceReason: 'other', absenceNote: '外出培训' }];
    const res = await jijiu({ method: 'PUT', url: `/api/meetings/${m.id}`, payload: { ...base, attendees: shorter, version: m.version } });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ expected: 2, present: 1 });
    expect(res.json().attendees.map((a: { memberId: number }) => a.memberId)).toEqual([own[0]!.id, own[4]!.id]);
    expect(res.json().attendees[1].absenceNote).toBe('外出培训');
    const counted = (await post({ ...base, expected: 7, present: 6 })).json();
    expect(counted).toMatchObject({ expected: 7, present: 6, attendees: [], attachments: [], hostId: null });
    // Sent back as read (attendees: [], attachments, names …), a count-only record saves as one.
    const echoed = await jijiu({ method: 'PUT', url: `/api/meetings/${counted.id}`, payload: { ...counted, present: 5 } });
    expect(echoed.statusCode).toBe(200);
    expect(echoed.json()).toMatchObject({ expected: 7, present: 5, attendees: [] });
    // Neither a list nor counts: the form must say which.
    const neither = await post(base);
    expect(neither.json().error.details.map((d: { field: string }) => d.field).sort()).toEqual(['expected', 'present']);
  });

  it('deleting a record deletes its list', async () => {
    const m = (await post({ ...base, attendees: list() })).json();
    expect((await jijiu({ method: 'DELETE', url: `/api/meetings/${m.id}?version=${m.version}` })).statusCode).toBe(204);
    expect((await ctx.db.select({ n: count() }).from(meetingAttendance).where(eq(meetingAttendance.meetingId, m.id)))[0]!.n).toBe(0);
    expect((await ctx.db.select({ n: count() }).from(meetingAttendance).where(ne(meetingAttendance.meetingId, m.id)))[0]!.n).toBeGreaterThan(0);
  });
});
