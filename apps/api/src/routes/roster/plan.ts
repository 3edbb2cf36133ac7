import { eq, inArray } from 'drizzle-orm';
import { MEMBER_STATUS_LABELS } from '@wj/domain';
import {
  ID_NUMBER_TAKEN_ELSEWHERE, MemberInputSchema, ROSTER_COLUMNS, type MemberInput, type RosterReport, type RosterRow,
} from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Queryable } from '../../db/index.js';
import { members, orgs } from '../../db/schema/index.js';
import { takenMessageFor, type MemberRow } from '../members/rules.js';
import { parseCell } from './cells.js';
import type { SheetRow } from './read-workbook.js';

/** What importing one row would do: the report row plus what to write. */
export interface PlannedRow extends RosterRow {
  /** The 公民身份号码 as written (upper-cased), even when the row is otherwise invalid. */
  idText: string | null;
  input?: MemberInput;
  existing?: MemberRow;
}

const headerOf = new Map<string, string>(ROSTER_COLUMNS.map((c) => [c.field, c.header]));
const ID_HEADER = headerOf.get('idNumber')!;

/** One row on its own: each cell read, then the same schema the member form uses. */
function checkRow(row: SheetRow): PlannedRow {
  const problems: RosterRow['problems'] = [];
  const values: Record<string, unknown> = {};
  for (const [col, raw] of row.cells) {
    const parsed = parseCell(col, raw);
    if ('problem' in parsed) problems.push({ column: col.header, message: parsed.problem });
    else values[col.field] = parsed.value;
  }
  const badColumns = new Set(problems.map((p) => p.column));
  const result = MemberInputSchema.safeParse(values);
  if (!result.success) {
    for (const issue of result.error.issues) {
      const field = String(issue.path[0] ?? '');
      const column = headerOf.get(field) ?? field;
      // A cell that could not be read already has its problem; the schema's "请填写…" would only repeat it.
      if (badColumns.has(column) || problems.some((p) => p.column === column && p.message === issue.message)) continue;
      problems.push({ column, message: issue.message });
    }
  }
  const name = typeof values.name === 'string' ? values.name : null;
  const idText = typeof values.idNumber === 'string' ? values.idNumber.trim().toUpperCase() : null;
  return { rowNumber: row.rowNumber, action: 'error', name, problems, changes: [], idText, ...(result.success ? { input: result.data } : {}) };
}

function holders(db: Queryable, ids: string[]) {
  const out = new Map<string, MemberRow & { orgName: string }>();
  // Chunked: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = db.select({ m: members, orgName: orgs.name }).from(members).innerJoin(orgs, eq(orgs.id, members.orgId))
      .where(inArray(members.idNumber, ids.slice(i, i + 500))).all();
    for (const r of rows) out.set(r.m.idNumber, { ...r.m, orgName: r.orgName });
  }
  return out;
}

/** Columns whose value in the file differs from the stored member. */
function changedColumns(existing: MemberRow, input: MemberInput): string[] {
  return ROSTER_COLUMNS.filter((c) => (existing[c.field] ?? null) !== (input[c.field] ?? null)).map((c) => c.header);
}

/**
 * Plans the import of `rows` into branch `branchId`: every row gets 'create',
 * 'update' (matched by 公民身份号码 to a member of this branch) or 'error' with
 * all its problems, so the user can fix the whole file in one pass. A number
 * held outside `user`'s scope is reported without naming its holder.
 */
export function planRoster(db: Queryable, branchId: number, rows: SheetRow[], user: SessionUser): PlannedRow[] {
  const planned = rows.map(checkRow);

  // The same 公民身份号码 twice in the file: every row involved is named (even rows wrong in other ways).
  const seen = new Map<string, number[]>();
  for (const p of planned) if (p.idText) seen.set(p.idText, [...(seen.get(p.idText) ?? []), p.rowNumber]);
  for (const p of planned) {
    const same = p.idText ? seen.get(p.idText)!.filter((n) => n !== p.rowNumber) : [];
    if (same.length) p.problems.push({ column: ID_HEADER, message: `公民身份号码与第 ${same.join('、')} 行重复` });
  }

  const byIdNumber = holders(db, [...seen.keys()]);
  for (const p of planned) {
    const holder = p.idText ? byIdNumber.get(p.idText) : undefined;
    if (!holder) continue;
    if (holder.orgId !== branchId) {
      const message = takenMessageFor(db, user, holder);
      p.problems.push({ column: ID_HEADER, message: message === ID_NUMBER_TAKEN_ELSEWHERE ? message : `${message}，请先办理组织关系转接` });
    } else if (holder.status !== 'active') {
      p.problems.push({ column: ID_HEADER, message: `该党员已于 ${holder.leftDate ?? '此前'} ${MEMBER_STATUS_LABELS[holder.status]}，不能通过导入恢复` });
    } else {
      p.existing = holder;
    }
  }

  for (const p of planned) {
    if (p.problems.length) { p.action = 'error'; continue; }
    p.action = p.existing ? 'update' : 'create';
    if (p.existing) p.changes = changedColumns(p.existing, p.input!);
  }
  return planned;
}

export function reportOf(planned: PlannedRow[]): RosterReport {
  const rows = planned.map(({ rowNumber, action, name, problems, changes }): RosterRow => ({ rowNumber, action, name, problems, changes }));
  const count = (a: RosterRow['action']) => rows.filter((r) => r.action === a).length;
  return {
    rows,
    summary: {
      create: count('create'), update: count('update'), error: count('error'),
      unchanged: rows.filter((r) => r.action === 'update' && r.changes.length === 0).length,
    },
  };
}
