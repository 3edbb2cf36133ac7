import { useSearchParams } from 'react-router';
import { Card, Tabs } from 'antd';
import type { OrgDetail } from '@wj/domain/schemas';
import { MembersTable } from '@/features/members/components/members-table';
import { BranchMeetingsPanel } from '@/features/org-life/components/branch-meetings-panel';
import { BranchQualityPanel } from '@/features/quality/components/branch-quality-panel';
import { UnitQualityPanel } from '@/features/quality/components/unit-quality-panel';
import { BranchRecruitmentPanel } from '@/features/recruitment/components/branch-recruitment-panel';
import { RosterActions } from '@/features/roster/components/roster-actions';
import { CommitteePanel } from '@/features/structure/components/committee-panel';
import { OrgActions } from '@/features/structure/components/org-actions';
import { UnitRecordsPanel } from '@/features/units/components/unit-records-panel';
import { UnitYearsCard } from '@/features/units/components/unit-years-card';
import { BranchWorkPanel } from '@/features/work/components/branch-work-panel';

/**
 * The app layer composes the features on an org's page (features don't import
 * each other): a branch gets its score, roster, committee, 组织生活, work
 * records and recruitment; a unit its score and 责任落实 records.
 */
export function OrgSections({ org, childrenTable }: { org: OrgDetail; childrenTable: React.ReactNode }) {
  // ?tab=committee opens that tab (links from 待办).
  const [params] = useSearchParams();
  const isBranch = org.kind === 'branch';
  const isUnit = org.unitId === org.id;
  const items = [
    ...(isUnit ? [{ key: 'unit-quality', label: '单位得分与问题', children: <UnitQualityPanel orgId={org.id} /> }] : []),
    ...(isUnit ? [{ key: 'unit-years', label: '历年对比', children: <UnitYearsCard unitId={org.id} /> }] : []),
    ...(isBranch ? [{ key: 'quality', label: '支部得分与失分', children: <BranchQualityPanel orgId={org.id} /> }] : []),
    ...(!isBranch || org.children.length > 0 ? [{ key: 'children', label: '下级组织', children: childrenTable }] : []),
    ...(isBranch ? [
      {
        key: 'members', label: '党员名册',
        children: <MembersTable orgId={org.id} isBranch actions={<RosterActions orgId={org.id} orgName={org.name} isBranch />} />,
      },
      { key: 'committee', label: '支委会', children: <CommitteePanel orgId={org.id} /> },
      { key: 'meetings', label: '组织生活', children: <BranchMeetingsPanel orgId={org.id} /> },
      { key: 'work', label: '品牌·书记项目·先锋岗', children: <BranchWorkPanel orgId={org.id} /> },
      { key: 'recruitment', label: '发展党员', children: <BranchRecruitmentPanel orgId={org.id} /> },
    ] : []),
    ...(isUnit ? [{ key: 'unit-records', label: '年度计划·党务干部·述职评议', children: <UnitRecordsPanel orgId={org.id} /> }] : []),
  ];
  return (
    <Card extra={<OrgActions org={org} />}>
      <Tabs items={items} destroyOnHidden defaultActiveKey={items.some((i) => i.key === params.get('tab')) ? params.get('tab')! : undefined} />
    </Card>
  );
}
