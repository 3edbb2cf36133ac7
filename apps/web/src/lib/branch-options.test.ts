import { describe, expect, it } from 'vitest';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { branchIds, branchOptions, onlyBranch } from './branch-options';

const counts = { branches: 0, members: 0, inService: 0, retired: 0 };
const node = (id: number, kind: OrgTreeNode['kind'], name: string, children: OrgTreeNode[] = [], extra: Partial<OrgTreeNode> = {}): OrgTreeNode => ({
  id, parentId: null, unitId: null, kind, name, institutionName: null, institutionType: null, branchCategory: null, department: null, counts, children, ...extra,
});

const root = node(1, 'committee', '机关党委', [
  node(2, 'party_committee', '中共市人民医院委员会', [
    node(3, 'branch', '急诊急救党支部', [node(30, 'party_group', '第一党小组')], { unitId: 2 }),
    node(4, 'general_branch', '内科总支', [node(5, 'branch', '心内科党支部', [], { unitId: 2 })], { unitId: 2 }),
    node(6, 'general_branch', '空总支', [], { unitId: 2 }),
  ], { unitId: 2, institutionName: '市人民医院' }),
  node(7, 'branch', '中共市疾控中心支部委员会', [], { unitId: 7, institutionName: '市疾控中心' }),
]);

describe('branchOptions', () => {
  it('offers every branch of the commission to a user without scope, units as groups, 党小组 left out', () => {
    const options = branchOptions(root, null);
    expect(options.map((o) => o.title)).toEqual(['中共市人民医院委员会', '中共市疾控中心支部委员会']);
    expect(branchIds(options)).toEqual([3, 5, 7]);
    expect(options[0]!.selectable).toBe(false);
    // A 总支 without branches is not offered as an empty group.
    expect(options[0]!.children.map((c) => c.title)).toEqual(['急诊急救党支部', '内科总支']);
  });

  it('labels a branch with its unit, since branch names repeat across hospitals', () => {
    const [unit] = branchOptions(root, 2);
    expect(unit!.children[0]!.label).toBe('市人民医院 · 急诊急救党支部');
    expect(unit!.children[1]!.children[0]!.label).toBe('市人民医院 · 心内科党支部');
  });

  it('starts at the scope: a unit secretary sees their unit only, a branch secretary their branch', () => {
    expect(branchIds(branchOptions(root, 2))).toEqual([3, 5]);
    expect(onlyBranch(branchOptions(root, 2))).toBeNull();
    expect(onlyBranch(branchOptions(root, 5))).toBe(5);
    // A unit that is itself one 党支部 opens at once.
    expect(onlyBranch(branchOptions(root, 7))).toBe(7);
    expect(branchOptions(root, 999)).toEqual([]);
  });
});
