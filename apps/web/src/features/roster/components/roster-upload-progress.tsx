import { useEffect, useState } from 'react';
import { Flex, Progress, Spin, Typography } from 'antd';
import type { UploadProgress } from '@/lib/api-client';

/**
 * Where a large upload is: the share of the file sent, then the seconds the
 * server has been checking it (a 3,000-row file takes a few seconds; other
 * users are not held up meanwhile — the server parses in a worker).
 */
export function RosterUploadProgress({ progress, label }: { progress: UploadProgress | null; label: string }) {
  const [seconds, setSeconds] = useState(0);
  const checking = progress?.phase === 'checking';
  useEffect(() => {
    if (!checking) return;
    setSeconds(0);
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, [checking]);

  if (!progress) return null;
  return (
    <Flex vertical gap={4} role="status" aria-label="上传进度">
      {progress.phase === 'sending' ? (
        <>
          <Typography.Text>正在上传文件…</Typography.Text>
          <Progress percent={progress.percent} size="small" />
        </>
      ) : (
        <Flex gap={8} align="center">
          <Spin size="small" />
          <Typography.Text>{label}{seconds > 0 ? `（已用 ${seconds} 秒）` : ''}</Typography.Text>
        </Flex>
      )}
    </Flex>
  );
}
