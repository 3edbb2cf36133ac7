/** Hierarchical keys: invalidating ['meetings'] refreshes every 组织生活 list. */
export const meetingKeys = {
  all: ['meetings'] as const,
  lists: () => [...meetingKeys.all, 'list'] as const,
  list: (orgId: number, year: number) => [...meetingKeys.lists(), orgId, { year }] as const,
};
