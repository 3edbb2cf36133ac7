import { FileExcelOutlined, FileWordOutlined, DownloadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, Typography } from 'antd';
import { errorMessage } from '@/lib/api-client';
import { useDownloadReport, type DownloadParams } from '../api/download-report';
import type { ReportFile } from '../lib/report-files';

const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`);

interface DownloadRowProps {
  file: ReportFile;
  params: DownloadParams;
}

/** One export: what it holds, a download button that shows 正在生成… while the server works, and the outcome. */
export function DownloadRow({ file, params }: DownloadRowProps) {
  const download = useDownloadReport(file);
  const Icon = file.format === 'Word' ? FileWordOutlined : FileExcelOutlined;
  return (
    <Flex vertical gap={8} role="group" aria-label={file.title} style={{ padding: '12px 0' }}>
      <Flex align="center" gap={12} wrap>
        <Icon style={{ fontSize: 28, color: file.format === 'Word' ? '#2b579a' : '#217346' }} />
        <Flex vertical style={{ flex: 1, minWidth: 240 }}>
          <Typography.Text strong>{file.title}（{file.format}）</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 13 }}>{file.description}</Typography.Text>
        </Flex>
        {download.isPending && <Typography.Text type="secondary" role="status">正在生成…</Typography.Text>}
        {download.isSuccess && !download.isPending && (
          <Typography.Text type="success" role="status">
            已下载 {download.data.filename}（{sizeText(download.data.size)}）
          </Typography.Text>
        )}
        <Button
          type={file.key === 'annual' ? 'primary' : 'default'}
          icon={<DownloadOutlined />}
          loading={download.isPending}
          onClick={() => download.mutate(params)}
          aria-label={`下载${file.title}`}
        >
          {download.isPending ? '生成中' : '下载'}
        </Button>
      </Flex>
      {download.isError && (
        <Alert type="error" showIcon title={`${file.title}生成失败`} description={errorMessage(download.error)} closable onClose={() => download.reset()} />
      )}
    </Flex>
  );
}
