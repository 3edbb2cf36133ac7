/** Placeholder: filled in by the feature's own work. */
export function CommitteePanel(_props: { orgId: number }) {
  return null;
}
