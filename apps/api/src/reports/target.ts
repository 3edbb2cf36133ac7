import { and, asc, eq, isNull } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { InstitutionType, OrgKind } from '@wj/domain';
import type { Scope } from '../auth/scope.js';
import type { Queryable } from '../db/index.js';
import { orgs } from '../db/schema/index.js';
import { notFound } from '../lib/errors.js';

/** What a report covers: the whole commission, or one unit (its sub-tree). */
export interface ReportTarget {
  /** null: the whole commission. */
  unitId: number | null;
  /** The root for the commission, else the unit. */
  orgId: number;
  /** 市卫生健康委直属机关党委 / 中共市人民医院委员会 */
  orgName: string;
  kind: OrgKind;
  institutionName: string | null;
  institutionType: InstitutionType | null;
  /** Who writes the report: 市卫生健康委直属机关党委 for both (the unit report is still the committee's product). */
  rootName: string;
  /** The scope the report's figures are cut to (a unit report is a unit secretary's view). */
  scope: Scope;
}

export async function rootOrg(db: Queryable) {
  const [root] = await db.select().from(orgs).where(and(isNull(orgs.parentId), eq(orgs.status, 'active'))).orderBy(asc(orgs.id)).limit(1);
  if (!root) throw notFound('组织树尚未建立');
  return root;
}

/**
 * The org a report request touches, for the access check (plugins/auth.ts):
 * the `unitId` asked for, else the user's own default — their unit for a unit
 * secretary, the root for admin and viewer. The query here is already parsed
 * by the route's schema (a non-canonical `unitId` was refused with 400), and
 * it is the same value resolveTarget then reads.
 */
export async function reportAccessOrg(req: FastifyRequest, db: Queryable): Promise<number | null> {
  const unitId = (req.query as { unitId?: number } | undefined)?.unitId;
  if (unitId !== undefined) return unitId;
  if (req.user?.role === 'unit_secretary') return req.user.scopeOrgId;
  return (await rootOrg(db)).id;
}

/** The report's target: the unit asked for (or the secretary's own), else the commission. */
export async function resolveTarget(db: Queryable, scope: Scope, unitId: number | undefined): Promise<ReportTarget> {
  const root = await rootOrg(db);
  const wanted = unitId ?? (scope.all ? null : scope.unitId);
  if (wanted === null) {
    return {
      unitId: null, orgId: root.id, orgName: root.name, kind: root.kind, institutionName: null, institutionType: null,
      rootName: root.name, scope: { all: true, unitId: null, branchId: null },
    };
  }
  const [unit] = await db.select().from(orgs).where(eq(orgs.id, wanted));
  if (!unit || unit.status !== 'active' || unit.unitId !== unit.id) throw notFound('该组织不是直属单位党组织，无法生成单位报告');
  return {
    unitId: unit.id, orgId: unit.id, orgName: unit.name, kind: unit.kind, institutionName: unit.institutionName,
    institutionType: unit.institutionType, rootName: root.name, scope: { all: false, unitId: unit.id, branchId: null },
  };
}

/**
 * The report's subject as its title names it: 市卫生健康委直属机关 for the
 * commission (the committee's name without 党委), the unit organisation's
 * full name for a unit.
 */
export function subjectOf(t: ReportTarget): string {
  return t.unitId === null ? t.orgName.replace(/党委$/, '') : t.orgName;
}
