import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Spin, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { RosterReport } from '@wj/domain/schemas';
import { errorMessage } from '@/lib/api-client';
import { useDownloadRosterTemplate } from '../api/roster-template';
import { useImportRoster, usePreviewRoster } from '../api/upload-roster';
import { RosterUploadError } from '../lib/http-file';
import { RosterColumnHints } from './roster-column-hints';
import { RosterPreviewTable } from './roster-preview-table';
import { importedSentence, RosterSummary } from './roster-summary';

interface RosterImportModalProps { branchId: number; branchName: string; onClose: () => void }

/**
 * 导入名册: choose a file (nothing is sent until then, and nothing written),
 * read the server's preview row by row, and only a file without a single bad
 * row can be imported — the server imports all rows or none.
 */
export function RosterImportModal({ branchId, branchName, onClose }: RosterImportModalProps) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<RosterReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const preview = usePreviewRoster(branchId);
  const importing = useImportRoster(branchId);
  const template = useDownloadRosterTemplate();
  const { message } = App.useApp();

  const fail = (error: unknown) => {
    setProblem(errorMessage(error));
    setReport(error instanceof RosterUploadError && error.report ? error.report : null);
  };
  const choose = (chosen: File) => {
    setFile(chosen);
    setReport(null);
    setProblem(null);
    preview.mutate(chosen, { onSuccess: setReport, onError: fail });
  };
  const confirm = () => file && importing.mutate(file, {
    onSuccess: (done) => { message.success(importedSentence(done.summary)); onClose(); },
    onError: fail,
  });

  const nothingToDo = report !== null && report.summary.create === 0 && report.summary.update === report.summary.unchanged;
  const canImport = file !== null && report !== null && report.summary.error === 0 && !nothingToDo && !preview.isPending;

  return (
    <Modal open title={`导入名册：${branchName}`} width={960} onCancel={onClose} maskClosable={false} destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="ok" type="primary" disabled={!canImport} loading={importing.isPending} onClick={confirm}>确认导入</Button>,
      ]}>
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title="按导入模板填写后上传，先预览再导入"
          description="按公民身份号码匹配：本支部已有的党员更新其信息，其他为新增。任何一行有问题，整份文件都不会导入。"
          action={<Button size="small" icon={<DownloadOutlined />} loading={template.isPending}
            onClick={() => template.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}>下载导入模板</Button>} />
        <RosterColumnHints />
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          beforeUpload={(chosen) => { choose(chosen); return false; }}
          fileList={file ? [{ uid: 'roster', name: file.name, status: problem ? 'error' : 'done' }] : []}
          onRemove={() => { setFile(null); setReport(null); setProblem(null); }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">点击或拖入 .xlsx 文件（不超过 5 MB）</p>
          <p className="ant-upload-hint">选择文件后只做预览，点击“确认导入”才会写入</p>
        </Upload.Dragger>
        {preview.isPending && <Spin description="正在检查文件…"><div style={{ height: 48 }} /></Spin>}
        {problem && <Alert type="error" showIcon title={problem} />}
        {report && (
          <>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <RosterSummary summary={report.summary} />
              {report.summary.error === 0 && (
                <Typography.Text type={nothingToDo ? 'secondary' : 'success'}>
                  {nothingToDo ? '名册与现有记录一致，无需导入' : '检查通过，可以导入'}
                </Typography.Text>
              )}
            </Flex>
            <RosterPreviewTable key={`${file?.name}-${report.summary.error}`} report={report} />
          </>
        )}
      </Flex>
    </Modal>
  );
}
