import type { RosterRow } from '@wj/domain/schemas';

/** What importing does to one row, as the preview shows it: an 'update' identical to the record is 不变. */
export type RowOutcome = 'create' | 'update' | 'unchanged' | 'error';

export const outcomeOf = (row: RosterRow): RowOutcome =>
  row.action === 'update' && row.changes.length === 0 ? 'unchanged' : row.action;

export const OUTCOME_LABELS: Record<RowOutcome, string> = { create: '新增', update: '更新', unchanged: '不变', error: '错误' };
export const OUTCOME_COLORS: Record<RowOutcome, string> = { create: 'green', update: 'blue', unchanged: 'default', error: 'red' };
