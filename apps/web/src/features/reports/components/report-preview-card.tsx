import { Card, Col, Row, Skeleton, Statistic, Typography } from 'antd';
import { formatCnDate } from '@/components/quality-period';
import { QueryError } from '@/components/query-error';
import type { ReportPreview } from '../api/get-report-preview';

interface ReportPreviewCardProps {
  title: string;
  preview: ReportPreview | undefined;
  pending: boolean;
  error: unknown;
  onRetry: () => void;
}

interface Figure { label: string; value: number | null; suffix?: string; precision?: number; danger?: boolean }

/** The headline figures the report will carry, so the user sees what they are about to download. */
export function ReportPreviewCard({ title, preview, pending, error, onRetry }: ReportPreviewCardProps) {
  if (error && !preview) return <QueryError error={error} onRetry={onRetry} title="报告预览加载失败" />;
  const figures: Figure[] = preview ? [
    ...(preview.unit ? [{ label: '单位综合得分', value: preview.unit.total, suffix: '分', precision: 1 }] : []),
    { label: '党支部', value: preview.branches, suffix: '个' },
    { label: '党员', value: preview.members, suffix: '名' },
    { label: '支部平均得分', value: preview.averageScore, suffix: '分', precision: 1 },
    { label: '优良支部', value: preview.grades.good, suffix: '个' },
    { label: '不合格支部', value: preview.grades.poor, suffix: '个', danger: preview.grades.poor > 0 },
    { label: '问题类别', value: preview.gapKinds, suffix: '类', danger: preview.gapKinds > 0 },
    { label: '其中违反党内法规', value: preview.regulationKinds, suffix: '类', danger: preview.regulationKinds > 0 },
    { label: '提醒事项', value: preview.reminderKinds, suffix: '类' },
    ...(preview.unit ? [{ label: '责任落实得分', value: preview.unit.responsibility, suffix: '分', precision: 1 }] : []),
  ] : [];
  return (
    <Card
      title={`报告预览：${title}`}
      extra={preview && (
        <Typography.Text type="secondary" data-testid="report-period">
          {preview.year}年度 · 截至 {formatCnDate(preview.asOf)} · 评分规则第{preview.ruleVersion}版
        </Typography.Text>
      )}
      role="region"
      aria-label="报告预览"
    >
      {pending && !preview ? <Skeleton active paragraph={{ rows: 2 }} /> : (
        <Row gutter={[16, 16]}>
          {figures.map((f) => (
            <Col key={f.label} xs={12} sm={8} md={6} lg={3} role="group" aria-label={f.label}>
              <Statistic
                title={f.label}
                value={f.value ?? '—'}
                suffix={f.value === null ? undefined : f.suffix}
                precision={f.value === null ? undefined : f.precision}
                styles={{ content: { fontWeight: 600, color: f.danger ? '#cf1322' : undefined } }}
              />
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
