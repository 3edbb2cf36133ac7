import { useState } from 'react';
import { Button, Empty, Flex, Skeleton } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { Milestone, Project } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useProjects } from '../api/get-projects';
import { MilestoneModal } from './milestone-modal';
import { ProjectCard } from './project-card';
import { ProjectCreateModal } from './project-create-modal';
import { ProjectEditModal } from './project-edit-modal';
import { SectionHeader } from './section-header';

type Dialog =
  | { kind: 'create' }
  | { kind: 'edit'; projectId: number }
  | { kind: 'milestone'; projectId: number; milestone: Milestone | null };

/** 书记项目 of the chosen year. Dialogs refer to the project by id, so a reload shows its newest version. */
export function ProjectsSection({ orgId, year, canEdit }: { orgId: number; year: number; canEdit: boolean }) {
  const projects = useProjects(orgId, year);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const reload = () => void projects.refetch();
  const open = dialog && dialog.kind !== 'create' ? projects.data?.find((p) => p.id === dialog.projectId) : undefined;

  const actionsFor = (p: Project) => ({
    onEdit: () => setDialog({ kind: 'edit', projectId: p.id }),
    onAddMilestone: () => setDialog({ kind: 'milestone', projectId: p.id, milestone: null }),
    onOpenMilestone: (m: Milestone) => setDialog({ kind: 'milestone', projectId: p.id, milestone: m }),
  });

  return (
    <section aria-label="书记项目">
      <SectionHeader title={`${year}年书记项目`} hint="以项目化推动党建与业务融合，按节点跟踪进度。">
        {canEdit && <Button icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'create' })}>新建书记项目</Button>}
      </SectionHeader>
      {projects.isPending ? (
        <Skeleton active paragraph={{ rows: 4 }} />
      ) : projects.isError ? (
        <QueryError error={projects.error} onRetry={reload} title="书记项目加载失败" />
      ) : projects.data.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年尚未确定书记项目`} />
      ) : (
        <Flex vertical gap={16}>
          {projects.data.map((p) => (
            <ProjectCard key={p.id} project={p} {...(canEdit ? { actions: actionsFor(p) } : {})} />
          ))}
        </Flex>
      )}
      {dialog?.kind === 'create' && <ProjectCreateModal orgId={orgId} year={year} onClose={close} />}
      {dialog?.kind === 'edit' && open && <ProjectEditModal project={open} onClose={close} onReload={reload} />}
      {dialog?.kind === 'milestone' && open && (
        <MilestoneModal
          project={open}
          // After a reload the milestone is taken from the project's newest version.
          milestone={dialog.milestone ? (open.milestones.find((m) => m.id === dialog.milestone?.id) ?? null) : null}
          onClose={close}
          onReload={reload}
        />
      )}
    </section>
  );
}
