import { and, eq, inArray, or } from 'drizzle-orm';
import type { Queryable } from '../../db/index.js';
import { orgs } from '../../db/schema/index.js';

/** What the scores need of an org: its name, its unit (a unit's own org is its own unit) and its institution. */
export interface OrgInfo { id: number; name: string; unitId: number; institutionName: string | null; institutionType: 'hospital' | 'health_institution' | null }

/** The live orgs (of the given units only, when named: a unit's own org has unit_id null or its own id). */
export async function loadOrgInfo(db: Queryable, unitIds?: number[]): Promise<Map<number, OrgInfo>> {
  const mine = unitIds ? or(inArray(orgs.unitId, unitIds), inArray(orgs.id, unitIds)) : undefined;
  const rows = await db.select({ id: orgs.id, name: orgs.name, unitId: orgs.unitId, institutionName: orgs.institutionName, institutionType: orgs.institutionType })
    .from(orgs).where(and(eq(orgs.status, 'active'), mine)).orderBy(orgs.id);
  return new Map(rows.map((o) => [o.id, { ...o, unitId: o.unitId ?? o.id }]));
}

/** Every unit of the orgs (the root counts as a unit of its own: it holds no branch). */
export const unitsOf = (orgs: Map<number, OrgInfo>): number[] => [...new Set([...orgs.values()].map((o) => o.unitId))];
