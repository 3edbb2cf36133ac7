import { Card, Tooltip, Typography } from 'antd';
import type { ComplianceItem, ComplianceStatus } from '../lib/compliance';
import { figure } from '../lib/compliance-figure';

const COLORS: Record<ComplianceStatus, { border: string; text: string; background: string }> = {
  met: { border: '#b7eb8f', text: '#389e0d', background: '#f6ffed' },
  short: { border: '#ffa39e', text: '#cf1322', background: '#fff1f0' },
  warn: { border: '#ffd591', text: '#d46b08', background: '#fff7e6' },
  pending: { border: '#d9d9d9', text: 'rgba(0,0,0,0.65)', background: '#fafafa' },
  na: { border: '#f0f0f0', text: 'rgba(0,0,0,0.45)', background: '#fafafa' },
};

function tip(item: ComplianceItem): string {
  if (item.key === 'attendance') return `本年度 ${item.recorded} 次组织生活的平均到会率`;
  return `本年度已召开${item.label} ${item.recorded} 次；达标期数按规则每期只计一次，未到期的期不计入应开`;
}

/** One tile per kind of meeting: green when every due period is covered, red when one is missing. */
export function ComplianceStrip({ items }: { items: ComplianceItem[] }) {
  return (
    <div role="list" aria-label="三会一课执行情况" style={{ display: 'grid', gap: 12, gridTemplateColumns: 'repeat(auto-fill, minmax(118px, 1fr))' }}>
      {items.map((item) => {
        const c = COLORS[item.status];
        const { value, caption } = figure(item);
        return (
          <Tooltip key={item.key} title={tip(item)}>
            <Card
              size="small"
              role="listitem"
              aria-label={`${item.label} ${value} ${caption} ${item.note ?? ''}`.trim()}
              data-status={item.status}
              style={{ borderColor: c.border, background: c.background }}
              styles={{ body: { padding: '10px 12px' } }}
            >
              <Typography.Text type="secondary" style={{ fontSize: 13 }}>{item.label}</Typography.Text>
              <div style={{ color: c.text, fontSize: 22, fontWeight: 600, lineHeight: '32px' }}>{value}</div>
              <Typography.Text style={{ fontSize: 12, color: c.text }}>
                {[caption, item.note].filter(Boolean).join(' · ') || ' '}
              </Typography.Text>
            </Card>
          </Tooltip>
        );
      })}
    </div>
  );
}
