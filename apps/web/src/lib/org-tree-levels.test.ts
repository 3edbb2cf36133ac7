import { describe, expect, it } from 'vitest';
import type { OrgLevelNode } from '@wj/domain/schemas';
import { levelOptions, loadedKeys, sentChildren, type ChildrenOf, type PickerRules } from './org-tree-levels';

const node = (id: number, kind: OrgLevelNode['kind'], name: string, childCount: number, branches: number): OrgLevelNode => ({
  id, parentId: null, unitId: null, kind, name, institutionName: null, childCount, counts: { branches, members: 0, inService: 0, retired: 0 },
});

// The branch picker's rules: branches picked, groups only group them, 党小组 not offered.
const rules: PickerRules = {
  show: (n) => n.kind !== 'party_group' && n.counts.branches > 0,
  selectable: (n) => n.kind === 'branch',
  leaf: (n) => n.kind === 'branch',
  label: (n, above) => (above[0] ? `${above[0].name} · ${n.name}` : n.name),
};

describe('a picker over the tree by level', () => {
  it('offers what is loaded, marks what still loads on open, and names a saved value through its path alone', () => {
    const renmin = node(2, 'party_committee', '中共市人民医院委员会', 2, 2);
    const yanke = node(3, 'general_branch', '中共市眼科医院总支部委员会', 1, 1);
    const empty = node(4, 'party_committee', '中共市新院委员会', 0, 0);
    const er = node(20, 'branch', '急诊党支部', 1, 1); // its 党小组 is never offered
    const neike = node(21, 'general_branch', '内科总支', 1, 1);
    const xinnei = node(22, 'branch', '心内科党支部', 0, 1);
    const known: Record<number, { nodes: OrgLevelNode[]; complete: boolean }> = {
      2: { nodes: [er, neike], complete: true },
      21: { nodes: [xinnei], complete: false }, // only the path down to a saved value
    };
    const childrenOf: ChildrenOf = (id) => known[id];

    const options = levelOptions([renmin, yanke, empty], childrenOf, rules);
    // A unit without any branch offers nothing; the eye hospital's branches load on open.
    expect(options.map((o) => o.name)).toEqual(['中共市人民医院委员会', '中共市眼科医院总支部委员会']);
    expect(options[1]).toMatchObject({ isLeaf: false, loaded: false, children: [] });
    const [erOption, neikeOption] = options[0]!.children;
    expect(erOption).toMatchObject({ label: '中共市人民医院委员会 · 急诊党支部', selectable: true, isLeaf: true, children: [] });
    expect(neikeOption).toMatchObject({ selectable: false, loaded: false });
    expect(neikeOption!.children.map((c) => c.label)).toEqual(['中共市人民医院委员会 · 心内科党支部']);
    // Opened on the unit loaded: the 总支 holding only a path still loads its other branches on open.
    expect(loadedKeys(options).sort((a, b) => a - b)).toEqual([2, 20, 22]);
  });

  it('takes a paged top level\'s first page as incomplete (the rest load), and a search\'s answer as what it shows', () => {
    const units = [node(2, 'party_committee', '单位一', 3, 3), node(3, 'party_committee', '单位二', 1, 1)];
    const root = { ...node(1, 'committee', '市卫生健康委直属机关党委', 5, 4), children: units };
    const whole = { ...node(1, 'committee', '市卫生健康委直属机关党委', 2, 4), children: units };
    expect(sentChildren(root, true).get(1)).toEqual({ nodes: units, complete: false });
    expect(sentChildren(whole, true).get(1)).toEqual({ nodes: units, complete: true });
    expect(sentChildren(root, false).get(1)).toEqual({ nodes: units, complete: true });
    expect(sentChildren(root, true).has(2)).toBe(false);
  });
});
