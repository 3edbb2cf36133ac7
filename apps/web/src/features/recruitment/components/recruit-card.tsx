import { Button, Card, Flex, Tag, Typography } from 'antd';
import { JOB_CATEGORY_LABELS, RECRUIT_STAGES, TITLE_LEVEL_LABELS } from '@wj/domain';
import { todayIso, type Recruit } from '@wj/domain/schemas';
import { formatDate } from '@/lib/format';
import { STAGE_DATE_LABELS, stageDate } from '../lib/stage-text';

interface RecruitCardProps {
  recruit: Recruit;
  /** Actions; absent for a user who may not change the records. */
  onAdvance?: () => void;
  onStop?: () => void;
}

/** One person in the pipeline: who, the dates of each stage reached, and when the next step may come. */
export function RecruitCard({ recruit: r, onAdvance, onStop }: RecruitCardProps) {
  const reached = RECRUIT_STAGES.slice(0, RECRUIT_STAGES.indexOf(r.stage) + 1);
  const waiting = r.nextStepFrom !== null && r.nextStepFrom > todayIso();
  const profile = [r.jobCategory && JOB_CATEGORY_LABELS[r.jobCategory], r.titleLevel !== 'none' && TITLE_LEVEL_LABELS[r.titleLevel]].filter(Boolean).join(' · ');
  const editable = r.stage !== 'full' && (onAdvance || onStop);
  return (
    <Card size="small" data-testid="recruit-card" aria-label={r.name} styles={{ body: { padding: 12 } }}>
      <Flex vertical gap={4}>
        <Flex gap={6} align="center" wrap>
          <Typography.Text strong>{r.name}</Typography.Text>
          {r.isTalent && <Tag color="gold" style={{ marginInlineEnd: 0 }}>高层次人才</Tag>}
        </Flex>
        {profile && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{profile}</Typography.Text>}
        {reached.map((s) => (
          <Typography.Text key={s} style={{ fontSize: 12 }}>
            {STAGE_DATE_LABELS[s].replace('日期', '')}：{formatDate(stageDate(r, s))}
          </Typography.Text>
        ))}
        {r.nextStepFrom && (
          <Typography.Text style={{ fontSize: 12 }} type={waiting ? 'warning' : 'success'}>
            {waiting ? `最早 ${formatDate(r.nextStepFrom)} 可推进` : '已可推进到下一阶段'}
          </Typography.Text>
        )}
        {editable && (
          <Flex justify="space-between" gap={8} wrap style={{ borderTop: '1px solid #f0f0f0', paddingTop: 6, marginTop: 4 }}>
            {onAdvance && <Button type="link" size="small" style={{ padding: 0 }} onClick={onAdvance}>推进到下一阶段</Button>}
            {onStop && <Button type="link" size="small" danger style={{ padding: 0 }} onClick={onStop}>终止培养</Button>}
          </Flex>
        )}
      </Flex>
    </Card>
  );
}
