import { eq } from 'drizzle-orm';
import { ORG_KIND_LABELS } from '@wj/domain';
import { ROSTER_COLUMNS, type RosterField, type RosterInput, type RosterReport } from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { members, orgs } from '../../db/schema/index.js';
import { dbTarget } from '../../lib/worker-pool.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, notFound } from '../../lib/errors.js';
import { updateVersioned } from '../../lib/versioned.js';
import { assertBranchTarget, getMember } from '../members/rules.js';
import { MEMBER_ENTITY } from '../members/write-service.js';
import { noticesOf, planRoster, planRosterInSlices, planStillHolds, reportOf } from './plan.js';
import { branchTarget, unitTarget, type RosterTarget } from './routing.js';
import { readRosterSheet } from './read-workbook.js';
import { renderInWorker } from '../../reports/render-pool.js';
import { rosterRows } from './export-rows.js';

/** A refused import: the error body carries the whole row report (the route's error handler sends it). */
export class RosterRejected extends AppError {
  constructor(readonly report: RosterReport) {
    const bad = report.rows.filter((r) => r.problems.length);
    super(400, 'ROSTER_REJECTED', `名册中有 ${bad.length} 行存在问题，未导入任何数据；请按行号修改后重新上传`,
      bad.flatMap((r) => r.problems.map((p) => ({ field: `第 ${r.rowNumber} 行·${p.column}`, message: p.message }))));
  }
}

/** A branch-level import into `branchId`, or a unit-level one routed by 所在党支部. */
export type RosterScope = { branchId: number } | { unitId: number };

async function targetOf(db: Queryable, scope: RosterScope): Promise<RosterTarget> {
  if ('unitId' in scope) return unitTarget(db, scope.unitId);
  return branchTarget(db, scope.branchId, await assertBranchTarget(db, scope.branchId));
}

/** What the file would do; nothing is written. */
export async function previewRoster(db: Db, user: SessionUser, scope: RosterScope, file: unknown): Promise<RosterReport> {
  const target = await targetOf(db, scope);
  const sheet = await readRosterSheet(file);
  return reportOf((await planRosterInSlices(db, target, sheet.rows, user)).rows, noticesOf(sheet.present, target));
}

/**
 * 问题清单: the uploaded file as it is, with a 问题 column filled for exactly
 * the rows the preview refuses (problems joined, each with its column).
 */
export async function problemsFile(db: Db, user: SessionUser, scope: RosterScope, file: unknown): Promise<{ file: Buffer; bad: number }> {
  const target = await targetOf(db, scope);
  const sheet = await readRosterSheet(file);
  const report = reportOf((await planRosterInSlices(db, target, sheet.rows, user)).rows, []);
  const problems: Record<number, string> = {};
  for (const r of report.rows) {
    if (r.problems.length) problems[r.rowNumber] = r.problems.map((p) => `【${p.column}】${p.message}`).join('；');
  }
  return { file: await sheet.annotate(problems), bad: Object.keys(problems).length };
}

const rosterValues = (input: RosterInput) =>
  Object.fromEntries(ROSTER_COLUMNS.filter((c) => c.field !== 'branch').map((c) => [c.field, input[c.field as RosterField]]));

/**
 * All or nothing: the plan is checked again inside the transaction (so it
 * holds for what is there now) and any problem in any row refuses the whole file.
 * Rows identical to the stored member are left alone, so re-importing the
 * same file neither duplicates nor bumps versions under someone's open form.
 */
export async function importRoster(db: Db, user: SessionUser, scope: RosterScope, file: unknown): Promise<RosterReport> {
  const checked = await targetOf(db, scope);
  const sheet = await readRosterSheet(file);
  const early = await planRosterInSlices(db, checked, sheet.rows, user);
  return db.transaction(async (tx) => {
    const target = await targetOf(tx, scope);
    // Planned outside (in slices); made again here only if a holder or the branches changed meanwhile.
    const planned = (await planStillHolds(tx, target, early) ? early : await planRoster(tx, target, sheet.rows, user)).rows;
    const report = reportOf(planned, noticesOf(sheet.present, checked));
    if (report.summary.error > 0) throw new RosterRejected(report);
    for (const p of planned) {
      const orgId = p.branchId!;
      if (p.action === 'create') {
        const [row] = await tx.insert(members).values({ ...p.input!, orgId, updatedAt: new Date().toISOString(), updatedBy: user.username }).returning();
        await recordAudit(tx, user, { action: 'create', entityType: MEMBER_ENTITY, entityId: row!.id, orgId, after: row });
      } else if (p.changes.length) {
        const before = await getMember(tx, p.existing!.id);
        await updateVersioned(tx, members, before.id, before.version, rosterValues(p.input!), user.username);
        await recordAudit(tx, user, { action: 'update', entityType: MEMBER_ENTITY, entityId: before.id, orgId, before, after: await getMember(tx, before.id) });
      }
    }
    const orgId = target.branch?.id ?? target.unitId;
    await recordAudit(tx, user, { action: 'import', entityType: 'roster', entityId: orgId, orgId, after: { rows: sheet.rows.length, level: target.level, ...report.summary } });
    return report;
  });
}

/** 市人民医院党委 / 市人民医院急诊急救党支部 / the committee's own name: what the file is called after. */
async function rosterTitle(db: Queryable, orgId: number): Promise<string> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound(`组织（id=${orgId}）不存在`);
  if (org.parentId === null || org.unitId === null) return org.name;
  if (org.unitId === org.id) return org.institutionName ? `${org.institutionName}${ORG_KIND_LABELS[org.kind]}` : org.name;
  const [unit] = await db.select({ institutionName: orgs.institutionName }).from(orgs).where(eq(orgs.id, org.unitId));
  return `${unit?.institutionName ?? ''}${org.name}`;
}

/**
 * The members on the roll in the org's sub-tree as a workbook; 公民身份号码 and phone masked unless `unmasked` (admin).
 * The rows are read and the workbook written in the render worker (reports/render-pool.ts), on its own
 * read-only connection: a province's roll (315,100 members) read and mapped here held the event loop for
 * seconds. An in-memory database, which no worker can open, is read here. `signal` ends the job when the caller has gone.
 */
export async function exportRoster(db: Db, orgId: number, unmasked: boolean, signal?: AbortSignal): Promise<{ file: Buffer; filename: string }> {
  const title = `${await rosterTitle(db, orgId)}党员名册`;
  const target = dbTarget(db);
  const job = target ? { kind: 'roster-export' as const, db: target, orgId, unmasked, title } : { kind: 'roster' as const, rows: await rosterRows(db, orgId, unmasked), title };
  return { file: await renderInWorker(job, signal), filename: `${title}.xlsx` };
}

let template: Promise<Buffer> | null = null;
/** The blank import template: the same for everyone, written once (in the render worker) and kept. */
export function rosterTemplate(): Promise<Buffer> {
  template ??= renderInWorker({ kind: 'roster-template' }).catch((err: unknown) => { template = null; throw err; });
  return template;
}
