import { Tooltip } from 'antd';
import { SIGNAL_HEX } from '@/lib/quality-colors';

export type Severity = 'red' | 'amber';

/** What each mark means (DESIGN.md: red — the rule is broken; amber — at risk or partly met). */
export const SEVERITY_LABELS: Record<Severity, string> = { red: '红色：未落实规定', amber: '黄色：部分达标或存在风险' };

/** A red or amber dot, explained on hover and to screen readers. */
export function SeverityMark({ severity, size = 10 }: { severity: Severity; size?: number }) {
  return (
    <Tooltip title={SEVERITY_LABELS[severity]}>
      <span
        role="img"
        aria-label={SEVERITY_LABELS[severity]}
        data-severity={severity}
        style={{ display: 'inline-block', flex: 'none', width: size, height: size, borderRadius: '50%', background: SIGNAL_HEX[severity] }}
      />
    </Tooltip>
  );
}
