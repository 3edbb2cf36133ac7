/** Placeholder: filled in by the feature's own work. */
export function BranchQualityPanel(_props: { orgId: number }) {
  return null;
}
