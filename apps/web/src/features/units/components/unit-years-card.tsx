import { YearsCompareCard } from '@/components/years-compare-card';
import { useUnitYears } from '../api/years-summary';

/** 历年对比 on a unit's page: the unit's own score beside its branches' average and problems. */
export function UnitYearsCard({ unitId }: { unitId: number }) {
  return <YearsCompareCard query={useUnitYears(unitId)} withUnit />;
}
