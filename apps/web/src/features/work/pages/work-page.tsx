import { UnderConstruction } from '@/components/under-construction';

export function WorkPage() {
  return (
    <UnderConstruction
      title="品牌与书记项目"
      description="这里将管理支部品牌、书记项目的目标与里程碑进度，以及党员先锋岗。"
    />
  );
}
