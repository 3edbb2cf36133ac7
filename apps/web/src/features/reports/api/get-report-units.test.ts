import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueryClient } from '@tanstack/react-query';
import { ORG_TOP_PAGE, type OrgLevelNode, type OrgSearch } from '@wj/domain/schemas';
import { orgChildrenPageQuery, orgPathQuery } from '@/lib/org-tree-levels';
import { orgTreeTopQueryOptions } from '@/lib/org-tree-top';
import { HINT, MORE, matchesTyped, scopeOptions } from '../lib/scope-options';
import { pageOffsets, reportScopesOf } from './get-report-units';
import { reportUnitSearchQueryOptions, unitsFound } from './search-report-units';

const counts = { branches: 1, members: 10, inService: 8, retired: 2 };
const ROOT: OrgLevelNode = { id: 1, parentId: null, unitId: null, kind: 'committee', name: '市卫生健康委直属机关党委', institutionName: null, counts, childCount: 250 };
/** Unit n (1…250): id 1000 + n, 中共单位n委员会 of 单位n. */
const unit = (n: number): OrgLevelNode => ({
  id: 1000 + n, parentId: 1, unitId: 1000 + n, kind: 'party_committee', name: `中共单位${n}委员会`, institutionName: `单位${n}`, counts, childCount: 3,
});
const ids = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => 1000 + from + i);
const branch: OrgLevelNode = { id: 5000, parentId: 1234, unitId: 1234, kind: 'branch', name: '内科党支部', institutionName: null, counts, childCount: 0 };

/** A province's committee of 250 units behind a mocked fetch, as the API answers; `asked` holds each URL requested. */
let asked: string[];
beforeEach(() => {
  asked = [];
  const all = Array.from({ length: 250 }, (_, i) => unit(i + 1));
  vi.stubGlobal('fetch', vi.fn(async (input: string) => {
    asked.push(input);
    const url = new URL(input, 'http://test');
    const ok = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
    if (url.pathname === '/api/orgs/tree/top') return ok({ root: { ...ROOT, children: all.slice(0, ORG_TOP_PAGE) }, scopeId: 1 });
    if (url.pathname === '/api/orgs/1/children') {
      const offset = Number(url.searchParams.get('offset'));
      return ok({ items: all.slice(offset, offset + Number(url.searchParams.get('limit'))), total: 250 });
    }
    if (url.pathname === '/api/orgs/tree/paths') {
      const id = Number(url.searchParams.get('ids'));
      return ok({ items: id === 5000 ? [{ id, path: [ROOT, unit(234), branch] }] : [{ id, path: [ROOT, all.find((u) => u.id === id)!] }] });
    }
    return new Response('{}', { status: 404 });
  }));
});
afterEach(() => vi.unstubAllGlobals());

const client = () => new QueryClient({ defaultOptions: { queries: { retry: false } } });

describe('the report scope selector at province size (250 units, 100 sent with the top level)', () => {
  it('offers the sent units, then 显示更多 loads the next page after them until all are loaded', async () => {
    const qc = client();
    const top = await qc.fetchQuery(orgTreeTopQueryOptions());
    // The next pages the hook asks for after `loaded` clicks on 显示更多, each through the shared page query.
    let loaded = 0;
    const pages = () => Promise.all(pageOffsets(top.root.children!.length, loaded).map((offset) => qc.ensureQueryData(orgChildrenPageQuery(top.root.id, offset, ORG_TOP_PAGE))));

    let options = scopeOptions({ scopes: reportScopesOf(top, await pages(), null), allowCommission: true, next: 'idle' });
    expect(options).toHaveLength(102);
    expect(options[0]).toEqual({ value: 0, label: '全委（市卫生健康委直属机关党委）' });
    expect(options[1]).toEqual({ value: 1001, label: '单位1', title: '中共单位1委员会' });
    expect(options.slice(1, 101).map((o) => o.value)).toEqual(ids(1, 100));
    expect(options[101]).toEqual({ value: MORE, label: '显示更多（还有 150 个）' });

    loaded = 1;
    options = scopeOptions({ scopes: reportScopesOf(top, await pages(), null), allowCommission: true, next: 'idle' });
    expect(options.slice(1, -1).map((o) => o.value)).toEqual(ids(1, 200));
    expect(options.at(-1)).toEqual({ value: MORE, label: '显示更多（还有 50 个）' });

    loaded = 2;
    const scopes = reportScopesOf(top, await pages(), null);
    options = scopeOptions({ scopes, allowCommission: true, next: 'idle' });
    expect(scopes.remaining).toBe(0);
    expect(options.slice(1).map((o) => o.value)).toEqual(ids(1, 250));
    expect(options.at(-1)).toEqual({ value: 1250, label: '单位250', title: '中共单位250委员会' });

    // The top level once, then one page of 100 at a time from where the last one ended (a page in the cache is not asked again).
    expect(asked).toEqual(['/api/orgs/tree/top', '/api/orgs/1/children?offset=100&limit=100', '/api/orgs/1/children?offset=200&limit=100']);
  });

  it('shows the next page loading, failed (to retry), and appends pages only in order', async () => {
    const top = await client().fetchQuery(orgTreeTopQueryOptions());
    const scopes = reportScopesOf(top, [], null);
    expect(scopeOptions({ scopes, allowCommission: false, next: 'loading' }).at(-1)).toEqual({ value: MORE, label: '正在加载更多单位…', disabled: true });
    expect(scopeOptions({ scopes, allowCommission: false, next: 'error' }).at(-1)).toEqual({ value: MORE, label: '更多单位加载失败，点击重试' });
    // The third page in hand before the second: only the sent units until the second lands.
    const third = { items: [unit(201)], total: 250 };
    expect(reportScopesOf(top, [undefined, third], null).units.map((u) => u.id)).toEqual(ids(1, 100));
  });

  it('names a chosen unit outside the loaded ones by its path, first in the list; a chosen branch is no unit', async () => {
    const qc = client();
    const top = await qc.fetchQuery(orgTreeTopQueryOptions());
    const path = await qc.fetchQuery(orgPathQuery(1234));
    const scopes = reportScopesOf(top, [], 1234, path);
    expect(scopes.selected).toEqual({ id: 1234, name: '中共单位234委员会', label: '单位234' });
    const options = scopeOptions({ scopes, allowCommission: true, next: 'idle' });
    expect(options.slice(0, 3)).toEqual([
      { value: 0, label: '全委（市卫生健康委直属机关党委）' },
      { value: 1234, label: '单位234', title: '中共单位234委员会' },
      { value: 1001, label: '单位1', title: '中共单位1委员会' },
    ]);
    expect(options).toHaveLength(103);
    // Once its page is loaded it stands in its place only.
    const loaded = reportScopesOf(top, [{ items: [unit(234)], total: 250 }], 1234, path);
    expect(scopeOptions({ scopes: loaded, allowCommission: true, next: 'idle' }).filter((o) => o.value === 1234)).toHaveLength(1);
    expect(reportScopesOf(top, [], 5000, await qc.fetchQuery(orgPathQuery(5000))).selected).toBeUndefined();
    expect(asked.slice(1)).toEqual(['/api/orgs/tree/paths?ids=1234', '/api/orgs/tree/paths?ids=5000']);
  });

  it('offers the units a server search found, and says how many more match', async () => {
    const answer: OrgSearch = { root: { ...ROOT, children: [unit(12), unit(112)] }, matchIds: [1012, 1112], matchCount: 2, truncated: false };
    vi.stubGlobal('fetch', vi.fn(async (input: string) => { asked.push(input); return new Response(JSON.stringify(answer), { status: 200 }); }));
    const found = unitsFound(await client().fetchQuery(reportUnitSearchQueryOptions('单位12')));
    expect(asked).toEqual([`/api/orgs/tree/search?q=${encodeURIComponent('单位12')}&limit=50&level=unit`]);
    const scopes = { rootName: ROOT.name, units: [], remaining: 250, selected: undefined };
    expect(scopeOptions({ scopes, allowCommission: true, next: 'idle', found })).toEqual([
      { value: 0, label: '全委（市卫生健康委直属机关党委）' },
      { value: 1012, label: '单位12', title: '中共单位12委员会' },
      { value: 1112, label: '单位112', title: '中共单位112委员会' },
    ]);
    const many = unitsFound({ ...answer, matchCount: 80, truncated: true });
    expect(scopeOptions({ scopes, allowCommission: false, next: 'idle', found: many }).at(-1)).toEqual({ value: HINT, label: '另有 78 个单位匹配，请输入更完整的名称', disabled: true });
    // Until the answer lands the options are narrowed as the server matches: 显示更多 never, the hint always.
    expect(matchesTyped('单位11', { value: 1112, label: '单位112', title: '中共单位112委员会' })).toBe(true);
    expect(matchesTyped('单位13', { value: 1012, label: '单位12', title: '中共单位12委员会' })).toBe(false);
    expect(matchesTyped('显示', { value: MORE, label: '显示更多（还有 150 个）' })).toBe(false);
  });
});

describe('the report scope selector at city size and for a unit secretary', () => {
  it('offers every unit with no 显示更多 when all were sent', () => {
    const units = Array.from({ length: 12 }, (_, i) => unit(i + 1));
    const scopes = reportScopesOf({ root: { ...ROOT, childCount: 12, children: units }, scopeId: 1 }, [], null);
    expect(scopes.remaining).toBe(0);
    expect(scopeOptions({ scopes, allowCommission: true, next: 'idle' }).map((o) => o.value)).toEqual([0, ...ids(1, 12)]);
  });

  it('offers a secretary their own unit alone', () => {
    const own = unit(7);
    const scopes = reportScopesOf({ root: { ...ROOT, childCount: 1, children: [own] }, scopeId: own.id }, [], own.id);
    expect(scopes.selected).toEqual({ id: 1007, name: '中共单位7委员会', label: '单位7' });
    expect(scopeOptions({ scopes, allowCommission: false, next: 'idle' })).toEqual([{ value: 1007, label: '单位7', title: '中共单位7委员会' }]);
  });
});
