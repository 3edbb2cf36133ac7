import { UnderConstruction } from '@/components/under-construction';

export function AdminPage() {
  return (
    <UnderConstruction
      title="系统管理"
      description="这里将管理用户与角色、质量评分规则的版本，以及全部操作的审计日志。"
    />
  );
}
