import type { ReactNode } from 'react';
import type { OrgDetail } from '@wj/domain/schemas';
import { useParams } from 'react-router';
import { Card, Flex, Result } from 'antd';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
import { useOrg } from '@/lib/org-queries';
import { OrgBreadcrumb } from '../components/org-breadcrumb';
import { OrgChildrenTable } from '../components/org-children-table';
import { OrgHeader } from '../components/org-header';
import { OrgStats } from '../components/org-stats';

interface OrgDetailPageProps {
  /**
   * The org's sections (score, roster, records …), composed by the app layer
   * so this feature need not import the others (features don't import each other).
   */
  renderSections: (org: OrgDetail, childrenTable: ReactNode) => ReactNode;
}

function parseId(raw: string | undefined): number | null {
  const id = Number(raw);
  return Number.isInteger(id) && id > 0 ? id : null;
}

export function OrgDetailPage({ renderSections }: OrgDetailPageProps) {
  const id = parseId(useParams().id);
  if (id === null) return <Result status="404" title="组织不存在" subTitle="地址中的组织编号无效。" />;
  // Keyed by id: moving to another org starts with fresh filters and paging.
  return <OrgDetailView key={id} id={id} renderSections={renderSections} />;
}

function OrgDetailView({ id, renderSections }: { id: number } & OrgDetailPageProps) {
  const org = useOrg(id);

  if (org.isPending) return <PageSkeleton rows={12} />;
  if (org.isError) return <QueryError error={org.error} onRetry={() => void org.refetch()} title="组织信息加载失败" />;

  const data = org.data;
  return (
    <Flex vertical gap={16}>
      <OrgBreadcrumb org={data} />
      <Card>
        <OrgHeader org={data} />
      </Card>
      <OrgStats counts={data.counts} />
      {renderSections(data, <OrgChildrenTable items={data.children} />)}
    </Flex>
  );
}
