import { describe, expect, it } from 'vitest';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { scopeOptions } from './scope-tree';

let nextId = 1;
function node(name: string, kind: OrgTreeNode['kind'], children: OrgTreeNode[] = [], unit = false): OrgTreeNode {
  const id = nextId++;
  return {
    id, parentId: null, unitId: unit ? id : null, kind, name, institutionName: null, institutionType: null,
    branchCategory: null, department: null, counts: { branches: 0, members: 0, inService: 0, retired: 0 }, children,
  };
}

const groupBranch = node('内科第一党支部', 'branch', [node('第一党小组', 'party_group')]);
const hospital = node('中共市人民医院委员会', 'party_committee', [groupBranch, node('总支', 'general_branch', [node('护理党支部', 'branch')])], true);
const smallUnit = node('中共市中心血站支部委员会', 'branch', [], true);
const root = node('市卫生健康委直属机关党委', 'committee', [hospital, smallUnit]);

describe('scopeOptions', () => {
  it('offers a unit secretary the direct units only', () => {
    expect(scopeOptions(root, 'unit_secretary').map((o) => o.title)).toEqual(['中共市人民医院委员会', '中共市中心血站支部委员会']);
  });

  it('offers a branch secretary every 党支部, grouped under units that are not themselves selectable', () => {
    const [h, s] = scopeOptions(root, 'branch_secretary');
    expect(h).toMatchObject({ title: '中共市人民医院委员会', selectable: false });
    expect(h?.children?.map((c) => [c.title, c.selectable])).toEqual([['内科第一党支部', true], ['总支', false]]);
    expect(h?.children?.[1]?.children?.map((c) => c.title)).toEqual(['护理党支部']);
    // Once picked, a branch reads with its unit: many units have a branch of the same name.
    expect(h?.children?.[0]?.label).toBe('中共市人民医院委员会 / 内科第一党支部');
    // A unit whose whole organisation is one 党支部 is itself a branch.
    expect(s).toMatchObject({ title: '中共市中心血站支部委员会', selectable: true });
  });

  it('offers nothing to roles that see everything', () => {
    expect(scopeOptions(root, 'admin')).toEqual([]);
    expect(scopeOptions(root, 'viewer')).toEqual([]);
  });
});
