import { useState } from 'react';
import { Button, Card, Skeleton, Table, Tag } from 'antd';
import type { TableColumnsType } from 'antd';
import { REVIEW_GRADE_LABELS, type ReviewGrade } from '@wj/domain';
import type { SecretaryReview } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useReviews } from '../api/reviews';
import { currentYear } from '../lib/dates';
import { REVIEW_GRADE_COLORS } from '../lib/review-grades';
import { ReviewFormModal } from './review-form-modal';

/**
 * 书记抓党建述职评议: the commission's yearly grade of the unit's secretary.
 * Everyone in scope reads it; only the commission (admin) grades.
 */
export function ReviewsSection({ unitId, canGrade }: { unitId: number; canGrade: boolean }) {
  const reviews = useReviews(unitId);
  const [editing, setEditing] = useState<{ year: number; review: SecretaryReview | undefined } | null>(null);
  const thisYear = currentYear();
  const hasThisYear = reviews.data?.some((r) => r.year === thisYear) ?? true;

  const columns: TableColumnsType<SecretaryReview> = [
    { title: '年度', dataIndex: 'year', width: 80 },
    { title: '书记', dataIndex: 'secretaryName', width: 110 },
    { title: '评议等次', dataIndex: 'grade', width: 100, render: (g: ReviewGrade) => <Tag color={REVIEW_GRADE_COLORS[g]}>{REVIEW_GRADE_LABELS[g]}</Tag> },
    { title: '评议意见', dataIndex: 'comment', render: (c: string | null) => c ?? '—' },
    ...(canGrade
      ? [{
          title: '操作',
          key: 'actions',
          width: 80,
          render: (_: unknown, r: SecretaryReview) => <Button type="link" size="small" onClick={() => setEditing({ year: r.year, review: r })}>修改</Button>,
        }]
      : []),
  ];

  return (
    <Card
      size="small"
      title="书记抓党建述职评议"
      extra={canGrade && !hasThisYear && <Button size="small" onClick={() => setEditing({ year: thisYear, review: undefined })}>评定{thisYear}年度</Button>}
    >
      {reviews.isPending ? (
        <Skeleton active />
      ) : reviews.isError ? (
        <QueryError error={reviews.error} onRetry={() => void reviews.refetch()} title="述职评议加载失败" />
      ) : (
        <Table<SecretaryReview>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={reviews.data}
          pagination={false}
          locale={{ emptyText: '暂无述职评议结果' }}
        />
      )}
      {editing && <ReviewFormModal unitId={unitId} {...editing} onClose={() => setEditing(null)} />}
    </Card>
  );
}
