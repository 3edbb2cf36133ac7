import { Space, Tag, Typography } from 'antd';
import { ORG_KIND_LABELS, type OrgKind } from '@wj/domain';
import type { OrgCounts } from '@wj/domain/schemas';
import { countSummary } from '../lib/count-summary';
import { ORG_KIND_COLORS } from '../lib/kind-colors';

interface OrgTreeTitleProps {
  node: { kind: OrgKind; name: string; counts: OrgCounts };
  keyword: string;
}

/** Tree node title: kind, name (with the search match marked) and its counts. */
export function OrgTreeTitle({ node, keyword }: OrgTreeTitleProps) {
  return (
    <Space size={8} wrap={false}>
      <Tag color={ORG_KIND_COLORS[node.kind]} style={{ marginInlineEnd: 0 }}>
        {ORG_KIND_LABELS[node.kind]}
      </Tag>
      <HighlightedName name={node.name} keyword={keyword} />
      <Tag variant="filled">{countSummary(node)}</Tag>
    </Space>
  );
}

function HighlightedName({ name, keyword }: { name: string; keyword: string }) {
  const needle = keyword.trim();
  const at = needle ? name.toLowerCase().indexOf(needle.toLowerCase()) : -1;
  if (at < 0) return <span>{name}</span>;
  return (
    <span>
      {name.slice(0, at)}
      <Typography.Text mark>{name.slice(at, at + needle.length)}</Typography.Text>
      {name.slice(at + needle.length)}
    </span>
  );
}
