/** Placeholder: filled in by the feature's own work. */
export function BranchRecruitmentPanel(_props: { orgId: number }) {
  return null;
}
