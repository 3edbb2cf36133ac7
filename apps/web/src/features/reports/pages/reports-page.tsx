import { UnderConstruction } from '@/components/under-construction';

export function ReportsPage() {
  return (
    <UnderConstruction
      title="报告"
      description="这里将按年度导出全委或本单位的党建质量报告（Word）和党员花名册（Excel）。"
    />
  );
}
