import { qualityKeys } from '@/lib/quality-keys';

/** A unit's score, under ['quality'] (the branch score's key is shared: src/lib/quality-keys.ts). */
export const unitScoreKeys = {
  unit: (id: number, year: number | undefined) => [...qualityKeys.all, 'unit', id, { year }] as const,
};
