import { Descriptions, Flex, Tag, Typography } from 'antd';
import type { DescriptionsProps } from 'antd';
import type { OrgDetail } from '@wj/domain/schemas';
import { BRANCH_CATEGORY_LABELS, INSTITUTION_TYPE_LABELS, ORG_KIND_LABELS } from '@wj/domain';
import { formatDate } from '@/lib/format';
import { ORG_KIND_COLORS } from '../lib/kind-colors';

/** Name, kind and the facts that place the org: its institution, department, founding date. */
export function OrgHeader({ org }: { org: OrgDetail }) {
  const items: DescriptionsProps['items'] = [
    org.institutionName && {
      key: 'institution',
      label: '所属单位',
      children: org.institutionType ? `${org.institutionName}（${INSTITUTION_TYPE_LABELS[org.institutionType]}）` : org.institutionName,
    },
    org.department && { key: 'department', label: '所在科室', children: org.department },
    org.branchCategory && { key: 'category', label: '支部类别', children: BRANCH_CATEGORY_LABELS[org.branchCategory] },
    { key: 'founded', label: '成立日期', children: formatDate(org.foundedDate) },
  ].filter((item) => Boolean(item)) as NonNullable<DescriptionsProps['items']>;

  return (
    <Flex vertical gap={8}>
      <Flex align="center" gap={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {org.name}
        </Typography.Title>
        <Tag color={ORG_KIND_COLORS[org.kind]}>{ORG_KIND_LABELS[org.kind]}</Tag>
        {org.status === 'dissolved' && <Tag color="default">已撤销</Tag>}
      </Flex>
      <Descriptions size="small" column={{ xs: 1, md: 2, xl: 4 }} items={items} />
    </Flex>
  );
}
