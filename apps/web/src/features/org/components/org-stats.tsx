import { Card, Col, Row, Statistic } from 'antd';
import type { OrgCounts } from '@wj/domain/schemas';

const STATS: { key: keyof OrgCounts; title: string; suffix: string }[] = [
  { key: 'branches', title: '支部数', suffix: '个' },
  { key: 'members', title: '党员数', suffix: '名' },
  { key: 'inService', title: '在职', suffix: '名' },
  { key: 'retired', title: '离退休', suffix: '名' },
];

/** The org's sub-tree in four numbers, straight from the API's counts. */
export function OrgStats({ counts }: { counts: OrgCounts }) {
  return (
    <Row gutter={[16, 16]}>
      {STATS.map((stat) => (
        <Col key={stat.key} xs={12} lg={6}>
          <Card size="small">
            <Statistic title={stat.title} value={counts[stat.key]} suffix={stat.suffix} />
          </Card>
        </Col>
      ))}
    </Row>
  );
}
