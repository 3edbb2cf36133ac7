import { describe, expect, it } from 'vitest';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { findOrgNode, idsAboveScope, pathToNode } from './org-scope';

const node = (id: number, children: OrgTreeNode[] = []): OrgTreeNode => ({
  id, parentId: null, unitId: null, kind: 'branch', name: `org${id}`, institutionName: null, institutionType: null,
  branchCategory: null, department: null, counts: { branches: 0, members: 0, inService: 0, retired: 0 }, children,
});

// root 1 → unit 2 → branches 3, 4; unit 5 → branch 6
const root = node(1, [node(2, [node(3), node(4)]), node(5, [node(6)])]);

describe('org scope helpers', () => {
  it('finds a node anywhere in the tree, or nothing', () => {
    expect(findOrgNode(root, 6)?.name).toBe('org6');
    expect(findOrgNode(root, 99)).toBeUndefined();
  });

  it('gives the id path from the root to a node', () => {
    expect(pathToNode(root, 4)).toEqual([1, 2, 4]);
    expect(pathToNode(root, 99)).toEqual([]);
  });

  it('marks only the orgs above a secretary’s scope as context', () => {
    const path = [{ id: 1 }, { id: 2 }, { id: 4 }];
    expect([...idsAboveScope(path, 2)]).toEqual([1]);
    expect([...idsAboveScope(path, 4)]).toEqual([1, 2]);
  });

  it('marks nothing for a user who sees everything, or when the scope is off the path', () => {
    const path = [{ id: 1 }, { id: 2 }, { id: 4 }];
    expect(idsAboveScope(path, null).size).toBe(0);
    expect(idsAboveScope(path, 5).size).toBe(0);
  });
});
