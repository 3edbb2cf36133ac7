import { and, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../../src/db/index.js';
import {
  attachments, brands, committees, meetings, members, orgs, partyWorkers, projectMilestones, recruits, responsibilityItems,
  secretaryProjects, users, vanguardPosts,
} from '../../src/db/schema/index.js';

export type Entity = 'branch' | 'unit' | 'member' | 'meeting' | 'attachment' | 'committee' | 'worker' | 'item' | 'brand' | 'project' | 'milestone' | 'post' | 'recruit' | 'user';

/**
 * Real record ids in the demo data for every kind of :id a route takes:
 * [inside jijiu's branch / renmin's unit, inside 眼科医院 (yanke's unit)].
 */
export async function demoTargets(db: Db): Promise<Record<Entity, [number, number]>> {
  const scope = async (u: string) => (await db.select().from(users).where(eq(users.username, u)))[0]!.scopeOrgId!;
  const ownBranch = await scope('jijiu');
  const ownUnit = await scope('renmin');
  const foreignUnit = await scope('yanke');
  const [foreign] = await db.select().from(brands).innerJoin(orgs, eq(orgs.id, brands.orgId)).where(eq(orgs.unitId, foreignUnit)).orderBy(brands.id).limit(1);
  const foreignBranch = foreign!.orgs.id;
  // The first row by id (PostgreSQL has no implicit order): the same records on both engines.
  const first = async <T extends { id: number }>(table: PgTable & { id: PgColumn }, where: SQL | undefined): Promise<T | undefined> =>
    ((await db.select().from(table as never).where(where).orderBy(table.id).limit(1)) as T[])[0];
  const pick = async (table: PgTable & { id: PgColumn }, where: (orgId: number) => SQL | undefined, label: string): Promise<[number, number]> => {
    const a = await first(table, where(ownBranch)), b = await first(table, where(foreignBranch));
    if (!a || !b) throw new Error(`demo data lacks a ${label} in the chosen branches`);
    return [a.id, b.id];
  };
  const both = async (ids: [number, number], fn: (id: number) => Promise<number>): Promise<[number, number]> => [await fn(ids[0]), await fn(ids[1])];
  const project = await pick(secretaryProjects, (o) => eq(secretaryProjects.orgId, o), 'project');
  const unit: [number, number] = [ownUnit, foreignUnit];
  const meeting = await pick(meetings, (o) => eq(meetings.orgId, o), 'meeting');
  const userId = async (u: string) => (await db.select().from(users).where(eq(users.username, u)))[0]!.id;
  return {
    branch: [ownBranch, foreignBranch],
    unit,
    member: await pick(members, (o) => and(eq(members.orgId, o), eq(members.status, 'active')), 'member'),
    meeting,
    attachment: await both(meeting, (m) => attachmentOn(db, m)),
    committee: await pick(committees, (o) => eq(committees.orgId, o), 'committee'),
    brand: await pick(brands, (o) => eq(brands.orgId, o), 'brand'),
    project,
    milestone: await both(project, async (p) => (await first(projectMilestones, eq(projectMilestones.projectId, p)))!.id),
    post: await pick(vanguardPosts, (o) => eq(vanguardPosts.orgId, o), 'vanguard post'),
    recruit: await pick(recruits, (o) => eq(recruits.orgId, o), 'recruit'),
    worker: await both(unit, async (u) => (await first(partyWorkers, eq(partyWorkers.unitId, u)))!.id),
    item: await both(unit, async (u) => (await first(responsibilityItems, eq(responsibilityItems.unitId, u)))!.id),
    user: [await userId('jijiu'), await userId('yanke')],
  };
}

/**
 * The demo data has no files: an attachment row on the meeting (its file is
 * not on disk, so a download that passes the access check answers 404).
 */
async function attachmentOn(db: Db, meetingId: number): Promise<number> {
  const [found] = await db.select().from(attachments).where(and(eq(attachments.recordType, 'meeting'), eq(attachments.recordId, meetingId))).orderBy(attachments.id).limit(1);
  if (found) return found.id;
  const [row] = await db.transaction((tx) => tx.insert(attachments).values({
    recordType: 'meeting', recordId: meetingId, originalName: '签到表.jpg', mime: 'image/jpeg', size: 3, sha256: '0'.repeat(64),
    storedName: `missing-${meetingId}`, uploadedBy: 'test', uploadedAt: new Date().toISOString(),
  }).returning());
  return row!.id;
}
