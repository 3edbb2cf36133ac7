/** Placeholder: filled in by the feature's own work. */
export function BranchWorkPanel(_props: { orgId: number }) {
  return null;
}
