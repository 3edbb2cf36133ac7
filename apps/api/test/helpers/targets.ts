import { and, eq } from 'drizzle-orm';
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
export function demoTargets(db: Db): Record<Entity, [number, number]> {
  const scope = (u: string) => db.select().from(users).where(eq(users.username, u)).get()!.scopeOrgId!;
  const ownBranch = scope('jijiu');
  const ownUnit = scope('renmin');
  const foreignUnit = scope('yanke');
  const foreignBranch = db.select().from(brands).innerJoin(orgs, eq(orgs.id, brands.orgId)).where(eq(orgs.unitId, foreignUnit)).get()!.orgs.id;
  const pick = <T extends { id: number }>(rows: (orgId: number) => T | undefined, label: string): [number, number] => {
    const a = rows(ownBranch), b = rows(foreignBranch);
    if (!a || !b) throw new Error(`demo data lacks a ${label} in the chosen branches`);
    return [a.id, b.id];
  };
  const project = pick((o) => db.select().from(secretaryProjects).where(eq(secretaryProjects.orgId, o)).get(), 'project');
  const unit: [number, number] = [ownUnit, foreignUnit];
  const meeting = pick((o) => db.select().from(meetings).where(eq(meetings.orgId, o)).get(), 'meeting');
  return {
    branch: [ownBranch, foreignBranch],
    unit,
    member: pick((o) => db.select().from(members).where(and(eq(members.orgId, o), eq(members.status, 'active'))).get(), 'member'),
    meeting,
    attachment: meeting.map((m) => attachmentOn(db, m)) as [number, number],
    committee: pick((o) => db.select().from(committees).where(eq(committees.orgId, o)).get(), 'committee'),
    brand: pick((o) => db.select().from(brands).where(eq(brands.orgId, o)).get(), 'brand'),
    project,
    milestone: project.map((p) => db.select().from(projectMilestones).where(eq(projectMilestones.projectId, p)).get()!.id) as [number, number],
    post: pick((o) => db.select().from(vanguardPosts).where(eq(vanguardPosts.orgId, o)).get(), 'vanguard post'),
    recruit: pick((o) => db.select().from(recruits).where(eq(recruits.orgId, o)).get(), 'recruit'),
    worker: unit.map((u) => db.select().from(partyWorkers).where(eq(partyWorkers.unitId, u)).get()!.id) as [number, number],
    item: unit.map((u) => db.select().from(responsibilityItems).where(eq(responsibilityItems.unitId, u)).get()!.id) as [number, number],
    user: [db.select().from(users).where(eq(users.username, 'jijiu')).get()!.id, db.select().from(users).where(eq(users.username, 'yanke')).get()!.id],
  };
}

/**
 * The demo data has no files: an attachment row on the meeting (its file is
 * not on disk, so a download that passes the access check answers 404).
 */
function attachmentOn(db: Db, meetingId: number): number {
  const found = db.select().from(attachments).where(and(eq(attachments.recordType, 'meeting'), eq(attachments.recordId, meetingId))).get();
  if (found) return found.id;
  return db.insert(attachments).values({
    recordType: 'meeting', recordId: meetingId, originalName: '签到表.jpg', mime: 'image/jpeg', size: 3, sha256: '0'.repeat(64),
    storedName: `missing-${meetingId}`, uploadedBy: 'test', uploadedAt: new Date().toISOString(),
  }).returning().get().id;
}
