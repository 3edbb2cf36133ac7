import { Card, Divider } from 'antd';
import { Fragment } from 'react';
import type { DownloadParams } from '../api/download-report';
import { REPORT_FILES } from '../lib/report-files';
import { DownloadRow } from './download-row';

/** Every export for the chosen year and scope. Rows are keyed by scope so that a finished download's note does not carry over to another scope. */
export function DownloadList({ params }: { params: DownloadParams }) {
  const scopeKey = `${params.year ?? ''}-${params.unitId ?? 'all'}`;
  return (
    <Card title="导出文件" role="region" aria-label="导出文件">
      {REPORT_FILES.map((file, i) => (
        <Fragment key={`${file.key}-${scopeKey}`}>
          {i > 0 && <Divider style={{ margin: 0 }} />}
          <DownloadRow file={file} params={params} />
        </Fragment>
      ))}
    </Card>
  );
}
