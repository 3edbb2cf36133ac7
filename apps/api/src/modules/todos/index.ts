import { eq } from 'drizzle-orm';
import { branchTodos, unitTodos, type TodoItem, type TodoItemView, type TodoList } from '@wj/domain/quality';
import { todayIso } from '@wj/domain/schemas';
import type { Scope } from '../../auth/scope.js';
import type { Db } from '../../db/index.js';
import { orgs } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../lib/errors.js';
import { checkAudit, type AuditStamp } from '../quality/audit-head.js';
import { currentRules } from '../quality/rules-store.js';
import { loadTodoFacts } from './facts.js';

/**
 * The 待办 of a scope (GET /api/todos): a branch secretary's branch; a unit
 * secretary's unit (its own items and its branches'); for the commission the
 * overdue items of every unit, or one unit's whole list when `unitId` drills
 * down. Computed by the domain's branchTodos/unitTodos from the score's own
 * facts and rules; kept per (scope, as-of, rule version) until the next
 * write (the audit log's head, quality/audit-head.ts).
 */
export async function todosFor(db: Db, scope: Scope, q: { unitId?: number; asOf?: string }): Promise<TodoList> {
  const asOf = q.asOf ?? todayIso();
  const rules = await currentRules(db);
  const key = `${scope.all}|${scope.unitId}|${scope.branchId}|${q.unitId ?? ''}|${asOf}|${rules.version}`;
  const memo = memoOf(db);
  const hit = memo.get(key);
  // Read before the records: a write landing in between shows in the next check, so the list is recomputed then.
  const check = await checkAudit(db, hit?.stamp ?? null);
  if (hit && check.same) return hit.list;
  const list = await compute(db, scope, q.unitId, asOf, rules.rules);
  if (!hit && memo.size > 64) memo.clear();
  memo.set(key, { list, stamp: check.stamp });
  return list;
}

async function compute(db: Db, scope: Scope, drill: number | undefined, asOf: string, rules: Awaited<ReturnType<typeof currentRules>>['rules']): Promise<TodoList> {
  const year = Number(asOf.slice(0, 4));
  let unitIds: number[] | undefined;
  let only: number | null = null;
  let level: TodoList['scope'];
  if (scope.branchId !== null && !scope.all) {
    const [b] = await db.select({ unitId: orgs.unitId }).from(orgs).where(eq(orgs.id, scope.branchId));
    if (!b) throw notFound('所属支部不存在');
    unitIds = [b.unitId ?? scope.branchId];
    only = scope.branchId;
    level = 'branch';
  } else if (scope.unitId !== null && !scope.all) {
    unitIds = [scope.unitId];
    level = 'unit';
  } else if (drill !== undefined) {
    const [u] = await db.select({ id: orgs.id, unitId: orgs.unitId }).from(orgs).where(eq(orgs.id, drill));
    if (!u) throw notFound(`组织（id=${drill}）不存在`);
    if (u.unitId !== u.id) throw badRequest('unitId 应为直属单位党组织', [{ field: 'unitId', message: '该组织不是直属单位党组织' }]);
    unitIds = [drill];
    level = 'unit';
  } else {
    level = 'commission';
  }

  const facts = await loadTodoFacts(db, year, unitIds);
  const names = new Map<number, string>([...facts.units.map((u) => [u.orgId, u.name] as const), ...facts.branches.map((b) => [b.orgId, b.name] as const)]);
  const byUnit = new Map<number, TodoItem[]>();
  const add = (unitId: number, items: TodoItem[]) => byUnit.set(unitId, [...(byUnit.get(unitId) ?? []), ...items]);
  for (const b of facts.branches) {
    if (only !== null && b.orgId !== only) continue;
    add(b.unitId, branchTodos(b, rules, { asOf }));
  }
  if (level !== 'branch') for (const u of facts.units) add(u.orgId, unitTodos(u, rules, { asOf }));

  const units = [...byUnit.entries()].map(([unitId, all]) => {
    const items = (level === 'commission' ? all.filter((i) => i.status === 'overdue') : all)
      .sort((a, b) => (a.status === b.status ? a.dueDate.localeCompare(b.dueDate) || a.key.localeCompare(b.key) : a.status === 'overdue' ? -1 : 1))
      .map((i): TodoItemView => ({ ...i, orgName: names.get(i.orgId) ?? '' }));
    return { unitId, unitName: names.get(unitId) ?? '', count: items.length, overdue: items.filter((i) => i.status === 'overdue').length, items };
  }).filter((g) => g.count > 0 || level !== 'commission')
    .sort((a, b) => b.overdue - a.overdue || a.unitName.localeCompare(b.unitName, 'zh'));
  return {
    asOf, scope: level,
    count: units.reduce((n, g) => n + g.count, 0),
    overdue: units.reduce((n, g) => n + g.overdue, 0),
    units,
  };
}

type Memo = Map<string, { list: TodoList; stamp: AuditStamp }>;
const memos = new WeakMap<Db, Memo>();
function memoOf(db: Db): Memo {
  let m = memos.get(db);
  if (!m) memos.set(db, (m = new Map()));
  return m;
}
