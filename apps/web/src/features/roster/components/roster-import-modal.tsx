import { useState } from 'react';
import { Alert, App, Button, Flex, Modal, Typography, Upload } from 'antd';
import { DownloadOutlined, InboxOutlined } from '@ant-design/icons';
import type { RosterReport } from '@wj/domain/schemas';
import { errorMessage, type UploadProgress } from '@/lib/api-client';
import { useDownloadRosterTemplate } from '../api/roster-template';
import { refusedReport, useImportRoster, usePreviewRoster, useRosterProblems, type RosterTarget } from '../api/upload-roster';
import { RosterColumnHints } from './roster-column-hints';
import { RosterPreviewTable } from './roster-preview-table';
import { importedSentence, RosterSummary } from './roster-summary';
import { RosterUploadProgress } from './roster-upload-progress';

interface RosterImportModalProps { target: RosterTarget; onClose: () => void }

const INTRO: Record<RosterTarget['level'], string> = {
  branch: '可直接上传全国党员管理信息系统导出的名册，或按导入模板填写。所有行编入本党支部；按公民身份号码匹配，已有的党员更新其信息，其他为新增。任何一行有问题，整份文件都不会导入。',
  unit: '可直接上传全国党员管理信息系统导出的名册，或按导入模板填写。每行按“所在党支部”编入本单位对应的党支部；按公民身份号码匹配，已有的党员更新其信息，其他为新增。任何一行有问题，整份文件都不会导入。',
};

/**
 * 导入名册: choose a file (nothing is written until 确认导入), read the
 * server's preview row by row — with the file's problems downloadable as the
 * same file plus a 问题 column — and import only a file without a bad row.
 */
export function RosterImportModal({ target, onClose }: RosterImportModalProps) {
  const [file, setFile] = useState<File | null>(null);
  const [report, setReport] = useState<RosterReport | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [progress, setProgress] = useState<UploadProgress | null>(null);
  const preview = usePreviewRoster(target);
  const importing = useImportRoster(target);
  const problems = useRosterProblems(target);
  const template = useDownloadRosterTemplate();
  const { message } = App.useApp();

  const fail = (error: unknown) => {
    setProgress(null);
    setProblem(errorMessage(error));
    setReport(refusedReport(error));
  };
  const choose = (chosen: File) => {
    setFile(chosen);
    setReport(null);
    setProblem(null);
    preview.mutate({ file: chosen, onProgress: setProgress }, { onSuccess: (r) => { setProgress(null); setReport(r); }, onError: fail });
  };
  const confirm = () => file && importing.mutate({ file, onProgress: setProgress }, {
    onSuccess: (done) => { message.success(importedSentence(done.summary)); onClose(); },
    onError: fail,
  });
  const downloadProblems = () => file && problems.mutate(file, {
    onSuccess: (name) => message.success(`已下载 ${name}：在“问题”列中查看每行的问题，改正后重新上传`),
    onError: (e) => message.error(errorMessage(e)),
  });

  const nothingToDo = report !== null && report.summary.create === 0 && report.summary.update === report.summary.unchanged;
  const busy = preview.isPending || importing.isPending;
  const canImport = file !== null && report !== null && report.summary.error === 0 && !nothingToDo && !busy;

  return (
    <Modal open title={`导入名册：${target.name}${target.level === 'unit' ? '（按所在党支部分配）' : ''}`} width={1000}
      onCancel={onClose} maskClosable={false} destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>取消</Button>,
        <Button key="ok" type="primary" disabled={!canImport} loading={importing.isPending} onClick={confirm}>确认导入</Button>,
      ]}>
      <Flex vertical gap={12}>
        <Alert type="info" showIcon title="先预览，再导入" description={INTRO[target.level]}
          action={<Button size="small" icon={<DownloadOutlined />} loading={template.isPending}
            onClick={() => template.mutate(undefined, { onError: (e) => message.error(errorMessage(e)) })}>下载导入模板</Button>} />
        <RosterColumnHints />
        <Upload.Dragger
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          maxCount={1}
          disabled={busy}
          beforeUpload={(chosen) => { choose(chosen); return false; }}
          fileList={file ? [{ uid: 'roster', name: file.name, status: problem ? 'error' : 'done' }] : []}
          onRemove={() => { setFile(null); setReport(null); setProblem(null); }}
        >
          <p className="ant-upload-drag-icon"><InboxOutlined /></p>
          <p className="ant-upload-text">点击或拖入 .xlsx 文件（不超过 5 MB，最多 3000 行）</p>
          <p className="ant-upload-hint">选择文件后只做预览，点击“确认导入”才会写入</p>
        </Upload.Dragger>
        <RosterUploadProgress progress={busy ? progress : null} label={importing.isPending ? '正在导入…' : '正在检查文件…'} />
        {problem && <Alert type="error" showIcon title={problem} />}
        {report && report.notices.length > 0 && (
          <Alert type="warning" showIcon title="文件中没有以下列，按默认值处理"
            description={<Flex vertical>{report.notices.map((n) => <span key={n.column}>{n.column}：{n.message}</span>)}</Flex>} />
        )}
        {report && (
          <>
            <Flex justify="space-between" align="center" wrap gap={8}>
              <RosterSummary summary={report.summary} />
              {report.summary.error === 0 ? (
                <Typography.Text type={nothingToDo ? 'secondary' : 'success'}>
                  {nothingToDo ? '名册与现有记录一致，无需导入' : '检查通过，可以导入'}
                </Typography.Text>
              ) : (
                <Button icon={<DownloadOutlined />} loading={problems.isPending} onClick={downloadProblems}>下载问题清单</Button>
              )}
            </Flex>
            <RosterPreviewTable key={`${file?.name}-${report.summary.error}`} report={report} showBranch={target.level === 'unit'} />
          </>
        )}
      </Flex>
    </Modal>
  );
}
