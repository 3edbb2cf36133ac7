import type { ReactNode } from 'react';
import { Card, Statistic, Typography } from 'antd';

interface KpiCardProps {
  title: string;
  value: number | null;
  suffix?: string;
  precision?: number;
  /** Colour of the figure (e.g. red when something is wrong). */
  color?: string;
  /** One small line under the figure. */
  footer?: ReactNode;
}

/** One headline figure; the card is a named group so a reader (and a test) finds it by its title. */
export function KpiCard({ title, value, suffix, precision, color, footer }: KpiCardProps) {
  return (
    <Card size="small" role="group" aria-label={title} style={{ height: '100%' }}>
      <Statistic
        title={title}
        value={value ?? '—'}
        suffix={value === null ? undefined : suffix}
        precision={value === null ? undefined : precision}
        styles={{ content: { color, fontWeight: 600 } }}
      />
      {footer && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="kpi-footer">
          {footer}
        </Typography.Text>
      )}
    </Card>
  );
}
