/** Placeholder: filled in by the feature's own work. */
export function BranchMeetingsPanel(_props: { orgId: number }) {
  return null;
}
