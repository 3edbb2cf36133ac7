import { UnderConstruction } from '@/components/under-construction';

export function DashboardPage() {
  return (
    <UnderConstruction
      title="总览"
      description="这里将汇总全委各支部的质量得分与短板（如支部书记非双带头人、三会一课不规范），并可下钻到具体支部。"
    />
  );
}
