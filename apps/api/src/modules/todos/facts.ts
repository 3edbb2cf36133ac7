import { inArray } from 'drizzle-orm';
import type { ReturnedMeeting, TodoBranchFacts, TodoRecruit } from '@wj/domain/quality';
import type { Queryable } from '../../db/index.js';
import { recruits } from '../../db/schema/index.js';
import { loadFacts, type CommissionFacts } from '../quality/facts-loader.js';
import { returnedMeetings } from './returned.js';

export interface TodoFacts {
  branches: TodoBranchFacts[];
  units: CommissionFacts['units'];
}

/**
 * The score's own facts (facts-loader.ts, the same rows the score reads),
 * with what a 待办 needs to say who and open the record: each pipeline
 * entry's id, name and birth date, and the records a unit sent back.
 */
export async function loadTodoFacts(db: Queryable, year: number, unitIds?: number[]): Promise<TodoFacts> {
  const facts = await loadFacts(db, year, unitIds);
  const branchIds = facts.branches.map((b) => b.orgId);
  const [rows, returned] = await Promise.all([
    branchIds.length ? db.select().from(recruits).where(inArray(recruits.orgId, branchIds)).orderBy(recruits.id) : [],
    returnedMeetings(db, branchIds, year),
  ]);
  const byOrg = new Map<number, TodoRecruit[]>();
  for (const r of rows) {
    const list = byOrg.get(r.orgId) ?? [];
    list.push({
      id: r.id, name: r.name, birthDate: r.birthDate,
      stage: r.stage, status: r.status, isTalent: r.isTalent, applicationDate: r.applicationDate, activistDate: r.activistDate,
      candidateDate: r.candidateDate, probationaryDate: r.probationaryDate, fullDate: r.fullDate,
    });
    byOrg.set(r.orgId, list);
  }
  const branches = facts.branches.map((b): TodoBranchFacts => ({
    ...b,
    recruits: byOrg.get(b.orgId) ?? [],
    returnedMeetings: returned.get(b.orgId) ?? ([] as ReturnedMeeting[]),
  }));
  return { branches, units: facts.units };
}
