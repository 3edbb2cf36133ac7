import type { CommitteeRole } from '@wj/domain';
import { addDays, addYears, ageOn, minDate } from './dates.js';
import { headPosition, isSeniorTitle, positionFor } from './person.js';
import type { Rng } from './rng.js';
import type { BranchCtx, GenCtx, MemberRow, UnitCtx } from './types.js';

/**
 * 支委会: 《中国共产党支部工作条例（试行）》第六章 — a branch with 7 or more
 * full members sets up a committee of 3–5 (at most 7) members, usually with
 * 书记、组织委员、宣传委员、纪检委员; smaller branches elect only a secretary (and
 * maybe a deputy). The secretary should have at least a year of 党龄. Terms
 * are 3 years (《关于党的基层组织任期的意见》2018).
 */
const FULL_COMMITTEE_MIN_MEMBERS = 7;
const TERM_YEARS = 3;
const CORE_ROLES: CommitteeRole[] = ['organization', 'propaganda', 'discipline'];

/** 双带头人: department head or 副高+ (关于加强公立医院党的建设工作的意见 2018). */
export const isDualLeader = (m: MemberRow) => m.isDeptHead === true || isSeniorTitle(m.titleLevel!);

export function buildCommittees(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  for (const unit of units) for (const br of unit.branches) buildBranchCommittee(ctx, rng.fork('committee', br.id), br);
}

function buildBranchCommittee(ctx: GenCtx, rng: Rng, br: BranchCtx): void {
  const asOf = ctx.asOf;
  const pool = br.members.filter((m) => m.category === 'full' && (br.category === 'retired' || m.employment === 'in_service'));
  const fullCount = br.members.filter((m) => m.category === 'full').length;
  const wantsFull = fullCount >= FULL_COMMITTEE_MIN_MEMBERS;
  let elected = br.problems.has('termExpired')
    ? addDays(addYears(asOf, -TERM_YEARS), -rng.int(20, 540))
    : addDays(asOf, -rng.int(45, TERM_YEARS * 365 - 75));
  const byFull = pool.slice().sort((a, b) => (a.fullDate! < b.fullDate! ? -1 : 1));
  // An election needs enough full members of a year's standing; move a too-early election later.
  const needed = wantsFull ? 4 : 1;
  const nth = byFull[Math.min(needed, byFull.length) - 1];
  if (nth && addYears(nth.fullDate!, 1) > elected && !br.problems.has('termExpired')) {
    elected = minDate(addDays(addYears(nth.fullDate!, 1), 20), addDays(asOf, -10));
  }
  const eligible = pool.filter((m) => m.fullDate! <= elected);
  const secretary = pickSecretary(rng, br, eligible.filter((m) => addYears(m.fullDate!, 1) <= elected), asOf);
  if (!secretary) return;

  const seats = wantsFull ? fullSeats(rng, br, fullCount, eligible.length) : smallSeats(rng, fullCount, eligible.length);
  const others = pickOthers(rng, br, eligible.filter((m) => m !== secretary), seats.length - 1, asOf);
  const roles = seats.slice(1, others.length + 1);
  const id = ctx.nextId('committees');
  ctx.data.committees.push({ id, orgId: br.id, electedDate: elected, termYears: TERM_YEARS, endedDate: null, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo' });
  const overload = br.problems.has('partTimeOverload');
  const fullTime = !overload && rng.chance(0.05);
  // The survey's 兼职较多: an overloaded secretary holds 2–3 other posts; a 科主任 secretary holds one.
  // The 科主任 post itself is not counted as 兼职 (双带头人 asks for it), so an overloaded 科主任 holds 2–3 more.
  const secPosts = overload ? rng.int(2, 3) + (secretary.isDeptHead ? 1 : 0) : fullTime ? 0 : secretary.isDeptHead ? 1 : rng.chance(0.25) ? 1 : 0;
  addSeat(ctx, id, secretary, 'secretary', fullTime, secPosts);
  others.forEach((m, i) => addSeat(ctx, id, m, roles[i]!, false, m.isDeptHead ? 1 : 0));
  br.committee = { id, members: [{ member: secretary, role: 'secretary' }, ...others.map((m, i) => ({ member: m, role: roles[i]! }))] };
  if (rng.chance(0.45)) addPreviousCommittee(ctx, rng, br, pool, elected, wantsFull);
}

function addSeat(ctx: GenCtx, committeeId: number, m: MemberRow, role: CommitteeRole, fullTime: boolean, otherPosts: number): void {
  ctx.data.committeeMembers.push({ id: ctx.nextId('committeeMembers'), committeeId, memberId: m.id, role, fullTime, otherPosts });
}

/** Roles of a full committee: the three core 委员, unless the branch is seeded with a vacancy. */
function fullSeats(rng: Rng, br: BranchCtx, fullCount: number, eligible: number): CommitteeRole[] {
  if (br.problems.has('committeeVacancy')) {
    const kept = rng.sample(CORE_ROLES, 2);
    return rng.chance(0.5) ? ['secretary', ...kept] : ['secretary', 'deputy_secretary', ...kept];
  }
  const cap = Math.min(7, Math.max(4, Math.floor(fullCount / 2) + 1), eligible);
  const size = Math.min(cap, rng.weighted([[4, 25], [5, 45], [6, 18], [7, 12]] as const));
  const extras: CommitteeRole[] = size === 5 ? [rng.chance(0.6) ? 'deputy_secretary' : 'youth'] : ['deputy_secretary', 'youth', 'other'];
  return ['secretary', ...CORE_ROLES, ...extras].slice(0, Math.max(size, 4)) as CommitteeRole[];
}

function smallSeats(rng: Rng, fullCount: number, eligible: number): CommitteeRole[] {
  return fullCount >= 4 && eligible >= 2 && rng.chance(0.3) ? ['secretary', 'deputy_secretary'] : ['secretary'];
}

/**
 * Most secretaries are 双带头人; a seeded branch gets one who is neither a
 * department head nor 副高+. When the roll offers no fitting candidate, the
 * chosen member's record is adjusted so the plan holds.
 */
function pickSecretary(rng: Rng, br: BranchCtx, cands: MemberRow[], asOf: string): MemberRow | undefined {
  if (cands.length === 0) return undefined;
  const wantDual = !br.problems.has('notDualLeader');
  let fitting = cands.filter((m) => isDualLeader(m) === wantDual);
  if (br.problems.has('oldCommittee')) fitting.sort((a, b) => (a.birthDate < b.birthDate ? -1 : 1));
  else if (br.category !== 'retired') {
    // Keep a lone secretary of a small branch from making its "committee" old on paper.
    const younger = fitting.filter((m) => ageOn(m.birthDate, asOf) <= 50);
    if (younger.length > 0) fitting = younger;
  }
  const heads = fitting.filter((m) => m.isDeptHead);
  let sec = br.problems.has('oldCommittee') ? fitting[0] : heads.length > 0 && rng.chance(0.6) ? rng.pick(heads) : fitting.length > 0 ? rng.pick(fitting) : undefined;
  if (!sec) {
    sec = cands.slice().sort((a, b) => ageOn(b.birthDate, asOf) - ageOn(a.birthDate, asOf))[0]!;
    if (wantDual) {
      if (sec.employment === 'in_service') { sec.isDeptHead = true; sec.position = headPosition(sec.jobCategory!); }
      else sec.titleLevel = 'deputy_senior';
    } else {
      Object.assign(sec, { isDeptHead: false, isTalent: false, titleLevel: 'intermediate' });
      if (sec.employment === 'in_service') sec.position = positionFor(sec.jobCategory!, 'intermediate', false);
    }
  }
  return sec;
}

/**
 * The other committee members. Normal branches elect a mix of ages (average at
 * most 50); a branch seeded with an old committee elects its oldest members.
 */
function pickOthers(rng: Rng, br: BranchCtx, cands: MemberRow[], count: number, asOf: string): MemberRow[] {
  if (count <= 0) return [];
  const age = (m: MemberRow) => ageOn(m.birthDate, asOf);
  if (br.problems.has('oldCommittee')) return cands.slice().sort((a, b) => age(b) - age(a)).slice(0, count);
  if (br.category === 'retired') {
    // Retired branches lean on their "young old" members.
    return [...rng.shuffle(cands.filter((m) => age(m) <= 75)), ...rng.shuffle(cands.filter((m) => age(m) > 75))].slice(0, count);
  }
  const younger = rng.shuffle(cands.filter((m) => age(m) <= 45));
  const rest = rng.shuffle(cands.filter((m) => age(m) > 45));
  const chosen = [...younger, ...rest].slice(0, count);
  // 青年委员 goes to the youngest (roles are assigned in seat order, youth after the core roles).
  return chosen.sort((a, b) => age(b) - age(a));
}

/** The committee before the current one, kept as history (its term ended at the current election). */
function addPreviousCommittee(ctx: GenCtx, rng: Rng, br: BranchCtx, pool: MemberRow[], current: string, wantsFull: boolean): void {
  const elected = addDays(addYears(current, -TERM_YEARS), -rng.int(0, 60));
  const eligible = rng.shuffle(pool.filter((m) => addYears(m.fullDate!, 1) <= elected));
  if (eligible.length === 0) return;
  const roles: CommitteeRole[] = wantsFull && eligible.length >= 4 ? ['secretary', ...CORE_ROLES] : ['secretary'];
  const id = ctx.nextId('committees');
  ctx.data.committees.push({ id, orgId: br.id, electedDate: elected, termYears: TERM_YEARS, endedDate: current, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo' });
  roles.forEach((role, i) => addSeat(ctx, id, eligible[i]!, role, false, rng.int(0, 1)));
}
