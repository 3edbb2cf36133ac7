import type { BranchCategory } from '@wj/domain';
import { ymd } from './dates.js';
import type { Rng } from './rng.js';
import type { BranchCtx, GenCtx, OrgRow, UnitCtx } from './types.js';
import { UNIT_SPECS, type BranchSpec, type UnitSpec } from './units.js';

/**
 * One copy of the 12-unit commission: unit orgs, their branches (with planned
 * member counts that add up to the survey's totals exactly) and a few 党小组.
 */

/** 《中国共产党支部工作条例（试行）》第五条: a branch has 3–50 members; more is "oversized". */
const NORMAL_MIN = 8;
const NORMAL_MAX = 42;
/** Room left for retirees spilling into a mixed branch without passing 50. */
const MIXED_MAX_TOTAL = 48;
const RETIRED_BRANCH_CAP: [number, number] = [40, 47];

export function buildOrgTree(ctx: GenCtx, rng: Rng, rootId: number, copy: number): UnitCtx[] {
  const suffix = copy === 0 ? '' : `（第${copy + 1}组）`;
  const plan = planSpecials(rng);
  const units: UnitCtx[] = [];
  UNIT_SPECS.forEach((spec, u) => {
    const institutionName = spec.institutionName + suffix;
    const id = ctx.nextId('orgs');
    const unit: UnitCtx = {
      id, copy, spec, institutionName, name: spec.orgName.replace('{inst}', institutionName), branches: [], problems: new Set(),
    };
    const urng = rng.fork('unit', u);
    const unitRow = orgRow(ctx, {
      id, parentId: rootId, unitId: id, kind: spec.kind, name: unit.name, institutionName,
      institutionType: spec.institutionType, foundedDate: ymd(spec.foundedYear, urng.int(1, 12), urng.int(1, 28)),
      sortOrder: copy * UNIT_SPECS.length + u + 1,
    });
    ctx.data.orgs.push(unitRow);
    if (spec.kind === 'branch') {
      const category: BranchCategory = spec.retired > 0 ? 'mixed' : 'in_service';
      unitRow.branchCategory = category;
      unitRow.department = spec.department ?? null;
      unit.branches.push(branchCtx(unit, id, unit.name, spec.department ?? '', spec.deptKind ?? 'admin', category,
        unitRow.foundedDate!, spec.inService, spec.retired));
    } else {
      planUnitBranches(ctx, urng, unit, plan.oversized.get(u), plan.small.get(u) ?? new Set());
    }
    units.push(unit);
  });
  addPartyGroups(ctx, rng, units);
  return units;
}

/** Which branches are oversized (the seeded problem) and which are tiny (3–6 members, no 支委会). */
function planSpecials(rng: Rng): { oversized: Map<number, number>; small: Map<number, Set<number>> } {
  const big = UNIT_SPECS.flatMap((s, u) => (s.kind === 'party_committee' && s.inService >= 300 ? [u] : []));
  const oversized = new Map<number, number>();
  for (const u of rng.sample(big, rng.int(1, 2))) {
    const spec = UNIT_SPECS[u]!;
    const clinical = spec.branches.flatMap((br, i) => (br.deptKind === 'clinical' || br.deptKind === 'nursing' ? [i] : []));
    oversized.set(u, rng.pick(clinical));
  }
  const candidates = UNIT_SPECS.flatMap((s, u) =>
    s.branches.length >= 7 ? s.branches.flatMap((br, i) => (isSmallCandidate(br) && oversized.get(u) !== i ? [[u, i] as const] : [])) : []);
  const small = new Map<number, Set<number>>();
  for (const [u, i] of rng.sample(candidates, rng.int(4, 7))) {
    const set = small.get(u) ?? new Set<number>();
    if (set.size === 0) small.set(u, set.add(i)); // at most one tiny branch per unit
  }
  return { oversized, small };
}

function isSmallCandidate(br: BranchSpec): boolean {
  return br.deptKind !== 'nursing' && (br.weight ?? 1) <= 1;
}

function planUnitBranches(ctx: GenCtx, rng: Rng, unit: UnitCtx, oversizedIdx: number | undefined, small: Set<number>): void {
  const spec = unit.spec;
  const inService = partition(rng, spec, oversizedIdx, small);
  const { retiredSizes, spill } = planRetired(rng, spec);
  const retiredHere = spreadSpill(rng, inService, spill, (i) => !small.has(i) && i !== oversizedIdx);
  spec.branches.forEach((br, i) => {
    const category: BranchCategory = retiredHere[i]! > 0 ? 'mixed' : 'in_service';
    addBranch(ctx, rng, unit, br.name, br.department, br.deptKind, category, inService[i]!, retiredHere[i]!);
  });
  retiredSizes.forEach((size, i) => {
    const name = retiredSizes.length === 1 ? '离退休党支部' : `离退休第${i === 0 ? '一' : '二'}党支部`;
    addBranch(ctx, rng, unit, name, '离退休工作办公室', 'clinical', 'retired', 0, size);
  });
}

/** In-service members per branch: fixed sizes for the tiny and oversized ones, the rest weighted within 8–42. */
function partition(rng: Rng, spec: UnitSpec, oversizedIdx: number | undefined, small: Set<number>): number[] {
  const sizes = spec.branches.map(() => 0);
  let rest = spec.inService;
  const free: number[] = [];
  spec.branches.forEach((_, i) => {
    if (i === oversizedIdx) sizes[i] = rng.int(52, 58);
    else if (small.has(i)) sizes[i] = rng.int(3, 6);
    else free.push(i);
    rest -= sizes[i]!;
  });
  if (rest < NORMAL_MIN * free.length || rest > NORMAL_MAX * free.length) {
    throw new Error(`cannot split ${spec.inService} members of ${spec.institutionName} over its branches`);
  }
  const weights = free.map((i) => (spec.branches[i]!.weight ?? 1) * rng.real(0.35, 1.9));
  const wsum = weights.reduce((a, w) => a + w, 0);
  const room = rest - NORMAL_MIN * free.length;
  free.forEach((i, k) => {
    sizes[i] = NORMAL_MIN + Math.min(NORMAL_MAX - NORMAL_MIN, Math.floor((room * weights[k]!) / wsum));
  });
  let left = spec.inService - sizes.reduce((a, s) => a + s, 0);
  while (left > 0) {
    const i = rng.pick(free);
    if (sizes[i]! < NORMAL_MAX) { sizes[i]!++; left--; }
  }
  return sizes;
}

/** Retirees: most in 离退休党支部, about a tenth stay in their old department's (mixed) branch. */
function planRetired(rng: Rng, spec: UnitSpec): { retiredSizes: number[]; spill: number } {
  if (spec.retiredBranches === 0) return { retiredSizes: [], spill: spec.retired };
  const caps = Array.from({ length: spec.retiredBranches }, () => rng.int(...RETIRED_BRANCH_CAP));
  const inBranches = Math.min(spec.retired - Math.ceil(spec.retired * 0.1), caps.reduce((a, c) => a + c, 0));
  const sizes = caps.length === 1 ? [inBranches] : [Math.ceil(inBranches / 2) + rng.int(0, 3), 0];
  if (sizes.length === 2) sizes[1] = inBranches - sizes[0]!;
  return { retiredSizes: sizes, spill: spec.retired - inBranches };
}

function spreadSpill(rng: Rng, inService: number[], spill: number, eligible: (i: number) => boolean): number[] {
  const out = inService.map(() => 0);
  const cands = rng.shuffle(inService.flatMap((s, i) => (eligible(i) && s < MIXED_MAX_TOTAL - 1 ? [i] : [])));
  const chosen = cands.slice(0, Math.max(1, Math.min(cands.length, Math.ceil(spill / 4))));
  let left = spill;
  for (let guard = 0; left > 0 && guard < 100_000; guard++) {
    const i = rng.pick(chosen);
    if (inService[i]! + out[i]! < MIXED_MAX_TOTAL && out[i]! < 8) { out[i]!++; left--; }
  }
  if (left > 0) throw new Error('no room for retired members in mixed branches');
  return out;
}

function addBranch(ctx: GenCtx, rng: Rng, unit: UnitCtx, name: string, department: string, deptKind: BranchCtx['deptKind'],
  category: BranchCategory, inService: number, retired: number): void {
  const id = ctx.nextId('orgs');
  // Every branch predates the records, so each one owes a full year of 组织生活 in both demo years.
  const foundedDate = ymd(rng.int(Math.max(unit.spec.foundedYear, 1998), 2021), rng.int(1, 12), rng.int(1, 28));
  ctx.data.orgs.push(orgRow(ctx, {
    id, parentId: unit.id, unitId: unit.id, kind: 'branch', name, branchCategory: category, department, foundedDate,
    sortOrder: unit.branches.length + 1,
  }));
  unit.branches.push(branchCtx(unit, id, name, department, deptKind, category, foundedDate, inService, retired));
}

/** 党小组 under the biggest branches of the copy (支部工作条例第二章: 党员人数较多的党支部可划分党小组). */
function addPartyGroups(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  const all = units.flatMap((u) => u.branches).filter((br) => br.id !== br.unit.id);
  const biggest = all.slice().sort((a, b) => total(b) - total(a) || a.id - b.id).slice(0, 5);
  const names = ['第一党小组', '第二党小组', '第三党小组'];
  for (const br of biggest) {
    const count = total(br) >= 45 ? 3 : rng.int(2, 3);
    for (let g = 0; g < count; g++) {
      const id = ctx.nextId('orgs');
      ctx.data.orgs.push(orgRow(ctx, {
        id, parentId: br.id, unitId: br.unit.id, kind: 'party_group', name: names[g]!, department: br.department,
        foundedDate: ymd(2022, rng.int(1, 12), rng.int(1, 28)), sortOrder: g + 1,
      }));
      br.groupIds.push(id);
    }
  }
}

const total = (br: BranchCtx) => br.plannedInService + br.plannedRetired;

function branchCtx(unit: UnitCtx, id: number, name: string, department: string, deptKind: BranchCtx['deptKind'],
  category: BranchCategory, foundedDate: string, plannedInService: number, plannedRetired: number): BranchCtx {
  return {
    id, unit, name, department, deptKind, category, foundedDate, plannedInService, plannedRetired,
    groupIds: [], problems: new Set(), members: [], committee: null,
  };
}

type OrgInput = Pick<OrgRow, 'id' | 'name' | 'kind'> & Partial<OrgRow>;

export function orgRow(ctx: GenCtx, o: OrgInput): OrgRow {
  return {
    parentId: null, unitId: null, institutionName: null, institutionType: null, branchCategory: null, department: null,
    foundedDate: null, status: 'active', dissolvedDate: null, sortOrder: 0, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
    ...o,
  };
}
