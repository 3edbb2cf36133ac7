import type { Me } from '@wj/domain/schemas';

/** Where an org sits: itself, its parent and its unit (the unit-level org's id). */
export interface OrgPlace {
  id: number;
  parentId: number | null;
  unitId: number | null;
}

/**
 * Whether the user may change records of this org — the same scope the API
 * enforces (DESIGN.md, Users): admin everywhere; a unit secretary inside their
 * unit; a branch secretary their branch and its 党小组; the viewer nowhere.
 * The UI only hides what the API would refuse anyway.
 */
export function canWriteOrg(me: Me | undefined, org: OrgPlace): boolean {
  if (!me) return false;
  switch (me.role) {
    case 'admin':
      return true;
    case 'unit_secretary':
      return me.scopeOrgId !== null && org.unitId === me.scopeOrgId;
    case 'branch_secretary':
      return me.scopeOrgId !== null && (org.id === me.scopeOrgId || org.parentId === me.scopeOrgId);
    default:
      return false;
  }
}

/** The org structure and unit records are the unit's business, not the branch secretary's. */
export function canManageUnit(me: Me | undefined, org: OrgPlace): boolean {
  return (me?.role === 'admin' || me?.role === 'unit_secretary') && canWriteOrg(me, org);
}
