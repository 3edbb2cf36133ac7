import { Badge, Card, Col, Empty, Flex, Row, Typography } from 'antd';
import { RECRUIT_STAGE_LABELS, RECRUIT_STAGES } from '@wj/domain';
import type { Recruit } from '@wj/domain/schemas';
import { RecruitCard } from './recruit-card';

interface RecruitPipelineProps {
  /** Entries still being trained (status active), any stage. */
  items: Recruit[];
  onAdvance?: (r: Recruit) => void;
  onStop?: (r: Recruit) => void;
}

/** 入党申请人 → 入党积极分子 → 发展对象 → 预备党员 → 正式党员, one column per stage. */
export function RecruitPipeline({ items, onAdvance, onStop }: RecruitPipelineProps) {
  return (
    <Row gutter={[12, 12]} wrap>
      {RECRUIT_STAGES.map((stage, i) => {
        const inStage = items.filter((r) => r.stage === stage);
        const talents = inStage.filter((r) => r.isTalent).length;
        return (
          <Col key={stage} xs={24} md={12} xl={{ flex: '1 1 0' }} style={{ minWidth: 0 }}>
            <Card
              size="small"
              role="region"
              aria-label={RECRUIT_STAGE_LABELS[stage]}
              title={
                <Flex align="center" gap={8}>
                  <Typography.Text type="secondary">{i + 1}</Typography.Text>
                  <span>{RECRUIT_STAGE_LABELS[stage]}</span>
                  <Badge count={inStage.length} showZero color={inStage.length ? '#c41d1d' : '#bfbfbf'} />
                </Flex>
              }
              extra={talents > 0 ? <Typography.Text type="secondary" style={{ fontSize: 12 }}>人才 {talents}</Typography.Text> : null}
              styles={{ body: { background: '#fafafa', padding: 8, minHeight: 120 } }}
            >
              {inStage.length === 0 ? (
                <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description="暂无" style={{ margin: '16px 0' }} />
              ) : (
                <Flex vertical gap={8}>
                  {inStage.map((r) => (
                    <RecruitCard
                      key={r.id}
                      recruit={r}
                      {...(onAdvance ? { onAdvance: () => onAdvance(r) } : {})}
                      {...(onStop ? { onStop: () => onStop(r) } : {})}
                    />
                  ))}
                </Flex>
              )}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
