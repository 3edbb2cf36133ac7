import { useState } from 'react';
import { Divider, Flex, Select, Typography } from 'antd';
import { todayIso } from '@wj/domain/schemas';
import { useOrgWriteAccess } from '@/lib/use-org-write-access';
import { BrandsSection } from './brands-section';
import { ProjectsSection } from './projects-section';
import { VanguardSection } from './vanguard-section';

const YEARS_BACK = 5;

/** A branch's 作用发挥 records: 支部品牌, and per year its 书记项目 and 党员先锋岗. */
export function BranchWorkPanel({ orgId }: { orgId: number }) {
  const thisYear = Number(todayIso().slice(0, 4));
  const [year, setYear] = useState(thisYear);
  const canEdit = useOrgWriteAccess(orgId);
  // Next year's project and posts may be planned in December (the schemas allow one year ahead).
  const years = Array.from({ length: YEARS_BACK + 2 }, (_, i) => thisYear + 1 - i);

  return (
    <Flex vertical gap={8}>
      <BrandsSection orgId={orgId} canEdit={canEdit} />
      <Divider />
      <Flex align="center" gap={8}>
        <Typography.Text>年度</Typography.Text>
        <Select aria-label="年度" value={year} onChange={setYear} options={years.map((y) => ({ value: y, label: `${y}年` }))} style={{ width: 110 }} />
        <Typography.Text type="secondary">书记项目和党员先锋岗按年度确定</Typography.Text>
      </Flex>
      <ProjectsSection orgId={orgId} year={year} canEdit={canEdit} />
      <Divider />
      <VanguardSection orgId={orgId} year={year} canEdit={canEdit} />
    </Flex>
  );
}
