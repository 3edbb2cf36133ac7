import { describe, expect, it } from 'vitest';
import type { OrgLevelNode } from '@/lib/org-tree-top';
import { aboveMatches, knownChildren, pagedChildren, sentOpen } from './level-tree';

let nextId = 1;
function node(name: string, kind: OrgLevelNode['kind'], childCount: number, children?: OrgLevelNode[]): OrgLevelNode {
  return { id: nextId++, parentId: null, unitId: null, kind, name, institutionName: null, counts: { branches: 0, members: 0, inService: 0, retired: 0 }, childCount, ...(children ? { children } : {}) };
}

describe('the tree by level', () => {
  it('opens the nodes sent with children, and while searching every node with a match below it', () => {
    const er = node('急诊党支部', 'branch', 0);
    const nk = node('内科第一党支部', 'branch', 2); // its 党小组 not sent
    const hospital = node('中共市人民医院委员会', 'party_committee', 2, [er, nk]);
    const eyeUnit = node('中共市眼科医院总支部委员会', 'general_branch', 3); // not sent: loaded on expand
    const root = node('市卫生健康委直属机关党委', 'committee', 2, [hospital, eyeUnit]);

    expect(sentOpen(root).sort()).toEqual([root.id, hospital.id].sort());
    // A search for 急诊: the match and the two orgs above it open; the matched branch itself has nothing below.
    expect(aboveMatches(root, [er.id]).sort()).toEqual([root.id, hospital.id].sort());
    // A matched 党委 is not opened for its own sake; an unmatched node with nothing matched below stays shut.
    expect(aboveMatches(root, [hospital.id])).toEqual([root.id]);

    const loaded = new Map([[eyeUnit.id, [node('眼科医院手麻党支部', 'branch', 0)]]]);
    expect(knownChildren(eyeUnit, loaded)?.map((c) => c.name)).toEqual(['眼科医院手麻党支部']);
    expect(knownChildren(nk, loaded)).toBeUndefined();
    expect(knownChildren(hospital, loaded)).toBe(hospital.children);
  });

  it('shows a paged node\'s first page, then the pages loaded after it, and how many are still to come (显示更多)', () => {
    const units = Array.from({ length: 5 }, (_, i) => node(`单位${i + 1}`, 'party_committee', 1));
    // The opening view sent the first two of five units.
    const root = node('市卫生健康委直属机关党委', 'committee', 5, units.slice(0, 2));
    const none = new Map<number, OrgLevelNode[]>();
    expect(pagedChildren(root, none, none, true)).toEqual({ children: units.slice(0, 2), more: 3 });
    const pages = new Map([[root.id, units.slice(2, 4)]]);
    expect(pagedChildren(root, none, pages, true)).toEqual({ children: units.slice(0, 4), more: 1 });
    expect(pagedChildren(root, none, new Map([[root.id, units.slice(2)]]), true)).toEqual({ children: units, more: 0 });
    // A search's answer shows the path to its matches: never a 显示更多 under it.
    expect(pagedChildren(root, none, pages, false)).toEqual({ children: units.slice(0, 2), more: 0 });
    // A node loaded whole on expand, or not yet loaded, has nothing more to page.
    const unit = units[0]!;
    expect(pagedChildren(unit, new Map([[unit.id, [node('某党支部', 'branch', 0)]]]), none, true).more).toBe(0);
    expect(pagedChildren(unit, none, none, true)).toEqual({ children: undefined, more: 0 });
  });
});
