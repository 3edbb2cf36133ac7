import { useSearchParams } from 'react-router';
import { Alert, Flex, Typography } from 'antd';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
import { useMe } from '@/lib/auth';
import { useQualityYears } from '@/lib/quality-years';
import { useReportPreview } from '../api/get-report-preview';
import { useReportDraft } from '../api/report-draft';
import { useReportScopes } from '../api/get-report-units';
import { DownloadList } from '../components/download-list';
import { ReportDraftCard } from '../components/report-draft-card';
import { ReportPreviewCard } from '../components/report-preview-card';
import { ReportScopeBar } from '../components/report-scope-bar';

const intParam = (raw: string | null) => (raw && /^\d+$/.test(raw) ? Number(raw) : undefined);

/**
 * 报告: pick a year and the commission or one unit, see the figures the
 * report will carry, download the Word report and the Excel tables, and
 * edit the report's draft paragraph by paragraph (the Word file prints it). A unit
 * secretary reports on their own unit only; a branch secretary has no exports.
 */
export function ReportsPage() {
  const [params, setParams] = useSearchParams();
  const me = useMe().data;
  const years = useQualityYears();
  const allowCommission = me?.role === 'admin' || me?.role === 'viewer';
  const own = me?.role === 'unit_secretary' ? me.scopeOrgId : null;
  const unitId = allowCommission ? intParam(params.get('unit')) ?? null : own;
  // The chosen unit is named even when the selector has not loaded the page of units holding it.
  const scopes = useReportScopes(unitId);
  const year = intParam(params.get('year')) ?? years.data?.defaultYear;
  const preview = useReportPreview(year, unitId);
  const draft = useReportDraft(year, unitId);

  if (me?.role === 'branch_secretary') {
    return (
      <Alert type="info" showIcon title="支部书记账号不能导出报告"
        description="年度报告和统计表由单位党组织或委直属机关党委导出；如需本支部的数据，请在“组织生活”“党员”等页面查看。" />
    );
  }
  if (!me || years.isPending || scopes.isPending) return <PageSkeleton rows={10} />;
  if (years.isError) return <QueryError error={years.error} onRetry={() => void years.refetch()} title="评价年度加载失败" />;
  if (scopes.isError) return <QueryError error={scopes.error} onRetry={() => void scopes.refetch()} title="组织范围加载失败" />;

  const chosenYear = year ?? years.data.defaultYear;
  const scopeTitle = unitId === null ? scopes.data.rootName.replace(/党委$/, '') : scopes.data.selected?.name ?? '';
  const update = (next: { year?: number; unit?: number | null }) => {
    const p = new URLSearchParams(params);
    if (next.year !== undefined) p.set('year', String(next.year));
    if (next.unit !== undefined) { if (next.unit === null) p.delete('unit'); else p.set('unit', String(next.unit)); }
    setParams(p);
  };

  return (
    <Flex vertical gap={16}>
      <Flex justify="space-between" align="center" wrap gap={12}>
        <Typography.Title level={3} style={{ margin: 0 }}>报告</Typography.Title>
        <ReportScopeBar
          years={years.data.years} year={chosenYear} onYearChange={(y) => update({ year: y })}
          scopes={scopes.data} next={scopes.next} onMore={scopes.more}
          unitId={unitId} onUnitChange={(u) => update({ unit: u })} allowCommission={allowCommission}
        />
      </Flex>
      <ReportPreviewCard
        title={`${scopeTitle}${chosenYear}年度`}
        preview={preview.data} pending={preview.isPending} error={preview.error} onRetry={() => void preview.refetch()}
      />
      <DownloadList params={{ year: chosenYear, unitId }} />
      <ReportDraftCard
        year={chosenYear} unitId={unitId}
        draft={draft.data} pending={draft.isPending} error={draft.error} onReload={() => void draft.refetch()}
        canEdit={me.role === 'admin' || me.role === 'unit_secretary'}
      />
    </Flex>
  );
}
