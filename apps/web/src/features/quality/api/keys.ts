import { qualityKeys } from '@/lib/quality-keys';

/** A unit's score, under ['quality'] (shared with the dashboard's radar: src/lib/quality-keys.ts). */
export const unitScoreKeys = {
  unit: qualityKeys.unit,
};
