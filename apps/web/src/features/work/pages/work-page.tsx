import { BranchRecordsPage } from '@/components/branch-records-page';
import { BranchWorkPanel } from '../components/branch-work-panel';

/** 品牌与书记项目: pick a branch in scope, then its brands, 书记项目 and 先锋岗. */
export function WorkPage() {
  return (
    <BranchRecordsPage
      title="品牌与书记项目"
      description="选择后可查看和维护该支部的支部品牌、书记项目（目标、服务的业务目标、节点进度）和党员先锋岗。"
      renderPanel={(id) => <BranchWorkPanel orgId={id} />}
    />
  );
}
