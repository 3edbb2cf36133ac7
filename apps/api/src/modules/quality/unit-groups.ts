import type { BranchScore, UnitScore } from '@wj/domain/quality';
import type { OrgInfo } from './org-info.js';

/**
 * One unit's share of a year's scores: the unit's own score (null when the
 * unit itself was not scored) and its branches, in org-id order. A refresh
 * after a write replaces the groups of the units it recomputed and keeps the
 * others as they were — the same objects — so whatever is derived from one
 * group (unit-parts.ts) is computed once and reused until that unit changes.
 */
export interface UnitGroup {
  unitId: number;
  unit: UnitScore | null;
  branches: BranchScore[];
}

/** Groups scores by the unit their org belongs to (ys.orgs); scores of orgs not in `orgs` are left out, as visible() leaves them out. */
export function groupByUnit(branches: BranchScore[], units: UnitScore[], orgs: Map<number, OrgInfo>): Map<number, UnitGroup> {
  const groups = new Map<number, UnitGroup>();
  const group = (unitId: number) => {
    let g = groups.get(unitId);
    if (!g) groups.set(unitId, (g = { unitId, unit: null, branches: [] }));
    return g;
  };
  for (const u of units) {
    const o = orgs.get(u.orgId);
    if (o) group(o.unitId).unit = u;
  }
  for (const b of branches) {
    const o = orgs.get(b.orgId);
    if (o) group(o.unitId).branches.push(b);
  }
  for (const g of groups.values()) g.branches.sort((a, b) => a.orgId - b.orgId);
  return groups;
}

/** The groups in unit-id order: the order the dashboard lists units in. */
export const groupsInOrder = (groups: Map<number, UnitGroup>): UnitGroup[] => [...groups.values()].sort((a, b) => a.unitId - b.unitId);
