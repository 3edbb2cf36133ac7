/** Placeholder: filled in by the feature's own work. */
export function UnitRecordsPanel(_props: { orgId: number }) {
  return null;
}
