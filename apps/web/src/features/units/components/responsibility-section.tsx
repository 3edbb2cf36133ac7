import { useState } from 'react';
import { App, Card, Checkbox, Empty, Flex, Progress, Select, Skeleton, Space, Typography } from 'antd';
import type { ResponsibilityItem } from '@wj/domain/schemas';
import { QueryError } from '@/components/query-error';
import { useSaveError } from '@/components/use-save-error';
import { useItems, useSaveItem } from '../api/responsibility-items';
import { currentYear } from '../lib/dates';
import { ResponsibilityAddForm } from './responsibility-add-form';

/** Years with items, and always this year and (for planning ahead) the next one for writers. */
function yearOptions(items: ResponsibilityItem[], canWrite: boolean) {
  const thisYear = currentYear();
  const years = new Set([thisYear, ...(canWrite ? [thisYear + 1] : []), ...items.map((i) => i.year)]);
  return [...years].sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年度` }));
}

/** 全面从严治党主体责任清单: the unit's items for a year, ticked off as they are done, with the share done. */
export function ResponsibilitySection({ unitId, canWrite }: { unitId: number; canWrite: boolean }) {
  const items = useItems(unitId);
  const save = useSaveItem(unitId);
  const onSaveError = useSaveError();
  const { message } = App.useApp();
  const [year, setYear] = useState(currentYear);

  const toggle = (item: ResponsibilityItem, done: boolean) =>
    save.mutate({ id: item.id, body: { title: item.title, done, version: item.version } }, {
      onSuccess: () => void message.success(done ? `已完成：${item.title}` : `已改为未完成：${item.title}`),
      onError: (error) => onSaveError(error, { onReload: () => void items.refetch() }),
    });

  const ofYear = items.data?.filter((i) => i.year === year) ?? [];
  const done = ofYear.filter((i) => i.done).length;
  const rate = ofYear.length ? Math.round((done / ofYear.length) * 100) : 0;

  return (
    <Card
      size="small"
      title="全面从严治党主体责任清单"
      extra={<Select size="small" aria-label="清单年度" value={year} onChange={setYear} options={yearOptions(items.data ?? [], canWrite)} style={{ width: 110 }} />}
    >
      {items.isPending ? (
        <Skeleton active />
      ) : items.isError ? (
        <QueryError error={items.error} onRetry={() => void items.refetch()} title="责任清单加载失败" />
      ) : (
        <Flex vertical gap={12}>
          {ofYear.length > 0 ? (
            <>
              <Space size={12} align="center">
                <Typography.Text>完成率</Typography.Text>
                <Progress percent={rate} size="small" style={{ width: 240, margin: 0 }} status={rate === 100 ? 'success' : 'normal'} format={(p) => `${p ?? 0}%`} />
                <Typography.Text type="secondary">{done}/{ofYear.length} 项</Typography.Text>
              </Space>
              <Flex vertical gap={6}>
                {ofYear.map((item) => (
                  <Checkbox key={item.id} checked={item.done} disabled={!canWrite || save.isPending} onChange={(e) => toggle(item, e.target.checked)}>
                    {item.title}
                  </Checkbox>
                ))}
              </Flex>
            </>
          ) : (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={`${year}年度尚未列出责任清单事项`} />
          )}
          {canWrite && <ResponsibilityAddForm unitId={unitId} year={year} />}
        </Flex>
      )}
    </Card>
  );
}
