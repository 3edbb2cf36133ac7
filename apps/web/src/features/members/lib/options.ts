/** Select/Radio options from a closed vocabulary and its Chinese labels (packages/domain/src/labels.ts). */
export const optionsOf = <T extends string>(codes: readonly T[], labels: Record<T, string>) =>
  codes.map((code) => ({ value: code, label: labels[code] }));
