import { YearsCompareCard } from '@/components/years-compare-card';
import { useYearsSummary } from '../api/get-years-summary';

/** 历年对比 on the dashboard: the same scope as the page, every data year side by side. */
export function YearsCard() {
  return <YearsCompareCard query={useYearsSummary()} />;
}
