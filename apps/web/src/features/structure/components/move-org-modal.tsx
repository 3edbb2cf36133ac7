import { useState } from 'react';
import { App, Alert, DatePicker, Form, Modal } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useNavigate } from 'react-router';
import { ORG_KIND_LABELS } from '@wj/domain';
import {
  OrgDissolveSchema, OrgMergeSchema, type OrgDetail, type OrgDissolve, type OrgMerge, type OrgMoveResult,
} from '@wj/domain/schemas';
import { useSaveError } from '@/components/use-save-error';
import { clearChangedErrors, validateWith } from '@/lib/form-errors';
import { useMoveOrg } from '../api/move-org';
import { disableFuture, toIsoDate } from '../lib/dates';
import { TargetBranchSelect } from './target-branch-select';

interface MoveValues {
  intoOrgId?: number | null;
  moveMembersTo?: number | null;
  date?: Dayjs;
}

type MoveRequest = { mode: 'merge'; body: OrgMerge } | { mode: 'dissolve'; body: OrgDissolve };

/** What moves with the org: its members (those in its 党小组 included) and its 党小组. */
function whatMoves(org: OrgDetail): string {
  const groups = org.children.filter((c) => c.kind === 'party_group').length;
  return [`${org.counts.members} 名党员`, groups > 0 && `${groups} 个党小组`].filter(Boolean).join('、');
}

interface MoveOrgModalProps {
  org: OrgDetail;
  mode: 'merge' | 'dissolve';
  open: boolean;
  onClose: () => void;
}

/** 合并到… / 撤销: the members and open records go to a branch of the same unit, then the org ends. */
export function MoveOrgModal({ org, mode, open, onClose }: MoveOrgModalProps) {
  const [form] = Form.useForm<MoveValues>();
  const [targetName, setTargetName] = useState<string | null>(null);
  const move = useMoveOrg(org.id);
  const onSaveError = useSaveError();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const kindLabel = ORG_KIND_LABELS[org.kind];
  const hasContent = org.counts.members > 0 || org.children.length > 0;
  const verb = mode === 'merge' ? '合并' : '撤销';

  const done = (result: OrgMoveResult) => {
    void message.success(result.target
      ? `${org.name}已${verb}，${result.moved.members} 名党员已转入${result.target.name}`
      : `${org.name}已撤销`);
    onClose();
    // The org is gone: show where its members went, or its parent when nobody moved.
    navigate(`/orgs/${result.target?.id ?? org.parentId ?? ''}`);
  };

  const confirmAndMove = (request: MoveRequest) => {
    const into = targetName ? `转入${targetName}` : '';
    modal.confirm({
      title: `确认${verb}${org.name}？`,
      content: hasContent && into
        ? `${verb}后，${org.name}的${whatMoves(org)}将${into}，${org.name}不再保留。此操作不能撤回。`
        : `${verb}后，${org.name}不再保留。此操作不能撤回。`,
      okText: `确认${verb}`,
      okButtonProps: { danger: true },
      cancelText: '取消',
      onOk: () => move.mutateAsync(request).then(done, (error: unknown) => onSaveError(error, { form })),
    });
  };

  const submit = (values: MoveValues) => {
    const date = toIsoDate(values.date);
    const showUnplaced = (messages: string[]) => messages.forEach((m) => void message.error(m));
    if (mode === 'merge') {
      const checked = validateWith(form, OrgMergeSchema, { intoOrgId: values.intoOrgId ?? undefined, date, version: org.version });
      if (checked.data) confirmAndMove({ mode, body: checked.data });
      else showUnplaced(checked.other);
      return;
    }
    if (hasContent && !values.moveMembersTo) {
      // The API refuses to leave members on a dissolved branch; say so before asking.
      form.setFields([{ name: ['moveMembersTo'], errors: [`请选择${whatMoves(org)}转入的支部`] }]);
      return;
    }
    const checked = validateWith(form, OrgDissolveSchema, { moveMembersTo: values.moveMembersTo ?? null, date, version: org.version });
    if (checked.data) confirmAndMove({ mode, body: checked.data });
    else showUnplaced(checked.other);
  };

  return (
    <Modal
      title={mode === 'merge' ? `将${org.name}合并到…` : `撤销${kindLabel}`}
      open={open}
      onCancel={onClose}
      onOk={() => form.submit()}
      okText={mode === 'merge' ? '合并' : '撤销'}
      okButtonProps={{ danger: true }}
      confirmLoading={move.isPending}
      destroyOnHidden
    >
      <Form
        name="org-move"
        form={form}
        layout="vertical"
        onFinish={submit}
        onValuesChange={(changed) => clearChangedErrors(form, changed)}
        preserve={false}
        initialValues={{ date: dayjs() }}
      >
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title={hasContent
            ? `${org.name}现有${whatMoves(org)}，将连同品牌、未完成的书记项目、先锋岗和发展对象一并转入所选支部。`
            : `${org.name}目前没有在册党员。`}
        />
        <Form.Item
          // Named as the API names it, so its 400 details land on this field.
          name={mode === 'merge' ? 'intoOrgId' : 'moveMembersTo'}
          label={mode === 'merge' ? '并入的支部' : '党员转入的支部'}
          required={mode === 'merge' || hasContent}
          extra={mode === 'dissolve' && !hasContent ? '无党员可不选' : undefined}
        >
          <TargetBranchSelect source={org} allowClear onChange={(_, name) => setTargetName(name)} />
        </Form.Item>
        <Form.Item name="date" label={mode === 'merge' ? '合并日期' : '撤销日期'} required>
          <DatePicker disabledDate={disableFuture} style={{ width: '100%' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
