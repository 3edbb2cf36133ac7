import { and, asc, eq } from 'drizzle-orm';
import { checkAdvance, earliestAdvanceDate, formatDateZh, STAGE_DATE_FIELDS, timelineProblems } from '@wj/domain';
import {
  todayIso, type Recruit, type RecruitAdvance, type RecruitInput, type RecruitListQuery, type RecruitStop, type RecruitUpdate,
} from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { orgs, recruits } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';

const ENTITY = 'recruit';
type Row = typeof recruits.$inferSelect;

export async function recruitOrgId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ orgId: recruits.orgId }).from(recruits).where(eq(recruits.id, id));
  return row?.orgId;
}

/**
 * A stale version gets its 409 (naming who changed the entry) before any rule is
 * judged: the user's request was made against a stage they no longer see.
 */
async function assertFresh(tx: Queryable, row: Row, version: number, by: string) {
  if (row.version !== version) await updateVersioned(tx, recruits, row.id, version, {}, by);
}

const toDto = (r: Row): Recruit => ({ ...r, nextStepFrom: earliestAdvanceDate(r) });

const get = async (db: Queryable, id: number) => {
  const [row] = await db.select().from(recruits).where(eq(recruits.id, id));
  if (!row) throw notFound(`发展党员记录（id=${id}）不存在`);
  return row;
};

/** 发展党员 is the work of a 党支部 (《发展党员工作细则》: 支部委员会研究、支部大会讨论). */
async function assertBranch(db: Queryable, orgId: number) {
  const [org] = await db.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound(`组织（id=${orgId}）不存在`);
  if (org.kind !== 'branch') throw badRequest('只能在党支部登记发展党员', [{ field: 'orgId', message: '该组织不是党支部，不能登记发展党员' }]);
}

export async function listRecruits(db: Db, orgId: number, q: RecruitListQuery): Promise<Recruit[]> {
  const rows = await db.select().from(recruits).where(and(
    eq(recruits.orgId, orgId),
    q.stage ? eq(recruits.stage, q.stage) : undefined,
    q.status ? eq(recruits.status, q.status) : undefined,
  )).orderBy(asc(recruits.applicationDate), asc(recruits.id));
  return rows.map(toDto);
}

export async function createRecruit(db: Db, user: SessionUser, orgId: number, input: RecruitInput): Promise<Recruit> {
  return db.transaction(async (tx) => {
    await assertBranch(tx, orgId);
    const [row] = await tx.insert(recruits).values({
      ...input, orgId, stage: 'applicant', status: 'active', updatedAt: new Date().toISOString(), updatedBy: user.username,
    }).returning();
    await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId, after: row });
    return toDto(row!);
  });
}

export async function updateRecruit(db: Db, user: SessionUser, id: number, input: RecruitUpdate): Promise<Recruit> {
  return db.transaction(async (tx) => {
    const before = await get(tx, id);
    const { version, ...values } = input;
    await assertFresh(tx, before, version, user.username);
    const problems = timelineProblems({ ...before, ...values });
    if (problems.length) throw badRequest(problems.map((p) => p.message).join('；'), problems);
    await updateVersioned(tx, recruits, id, version, values, user.username);
    const after = await get(tx, id);
    await recordAudit(tx, user, { action: 'update', entityType: ENTITY, entityId: id, orgId: before.orgId, before, after });
    return toDto(after);
  });
}

/** One step forward, refused with the 细则's reason when the rules forbid it (recruitment-rules.ts). */
export async function advanceRecruit(db: Db, user: SessionUser, id: number, input: RecruitAdvance): Promise<Recruit> {
  return db.transaction(async (tx) => {
    const before = await get(tx, id);
    await assertFresh(tx, before, input.version, user.username);
    const problem = checkAdvance(before, input.toStage, input.date, todayIso());
    if (problem) throw badRequest(problem.message, [problem]);
    await updateVersioned(tx, recruits, id, input.version, { stage: input.toStage, [STAGE_DATE_FIELDS[input.toStage]]: input.date }, user.username);
    const after = await get(tx, id);
    await recordAudit(tx, user, { action: 'advance', entityType: ENTITY, entityId: id, orgId: before.orgId, before, after });
    return toDto(after);
  });
}

/** Ends the entry; the row, its dates and the reason stay (history is never deleted). */
export async function stopRecruit(db: Db, user: SessionUser, id: number, input: RecruitStop): Promise<Recruit> {
  return db.transaction(async (tx) => {
    const before = await get(tx, id);
    await assertFresh(tx, before, input.version, user.username);
    if (before.status === 'stopped') throw badRequest('该发展记录已经终止', [{ field: 'status', message: '该发展记录已经终止' }]);
    if (before.stage === 'full') throw badRequest('已转为正式党员，发展流程已经完成，无需终止', [{ field: 'status', message: '已转为正式党员' }]);
    const date = input.date ?? todayIso();
    const reached = before[STAGE_DATE_FIELDS[before.stage]] ?? before.applicationDate;
    if (date < reached) {
      const message = `终止日期不能早于进入当前阶段的日期（${formatDateZh(reached)}）`;
      throw badRequest(message, [{ field: 'date', message }]);
    }
    await updateVersioned(tx, recruits, id, input.version, { status: 'stopped', stoppedDate: date, stopReason: input.reason }, user.username);
    const after = await get(tx, id);
    await recordAudit(tx, user, { action: 'stop', entityType: ENTITY, entityId: id, orgId: before.orgId, before, after });
    return toDto(after);
  });
}
