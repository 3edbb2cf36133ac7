import type { RecruitStage, TitleLevel } from '@wj/domain';
import { addDays, addYears } from './dates.js';
import { personName } from './names.js';
import { birthDateForAge, genderFor, titleFor } from './person.js';
import type { Rng } from './rng.js';
import type { BranchCtx, GenCtx, RecruitRow, UnitCtx } from './types.js';
import { JOB_MIX } from './units.js';

/**
 * 发展党员 pipeline per 《中国共产党发展党员工作细则》(2014): 入党申请人 → 入党积极分子
 * (第九条, chosen from applicants) → 发展对象 after at least a year as an activist
 * (第十三条) → 预备党员 after 政审 and 集中培训 → 正式党员 when the one-year
 * 预备期 ends (第二十八条). Dates are drawn backwards from the stage reached.
 */
const STAGE_WEIGHTS: readonly (readonly [RecruitStage, number])[] = [
  ['applicant', 25], ['activist', 30], ['candidate', 20], ['probationary', 15], ['full', 10],
];

export function buildRecruits(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  for (const unit of units) {
    const talentAllowed = !unit.problems.has('noTalentRecruit');
    let talents = 0;
    const working = unit.branches.filter((b) => b.category !== 'retired');
    for (const br of working) {
      const rrng = rng.fork('recruits', br.id);
      if (!rrng.chance(0.62)) continue;
      for (let k = rrng.weighted([[1, 40], [2, 30], [3, 20], [4, 10]] as const); k > 0; k--) {
        const talent = talentAllowed && rrng.chance(0.12);
        const status = rrng.chance(0.05) ? 'stopped' : 'active';
        if (talent && status === 'active') talents++;
        addRecruit(ctx, rrng, br, rrng.weighted(STAGE_WEIGHTS), talent, status);
      }
    }
    // Units that do cultivate high-level talent (双培养) have at least one such entry in the pipeline.
    if (talentAllowed && talents === 0 && working.length > 0) {
      const trng = rng.fork('talent', unit.id);
      addRecruit(ctx, trng, trng.pick(working), trng.pick(['activist', 'candidate'] as const), true, 'active');
    }
  }
}

function addRecruit(ctx: GenCtx, rng: Rng, br: BranchCtx, stage: RecruitStage, isTalent: boolean, status: 'active' | 'stopped'): void {
  const job = isTalent ? 'doctor' : rng.weighted(JOB_MIX[br.deptKind]);
  const age = isTalent ? rng.int(35, 52) : rng.int(22, 42);
  const gender = genderFor(rng, job);
  const titleLevel: TitleLevel = isTalent ? rng.pick(['senior', 'deputy_senior'] as const) : titleFor(rng, job, age, false);
  const d = stageDates(rng, stage, ctx.asOf);
  const row: RecruitRow = {
    id: ctx.nextId('recruits'), orgId: br.id, name: personName(rng, gender), gender, birthDate: birthDateForAge(rng, age, ctx.asOf),
    jobCategory: job, titleLevel, isTalent, stage, ...d, status, version: 1, updatedAt: ctx.stamp, updatedBy: 'demo',
  };
  ctx.data.recruits.push(row);
}

type StageDates = Pick<RecruitRow, 'applicationDate' | 'activistDate' | 'candidateDate' | 'probationaryDate' | 'fullDate'>;

/** Works back from the date the current stage was reached, keeping every interval the 细则 requires. */
function stageDates(rng: Rng, stage: RecruitStage, asOf: string): StageDates {
  const out: StageDates = { applicationDate: '', activistDate: null, candidateDate: null, probationaryDate: null, fullDate: null };
  let probationary: string | null = null;
  if (stage === 'full') {
    out.fullDate = addDays(asOf, -rng.int(5, 300));
    probationary = addYears(out.fullDate, -1);
  } else if (stage === 'probationary') {
    probationary = addDays(asOf, -rng.int(5, 355));
  }
  let candidate: string | null = null;
  if (probationary) {
    out.probationaryDate = probationary;
    candidate = addDays(probationary, -rng.int(90, 240));
  } else if (stage === 'candidate') {
    candidate = addDays(asOf, -rng.int(5, 200));
  }
  let activist: string | null = null;
  if (candidate) {
    out.candidateDate = candidate;
    activist = addDays(addYears(candidate, -1), -rng.int(0, 150));
  } else if (stage === 'activist') {
    activist = addDays(asOf, -rng.int(5, 520));
  }
  if (activist) {
    out.activistDate = activist;
    out.applicationDate = addDays(activist, -rng.int(30, 180));
  } else {
    out.applicationDate = addDays(asOf, -rng.int(3, 180));
  }
  return out;
}
