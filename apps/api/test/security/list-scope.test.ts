import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rawRows } from '../../src/db/raw.js';
import { inScopeOf, okJson as json, SCOPED_CALLERS as CALLERS, scopedClients, scopeUser, type Scoped } from '../helpers/scoped.js';

/**
 * A status code says nothing about what a list contains. For every list and
 * export route, as each scoped role, every returned row must lie in the
 * caller's scope — worked out here from the raw tables, not by the API's
 * scope code — and nothing in scope may be missing.
 */
const { ctx, client } = scopedClients();

interface OrgRow { id: number; parent_id: number | null; unit_id: number | null; kind: string; status: string }

/** The orgs a caller may see, from the tables: a unit's whole sub-tree, or one branch with its 党小组. */
async function scopeOf(username: Scoped) {
  const user = await scopeUser(ctx(), username);
  const all = await rawRows<OrgRow>(ctx().db, 'select id, parent_id, unit_id, kind, status from orgs order by id');
  const orgs = new Set(all.filter(inScopeOf(user)).map((o) => o.id));
  const memberIds = new Set((await rawRows<{ id: number }>(ctx().db, `select id from members where status = 'active' and org_id in (${[...orgs].join(',')})`)).map((m) => m.id));
  const names = (await rawRows<{ name: string }>(ctx().db, `select name from members where status = 'active' and org_id in (${[...orgs].join(',')}) order by id`)).map((m) => m.name);
  return { user, orgs, memberIds, names, all };
}

interface TreeNode { id: number; children: TreeNode[] }
const flatten = (n: TreeNode): TreeNode[] => [n, ...n.children.flatMap(flatten)];

describe.each(CALLERS)('rows returned to %s', (caller) => {
  it('the org tree holds only the scope and the path down to it', async () => {
    const { orgs, all } = await scopeOf(caller);
    const { root } = await json<{ root: TreeNode }>(client(caller), '/api/orgs/tree');
    const nodes = flatten(root);
    const outside = nodes.filter((n) => !orgs.has(n.id));
    // Nodes outside the scope may only be ancestors of it (the root, a branch secretary's unit), never a sibling.
    const parentOf = new Map(all.map((o) => [o.id, o.parent_id]));
    const ancestors = new Set<number>();
    for (const id of orgs) for (let p = parentOf.get(id); p != null; p = parentOf.get(p)) ancestors.add(p);
    expect(outside.filter((n) => !ancestors.has(n.id)).map((n) => n.id)).toEqual([]);
    expect(nodes.filter((n) => orgs.has(n.id)).length).toBeGreaterThan(0);
  });

  it('quality lists, the gap catalogue and the dashboard name only orgs in scope', async () => {
    const { orgs } = await scopeOf(caller);
    const c = client(caller);
    const branches = await json<{ items: { orgId: number }[] }>(c, '/api/quality/branches');
    const units = await json<{ items: { orgId: number }[] }>(c, '/api/quality/units');
    const gaps = await json<{ items: { orgs: { orgId: number }[] }[] }>(c, '/api/quality/gaps');
    const dash = await json<{ unitRanking: { orgId: number }[] }>(c, '/api/quality/dashboard');
    const named = [
      ...branches.items.map((b) => b.orgId), ...units.items.map((u) => u.orgId), ...gaps.items.flatMap((g) => g.orgs.map((o) => o.orgId)),
      ...dash.unitRanking.map((u) => u.orgId),
    ];
    expect(named.filter((id) => !orgs.has(id))).toEqual([]);
    expect(branches.items.length).toBeGreaterThan(0);
  });

  it('the member list of its own top org pages through exactly its members', async () => {
    const { user, orgs, memberIds } = await scopeOf(caller);
    const c = client(caller);
    const seen: number[] = [];
    for (let page = 1; page < 100; page++) {
      const res = await json<{ items: { id: number; orgId: number }[]; total: number }>(c, `/api/orgs/${user.org}/members?pageSize=200&page=${page}`);
      seen.push(...res.items.map((m) => m.id));
      expect(res.items.filter((m) => !orgs.has(m.orgId))).toEqual([]);
      if (seen.length >= res.total || res.items.length === 0) break;
    }
    expect(seen.filter((id) => !memberIds.has(id))).toEqual([]);
    expect(new Set(seen).size).toBe(memberIds.size);
  });

  it('the roster exports hold exactly the members in scope', async () => {
    const { user, names } = await scopeOf(caller);
    const c = client(caller);
    const urls = [`/api/orgs/${user.org}/roster/export`, ...(user.role === 'unit_secretary' ? ['/api/reports/roster.xlsx'] : [])];
    for (const url of urls) {
      const res = await c(url);
      expect(res.statusCode, url).toBe(200);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const sheet = book.worksheets[0]!;
      let nameCol = 0, headerRow = 0;
      sheet.eachRow((row, r) => row.eachCell((cell, col) => { if (!headerRow && String(cell.value).trim() === '姓名') { nameCol = col; headerRow = r; } }));
      expect(nameCol, `${url}: no 姓名 column`).toBeGreaterThan(0);
      const exported: string[] = [];
      sheet.eachRow((row, r) => { if (r > headerRow && row.getCell(nameCol).value) exported.push(String(row.getCell(nameCol).value)); });
      expect(exported.slice().sort(), url).toEqual(names.slice().sort());
    }
  });
});
