import { Link } from 'react-router';
import { Alert, Card, Flex, Progress, Typography } from 'antd';
import { BRANCH_DIMENSIONS, DIMENSION_LABELS } from '@wj/domain/quality';
import type { Dashboard } from '@wj/domain/schemas';
import { scoreHex } from '@/lib/quality-colors';

interface ScopeDimensionsCardProps {
  data: Dashboard;
  isBranch: boolean;
  scopeOrgId: number | null;
  scopeOrgName: string | null;
}

/**
 * In place of the unit ranking and radar when the user's scope holds one unit
 * (or one branch): a ranking of one says nothing, so say why and show the
 * scope's own 四强 averages instead.
 */
export function ScopeDimensionsCard({ data, isBranch, scopeOrgId, scopeOrgName }: ScopeDimensionsCardProps) {
  const what = isBranch ? '本支部' : '本单位';
  const reason = scopeOrgId === null
    ? '当前只有一家单位有评价数据，不显示单位排名和单位间四强对比'
    : `您的查看范围仅为${what}${scopeOrgName ? `（${scopeOrgName}）` : ''}，不显示单位排名和单位间四强对比`;
  return (
    <Card title="四强维度得分" style={{ height: '100%' }}>
      <Flex vertical gap={16}>
        <Alert
          type="info"
          showIcon
          title={reason}
          description={
            <>
              单位排名和对比需要两家以上单位的数据。
              {scopeOrgId !== null && <Link to={`/orgs/${scopeOrgId}`}>查看{what}得分明细</Link>}
            </>
          }
        />
        {BRANCH_DIMENSIONS.map((d) => {
          const score = data.dimensionAverages[d];
          return (
            <div key={d}>
              <Typography.Text>{DIMENSION_LABELS[d]}</Typography.Text>
              {score === null ? (
                <Typography.Text type="secondary" style={{ display: 'block' }}>不适用</Typography.Text>
              ) : (
                <Progress percent={score} format={() => `${score}分`} strokeColor={scoreHex(score, data.passLine)} />
              )}
            </div>
          );
        })}
      </Flex>
    </Card>
  );
}
