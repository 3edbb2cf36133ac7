import { and, desc, eq, isNull } from 'drizzle-orm';
import type { CommitteeView, OrgDetail, OrgTreeNode } from '@wj/domain/schemas';
import type { Scope } from '../../auth/scope.js';
import type { Queryable } from '../../db/index.js';
import { committeeMembers, committees, members } from '../../db/schema/index.js';
import { notFound } from '../../lib/errors.js';
import { OrgTreeNodeSchema, OrgTreeSchema } from '@wj/domain/schemas';
import { keptFromJson, type KeptJson } from '../../lib/kept-json.js';
import { derivedFromTree, loadOrgIndex, pathTo, type OrgIndex, type OrgRow } from './org-index.js';

function base(index: OrgIndex, r: OrgRow) {
  return {
    id: r.id, parentId: r.parentId, unitId: r.unitId, kind: r.kind, name: r.name,
    institutionName: r.institutionName, institutionType: r.institutionType,
    branchCategory: r.branchCategory, department: r.department,
    counts: index.counts.get(r.id) ?? { branches: 0, members: 0, inService: 0, retired: 0 },
  };
}

/** The whole tree as one object (what treeJsonInSlices serializes; its test compares the two). */
export function treeOf(index: OrgIndex): OrgTreeNode | null {
  if (!index.root) return null;
  const build = (r: OrgRow): OrgTreeNode => ({ ...base(index, r), children: (index.children.get(r.id) ?? []).map(build) });
  return build(index.root);
}

/** The tree's answer, serialized once per tree version and scope (it is megabytes at province size). */
export async function orgTreeBody(db: Queryable, scope: Scope): Promise<KeptJson> {
  const body = await derivedFromTree(db, scope, 'tree-body', async (index): Promise<KeptJson | null> => {
    const json = await treeJsonInSlices(index);
    return json === null ? null : keptFromJson(json);
  });
  if (!body) throw notFound('组织架构为空，请先导入组织数据');
  return body;
}

/** The longest the tree's serialization runs before it lets the event loop go on. */
const SLICE_MS = 10;

/**
 * The same JSON as keptJson(OrgTreeSchema, { root: treeOf(index) }) — each
 * node checked against its schema, then serialized — made one subtree of the
 * root's children at a time, the event loop free whenever SLICE_MS have
 * passed: at 100× the whole tree (16,757 orgs, 4.5 MB) held the loop some
 * 450 ms in one go on the first request after a write. `children` is the
 * node schema's last key, so the root's own JSON ends in an empty list the
 * parts go into (test/routes/org-tree-json.test.ts compares the two byte for byte).
 */
export async function treeJsonInSlices(index: OrgIndex): Promise<string | null> {
  const root = index.root;
  if (!root) return null;
  const build = (r: OrgRow): OrgTreeNode => ({ ...base(index, r), children: (index.children.get(r.id) ?? []).map(build) });
  const head = JSON.stringify(OrgTreeSchema.parse({ root: { ...base(index, root), children: [] } }));
  const EMPTY = '[]}}';
  if (!head.endsWith(EMPTY)) throw new Error('org tree JSON: children is no longer the last key of a node');
  const parts: string[] = [];
  let since = performance.now();
  for (const child of index.children.get(root.id) ?? []) {
    parts.push(JSON.stringify(OrgTreeNodeSchema.parse(build(child))));
    if (performance.now() - since >= SLICE_MS) {
      await new Promise((r) => setImmediate(r));
      since = performance.now();
    }
  }
  return `${head.slice(0, -EMPTY.length)}[${parts.join(',')}]}}`;
}

/** The current committee of a branch: the newest election not yet ended. */
export async function currentCommittee(db: Queryable, orgId: number): Promise<CommitteeView | null> {
  const [c] = await db.select().from(committees)
    .where(and(eq(committees.orgId, orgId), isNull(committees.endedDate)))
    .orderBy(desc(committees.electedDate), desc(committees.id)).limit(1);
  if (!c) return null;
  const rows = await db
    .select({
      memberId: committeeMembers.memberId, role: committeeMembers.role, fullTime: committeeMembers.fullTime,
      otherPosts: committeeMembers.otherPosts, name: members.name, birthDate: members.birthDate,
      titleLevel: members.titleLevel, isDeptHead: members.isDeptHead,
    })
    .from(committeeMembers)
    .innerJoin(members, eq(members.id, committeeMembers.memberId))
    .where(eq(committeeMembers.committeeId, c.id))
    .orderBy(committeeMembers.id);
  const [y, m, d] = c.electedDate.split('-');
  return {
    id: c.id, electedDate: c.electedDate, termYears: c.termYears,
    termEndsOn: `${Number(y) + c.termYears}-${m}-${d}`,
    members: rows,
  };
}

export async function orgDetail(db: Queryable, id: number, scope: Scope): Promise<OrgDetail> {
  const index = await loadOrgIndex(db, scope);
  const r = index.byId.get(id);
  if (!r) throw notFound(`组织（id=${id}）不存在`);
  return {
    ...base(index, r),
    foundedDate: r.foundedDate, status: r.status, version: r.version,
    path: pathTo(index, id).map((p) => ({ id: p.id, name: p.name, kind: p.kind })),
    children: (index.children.get(id) ?? []).map((c) => base(index, c)),
    committee: r.kind === 'branch' ? await currentCommittee(db, id) : null,
  };
}
