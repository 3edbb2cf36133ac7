import { and, eq, gte, inArray, isNull, sql } from 'drizzle-orm';
import type { OrgMoveResult } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { brands, committees, members, orgs, recruits, secretaryProjects, vanguardPosts } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertActive, getOrg, isUnitLevel, ORG_ENTITY, toRecord, type OrgRow } from './orgs-common.js';

export interface MoveInput { targetId: number | null; date: string; version: number }

/** Only a 党支部 or a 党小组 can be merged or dissolved here; the root and unit-level organisations cannot. */
function assertMovable(source: OrgRow) {
  if (source.parentId === null || isUnitLevel(source)) {
    throw badRequest('不能合并或撤销机关党委或单位级党组织', [{ field: 'id', message: '只能合并或撤销党支部、党小组' }]);
  }
  if (source.kind !== 'branch' && source.kind !== 'party_group') {
    throw badRequest('只能合并或撤销党支部、党小组', [{ field: 'id', message: '该组织不是党支部或党小组' }]);
  }
  assertActive(source);
}

/** The target must be an active branch (a 党小组 may also go into another 党小组) of the same unit. */
function assertTargetFits(source: OrgRow, target: OrgRow, field: string) {
  const problem =
    target.id === source.id ? '不能并入自身'
      : target.status !== 'active' ? '目标组织已撤销'
        : target.unitId !== source.unitId ? '只能并入本单位的党支部'
          : target.parentId === source.id ? '不能并入本支部的党小组'
            : source.kind === 'branch' && target.kind !== 'branch' ? '党支部只能并入党支部'
              : source.kind === 'party_group' && target.kind !== 'branch' && target.kind !== 'party_group' ? '党小组只能并入党支部或党小组'
                : null;
  if (problem) throw badRequest(`${source.name}不能并入${target.name}：${problem}`, [{ field, message: problem }]);
}

/** Open records of the source that must follow its members: none may stay on a dissolved branch. */
async function openRecords(tx: Queryable, sourceId: number, year: number) {
  const ids = async <T extends { id: number }>(rows: Promise<T[]>) => (await rows).map((r) => r.id);
  return {
    members: await ids(tx.select({ id: members.id }).from(members).where(and(eq(members.orgId, sourceId), eq(members.status, 'active'))).orderBy(members.id)),
    groups: await ids(tx.select({ id: orgs.id }).from(orgs).where(and(eq(orgs.parentId, sourceId), eq(orgs.status, 'active'))).orderBy(orgs.id)),
    brands: await ids(tx.select({ id: brands.id }).from(brands).where(and(eq(brands.orgId, sourceId), eq(brands.active, true))).orderBy(brands.id)),
    projects: await ids(tx.select({ id: secretaryProjects.id }).from(secretaryProjects)
      .where(and(eq(secretaryProjects.orgId, sourceId), inArray(secretaryProjects.status, ['planned', 'in_progress']))).orderBy(secretaryProjects.id)),
    posts: await ids(tx.select({ id: vanguardPosts.id }).from(vanguardPosts).where(and(eq(vanguardPosts.orgId, sourceId), gte(vanguardPosts.year, year))).orderBy(vanguardPosts.id)),
    recruits: await ids(tx.select({ id: recruits.id }).from(recruits).where(and(eq(recruits.orgId, sourceId), eq(recruits.status, 'active'))).orderBy(recruits.id)),
  };
}

const bump = (table: { version: unknown }, by: string) =>
  ({ version: sql`${table.version} + 1`, updatedAt: new Date().toISOString(), updatedBy: by }) as const;

/**
 * Ends a branch (or 党小组) on `date`: every active member, 党小组 and open record
 * (active brand, unfinished 书记项目, this year's 先锋岗, recruits in the pipeline)
 * moves to the target, the current 支委会 ends, and the source is marked
 * dissolved. Meetings and closed records stay with the source as its history.
 */
export async function moveAndDissolve(db: Db, user: SessionUser, sourceId: number, input: MoveInput, mode: 'merge' | 'dissolve'): Promise<OrgMoveResult> {
  const targetField = mode === 'merge' ? 'intoOrgId' : 'moveMembersTo';
  return db.transaction(async (tx) => {
    const source = await getOrg(tx, sourceId);
    assertMovable(source);
    const target = input.targetId === null ? null : await getOrg(tx, input.targetId);
    if (target) assertTargetFits(source, target, targetField);
    if (source.foundedDate && input.date < source.foundedDate) {
      throw badRequest('日期早于该组织的成立日期', [{ field: 'date', message: `不能早于成立日期 ${source.foundedDate}` }]);
    }
    const committee = await tx.select().from(committees).where(and(eq(committees.orgId, sourceId), isNull(committees.endedDate))).orderBy(committees.id);
    const lastElected = committee.map((c) => c.electedDate).sort().at(-1);
    if (lastElected && input.date < lastElected) {
      throw badRequest('日期早于本届支委会的选举日期', [{ field: 'date', message: `不能早于本届支委会选举日期 ${lastElected}` }]);
    }

    const open = await openRecords(tx, sourceId, Number(input.date.slice(0, 4)));
    if (!target) {
      const left = [
        open.members.length && `${open.members.length} 名在册党员`, open.groups.length && `${open.groups.length} 个党小组`,
        open.brands.length && `${open.brands.length} 个支部品牌`, open.projects.length && `${open.projects.length} 个未完成的书记项目`,
        open.posts.length && `${open.posts.length} 个党员先锋岗`, open.recruits.length && `${open.recruits.length} 名发展对象（含申请人、积极分子）`,
      ].filter(Boolean);
      if (left.length) {
        throw badRequest(`${source.name}仍有${left.join('、')}，请指定转入的支部`, [{ field: targetField, message: '请选择党员及记录转入的支部' }]);
      }
    }

    // Stale-version check first of the writes: a dissolution of a branch someone just changed is refused.
    await updateVersioned(tx, orgs, sourceId, input.version, { status: 'dissolved', dissolvedDate: input.date }, user.username);

    if (target) {
      const by = user.username;
      if (open.members.length) await tx.update(members).set({ orgId: target.id, ...bump(members, by) }).where(inArray(members.id, open.members));
      if (open.groups.length) await tx.update(orgs).set({ parentId: target.id, ...bump(orgs, by) }).where(inArray(orgs.id, open.groups));
      if (open.brands.length) await tx.update(brands).set({ orgId: target.id, ...bump(brands, by) }).where(inArray(brands.id, open.brands));
      if (open.projects.length) await tx.update(secretaryProjects).set({ orgId: target.id, ...bump(secretaryProjects, by) }).where(inArray(secretaryProjects.id, open.projects));
      if (open.posts.length) await tx.update(vanguardPosts).set({ orgId: target.id, ...bump(vanguardPosts, by) }).where(inArray(vanguardPosts.id, open.posts));
      if (open.recruits.length) await tx.update(recruits).set({ orgId: target.id, ...bump(recruits, by) }).where(inArray(recruits.id, open.recruits));
      // Each moved member gets its own entry so the member's history shows the move.
      for (const id of open.members) {
        await recordAudit(tx, user, { action: 'transfer', entityType: 'member', entityId: id, orgId: target.id, before: { orgId: sourceId }, after: { orgId: target.id, reason: mode } });
      }
    }
    for (const c of committee) {
      await tx.update(committees).set({ endedDate: input.date, ...bump(committees, user.username) }).where(eq(committees.id, c.id));
      await recordAudit(tx, user, { action: 'update', entityType: 'committee', entityId: c.id, orgId: sourceId, before: c, after: { ...c, endedDate: input.date } });
    }

    const after = await getOrg(tx, sourceId);
    const moved = {
      members: open.members.length, groups: open.groups.length, brands: open.brands.length,
      projects: open.projects.length, posts: open.posts.length, recruits: open.recruits.length,
    };
    await recordAudit(tx, user, {
      action: mode, entityType: ORG_ENTITY, entityId: sourceId, orgId: sourceId,
      before: source, after: { ...after, movedTo: target?.id ?? null, moved: target ? open : null },
    });
    return {
      org: toRecord(after), target: target ? toRecord(await getOrg(tx, target.id)) : null, moved,
      endedCommitteeId: committee[0]?.id ?? null,
    };
  });
}
