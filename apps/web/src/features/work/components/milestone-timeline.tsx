import { Flex, Tag, Timeline, Typography } from 'antd';
import { CheckCircleFilled, ExclamationCircleFilled } from '@ant-design/icons';
import type { Milestone } from '@wj/domain/schemas';
import { todayIso } from '@wj/domain/schemas';
import { RecordFiles } from '@/components/record-files';
import { formatDate } from '@/lib/format';

/** Overdue as the API and the quality model judge it: due today or earlier and not done. */
export const isOverdue = (m: Milestone, today = todayIso()) => !m.doneDate && m.dueDate <= today;

interface MilestoneTimelineProps {
  milestones: Milestone[];
  /** Opens the milestone's dialog (登记完成 / 修改); absent when the user may not edit. */
  onOpen?: (m: Milestone) => void;
  /** Whether the user may upload the milestones' files (readers see the links). */
  canEdit?: boolean;
}

/** The project's milestones in due order: done green, overdue red, the rest waiting. */
export function MilestoneTimeline({ milestones, onOpen, canEdit = onOpen !== undefined }: MilestoneTimelineProps) {
  const today = todayIso();
  return (
    <Timeline
      style={{ marginTop: 8, marginBottom: -16 }}
      items={milestones.map((m) => {
        const overdue = isOverdue(m, today);
        return {
          key: m.id,
          color: m.doneDate ? 'green' : overdue ? 'red' : 'gray',
          icon: m.doneDate ? <CheckCircleFilled /> : overdue ? <ExclamationCircleFilled /> : undefined,
          content: (
            <Flex vertical gap={2} data-testid="milestone">
              <Flex gap={8} align="center" wrap>
                <Typography.Text strong={overdue} type={overdue ? 'danger' : undefined}>{m.title}</Typography.Text>
                {overdue && <Tag color="red">已逾期</Tag>}
                {onOpen && (
                  <Typography.Link onClick={() => onOpen(m)} style={{ fontSize: 13 }}>
                    {m.doneDate ? '修改' : '登记完成'}
                  </Typography.Link>
                )}
              </Flex>
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>
                计划 {formatDate(m.dueDate)}
                {m.doneDate ? ` · 完成 ${formatDate(m.doneDate)}` : overdue ? ' · 尚未完成' : ''}
              </Typography.Text>
              <RecordFiles path={`/milestones/${m.id}/attachments`} canEdit={canEdit} label="节点材料" />
            </Flex>
          ),
        };
      })}
    />
  );
}
