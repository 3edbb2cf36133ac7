import { Alert, Descriptions, Drawer, Flex, Skeleton } from 'antd';
import { QueryError } from '@/components/query-error';
import { SeverityMark } from '@/components/severity-mark';
import { gapLineKey, TIER_LABELS } from '@wj/domain/quality';
import { useGaps } from '../api/get-gaps';
import { GapOrgTable } from './gap-org-table';

interface GapDrawerProps {
  year: number;
  passLine: number;
  /** The gap line to show (gapLineKey); null keeps the drawer closed. */
  code: string | null;
  onClose: () => void;
}

/** The drill-down behind one 问题清单 line: the branches (or units) its number counts. */
export function GapDrawer({ year, passLine, code, onClose }: GapDrawerProps) {
  const gaps = useGaps(year, code !== null);
  const line = gaps.data?.items.find((g) => gapLineKey(g) === code);

  const title = line ? (
    <Flex align="center" gap={10}>
      <SeverityMark severity={line.severity} />
      {line.text}
    </Flex>
  ) : '问题名单';

  return (
    <Drawer open={code !== null} onClose={onClose} size={760} title={title} destroyOnHidden>
      {gaps.isPending ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : gaps.isError ? (
        <QueryError error={gaps.error} onRetry={() => void gaps.refetch()} title="问题名单加载失败" />
      ) : !line ? (
        <Alert type="success" showIcon title="该问题已全部整改" description="按最新数据，已没有组织存在这一问题。" />
      ) : (
        <Flex vertical gap={16}>
          <Descriptions size="small" column={1} bordered styles={{ label: { width: 96, whiteSpace: 'nowrap' } }}>
            <Descriptions.Item label="涉及">
              {line.count}{line.level === 'branch' ? '个党支部' : '家单位'}
              {line.red > 0 && line.amber > 0 && `（红色 ${line.red}，黄色 ${line.amber}）`}
            </Descriptions.Item>
            <Descriptions.Item label="性质">{TIER_LABELS[line.tier]}</Descriptions.Item>
            <Descriptions.Item label="依据">{line.basis}</Descriptions.Item>
            {line.localRule && <Descriptions.Item label="本委规则">{line.localRule.replace(/^本委规则：/, '')}</Descriptions.Item>}
            <Descriptions.Item label="整改建议">{line.recommendation}</Descriptions.Item>
          </Descriptions>
          <GapOrgTable line={line} passLine={passLine} />
        </Flex>
      )}
    </Drawer>
  );
}
