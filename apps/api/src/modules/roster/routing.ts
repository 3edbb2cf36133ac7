import { and, eq } from 'drizzle-orm';
import { ORG_KIND_LABELS } from '@wj/domain';
import type { Queryable } from '../../db/index.js';
import { orgs } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../lib/errors.js';

export interface BranchRef { id: number; name: string }

/**
 * Where a file is imported: one 党支部 (every row goes there), or a unit
 * (each row goes to the branch its 所在党支部 names, among the unit's own).
 */
export interface RosterTarget {
  level: 'branch' | 'unit';
  /** The branch chosen, for a branch-level import. */
  branch?: BranchRef;
  unitId: number;
  unitName: string;
  institutionName: string | null;
  branches: BranchRef[];
}

function unitBranches(db: Queryable, unitId: number): Promise<BranchRef[]> {
  return db.select({ id: orgs.id, name: orgs.name }).from(orgs)
    .where(and(eq(orgs.unitId, unitId), eq(orgs.kind, 'branch'), eq(orgs.status, 'active'))).orderBy(orgs.sortOrder, orgs.id);
}

async function unitOf(db: Queryable, unitId: number | null) {
  if (unitId === null) return undefined;
  const [unit] = await db.select({ id: orgs.id, name: orgs.name, institutionName: orgs.institutionName }).from(orgs).where(eq(orgs.id, unitId));
  return unit;
}

export async function branchTarget(db: Queryable, branchId: number, branch: { name: string }): Promise<RosterTarget> {
  const [row] = await db.select({ unitId: orgs.unitId }).from(orgs).where(eq(orgs.id, branchId));
  const unit = await unitOf(db, row?.unitId ?? null);
  return {
    level: 'branch', branch: { id: branchId, name: branch.name }, unitId: unit?.id ?? branchId, unitName: unit?.name ?? branch.name,
    institutionName: unit?.institutionName ?? null, branches: unit ? await unitBranches(db, unit.id) : [{ id: branchId, name: branch.name }],
  };
}

/** A unit-level import: the org must be one of the commission's units (党委, 党总支 or a unit that is one 党支部). */
export async function unitTarget(db: Queryable, orgId: number): Promise<RosterTarget> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound(`组织（id=${orgId}）不存在`);
  if (org.unitId !== org.id || org.status !== 'active') {
    throw badRequest(`按单位导入只能选择单位党组织：${org.name}是${ORG_KIND_LABELS[org.kind]}，请选择其所在单位，或直接导入到该党支部`);
  }
  const branches = await unitBranches(db, org.id);
  if (branches.length === 0) throw badRequest(`${org.name}下没有党支部，无法导入党员`);
  return { level: 'unit', unitId: org.id, unitName: org.name, institutionName: org.institutionName, branches };
}

const squeeze = (s: string) => s.replace(/[\s\u3000]/g, '');
/** 党支部/支部, 党总支/总支 and a trailing 委员会 are the same organisation written two ways. */
const core = (s: string) => squeeze(s).replace(/委员会$/, '').replace(/党支部/g, '支部').replace(/党总支/g, '总支');

/**
 * The unit's name in the forms it is written before a branch: 市人民医院,
 * 市人民医院党委, 中共市人民医院委员会, 中共市人民医院总支部委员会 …
 */
function unitPrefixes(t: RosterTarget): string[] {
  const names = [t.institutionName, t.unitName].filter((n): n is string => !!n).map(squeeze);
  const out = new Set<string>();
  for (const n of names) {
    const base = n.replace(/^中共/, '');
    for (const suffix of ['委员会', '总支部委员会', '党委', '党总支', '总支', '']) out.add(`${base}${suffix}`);
  }
  return [...out].filter(Boolean).sort((a, b) => b.length - a.length);
}

/** Per target, once: the unit's prefixes and each branch under its written-either-way key (3,000 rows look these up). */
const lookups = new WeakMap<RosterTarget, { prefixes: string[]; byKey: Map<string, BranchRef[]> }>();
function lookupOf(t: RosterTarget) {
  let found = lookups.get(t);
  if (!found) {
    const byKey = new Map<string, BranchRef[]>();
    for (const b of t.branches) byKey.set(core(b.name), [...(byKey.get(core(b.name)) ?? []), b]);
    found = { prefixes: unitPrefixes(t), byKey };
    lookups.set(t, found);
  }
  return found;
}

/** The branch of the target that a 所在党支部 cell names, or why none. */
export function resolveBranch(t: RosterTarget, text: string): { branch: BranchRef } | { problem: string } {
  const { prefixes, byKey } = lookupOf(t);
  let s = squeeze(text).replace(/^中国共产党/, '').replace(/^中共/, '');
  for (const prefix of prefixes) {
    if (s.startsWith(prefix) && s.length > prefix.length) { s = s.slice(prefix.length); break; }
  }
  const matches = byKey.get(core(s)) ?? byKey.get(core(text)) ?? [];
  if (matches.length === 1) return { branch: matches[0]! };
  if (matches.length > 1) return { problem: `所在党支部“${text}”对应本单位多个党支部，请写出党支部全称` };
  return { problem: `所在党支部“${text}”不是${t.unitName}的党支部，请核对名称（本单位党支部：${t.branches.slice(0, 5).map((b) => b.name).join('、')}${t.branches.length > 5 ? ' 等' : ''}）` };
}
