/** Placeholder: filled in by the feature's own work. */
export function OrgActions(_props: { org: import("@wj/domain/schemas").OrgDetail }) {
  return null;
}
