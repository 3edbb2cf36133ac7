import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { Key } from 'react';
import { useNavigate } from 'react-router';
import { useQueries, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Flex, Input, Spin, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import type { OrgLevelNode } from '@/lib/org-tree-top';
import { ApiError } from '@/lib/api-client';
import { orgChildrenPageQuery } from '@/lib/org-tree-levels';
import { useDebounced } from '@/lib/use-debounced';
import { orgChildrenQueryOptions } from '../api/get-org-children';
import { SEARCH_LIMIT, useSearchOrgs } from '../api/search-orgs';
import { aboveMatches, pagedChildren, sentOpen } from '../lib/level-tree';
import { OrgTreeTitle } from './org-tree-title';

/** More nodes than this on hand and the tree scrolls in a window of its own, drawing only the rows in sight. */
const VIRTUAL_FROM = 500;

interface Shown {
  loaded: ReadonlyMap<number, OrgLevelNode[]>;
  /** The pages loaded after the opening view's children (显示更多), by parent. */
  pages: ReadonlyMap<number, OrgLevelNode[]>;
  /** The opening view (not a search's answer). */
  opening: boolean;
  keyword: string;
  aboveScope: ReadonlySet<number>;
  more: (parent: number, offset: number) => void;
  loadingMore: ReadonlySet<number>;
}

function toTreeData(node: OrgLevelNode, shown: Shown): TreeDataNode {
  const { children, more } = pagedChildren(node, shown.loaded, shown.pages, shown.opening);
  const moreNode: TreeDataNode[] = more > 0 && children ? [{
    key: `more:${node.id}`,
    selectable: false,
    isLeaf: true,
    title: (
      <Button type="link" size="small" loading={shown.loadingMore.has(node.id)} onClick={() => shown.more(node.id, children.length)}>
        显示更多（还有 {more} 个）
      </Button>
    ),
  }] : [];
  return {
    key: node.id,
    title: <OrgTreeTitle node={node} keyword={shown.keyword} />,
    // Orgs above the user's scope are context only: the API refuses their pages.
    selectable: !shown.aboveScope.has(node.id),
    isLeaf: node.childCount === 0 || children?.length === 0,
    ...(children ? { children: [...children.map((child) => toTreeData(child, shown)), ...moreNode] } : {}),
  };
}

/** Stable, so that the lists keep their identity between renders while no query changes. */
const dataOf = <T,>(results: { data?: T }[]) => results.map((r) => r.data);

const size = (nodes: readonly TreeDataNode[]): number => nodes.reduce((n, d) => n + 1 + size(d.children ?? []), 0);

interface OrgTreeViewProps {
  /** The opening view: the root, the path down to the user's scope and the scope's children. */
  root: OrgLevelNode;
  aboveScope: ReadonlySet<number>;
}

/**
 * The organisation as an expandable tree, one level at a time: a node's
 * children are asked for when it is first opened, and a search asks the
 * server for the matches and the path to each. A node click opens its page.
 */
export function OrgTreeView({ root, aboveScope }: OrgTreeViewProps) {
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { message } = App.useApp();
  const openingView = useMemo<Key[]>(() => sentOpen(root), [root]);
  const [input, setInput] = useState('');
  const keyword = useDebounced(input.trim(), 250);
  const search = useSearchOrgs(keyword);
  const [expandedKeys, setExpandedKeys] = useState<Key[]>(openingView);
  const [searchKeys, setSearchKeys] = useState<{ q: string; keys: Key[] } | null>(null);

  // Children loaded on expand, kept by the query cache (a write refreshes them with the other org queries).
  const [loadedIds, setLoadedIds] = useState<number[]>([]);
  const loadedLists = useQueries({ queries: loadedIds.map((id) => orgChildrenQueryOptions(id)), combine: dataOf });
  const loaded = useMemo(
    () => new Map(loadedIds.flatMap((id, i) => { const list = loadedLists[i]; return list ? [[id, list] as const] : []; })),
    [loadedIds, loadedLists],
  );

  // The pages after the opening view's first (显示更多): each asked once, kept by the query cache like the children.
  const [asked, setAsked] = useState<{ id: number; offset: number }[]>([]);
  const askedPages = useQueries({
    queries: asked.map((a) => orgChildrenPageQuery(a.id, a.offset)),
    combine: (results) => results.map((r) => ({ data: r.data, pending: r.isPending, error: r.error })),
  });
  const pageError = askedPages.find((p) => p.error)?.error;
  useEffect(() => {
    if (pageError) void message.error(pageError instanceof ApiError ? pageError.message : '下级组织加载失败，请重试');
  }, [pageError, message]);
  const { pages, loadingMore } = useMemo(() => {
    const out = new Map<number, OrgLevelNode[]>();
    const busy = new Set<number>();
    asked.forEach((a, i) => {
      const page = askedPages[i];
      if (page?.pending) busy.add(a.id);
      // In the order asked, each from where the shown ones ended: a page is added only after the one before it.
      if (page?.data && !busy.has(a.id)) out.set(a.id, [...(out.get(a.id) ?? []), ...page.data.items]);
    });
    return { pages: out, loadingMore: busy };
  }, [asked, askedPages]);
  // Stable (the tree's data is not rebuilt for it): reads the pages asked so far through a ref.
  const latest = useRef({ asked, askedPages });
  useEffect(() => { latest.current = { asked, askedPages }; }, [asked, askedPages]);
  const more = useCallback((id: number, offset: number) => {
    const i = latest.current.asked.findIndex((a) => a.id === id && a.offset === offset);
    if (i < 0) setAsked((list) => [...list, { id, offset }]);
    else if (latest.current.askedPages[i]?.error) void queryClient.refetchQueries({ queryKey: orgChildrenPageQuery(id, offset).queryKey });
  }, [queryClient]);

  const found = keyword ? search.data : undefined;
  const shownRoot = keyword ? (found?.root ?? null) : root;
  const treeData = useMemo(
    () => (shownRoot ? [toTreeData(shownRoot, { loaded, pages, opening: !keyword, keyword, aboveScope, more, loadingMore })] : []),
    [shownRoot, loaded, pages, keyword, aboveScope, more, loadingMore],
  );
  const searchOpen = useMemo<Key[]>(() => (found?.root ? aboveMatches(found.root, found.matchIds) : []), [found]);
  const openNow = keyword ? (searchKeys?.q === keyword ? searchKeys.keys : searchOpen) : expandedKeys;

  const onExpand = (keys: Key[]) => (keyword ? setSearchKeys({ q: keyword, keys }) : setExpandedKeys(keys));
  const loadData = async ({ key, children }: { key: Key; children?: TreeDataNode[] }) => {
    if (children) return;
    const id = Number(key);
    try {
      await queryClient.ensureQueryData(orgChildrenQueryOptions(id));
    } catch (error) {
      void message.error(error instanceof ApiError ? error.message : '下级组织加载失败，请重试');
      throw error;
    }
    setLoadedIds((ids) => (ids.includes(id) ? ids : [...ids, id]));
  };
  const onInput = (value: string) => {
    setInput(value);
    // Clearing the search returns to the opening view.
    if (!value.trim()) setExpandedKeys(openingView);
  };

  const searching = keyword !== '' && (search.isPending || search.isPlaceholderData);
  return (
    <Flex vertical gap={16}>
      <Flex gap={16} align="center" wrap>
        <Input.Search
          allowClear
          placeholder="按组织名称搜索，如“人民医院”"
          aria-label="按组织名称搜索"
          value={input}
          loading={searching}
          onChange={(e) => onInput(e.target.value)}
          style={{ maxWidth: 360 }}
        />
        {keyword && found && found.matchCount > 0 && !searching && (
          <Typography.Text type="secondary">
            找到 {found.matchCount} 个组织{found.truncated ? `，显示前 ${SEARCH_LIMIT} 个，请输入更完整的名称` : ''}
          </Typography.Text>
        )}
        <Button style={{ marginInlineStart: 'auto' }} onClick={() => (keyword ? setSearchKeys({ q: keyword, keys: searchOpen }) : setExpandedKeys(openingView))}>
          全部收起
        </Button>
      </Flex>
      {keyword && search.isError ? (
        <Typography.Text type="danger">{search.error instanceof ApiError ? search.error.message : '搜索失败，请重试'}</Typography.Text>
      ) : keyword && !found ? (
        <Spin description="正在搜索…"><div style={{ minHeight: 80 }} /></Spin>
      ) : treeData.length === 0 ? (
        <Empty description={`没有名称包含“${keyword}”的组织`} />
      ) : (
        <Tree
          // A search's tree and the opening one are different trees: a fresh Tree for each, so no expand animation of one is left running over the other.
          key={keyword ? `search:${keyword}` : 'levels'}
          showLine
          blockNode
          treeData={treeData}
          loadData={loadData}
          // Held here, not by the Tree: a node sent with children (a search's partial view of it) is not thereby loaded when shown alone.
          loadedKeys={loadedIds}
          expandedKeys={openNow}
          onExpand={onExpand}
          selectedKeys={[]}
          onSelect={(_, info) => navigate(`/orgs/${String(info.node.key)}`)}
          {...(size(treeData) > VIRTUAL_FROM ? { height: 640 } : {})}
        />
      )}
    </Flex>
  );
}
