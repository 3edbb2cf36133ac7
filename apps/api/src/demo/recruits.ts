import type { RecruitStage, TitleLevel } from '@wj/domain';
import { addDays, addYears } from './dates.js';
import { personName } from './names.js';
import { birthDateForAge, genderFor, titleFor } from './person.js';
import type { Rng } from './rng.js';
import type { BranchCtx, GenCtx, RecruitRow, UnitCtx } from './types.js';
import { JOB_MIX } from './units.js';

/**
 * 发展党员 pipeline per 《中国共产党发展党员工作细则》(2014): 入党申请人 → 入党积极分子
 * (chosen from the applicants) → 发展对象 after at least a year of training as
 * an activist (第十三条) → 预备党员 after 政审 and 集中培训 → 正式党员 when the
 * one-year 预备期 ends (党章第七条). Dates are drawn backwards from the stage reached.
 */
const STAGE_WEIGHTS: readonly (readonly [RecruitStage, number])[] = [
  ['applicant', 25], ['activist', 30], ['candidate', 20], ['probationary', 15], ['full', 10],
];

const TRAINING: readonly RecruitStage[] = ['applicant', 'activist', 'candidate', 'probationary'];

/**
 * Working branches keep a pipeline: at least one person in training, more
 * entries at any stage (some admitted, a few stopped), and — the 双培养 of
 * 《关于加强公立医院党的建设工作的意见》 — one 高层次人才 unless seeded without.
 * Retirees' branches do not recruit.
 */
export function buildRecruits(ctx: GenCtx, rng: Rng, units: UnitCtx[]): void {
  for (const unit of units) {
    for (const br of unit.branches) {
      if (br.category === 'retired') continue;
      const rrng = rng.fork('recruits', br.id);
      if (br.problems.has('noRecruitPipeline')) {
        // Only history: someone admitted earlier, or an entry that was stopped.
        if (rrng.chance(0.5)) addRecruit(ctx, rrng, br, 'full', false, 'active');
        else addRecruit(ctx, rrng, br, rrng.pick(TRAINING), false, 'stopped');
        continue;
      }
      addRecruit(ctx, rrng, br, rrng.pick(TRAINING), false, 'active');
      for (let k = rrng.weighted([[0, 35], [1, 35], [2, 20], [3, 10]] as const); k > 0; k--) {
        addRecruit(ctx, rrng, br, rrng.weighted(STAGE_WEIGHTS), false, rrng.chance(0.05) ? 'stopped' : 'active');
      }
      // A talent is usually courted for a while: an activist or further along.
      if (!br.problems.has('noTalentRecruit')) addRecruit(ctx, rrng, br, rrng.pick(TRAINING.slice(1)), true, 'active');
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
