import { RECRUIT_STAGE_LABELS, STAGE_DATE_FIELDS, type RecruitStage } from '@wj/domain';
import type { Recruit } from '@wj/domain/schemas';

/** What the date of reaching each stage records (《发展党员工作细则》: who decides, when). */
export const STAGE_DATE_LABELS: Record<RecruitStage, string> = {
  applicant: '递交入党申请日期',
  activist: '列为入党积极分子日期',
  candidate: '确定为发展对象日期',
  probationary: '接收为预备党员日期',
  full: '转为正式党员日期',
};

export const stageLabel = (s: RecruitStage) => `「${RECRUIT_STAGE_LABELS[s]}」`;

/** The date the entry reached `stage`, or null when it has not. */
export const stageDate = (r: Recruit, stage: RecruitStage): string | null => r[STAGE_DATE_FIELDS[stage]];
