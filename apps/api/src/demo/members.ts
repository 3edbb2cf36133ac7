import type { Employment, JobCategory } from '@wj/domain';
import { addDays, addYears, dayNumber, fromDayNumber, ymd } from './dates.js';
import { ethnicity, idNumber, personName, phoneNumber } from './names.js';
import { birthDateForAge, educationFor, genderFor, inServiceAge, isSeniorTitle, positionFor, retiredAge, titleFor } from './person.js';
import type { Rng } from './rng.js';
import type { BranchCtx, GenCtx, MemberRow, UnitCtx } from './types.js';
import { JOB_MIX } from './units.js';

/** The roster: active members branch by branch, then a few who left (转出/死亡) — their rows are kept. */

const RETIRED_JOB_MIX: readonly (readonly [JobCategory, number])[] = [
  ['doctor', 40], ['nurse', 30], ['technician', 10], ['pharmacist', 5], ['management', 10], ['logistics', 5],
];

export function buildMembers(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  for (const unit of units) for (const br of unit.branches) buildBranch(ctx, rng.fork('branch', br.id), br);
  markNationalStatus(ctx, rng.fork('national'), units);
  addLeavers(ctx, rng.fork('leavers'), units);
}

const ageOn = (birth: string, asOf: string) => Number(asOf.slice(0, 4)) - Number(birth.slice(0, 4));

/**
 * What the 全国党员管理信息系统 records beside the roll, as a health system
 * has it: some retirees live with their children elsewhere (流动党员, about 2%),
 * a few of the oldest cannot be reached (失联党员), and of those two have had
 * their 党籍 stopped after losing contact. A fork of its own, so the rest of
 * the demo is the same as before these fields existed.
 */
function markNationalStatus(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  const retirees = units.flatMap((u) => u.branches.flatMap((b) => b.members)).filter((m) => m.employment === 'retired');
  const older = retirees.filter((m) => ageOn(m.birthDate, ctx.asOf) >= 70);
  for (const m of rng.sample(older, Math.round(retirees.length * 0.02))) m.floating = true;
  const oldest = retirees.filter((m) => ageOn(m.birthDate, ctx.asOf) >= 80 && !m.floating);
  const lost = rng.sample(oldest, Math.min(4, oldest.length));
  for (const m of lost) m.lostContact = true;
  for (const m of lost.slice(0, 2)) m.partyStanding = 'suspended';
}

function buildBranch(ctx: GenCtx, rng: Rng, br: BranchCtx): void {
  // A branch seeded with an old committee has a core of members in their fifties to elect it from.
  const oldCore = br.problems.has('oldCommittee') ? 6 : 0;
  for (let i = 0; i < br.plannedInService; i++) {
    const age = i < oldCore ? rng.int(52, 59) : inServiceAge(rng);
    const m = makeMember(ctx, rng, br, 'in_service', age, rng.weighted(JOB_MIX[br.deptKind]), br.department);
    // A tiny branch still needs 3 full members to exist (支部工作条例第五条): no 预备党员 there.
    if (br.plannedInService < 8 && m.category === 'probationary') {
      const joinDate = addYears(m.joinDate, -2);
      Object.assign(m, { joinDate, fullDate: addYears(joinDate, 1), category: 'full' });
    }
    br.members.push(m);
  }
  const oldDepts = br.unit.spec.branches.length > 0 ? br.unit.spec.branches.map((b) => b.department) : [br.department];
  for (let i = 0; i < br.plannedRetired; i++) {
    const dept = br.category === 'retired' ? rng.pick(oldDepts) : br.department;
    br.members.push(makeMember(ctx, rng, br, 'retired', retiredAge(rng), rng.weighted(RETIRED_JOB_MIX), dept));
  }
  pickDeptHeads(rng, br.members.filter((m) => m.employment === 'in_service'));
  for (const m of br.members) {
    // 高层次人才: a few per cent of in-service staff, nearly all senior clinicians.
    if (m.employment !== 'in_service') continue;
    const senior = isSeniorTitle(m.titleLevel!) && m.jobCategory !== 'management' && m.jobCategory !== 'logistics';
    if ((senior && m.jobCategory === 'doctor' && rng.chance(0.16)) || (senior && rng.chance(0.04))) m.isTalent = true;
  }
  if (br.problems.has('incompleteRoster')) {
    for (const m of rng.sample(br.members, rng.int(1, Math.min(3, br.members.length)))) m.phone = null;
  }
  ctx.data.members.push(...br.members);
}

/** About one in ten in-service members heads a department (科主任 / 护士长 / 科长). */
function pickDeptHeads(rng: Rng, inService: MemberRow[]): void {
  if (inService.length < 3) return;
  const count = Math.max(1, Math.round(inService.length * 0.1));
  const cands = rng.shuffle(inService.filter((m) => (m.titleLevel !== 'junior' && m.titleLevel !== 'none') || m.jobCategory === 'management'));
  const ordered = [
    ...cands.filter((m) => m.jobCategory !== 'nurse').slice(0, 1),
    ...cands.filter((m) => m.jobCategory === 'nurse').slice(0, 1),
  ];
  for (const m of cands) if (!ordered.includes(m)) ordered.push(m);
  for (const m of ordered.slice(0, count)) {
    m.isDeptHead = true;
    m.position = positionFor(m.jobCategory!, m.titleLevel!, true);
  }
}

export function makeMember(ctx: GenCtx, rng: Rng, br: BranchCtx, employment: Employment, age: number, job: JobCategory,
  department: string): MemberRow {
  const retired = employment === 'retired';
  const gender = genderFor(rng, job);
  const birthDate = birthDateForAge(rng, age, ctx.asOf);
  const titleLevel = titleFor(rng, job, age, retired);
  const join = joinDates(rng, birthDate, ctx.asOf, retired, age);
  return {
    id: ctx.nextId('members'),
    orgId: br.id,
    name: personName(rng, gender),
    gender,
    ethnicity: ethnicity(rng),
    birthDate,
    education: educationFor(rng, job, age),
    idNumber: idNumber(rng, birthDate, gender, ctx.takenIds),
    phone: phoneNumber(rng),
    joinDate: join.joinDate,
    fullDate: join.fullDate,
    category: join.fullDate ? 'full' : 'probationary',
    employment,
    jobCategory: job,
    titleLevel,
    department,
    position: retired ? null : positionFor(job, titleLevel, false),
    isTalent: false,
    isDeptHead: false,
    status: 'active',
    leftDate: null,
    leftReason: null,
    version: 1,
    updatedAt: ctx.stamp,
    updatedBy: 'demo',
  };
}

/**
 * Join after the 18th birthday (党章第一条); full membership one year later
 * (党章第七条: 预备期为一年). About 3% of the in-service roll joined within the
 * last year and are still 预备党员.
 */
function joinDates(rng: Rng, birth: string, asOf: string, retired: boolean, age: number): { joinDate: string; fullDate: string | null } {
  if (!retired && age <= 40 && rng.chance(0.065)) {
    return { joinDate: addDays(asOf, -rng.int(20, 350)), fullDate: null };
  }
  const lo = dayNumber(addYears(birth, 19));
  const hi = Math.max(lo, Math.min(dayNumber(addYears(birth, retired ? 50 : 45)), dayNumber(asOf) - 400));
  const joinDate = fromDayNumber(lo + Math.floor((hi - lo) * rng.next() ** 1.6));
  return { joinDate, fullDate: addYears(joinDate, 1) };
}

const TRANSFER_TARGETS = ['省立医院', '市中心医院', '外市卫生健康系统', '区卫生健康局', '医科大学附属医院', '市直机关'];

/** Members who left during the record years: their rows stay with a status (history is never deleted). */
function addLeavers(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  const branches = units.flatMap((u) => u.branches);
  const working = branches.filter((b) => b.category !== 'retired');
  const elderly = branches.filter((b) => b.category !== 'in_service');
  const start = dayNumber(ymd(ctx.years[0], 1, 1));
  const span = dayNumber(ctx.asOf) - start;
  const leftDate = () => fromDayNumber(start + rng.int(0, span - 1));
  for (let i = rng.int(15, 25); i > 0; i--) {
    const br = rng.pick(working);
    const m = makeMember(ctx, rng, br, 'in_service', inServiceAge(rng), rng.weighted(JOB_MIX[br.deptKind]), br.department);
    if (m.category === 'probationary') { m.category = 'full'; m.joinDate = addYears(m.joinDate, -3); m.fullDate = addYears(m.joinDate, 1); }
    Object.assign(m, { status: 'transferred_out', leftDate: leftDate(), leftReason: `组织关系转出至${rng.pick(TRANSFER_TARGETS)}` });
    ctx.data.members.push(m);
  }
  for (let i = rng.int(6, 12); i > 0; i--) {
    const br = rng.pick(elderly);
    const m = makeMember(ctx, rng, br, 'retired', rng.int(75, 92), rng.weighted(RETIRED_JOB_MIX), br.department);
    Object.assign(m, { status: 'deceased', leftDate: leftDate(), leftReason: '因病去世' });
    ctx.data.members.push(m);
  }
}
