import type { ReviewGrade } from '@wj/domain';

/** 好 / 较好 / 一般 / 差 from green to red, so a weak grade stands out in the list. */
export const REVIEW_GRADE_COLORS: Record<ReviewGrade, string> = {
  excellent: 'success',
  good: 'processing',
  fair: 'warning',
  poor: 'error',
};
