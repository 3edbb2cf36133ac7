import { Flex, Progress, Typography } from 'antd';
import { scoreHex } from '@/lib/quality-colors';

export interface DimensionBar {
  key: string;
  label: string;
  /** 0–100; null when the dimension does not apply. */
  score: number | null;
  /** Small text after the label, e.g. "权重 30%". */
  note?: string;
}

/** One bar per dimension, red below the pass line. */
export function DimensionBars({ bars, passLine, columns = false }: { bars: DimensionBar[]; passLine: number; columns?: boolean }) {
  const layout = columns
    ? { display: 'grid', gridTemplateColumns: 'repeat(auto-fit, minmax(180px, 1fr))', columnGap: 24, rowGap: 10 }
    : { display: 'flex', flexDirection: 'column' as const, gap: 10 };
  return (
    <div style={layout}>
      {bars.map((bar) => (
        <div key={bar.key} role="group" aria-label={bar.label}>
          <Flex justify="space-between">
            <Typography.Text>{bar.label}</Typography.Text>
            {bar.note && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{bar.note}</Typography.Text>}
          </Flex>
          {bar.score === null ? (
            <Typography.Text type="secondary">不适用</Typography.Text>
          ) : (
            <Progress
              percent={bar.score}
              format={() => `${bar.score}分`}
              strokeColor={scoreHex(bar.score, passLine)}
              status="normal"
            />
          )}
        </div>
      ))}
    </div>
  );
}
