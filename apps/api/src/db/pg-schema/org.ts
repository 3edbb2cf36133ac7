import { pgTable, integer, text, index, primaryKey, type AnyPgColumn } from 'drizzle-orm/pg-core';
import type { BranchCategory, InstitutionType, OrgKind, OrgStatus } from '@wj/domain';

/**
 * The organisation is one tree: the commission committee at the root, unit-level
 * organisations (党委 / 党总支 / a unit that is one 党支部) under it, branches
 * below those and optionally 党小组. `unitId` points every node at its unit-level
 * ancestor (a unit points at itself) so that scope checks are one comparison.
 */
export const orgs = pgTable('orgs', {
  id: integer().primaryKey().generatedByDefaultAsIdentity(),
  parentId: integer().references((): AnyPgColumn => orgs.id),
  unitId: integer().references((): AnyPgColumn => orgs.id),
  kind: text().$type<OrgKind>().notNull(),
  name: text().notNull(),
  /** Unit level only: the institution behind the organisation, e.g. 市人民医院. */
  institutionName: text(),
  institutionType: text().$type<InstitutionType>(),
  /** Branch level only: which staff the branch is made of, and its department. */
  branchCategory: text().$type<BranchCategory>(),
  department: text(),
  foundedDate: text(),
  status: text().$type<OrgStatus>().notNull().default('active'),
  dissolvedDate: text(),
  sortOrder: integer().notNull().default(0),
  version: integer().notNull().default(1),
  updatedAt: text().notNull(),
  updatedBy: text(),
}, (t) => [index('orgs_parent_idx').on(t.parentId), index('orgs_unit_idx').on(t.unitId), index('orgs_kind_idx').on(t.kind)]);
