import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { MeetingFact, MemberFact } from '@wj/domain/quality';
import type { Db } from '../../src/db/index.js';
import { rawRows } from '../../src/db/raw.js';
import { loadFacts } from '../../src/modules/quality/facts-loader.js';
import { openTestDb } from '../helpers/db.js';

/**
 * The facts loader reads the roll and the year's 组织生活 as one packed string
 * per org built in SQL (facts-packed.ts). Its members and meetings must be
 * exactly the rows as the tables hold them, read here plainly — including
 * values a packed list cannot carry as they are (a ',' in a date or a type, a
 * type or a standing outside the enumerations, an empty date, a date with a
 * time part or no such day), on both engines.
 */
let dir: string;
let opened: Awaited<ReturnType<typeof openTestDb>>;
let db: Db;
let year: number;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'wj-facts-packed-'));
  opened = await openTestDb(dir, 'facts', inject('demoTemplate'));
  db = opened.db;
  const [last] = await rawRows<{ y: string }>(db, "select max(substr(date, 1, 4)) as y from meetings where review_status <> 'returned'");
  year = Number(last!.y);
  // Odd values, each in another branch's records.
  const ids = (await rawRows<{ id: number }>(db, "select id from meetings where date >= ? and date <= ? and review_status <> 'returned' order by id", [`${year}-01-01`, `${year}-12-31`])).map((r) => Number(r.id));
  const odd = async (text: string, params: unknown[]) => {
    if (db.sqlite) db.sqlite.writer.prepare(text).run(...params);
    else { let k = 0; await db.pg!.pool.query(text.replace(/\?/g, () => `$${++k}`), params); }
  };
  await odd('update meetings set type = ? where id = ?', ['custom,meeting', ids[3]]);
  await odd('update meetings set date = ? where id = ?', [`${year}-04-01,x`, ids[200]]);
  await odd('update meetings set date = ? where id = ?', [`${year}-02-30`, ids[400]]);
  await odd('update meetings set date = ? where id = ?', [`${year}-05-06 09:30`, ids[600]]);
  const mids = (await rawRows<{ id: number }>(db, "select id from members where status = 'active' order by id")).map((r) => Number(r.id));
  await odd("update members set party_standing = ?, title_level = ? where id = ?", ['on,leave', '~odd', mids[5]]);
  await odd("update members set full_date = '' where id = ?", [mids[300]]);
  await odd('update members set birth_date = ? where id = ?', ['1980-02-30', mids[600]]);
});
afterAll(async () => {
  await opened.close();
  rmSync(dir, { recursive: true, force: true });
});

interface MeetingRow { org_id: number; type: string; date: string; expected: number; present: number }
interface MemberRow {
  id: number; org_id: number; birth_date: string; join_date: string; full_date: string | null; category: string; employment: string; title_level: string;
  is_talent: unknown; is_dept_head: unknown; lost_contact: unknown; floating: unknown; phone: string | null; education: string | null; job_category: string | null;
  party_standing: string; hours: number | null;
}
const yes = (v: unknown) => v === true || v === 1;

/** Each active branch's meetings and members as the tables hold them, in id order. */
async function plainFacts(): Promise<Map<number, { meetings: MeetingFact[]; members: MemberFact[] }>> {
  const byBranch = new Map<number, { meetings: MeetingFact[]; members: MemberFact[] }>();
  for (const { id } of await rawRows<{ id: number }>(db, "select id from orgs where kind = 'branch' and status = 'active' order by id")) {
    byBranch.set(Number(id), { meetings: [], members: [] });
  }
  const meetingRows = await rawRows<MeetingRow>(db,
    "select org_id, type, date, expected, present from meetings where date >= ? and date <= ? and review_status <> 'returned' order by id", [`${year}-01-01`, `${year}-12-31`]);
  for (const m of meetingRows) {
    byBranch.get(Number(m.org_id))?.meetings.push({ type: m.type as MeetingFact['type'], date: m.date, expected: Number(m.expected), present: Number(m.present) });
  }
  const memberRows = await rawRows<MemberRow>(db,
    `select m.*, s.hours from members m left join member_study s on s.member_id = m.id and s.year = ? where m.status = 'active' order by m.id`, [year]);
  for (const m of memberRows) {
    byBranch.get(Number(m.org_id))?.members.push({
      id: Number(m.id), birthDate: m.birth_date, joinDate: m.join_date, fullDate: m.full_date,
      category: m.category as MemberFact['category'], employment: m.employment as MemberFact['employment'], titleLevel: m.title_level as MemberFact['titleLevel'],
      isTalent: yes(m.is_talent), isDeptHead: yes(m.is_dept_head), studyHours: m.hours === null ? null : Number(m.hours),
      // 花名册完整: a phone, an education and (in service) a job category.
      rosterComplete: Boolean(m.phone) && Boolean(m.education) && (m.employment === 'retired' || Boolean(m.job_category)),
      partyStanding: m.party_standing as MemberFact['partyStanding'], lostContact: yes(m.lost_contact), floating: yes(m.floating),
    });
  }
  return byBranch;
}

describe('the facts loader’s packed lists', () => {
  it('give every branch exactly its members and meetings as the tables hold them, odd values included, for the commission and for one unit', async () => {
    const expected = await plainFacts();
    const facts = await loadFacts(db, year);
    expect(facts.branches.map((b) => b.orgId)).toEqual([...expected.keys()]);
    let meetings = 0, members = 0;
    for (const b of facts.branches) {
      const plain = expected.get(b.orgId)!;
      expect(b.meetings, `meetings of ${b.orgId}`).toEqual(plain.meetings);
      expect(b.members, `members of ${b.orgId}`).toEqual(plain.members);
      meetings += b.meetings.length;
      members += b.members.length;
    }
    // The odd values were read (the demo's branches hold records, and each odd value is among them).
    const all = facts.branches.flatMap((b) => b.meetings);
    expect(all.some((m) => m.type === ('custom,meeting' as MeetingFact['type']))).toBe(true);
    expect(all.filter((m) => m.date.includes(',') || m.date.includes(' ') || m.date.endsWith('-02-30')).length).toBe(3);
    expect(facts.branches.flatMap((b) => b.members).filter((m) => m.partyStanding === ('on,leave' as MemberFact['partyStanding']) || m.fullDate === '' || m.birthDate === '1980-02-30').length).toBe(3);
    expect(meetings).toBeGreaterThan(100);
    expect(members).toBeGreaterThan(100);

    const unitId = facts.units[1]!.orgId;
    const scoped = await loadFacts(db, year, [unitId]);
    expect(scoped.branches.length).toBeGreaterThan(0);
    expect(scoped.branches.map((b) => b.orgId)).toEqual(facts.branches.filter((b) => b.unitId === unitId).map((b) => b.orgId));
    for (const b of scoped.branches) {
      expect(b.meetings).toEqual(expected.get(b.orgId)!.meetings);
      expect(b.members).toEqual(expected.get(b.orgId)!.members);
    }
    const [count] = await rawRows<{ n: number }>(db,
      "select count(*) as n from members m join orgs o on o.id = m.org_id where m.status = 'active' and o.status = 'active' and o.unit_id = ?", [unitId]);
    expect(scoped.units.find((u) => u.orgId === unitId)!.memberCount).toBe(Number(count!.n));
  });
});
