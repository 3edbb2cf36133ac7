import { Button, Card, Descriptions, Flex, Progress, Tag, Typography } from 'antd';
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { PROJECT_STATUS_LABELS, type ProjectStatus } from '@wj/domain';
import type { Milestone, Project } from '@wj/domain/schemas';
import { MilestoneTimeline } from './milestone-timeline';

const STATUS_COLORS: Record<ProjectStatus, string> = { planned: 'default', in_progress: 'processing', completed: 'success', abandoned: 'error' };

interface ProjectCardProps {
  project: Project;
  /** Edit actions; absent for a user who may not change the records. */
  actions?: {
    onEdit: () => void;
    onAddMilestone: () => void;
    onOpenMilestone: (m: Milestone) => void;
  };
}

/** One 书记项目: what it aims at, how far it is, and its milestones with any overdue in red. */
export function ProjectCard({ project: p, actions }: ProjectCardProps) {
  const done = p.milestones.filter((m) => m.doneDate).length;
  return (
    <Card
      size="small"
      title={
        <Flex gap={8} align="center" wrap>
          <span>{p.title}</span>
          <Tag color={STATUS_COLORS[p.status]}>{PROJECT_STATUS_LABELS[p.status]}</Tag>
          {p.overdue > 0 && <Tag color="red">{p.overdue} 个节点逾期</Tag>}
        </Flex>
      }
      extra={actions && (
        <Flex gap={4}>
          <Button size="small" icon={<EditOutlined />} onClick={actions.onEdit}>更新进度</Button>
          <Button size="small" icon={<PlusOutlined />} onClick={actions.onAddMilestone}>增加节点</Button>
        </Flex>
      )}
    >
      <Flex gap={24} wrap>
        <Flex vertical gap={8} style={{ flex: '1 1 320px', minWidth: 0 }}>
          <Descriptions
            size="small"
            column={1}
            items={[
              { key: 'goal', label: '项目目标', children: p.goal },
              { key: 'business', label: '服务的业务目标', children: p.businessGoal },
              ...(p.review ? [{ key: 'review', label: '结项评价', children: p.review }] : []),
            ]}
          />
          <Flex align="center" gap={8}>
            <Typography.Text type="secondary" style={{ whiteSpace: 'nowrap' }}>项目进度</Typography.Text>
            <Progress
              percent={p.progress}
              status={p.status === 'abandoned' ? 'exception' : p.progress >= 100 ? 'success' : 'active'}
              aria-label={`项目进度 ${p.progress}%`}
            />
          </Flex>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>节点完成 {done} / {p.milestones.length}</Typography.Text>
        </Flex>
        <div style={{ flex: '1 1 280px', minWidth: 0 }}>
          <MilestoneTimeline milestones={p.milestones} {...(actions ? { onOpen: actions.onOpenMilestone } : {})} />
        </div>
      </Flex>
    </Card>
  );
}
