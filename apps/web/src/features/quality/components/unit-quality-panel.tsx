/** Placeholder: filled in by the feature's own work. */
export function UnitQualityPanel(_props: { orgId: number }) {
  return null;
}
