import { App, Button, Flex, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { PageSkeleton } from '@/components/page-skeleton';
import { QueryError } from '@/components/query-error';
import { errorMessage } from '@/lib/api-client';
import { useYearStatus, type YearStatus } from '@/lib/year-status';
import { useCloseYear } from '../../api/close-year';
import { useRejudgeYear } from '../../api/rejudge-year';
import { formatDateTime } from '../../lib/format-time';

const THIS_YEAR = new Date().getFullYear();

/**
 * 年度结账: a past year is closed once, freezing the organisation as it stood
 * on 31 December and the rules in force; from then on a rule change or a new
 * record does not move it. 重新评定 refreezes it from today's records (audited).
 */
export function YearsTab() {
  const years = useYearStatus();
  const close = useCloseYear();
  const rejudge = useRejudgeYear();
  const { modal, message } = App.useApp();

  const confirmClose = (y: number) => {
    modal.confirm({
      title: `关闭${y}年度？`,
      content: `将按${y}年12月31日的党组织、党员、支委会情况和现行评分规则冻结${y}年度评定结果。此后修改评分规则或新增记录不再改变该年度的得分、问题清单和年度报告。`,
      okText: '关闭年度',
      cancelText: '取消',
      onOk: () => close.mutateAsync(y).then(
        () => void message.success(`${y}年度已结账`),
        (error: unknown) => void message.error(errorMessage(error)),
      ),
    });
  };
  const confirmRejudge = (y: number) => {
    modal.confirm({
      title: `重新评定${y}年度？`,
      content: `将按目前的记录和现行评分规则重新冻结${y}年度评定结果，该年度的得分、问题清单和年度报告随之改变。此操作记入审计日志。`,
      okText: '重新评定',
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => rejudge.mutateAsync(y).then(
        () => void message.success(`${y}年度已重新评定`),
        (error: unknown) => void message.error(errorMessage(error)),
      ),
    });
  };

  if (years.isPending) return <PageSkeleton rows={4} />;
  if (years.isError) return <QueryError error={years.error} onRetry={() => void years.refetch()} title="年度列表加载失败" />;

  const columns: ColumnsType<YearStatus> = [
    { title: '年度', dataIndex: 'year', render: (y: number) => `${y}年度` },
    {
      title: '状态', key: 'status',
      render: (_, r) => (r.status === 'closed'
        ? <Tag color="blue">已结账（评分规则第{r.ruleVersion}版）</Tag>
        : <Tag>{r.year >= THIS_YEAR ? '进行中' : '未结账'}（现行评分规则第{r.ruleVersion}版）</Tag>),
    },
    { title: '结账时间', dataIndex: 'closedAt', render: (v: string | null) => formatDateTime(v) },
    { title: '操作人', dataIndex: 'closedBy', render: (v: string | null) => v ?? '—' },
    {
      title: '操作', key: 'actions',
      render: (_, r) => (r.status === 'closed'
        ? <Button size="small" onClick={() => confirmRejudge(r.year)}>重新评定</Button>
        : r.year < THIS_YEAR && <Button size="small" type="primary" onClick={() => confirmClose(r.year)}>关闭年度</Button>),
    },
  ];

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
        已结账的年度按当年12月31日的组织状况和结账时的评分规则评定，修改评分规则只影响未结账的年度。
      </Typography.Paragraph>
      <Table<YearStatus> rowKey="year" size="middle" pagination={false} columns={columns} dataSource={years.data} aria-label="年度列表" />
    </Flex>
  );
}
