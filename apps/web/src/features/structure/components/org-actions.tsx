import { useState } from 'react';
import { Button, Space } from 'antd';
import { ORG_KIND_LABELS } from '@wj/domain';
import type { OrgDetail } from '@wj/domain/schemas';
import { useMe } from '@/lib/auth';
import { canManageUnit } from '@/lib/write-access';
import { CreateOrgModal } from './create-org-modal';
import { EditOrgModal } from './edit-org-modal';
import { MoveOrgModal } from './move-org-modal';

type Action = 'create-branch' | 'create-group' | 'edit' | 'merge' | 'dissolve';

/**
 * Which structural changes fit this org (the API's rules): a unit's 党委/党总支
 * gets new 党支部; a 党支部 gets 党小组; a branch or 党小组 below the unit can be
 * renamed, merged and dissolved. Unit-level orgs are edited by the commission only.
 */
function actionsFor(org: OrgDetail, isAdmin: boolean): Action[] {
  if (org.parentId === null || org.status !== 'active') return [];
  const unitLevel = org.unitId === org.id;
  if (unitLevel) {
    const create: Action[] = org.kind === 'branch' ? ['create-group'] : ['create-branch'];
    return isAdmin ? [...create, 'edit'] : create;
  }
  if (org.kind === 'branch') return ['create-group', 'edit', 'merge', 'dissolve'];
  if (org.kind === 'party_group') return ['edit', 'merge', 'dissolve'];
  return [];
}

/** The org page's structure buttons: only for the commission's admin and the unit's own secretary. */
export function OrgActions({ org }: { org: OrgDetail }) {
  const me = useMe();
  const [open, setOpen] = useState<Action | null>(null);
  if (!canManageUnit(me.data, org)) return null;
  const actions = actionsFor(org, me.data?.role === 'admin');
  if (actions.length === 0) return null;
  const close = () => setOpen(null);
  const kind = ORG_KIND_LABELS[org.kind];

  return (
    <>
      <Space wrap>
        {actions.includes('create-branch') && <Button type="primary" onClick={() => setOpen('create-branch')}>新建党支部</Button>}
        {actions.includes('create-group') && <Button type="primary" onClick={() => setOpen('create-group')}>新建党小组</Button>}
        {actions.includes('edit') && <Button onClick={() => setOpen('edit')}>重命名/编辑</Button>}
        {actions.includes('merge') && <Button onClick={() => setOpen('merge')}>合并到…</Button>}
        {actions.includes('dissolve') && <Button danger onClick={() => setOpen('dissolve')}>撤销{kind === '党支部' ? '支部' : kind}</Button>}
      </Space>
      <CreateOrgModal parent={org} kind="branch" open={open === 'create-branch'} onClose={close} />
      <CreateOrgModal parent={org} kind="party_group" open={open === 'create-group'} onClose={close} />
      <EditOrgModal org={org} open={open === 'edit'} onClose={close} />
      <MoveOrgModal org={org} mode="merge" open={open === 'merge'} onClose={close} />
      <MoveOrgModal org={org} mode="dissolve" open={open === 'dissolve'} onClose={close} />
    </>
  );
}
