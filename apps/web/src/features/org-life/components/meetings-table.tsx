import { Button, Flex, Popconfirm, Progress, Table, Tag, Tooltip, Typography } from 'antd';
import type { TableProps } from 'antd';
import { AuditOutlined, DeleteOutlined, EditOutlined, PaperClipOutlined } from '@ant-design/icons';
import { MEETING_TYPE_LABELS } from '@wj/domain';
import { MEETING_REVIEW_LABELS, type Meeting } from '@wj/domain/schemas';
import { formatDate } from '@/lib/format';
import { MeetingEvidence } from './meeting-evidence';

const TYPE_COLORS: Partial<Record<Meeting['type'], string>> = {
  general_meeting: 'red', committee_meeting: 'volcano', group_meeting: 'orange', party_lecture: 'gold',
  theme_day: 'blue', life_meeting: 'purple', member_review: 'magenta', heart_talk: 'cyan',
};

interface MeetingsTableProps {
  items: Meeting[];
  loading: boolean;
  emptyText: string;
  /** Edit actions; absent for a user who may not change the records. */
  onEdit?: (m: Meeting) => void;
  onDelete?: (m: Meeting) => void;
  /** Attendance below this share (0–1) shows in red. */
  attendanceMin: number;
  /** The unit's review action; absent for a user who may not review (the branch itself, the leader). */
  onReview?: (m: Meeting) => void;
}

const REVIEW_COLORS: Record<Meeting['reviewStatus'], string> = { pending: 'default', approved: 'green', returned: 'red' };

export function MeetingsTable({ items, loading, emptyText, onEdit, onDelete, attendanceMin, onReview }: MeetingsTableProps) {
  const columns: TableProps<Meeting>['columns'] = [
    { title: '日期', dataIndex: 'date', width: 112, render: formatDate },
    { title: '类型', dataIndex: 'type', width: 128, render: (t: Meeting['type']) => <Tag color={TYPE_COLORS[t]}>{MEETING_TYPE_LABELS[t]}</Tag> },
    { title: '主题', dataIndex: 'topic', ellipsis: { showTitle: true } },
    {
      title: '应到/实到', key: 'attendance', width: 190,
      render: (_, m) => {
        const ratio = m.expected > 0 ? m.present / m.expected : 0;
        return (
          <Flex align="center" gap={8}>
            <span style={{ whiteSpace: 'nowrap' }}>{m.expected} / {m.present}</span>
            <Progress
              percent={Math.round(ratio * 100)}
              size="small"
              status={ratio < attendanceMin ? 'exception' : 'normal'}
              style={{ width: 96, margin: 0 }}
              format={(p) => `${p}%`}
            />
          </Flex>
        );
      },
    },
    {
      title: '附件', key: 'files', width: 64,
      render: (_, m) => (m.attachments.length ? <span data-testid="attachment-count"><PaperClipOutlined /> {m.attachments.length}</span> : <Typography.Text type="secondary">—</Typography.Text>),
    },
    { title: '备注', dataIndex: 'notes', width: 180, ellipsis: { showTitle: true }, render: (n: string | null) => n ?? <Typography.Text type="secondary">—</Typography.Text> },
    { title: '登记人', dataIndex: 'updatedBy', width: 160, ellipsis: { showTitle: true }, render: (u: string | null, m) => (u ? (m.updatedByName ? `${m.updatedByName}（${u}）` : u) : '—') },
    {
      title: '审核', dataIndex: 'reviewStatus', width: 96,
      render: (r: Meeting['reviewStatus'], m) => {
        const tag = <Tag color={REVIEW_COLORS[r]} data-testid="review-status">{MEETING_REVIEW_LABELS[r]}</Tag>;
        return m.reviewReason ? <Tooltip title={`退回原因：${m.reviewReason}`}>{tag}</Tooltip> : tag;
      },
    },
  ];
  if (onEdit && onDelete) {
    columns.push({
      title: '操作', key: 'actions', width: onReview ? 136 : 104, fixed: 'right',
      render: (_, m) => (
        <Flex gap={4}>
          {onReview && (
            <Tooltip title="审核">
              <Button type="text" size="small" icon={<AuditOutlined />} aria-label={`审核 ${m.topic}`} onClick={() => onReview(m)} />
            </Tooltip>
          )}
          <Tooltip title="修改">
            <Button type="text" size="small" icon={<EditOutlined />} aria-label={`修改 ${m.topic}`} onClick={() => onEdit(m)} />
          </Tooltip>
          <Popconfirm
            title="删除这条组织生活记录？"
            description="仅用于删除误登记的记录，删除后该次会议不再计入三会一课。"
            okText="删除"
            okButtonProps={{ danger: true }}
            cancelText="取消"
            onConfirm={() => onDelete(m)}
          >
            <Button type="text" size="small" danger icon={<DeleteOutlined />} aria-label={`删除 ${m.topic}`} />
          </Popconfirm>
        </Flex>
      ),
    });
  }
  return (
    <Table<Meeting>
      rowKey="id"
      size="middle"
      columns={columns}
      dataSource={items}
      loading={loading}
      scroll={{ x: 'max-content' }}
      pagination={items.length > 20 ? { pageSize: 20, showTotal: (t) => `共 ${t} 条`, showSizeChanger: false } : false}
      locale={{ emptyText }}
      expandable={{ expandedRowRender: (m) => <MeetingEvidence meeting={m} />, columnTitle: '', expandRowByClick: false }}
    />
  );
}
