import type { OrgKind } from '@wj/domain';

/** Tag colours per organisation kind, so levels are told apart at a glance. */
export const ORG_KIND_COLORS: Record<OrgKind, string> = {
  committee: 'red',
  party_committee: 'volcano',
  general_branch: 'orange',
  branch: 'blue',
  party_group: 'cyan',
};
