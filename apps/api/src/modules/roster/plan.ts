import { eq, inArray } from 'drizzle-orm';
import { MEMBER_STATUS_LABELS } from '@wj/domain';
import {
  ID_NUMBER_TAKEN_ELSEWHERE, ROSTER_COLUMNS, type RosterColumn, type RosterField, type RosterInput, type RosterProblem,
  type RosterReport, type RosterRow,
} from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Queryable } from '../../db/index.js';
import { members, orgs } from '../../db/schema/index.js';
import { takenMessageFor, type MemberRow } from '../members/rules.js';
import type { SheetRow } from './read-workbook.js';
import { resolveBranch, type BranchRef, type RosterTarget } from './routing.js';
import { completeValues, headerOf, readRow, rowNotes, validate, type ReadRow } from './row-values.js';

/** What importing one row would do: the report row plus what to write. */
export interface PlannedRow extends RosterRow {
  /** The 公民身份号码 as written (upper-cased), even when the row is otherwise invalid. */
  idText: string | null;
  branchId: number | null;
  input?: RosterInput;
  existing?: MemberRow;
  read: ReadRow;
}

const ID_HEADER = headerOf('idNumber');
const BRANCH_HEADER = headerOf('branch');
const NAME_HEADER = headerOf('name');

/** The branch a row goes to: the one chosen, or (at unit level) the one its 所在党支部 names. */
function route(target: RosterTarget, text: string | null): { branch?: BranchRef; problem?: string } {
  if (text === null) {
    return target.branch ? { branch: target.branch } : { problem: '请填写所在党支部：按单位导入时，每行按此列分到本单位的党支部' };
  }
  const found = resolveBranch(target, text);
  if ('problem' in found) return { problem: found.problem };
  if (target.branch && found.branch.id !== target.branch.id) {
    return { problem: `所在党支部为“${text}”，不是所选的${target.branch.name}；请核对，或在单位层级导入以按所在党支部分配` };
  }
  return { branch: found.branch };
}

function firstPass(target: RosterTarget, row: SheetRow): PlannedRow {
  const read = readRow(row);
  const problems = [...read.problems];
  const routed = route(target, read.branchText);
  if (routed.problem) problems.push({ column: BRANCH_HEADER, message: routed.problem });
  const name = typeof read.values.name === 'string' ? read.values.name.trim() : null;
  const idText = typeof read.values.idNumber === 'string' ? read.values.idNumber.trim().toUpperCase() : null;
  return {
    rowNumber: row.rowNumber, action: 'error', name, problems, changes: [], notes: [], branchName: routed.branch?.name ?? null,
    idText, branchId: routed.branch?.id ?? null, read,
  };
}

async function holders(db: Queryable, ids: string[]) {
  const out = new Map<string, MemberRow & { orgName: string }>();
  // Chunked: SQLite limits the number of bound parameters in one statement.
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db.select({ m: members, orgName: orgs.name }).from(members).innerJoin(orgs, eq(orgs.id, members.orgId))
      .where(inArray(members.idNumber, ids.slice(i, i + 500))).orderBy(members.id);
    for (const r of rows) out.set(r.m.idNumber, { ...r.m, orgName: r.orgName });
  }
  return out;
}

/** Columns whose value in the file differs from the stored member. */
function changedColumns(existing: MemberRow, input: RosterInput): string[] {
  return ROSTER_COLUMNS.filter((c) => c.field !== 'branch')
    .filter((c) => (existing[c.field as RosterField] ?? null) !== (input[c.field as RosterField] ?? null)).map((c) => c.header);
}

/** The 公民身份号码 twice in the file: every row involved is named (even rows wrong in other ways). */
function markRepeats(planned: PlannedRow[]): string[] {
  const seen = new Map<string, number[]>();
  for (const p of planned) if (p.idText) seen.set(p.idText, [...(seen.get(p.idText) ?? []), p.rowNumber]);
  for (const p of planned) {
    const same = p.idText ? seen.get(p.idText)!.filter((n) => n !== p.rowNumber) : [];
    if (same.length) p.problems.push({ column: ID_HEADER, message: `公民身份号码与第 ${same.join('、')} 行重复` });
  }
  markSamePerson(planned);
  return [...seen.keys()];
}

/**
 * One person on several rows (same 姓名, 性别 and 出生日期) is refused too,
 * whatever numbers the rows carry: otherwise a file of guessed numbers for one
 * member, each row otherwise true to what the caller is shown, would find the
 * real number by which row matches (issue 9: masking that holds).
 */
function markSamePerson(planned: PlannedRow[]): void {
  const key = (p: PlannedRow) => {
    const { name, gender, birthDate } = p.read.values;
    return typeof name === 'string' && name.trim() && birthDate ? `${name.trim()}|${String(gender ?? '')}|${String(birthDate)}` : null;
  };
  const rowsOf = new Map<string, number[]>();
  for (const p of planned) { const k = key(p); if (k) rowsOf.set(k, [...(rowsOf.get(k) ?? []), p.rowNumber]); }
  for (const p of planned) {
    const k = key(p);
    const same = k ? rowsOf.get(k)!.filter((n) => n !== p.rowNumber) : [];
    if (same.length) p.problems.push({ column: NAME_HEADER, message: `与第 ${same.join('、')} 行姓名、性别、出生日期相同：同一党员在名册中只能出现一次` });
  }
}

/** What the plan assumed about the database: the holders of the file's numbers and the target's branches. */
function stateKey(target: RosterTarget, byIdNumber: Map<string, MemberRow>): string {
  const held = [...byIdNumber.values()].map((m) => `${m.idNumber}:${m.id}:${m.version}:${m.orgId}:${m.status}`).sort();
  return JSON.stringify([target.branches.map((b) => b.id), held]);
}

/** Matches each number to its holder: a member of the row's branch is updated, anyone else refuses the row. */
async function matchHolders(db: Queryable, user: SessionUser, planned: PlannedRow[], byIdNumber: Map<string, MemberRow & { orgName: string }>) {
  for (const p of planned) {
    const holder = p.idText ? byIdNumber.get(p.idText) : undefined;
    if (!holder) continue;
    if (p.branchId !== null && holder.orgId !== p.branchId) {
      const message = await takenMessageFor(db, user, holder);
      p.problems.push({ column: ID_HEADER, message: message === ID_NUMBER_TAKEN_ELSEWHERE ? message : `${message}，请先办理组织关系转接` });
    } else if (holder.status !== 'active') {
      p.problems.push({ column: ID_HEADER, message: `该党员已于 ${holder.leftDate ?? '此前'} ${MEMBER_STATUS_LABELS[holder.status]}，不能通过导入恢复` });
    } else {
      p.existing = holder;
    }
  }
}

/** The row's values completed and checked against the member schema; its action and changes. */
function finish(p: PlannedRow): void {
  const completed = completeValues(p.read, p.existing, p.notes);
  p.problems.push(...completed.problems);
  const checked = validate(completed.values, p.problems);
  p.problems.push(...checked.problems);
  if (p.problems.length || !checked.input) { p.action = 'error'; return; }
  p.input = checked.input;
  p.notes.push(...rowNotes(checked.input));
  p.action = p.existing ? 'update' : 'create';
  if (p.existing) p.changes = changedColumns(p.existing, p.input);
}

export interface Plan { rows: PlannedRow[]; ids: string[]; stateKey: string }

/**
 * Plans the import of `rows` into the target (a branch, or a unit whose rows
 * name their branch): every row gets 'create', 'update' (matched by 公民身份号码
 * to a member of the row's branch) or 'error' with all its problems, so the
 * user can fix the whole file in one pass. A number held outside `user`'s
 * scope is reported without naming its holder.
 */
export async function planRoster(db: Queryable, target: RosterTarget, rows: SheetRow[], user: SessionUser): Promise<Plan> {
  const planned = rows.map((r) => firstPass(target, r));
  const ids = markRepeats(planned);
  const byIdNumber = await holders(db, ids);
  await matchHolders(db, user, planned, byIdNumber);
  planned.forEach(finish);
  return { rows: planned, ids, stateKey: stateKey(target, byIdNumber) };
}

const SLICE = 200;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
async function eachInSlices<T>(items: T[], fn: (item: T) => void) {
  for (let i = 0; i < items.length; i += SLICE) {
    items.slice(i, i + SLICE).forEach(fn);
    await nextTurn();
  }
}

/**
 * The same plan, in slices of 200 rows with the event loop free between
 * them: checking 3,000 rows takes about a second of CPU, which would
 * otherwise hold every other user's request for that long.
 */
export async function planRosterInSlices(db: Queryable, target: RosterTarget, rows: SheetRow[], user: SessionUser): Promise<Plan> {
  const planned: PlannedRow[] = [];
  await eachInSlices(rows, (r) => planned.push(firstPass(target, r)));
  const ids = markRepeats(planned);
  const byIdNumber = await holders(db, ids);
  await matchHolders(db, user, planned, byIdNumber);
  await eachInSlices(planned, finish);
  return { rows: planned, ids, stateKey: stateKey(target, byIdNumber) };
}

/** Whether what a plan assumed is still what the database holds (checked inside the import's transaction). */
export const planStillHolds = async (db: Queryable, target: RosterTarget, plan: Plan): Promise<boolean> =>
  stateKey(target, await holders(db, plan.ids)) === plan.stateKey;

/** Columns the file lacks, each with what the import does instead. */
export function noticesOf(present: RosterColumn[], target: RosterTarget): RosterProblem[] {
  const has = new Set(present);
  return ROSTER_COLUMNS.filter((c) => !has.has(c) && c.absent && !(c.field === 'branch' && target.level === 'unit'))
    .map((c) => ({ column: c.header, message: c.absent! }));
}

export function reportOf(planned: PlannedRow[], notices: RosterProblem[]): RosterReport {
  const rows = planned.map(({ rowNumber, action, name, problems, changes, notes, branchName }): RosterRow =>
    ({ rowNumber, action, name, problems, changes, notes, branchName }));
  const count = (a: RosterRow['action']) => rows.filter((r) => r.action === a).length;
  return {
    rows,
    notices,
    summary: {
      create: count('create'), update: count('update'), error: count('error'),
      unchanged: rows.filter((r) => r.action === 'update' && r.changes.length === 0).length,
    },
  };
}
