import type { OrgKind } from '@wj/domain';
import type { OrgCounts } from '@wj/domain/schemas';

/** "32个支部 · 702名党员"; a branch shows only its members. */
export function countSummary(org: { kind: OrgKind; counts: OrgCounts }): string {
  const members = `${org.counts.members}名党员`;
  return org.kind === 'branch' || org.kind === 'party_group' ? members : `${org.counts.branches}个支部 · ${members}`;
}
