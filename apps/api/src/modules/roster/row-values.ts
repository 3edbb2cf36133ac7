import { PROBATION_DUE_MESSAGE, probationState, RETIRED_JOB } from '@wj/domain';
import {
  MemberInputSchema, ROSTER_COLUMNS, RosterExtraSchema, todayIso, type RosterColumn, type RosterField, type RosterInput, type RosterProblem,
} from '@wj/domain/schemas';
import type { MemberRow } from '../members/rules.js';
import { parseCell } from './cells.js';
import type { SheetRow } from './read-workbook.js';

const columnOf = new Map<string, RosterColumn>(ROSTER_COLUMNS.map((c) => [c.field, c]));
export const headerOf = (field: string) => columnOf.get(field)?.header ?? field;

/** A row's cells read one by one: values by field (undefined = blank), the 所在党支部 text, and unreadable cells. */
export interface ReadRow { values: Partial<Record<RosterField, unknown>>; branchText: string | null; problems: RosterProblem[] }

export function readRow(row: SheetRow): ReadRow {
  const problems: RosterProblem[] = [];
  const values: Partial<Record<RosterField, unknown>> = {};
  let branchText: string | null = null;
  for (const [col, raw] of row.cells) {
    const parsed = parseCell(col, raw);
    if ('problem' in parsed) problems.push({ column: col.header, message: parsed.problem });
    else if (col.field === 'branch') branchText = typeof parsed.value === 'string' ? parsed.value : null;
    else values[col.field] = parsed.value;
  }
  return { values, branchText, problems };
}

/** A blank cell means "no value" for these: a blank 联系电话 clears the stored one, as in the member form (a missing column does not). */
const CLEARABLE = new Set<RosterField>(['phone', 'department', 'fullDate']);
const DEFAULTS: Partial<Record<RosterField, unknown>> = {
  titleLevel: 'none', jobCategory: null, isTalent: false, isDeptHead: false, partyStanding: 'normal', lostContact: false, floating: false,
};

/**
 * Fills what the file leaves open — a column it lacks, or a blank choice or
 * 是/否 cell: an existing member keeps what is stored, a new one takes the
 * default the preview names. 在职/离退休 follows 工作岗位 = 离退休人员 when the
 * file says nothing else.
 */
export function completeValues(read: ReadRow, existing: MemberRow | undefined, notes: RosterProblem[]): { values: Record<string, unknown>; problems: RosterProblem[] } {
  const values: Record<string, unknown> = { ...read.values };
  const problems: RosterProblem[] = [];
  const retiredByJob = values.jobCategory === RETIRED_JOB;
  if (retiredByJob) values.jobCategory = existing?.jobCategory ?? null;
  if (retiredByJob && values.employment === 'in_service') {
    problems.push({ column: headerOf('employment'), message: '工作岗位为“离退休人员”，在职/离退休却填写为“在职”，请核对' });
  }
  for (const c of ROSTER_COLUMNS) {
    if (c.field === 'branch' || values[c.field] !== undefined) continue;
    const present = c.field in read.values;
    if (CLEARABLE.has(c.field) && (present || !existing)) values[c.field] = null;
    else if (c.field === 'employment') {
      values.employment = retiredByJob ? 'retired' : existing?.employment ?? 'in_service';
      // Said on the row only when the column is there but blank; a missing column is said once for the file.
      if (!existing && !retiredByJob && read.values.employment === undefined && 'employment' in read.values) {
        notes.push({ column: c.header, message: '未填，按在职导入' });
      }
    } else if (existing && c.field in existing) values[c.field] = existing[c.field as keyof MemberRow];
    else if (c.field in DEFAULTS) values[c.field] = DEFAULTS[c.field];
  }
  return { values, problems };
}

/** The member form's own schema and the roster's extra fields; issues named by column. */
export function validate(values: Record<string, unknown>, already: RosterProblem[]): { input?: RosterInput; problems: RosterProblem[] } {
  const problems: RosterProblem[] = [];
  const member = MemberInputSchema.safeParse(values);
  const extra = RosterExtraSchema.safeParse(values);
  const issues = [...(member.success ? [] : member.error.issues), ...(extra.success ? [] : extra.error.issues)];
  const badColumns = new Set(already.map((p) => p.column));
  for (const issue of issues) {
    const column = headerOf(String(issue.path[0] ?? ''));
    // A cell that could not be read already has its problem; the schema's "请填写…" would only repeat it.
    if (badColumns.has(column) || problems.some((p) => p.column === column && p.message === issue.message)) continue;
    problems.push({ column, message: issue.message });
  }
  if (!member.success || !extra.success) return { problems };
  return { input: { ...member.data, ...extra.data }, problems };
}

/** What the import flags without refusing: a 预备党员 whose year is over. */
export function rowNotes(input: RosterInput): RosterProblem[] {
  if (input.category === 'probationary' && probationState(input.joinDate, todayIso()) === 'due') {
    return [{ column: headerOf('category'), message: PROBATION_DUE_MESSAGE }];
  }
  return [];
}
