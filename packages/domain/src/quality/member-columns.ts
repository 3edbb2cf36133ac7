import type { BranchFacts, MemberFact } from './facts.js';

/**
 * A compact form of one branch's members, in columns shared by all the
 * branches a loader read (API: facts-loader.ts), as MeetingColumns are for
 * 组织生活: row `order[i]` for i in [from, to), in the members' own order. A
 * loader that keeps its members so attaches it under MEMBER_COLUMNS (not
 * enumerable: JSON and equality see the plain `members`) and the fast path
 * counts from it without member objects; memberAt builds the MemberFact a
 * row stands for.
 */
export interface MemberColumns {
  ids: ArrayLike<number>;
  birthDates: readonly string[];
  joinDates: readonly string[];
  fullDates: readonly (string | null)[];
  categories: readonly MemberFact['category'][];
  employments: readonly MemberFact['employment'][];
  titleLevels: readonly MemberFact['titleLevel'][];
  /** As the loader read it (null or undefined kept as such). */
  partyStandings: readonly (MemberFact['partyStanding'] | null)[];
  /** Bits: 1 isTalent, 2 isDeptHead, 4 lostContact, 8 floating, 16 rosterComplete (MEMBER_FLAG). */
  flags: ArrayLike<number>;
  /** Study hours of the judged year; NaN: none recorded (studyHours null). */
  hours: ArrayLike<number>;
  order: ArrayLike<number>;
  from: number;
  to: number;
}

export const MEMBER_FLAG = { talent: 1, deptHead: 2, lostContact: 4, floating: 8, rosterComplete: 16 } as const;

/** Where a BranchFacts keeps its MemberColumns, if it has them. */
export const MEMBER_COLUMNS: unique symbol = Symbol('wj.memberColumns');

export function memberColumnsOf(facts: BranchFacts): MemberColumns | undefined {
  return (facts as { [MEMBER_COLUMNS]?: MemberColumns })[MEMBER_COLUMNS];
}

/** The MemberFact of row r (an index into the columns, not a position in the branch). */
export function memberAt(c: MemberColumns, r: number): MemberFact {
  const flags = c.flags[r]!;
  const hours = c.hours[r]!;
  return {
    id: c.ids[r]!, birthDate: c.birthDates[r]!, joinDate: c.joinDates[r]!, fullDate: c.fullDates[r]!,
    category: c.categories[r]!, employment: c.employments[r]!, titleLevel: c.titleLevels[r]!,
    isTalent: (flags & MEMBER_FLAG.talent) !== 0, isDeptHead: (flags & MEMBER_FLAG.deptHead) !== 0,
    studyHours: Number.isNaN(hours) ? null : hours,
    rosterComplete: (flags & MEMBER_FLAG.rosterComplete) !== 0,
    partyStanding: c.partyStandings[r] as MemberFact['partyStanding'],
    lostContact: (flags & MEMBER_FLAG.lostContact) !== 0, floating: (flags & MEMBER_FLAG.floating) !== 0,
  };
}

/** The branch's members as the plain list, in the columns' order. */
export function membersOfColumns(c: MemberColumns): MemberFact[] {
  const list: MemberFact[] = [];
  for (let k = c.from; k < c.to; k++) list.push(memberAt(c, c.order[k]!));
  return list;
}

/** What the branch checks count over the members, one pass over the columns. */
export interface MemberCounts {
  n: number;
  full: number;
  rosterIncomplete: number;
}

export function memberCountsOfColumns(c: MemberColumns): MemberCounts {
  let full = 0;
  let rosterIncomplete = 0;
  for (let k = c.from; k < c.to; k++) {
    const r = c.order[k]!;
    if (c.categories[r] === 'full') full++;
    if ((c.flags[r]! & MEMBER_FLAG.rosterComplete) === 0) rosterIncomplete++;
  }
  return { n: c.to - c.from, full, rosterIncomplete };
}

/** How many of the branch's members fall short of their study hours: the team check's test, on columns. */
export function studyShortOfColumns(c: MemberColumns, leaders: ReadonlySet<number>, quota: { member: number; committee: number }, eps: number): number {
  let short = 0;
  for (let k = c.from; k < c.to; k++) {
    const r = c.order[k]!;
    const h = c.hours[r]!;
    if ((Number.isNaN(h) ? 0 : h) + eps < (leaders.has(c.ids[r]!) ? quota.committee : quota.member)) short++;
  }
  return short;
}

/** The first member with this id (as members.find would give it), or undefined. */
export function findMemberOfColumns(c: MemberColumns, id: number): MemberFact | undefined {
  for (let k = c.from; k < c.to; k++) {
    const r = c.order[k]!;
    if (c.ids[r] === id) return memberAt(c, r);
  }
  return undefined;
}

/**
 * In-service and retired members of a branch (the dashboard's and the
 * report's counts): from its columns when it has them, else from the list.
 */
export function employmentCounts(facts: BranchFacts): { inService: number; retired: number } {
  const c = memberColumnsOf(facts);
  let inService = 0;
  let retired = 0;
  if (c) {
    for (let k = c.from; k < c.to; k++) {
      const e = c.employments[c.order[k]!];
      if (e === 'in_service') inService++;
      else if (e === 'retired') retired++;
    }
  } else {
    for (const m of facts.members) {
      if (m.employment === 'in_service') inService++;
      else if (m.employment === 'retired') retired++;
    }
  }
  return { inService, retired };
}
