import { useMemo, useState } from 'react';
import type { Key } from 'react';
import { useNavigate } from 'react-router';
import { Button, Empty, Flex, Input, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { filterOrgTree } from '../lib/filter-tree';
import { OrgTreeTitle } from './org-tree-title';

function toTreeData(node: OrgTreeNode, keyword: string, aboveScope: ReadonlySet<number>): TreeDataNode {
  return {
    key: node.id,
    title: <OrgTreeTitle node={node} keyword={keyword} />,
    // Orgs above the user's scope are context only: the API refuses their pages.
    selectable: !aboveScope.has(node.id),
    children: node.children.map((child) => toTreeData(child, keyword, aboveScope)),
  };
}

function parentIds(node: OrgTreeNode): number[] {
  return node.children.length === 0 ? [] : [node.id, ...node.children.flatMap(parentIds)];
}

interface OrgTreeViewProps {
  root: OrgTreeNode;
  /** The top org the user may open; the tree opens down to it. */
  scopeId: number;
  aboveScope: ReadonlySet<number>;
}

/** The whole organisation as an expandable tree; a node click opens its page. */
export function OrgTreeView({ root, scopeId, aboveScope }: OrgTreeViewProps) {
  const navigate = useNavigate();
  const openingView = useMemo<Key[]>(() => [...aboveScope, scopeId], [aboveScope, scopeId]);
  const [keyword, setKeyword] = useState('');
  const [expandedKeys, setExpandedKeys] = useState<Key[]>(openingView);
  const filtered = useMemo(() => filterOrgTree(root, keyword), [root, keyword]);
  const treeData = useMemo(
    () => (filtered.root ? [toTreeData(filtered.root, keyword, aboveScope)] : []),
    [filtered.root, keyword, aboveScope],
  );

  const onSearch = (value: string) => {
    setKeyword(value);
    // While searching, open the path to every match; clearing returns to the opening view.
    setExpandedKeys(value.trim() ? filterOrgTree(root, value).expandedIds : openingView);
  };

  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Input.Search
          allowClear
          placeholder="按组织名称搜索，如“人民医院”"
          aria-label="按组织名称搜索"
          value={keyword}
          onChange={(e) => onSearch(e.target.value)}
          style={{ maxWidth: 360 }}
        />
        {keyword.trim() && filtered.root && (
          <Typography.Text type="secondary">找到 {filtered.matchCount} 个组织</Typography.Text>
        )}
        <Flex gap={8} style={{ marginInlineStart: 'auto' }}>
          <Button onClick={() => setExpandedKeys(filtered.root ? parentIds(filtered.root) : [])}>全部展开</Button>
          <Button onClick={() => setExpandedKeys(openingView)}>全部收起</Button>
        </Flex>
      </Flex>
      {treeData.length === 0 ? (
        <Empty description={`没有名称包含“${keyword.trim()}”的组织`} />
      ) : (
        <Tree
          showLine
          blockNode
          treeData={treeData}
          expandedKeys={expandedKeys}
          onExpand={setExpandedKeys}
          selectedKeys={[]}
          onSelect={(_, info) => navigate(`/orgs/${String(info.node.key)}`)}
        />
      )}
    </Flex>
  );
}
