import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import type { Milestone, MilestoneWrite, Project, ProjectInput, ProjectUpdate } from '@wj/domain/schemas';
import { milestoneYearMessage, todayIso } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { projectMilestones, secretaryProjects } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertBranch } from './branch.js';

type ProjectRow = typeof secretaryProjects.$inferSelect;

export async function projectOrgId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ orgId: secretaryProjects.orgId }).from(secretaryProjects).where(eq(secretaryProjects.id, id));
  return row?.orgId;
}

export async function milestoneOrgId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ orgId: secretaryProjects.orgId }).from(projectMilestones)
    .innerJoin(secretaryProjects, eq(secretaryProjects.id, projectMilestones.projectId))
    .where(eq(projectMilestones.id, id));
  return row?.orgId;
}

/** A milestone is overdue once its due date has come and it is not done (as the quality model judges it). */
function withMilestones(row: ProjectRow, milestones: Milestone[], today = todayIso()): Project {
  const sorted = [...milestones].sort((a, b) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id);
  return { ...row, milestones: sorted, overdue: sorted.filter((m) => m.dueDate <= today && !m.doneDate).length };
}

const getRow = async (db: Queryable, id: number) => {
  const [row] = await db.select().from(secretaryProjects).where(eq(secretaryProjects.id, id));
  if (!row) throw notFound(`书记项目（id=${id}）不存在`);
  return row;
};
const milestonesOf = (db: Queryable, projectId: number) =>
  db.select().from(projectMilestones).where(eq(projectMilestones.projectId, projectId));
const getProject = async (db: Queryable, id: number) => withMilestones(await getRow(db, id), await milestonesOf(db, id));

/**
 * A project whose milestones are all done has reached its end: 100 % and
 * 已完成 (an abandoned one stays 已终止). The 结项评价 is still asked for
 * when the project is next edited.
 */
async function settleCompletion(tx: Queryable, projectId: number) {
  const row = await getRow(tx, projectId);
  const all = await milestonesOf(tx, projectId);
  if (!all.length || all.some((m) => !m.doneDate) || row.status === 'abandoned') return;
  if (row.status !== 'completed' || row.progress !== 100) {
    await tx.update(secretaryProjects).set({ status: 'completed', progress: 100 }).where(eq(secretaryProjects.id, projectId));
  }
}

export async function listProjects(db: Db, orgId: number, q: { year?: number }): Promise<Project[]> {
  const rows = await db.select().from(secretaryProjects)
    .where(and(eq(secretaryProjects.orgId, orgId), q.year ? eq(secretaryProjects.year, q.year) : undefined))
    .orderBy(desc(secretaryProjects.year), asc(secretaryProjects.id));
  if (!rows.length) return [];
  const all = await db.select().from(projectMilestones).where(inArray(projectMilestones.projectId, rows.map((r) => r.id)));
  const today = todayIso();
  return rows.map((r) => withMilestones(r, all.filter((m) => m.projectId === r.id), today));
}

export async function createProject(db: Db, user: SessionUser, orgId: number, input: ProjectInput): Promise<Project> {
  return db.transaction(async (tx) => {
    await assertBranch(tx, orgId, '书记项目');
    const { milestones, ...fields } = input;
    const [row] = await tx.insert(secretaryProjects).values({ ...fields, orgId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning();
    const projectId = row!.id;
    await tx.insert(projectMilestones).values(milestones.map((m) => ({ ...m, projectId })));
    await settleCompletion(tx, projectId);
    const after = await getProject(tx, projectId);
    await recordAudit(tx, user, { action: 'create', entityType: 'secretary_project', entityId: projectId, orgId, after });
    return after;
  });
}

export async function updateProject(db: Db, user: SessionUser, id: number, input: ProjectUpdate): Promise<Project> {
  return db.transaction(async (tx) => {
    const before = await getProject(tx, id);
    const { version, ...values } = input;
    await assertFresh(tx, before, version, user.username);
    const outside = before.milestones.find((m) => !m.dueDate.startsWith(`${values.year}-`));
    if (outside) {
      throw badRequest('项目节点须在项目年度内', [{ field: 'year', message: `节点“${outside.title}”的计划完成日期（${outside.dueDate}）不在 ${values.year} 年内，请先调整节点` }]);
    }
    await updateVersioned(tx, secretaryProjects, id, version, values, user.username);
    const after = await getProject(tx, id);
    await recordAudit(tx, user, { action: 'update', entityType: 'secretary_project', entityId: id, orgId: before.orgId, before, after });
    return after;
  });
}

/** A stale version gets its 409 before any rule is judged against data the user has not seen. */
async function assertFresh(tx: Queryable, row: ProjectRow, version: number, by: string) {
  if (row.version !== version) await updateVersioned(tx, secretaryProjects, row.id, version, {}, by);
}

function assertInYear(project: ProjectRow, dueDate: string) {
  if (!dueDate.startsWith(`${project.year}-`)) {
    throw badRequest(milestoneYearMessage(project.year), [{ field: 'dueDate', message: milestoneYearMessage(project.year) }]);
  }
}

/**
 * Milestone writes carry the project's version and bump it: the project's
 * progress is read against its milestones, so a changed milestone is a changed project.
 */
export async function addMilestone(db: Db, user: SessionUser, projectId: number, input: MilestoneWrite): Promise<Project> {
  return db.transaction(async (tx) => {
    const { version, ...values } = input;
    const project = await getRow(tx, projectId);
    await assertFresh(tx, project, version, user.username);
    assertInYear(project, values.dueDate);
    await updateVersioned(tx, secretaryProjects, projectId, version, {}, user.username);
    const [row] = await tx.insert(projectMilestones).values({ ...values, projectId }).returning();
    await settleCompletion(tx, projectId);
    await recordAudit(tx, user, { action: 'create', entityType: 'project_milestone', entityId: row!.id, orgId: project.orgId, after: row });
    return getProject(tx, projectId);
  });
}

export async function updateMilestone(db: Db, user: SessionUser, id: number, input: MilestoneWrite): Promise<Project> {
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(projectMilestones).where(eq(projectMilestones.id, id));
    if (!before) throw notFound(`项目节点（id=${id}）不存在`);
    const { version, ...values } = input;
    const project = await getRow(tx, before.projectId);
    await assertFresh(tx, project, version, user.username);
    assertInYear(project, values.dueDate);
    await updateVersioned(tx, secretaryProjects, project.id, version, {}, user.username);
    await tx.update(projectMilestones).set(values).where(eq(projectMilestones.id, id));
    await settleCompletion(tx, project.id);
    const [after] = await tx.select().from(projectMilestones).where(eq(projectMilestones.id, id));
    await recordAudit(tx, user, { action: 'update', entityType: 'project_milestone', entityId: id, orgId: project.orgId, before, after });
    return getProject(tx, project.id);
  });
}
