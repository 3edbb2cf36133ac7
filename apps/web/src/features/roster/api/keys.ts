import { qualityKeys } from '@/lib/quality-keys';
import { memberKeys, orgKeys } from '@/lib/query-keys';

/** The roster feature reads no query of its own; an import changes what these prefixes hold. */
export const rosterKeys = {
  changedByImport: [orgKeys.all, memberKeys.all, qualityKeys.all] as const,
};
