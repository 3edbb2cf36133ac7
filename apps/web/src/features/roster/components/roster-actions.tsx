import { useState } from 'react';
import { App, Button } from 'antd';
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { errorMessage } from '@/lib/api-client';
import { useMe } from '@/lib/auth';
import { useExportRoster } from '../api/export-roster';
import { RosterImportModal } from './roster-import-modal';

interface RosterActionsProps {
  orgId: number;
  orgName: string;
  /** Import fills one 党支部's roll, or (for a unit secretary on their unit) the unit's branches by 所在党支部; export works for any org. */
  isBranch: boolean;
}

/**
 * The roster in Excel beside the member table: 导出名册 for everyone who
 * sees the roster (masked below admin, as the server sends it), 导入名册 for
 * those who may write the branch — never the read-only 委领导.
 */
export function RosterActions({ orgId, orgName, isBranch }: RosterActionsProps) {
  const [importing, setImporting] = useState(false);
  const me = useMe().data;
  const role = me?.role;
  const exporter = useExportRoster(orgId);
  const { message } = App.useApp();
  // A unit secretary on their own unit imports the unit's export, routed to branches by 所在党支部.
  const isOwnUnit = !isBranch && role === 'unit_secretary' && me?.scopeOrgId === orgId;
  const canImport = (isBranch || isOwnUnit) && role !== undefined && role !== 'viewer';

  return (
    <>
      {canImport && <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>导入名册</Button>}
      <Button
        icon={<DownloadOutlined />}
        loading={exporter.isPending}
        onClick={() => exporter.mutate(undefined, {
          onSuccess: (filename) => message.success(`已导出 ${filename}`),
          onError: (e) => message.error(errorMessage(e)),
        })}
      >
        导出名册
      </Button>
      {importing && (
        <RosterImportModal target={{ level: isBranch ? 'branch' : 'unit', id: orgId, name: orgName }} onClose={() => setImporting(false)} />
      )}
    </>
  );
}
