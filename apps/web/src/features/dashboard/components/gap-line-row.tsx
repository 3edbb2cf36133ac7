import { RightOutlined } from '@ant-design/icons';
import { Flex, Tag, Typography } from 'antd';
import { DIMENSION_LABELS, type Dimension } from '@wj/domain/quality';
import type { Dashboard } from '@wj/domain/schemas';
import { SeverityMark } from '@/components/severity-mark';
import './gap-line.css';

type Line = Dashboard['topGaps'][number];

/** One line of the 问题清单: "27个支部书记非“双带头人”", its mark, its dimension and, small, its source. */
export function GapLineRow({ line, onOpen }: { line: Line; onOpen: () => void }) {
  const mixed = line.red > 0 && line.amber > 0;
  return (
    <button
      type="button"
      className="gap-line"
      onClick={onOpen}
      aria-label={`${line.text}，查看名单`}
      data-code={line.code}
      data-tier={line.tier}
      style={{
        display: 'block', width: '100%', textAlign: 'left', cursor: 'pointer', background: 'none',
        border: 'none', borderBottom: '1px solid #f0f0f0', padding: '10px 4px', font: 'inherit',
      }}
    >
      <Flex component="span" align="center" gap={10}>
        <SeverityMark severity={line.severity} />
        <Typography.Text strong style={{ flex: 'none' }} data-testid="gap-text">
          {line.text}
        </Typography.Text>
        {mixed && (
          <Typography.Text type="secondary" style={{ fontSize: 12, flex: 'none' }}>
            红 {line.red} · 黄 {line.amber}
          </Typography.Text>
        )}
        <Tag style={{ marginInlineStart: 'auto', marginInlineEnd: 0, flex: 'none' }}>
          {DIMENSION_LABELS[line.dimension as Dimension] ?? line.dimension}
        </Tag>
        <RightOutlined style={{ color: '#bfbfbf', fontSize: 12 }} />
      </Flex>
      <Typography.Text
        type="secondary"
        ellipsis={{ tooltip: line.source }}
        style={{ display: 'block', fontSize: 12, marginTop: 2, paddingInlineStart: 20 }}
      >
        依据：{line.basis}{line.localRule ? `；${line.localRule}` : ''}
      </Typography.Text>
    </button>
  );
}
