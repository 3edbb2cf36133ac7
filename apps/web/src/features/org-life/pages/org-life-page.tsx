import { BranchRecordsPage } from '@/components/branch-records-page';
import { BranchMeetingsPanel } from '../components/branch-meetings-panel';

/** 组织生活: pick a branch in scope, then its 三会一课 records and whether they are on schedule. */
export function OrgLifePage() {
  return (
    <BranchRecordsPage
      title="组织生活"
      description="选择后可查看该支部的支部党员大会、支委会、党小组会、党课、主题党日、组织生活会和民主评议党员记录，核对是否按期召开、到会率是否达标，并登记新的组织生活。"
      renderPanel={(id) => <BranchMeetingsPanel orgId={id} />}
    />
  );
}
