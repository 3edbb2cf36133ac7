import { todayIso } from '@wj/domain/schemas';
import type { Queryable } from '../../db/index.js';
import { AppError } from '../../lib/errors.js';
import { closeYear, yearStatuses } from './closed-years.js';
import { dataYears } from './data-years.js';

/**
 * The demo's past years stand closed (年度结账) from the first load, as a
 * commission's would: each year with records before the running one that is
 * not closed yet is closed under the rules in force. Safe to call on every start.
 */
export async function closeDemoYears(db: Queryable, today = todayIso()): Promise<number[]> {
  const thisYear = Number(today.slice(0, 4));
  const open = (await yearStatuses(db, await dataYears(db), today)).filter((y) => y.status === 'open' && y.year < thisYear);
  const closed: number[] = [];
  for (const y of open.sort((a, b) => a.year - b.year)) {
    try {
      await closeYear(db, y.year, null, today);
      closed.push(y.year);
    } catch (e) {
      // Another process starting on the same database closed it first.
      if (!(e instanceof AppError && e.statusCode === 409)) throw e;
    }
  }
  return closed;
}
