import { describe, expect, it } from 'vitest';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { filterOrgTree } from './filter-tree';

let nextId = 1;
function node(name: string, kind: OrgTreeNode['kind'], children: OrgTreeNode[] = []): OrgTreeNode {
  return {
    id: nextId++, parentId: null, unitId: null, kind, name, institutionName: null, institutionType: null,
    branchCategory: null, department: null, counts: { branches: 0, members: 0, inService: 0, retired: 0 }, children,
  };
}

const er = node('急诊党支部', 'branch');
const nk = node('内科第一党支部', 'branch');
const hospital = node('中共市人民医院委员会', 'party_committee', [er, nk]);
const eye = node('眼科医院手麻党支部', 'branch');
const eyeUnit = node('中共市眼科医院总支部委员会', 'general_branch', [eye]);
const root = node('市卫生健康委直属机关党委', 'committee', [hospital, eyeUnit]);

const names = (n: OrgTreeNode | null): string[] => (n ? [n.name, ...n.children.flatMap(names)] : []);

describe('filterOrgTree', () => {
  it('returns the tree untouched for an empty keyword', () => {
    expect(filterOrgTree(root, '  ').root).toBe(root);
  });

  it('keeps a matching branch with its ancestors and opens the path to it', () => {
    const result = filterOrgTree(root, '急诊');
    expect(names(result.root)).toEqual(['市卫生健康委直属机关党委', '中共市人民医院委员会', '急诊党支部']);
    expect(result.expandedIds).toEqual(expect.arrayContaining([root.id, hospital.id]));
    expect(result.matchCount).toBe(1);
  });

  it('keeps every branch of a matching unit', () => {
    const result = filterOrgTree(root, '人民医院');
    expect(names(result.root)).toContain('内科第一党支部');
    expect(names(result.root)).not.toContain('眼科医院手麻党支部');
  });

  it('counts every match and returns null when nothing matches', () => {
    expect(filterOrgTree(root, '眼科').matchCount).toBe(2);
    expect(filterOrgTree(root, '口腔').root).toBeNull();
  });
});
