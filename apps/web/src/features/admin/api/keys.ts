import { qualityKeys } from '@/lib/quality-keys';
import type { AuditFilters } from './get-audit';

/**
 * Hierarchical query keys. Rule sets live under ['quality'] on purpose: saving
 * a new version invalidates that prefix, so every score on screen (总览, org
 * pages) is fetched again under the new rules.
 */
export const adminKeys = {
  users: ['users'] as const,
  userList: () => [...adminKeys.users, 'list'] as const,
  audit: ['audit'] as const,
  auditList: (filters: AuditFilters) => [...adminKeys.audit, 'list', filters] as const,
  quality: qualityKeys.all,
  rules: () => [...adminKeys.quality, 'rules'] as const,
  currentRules: () => [...adminKeys.rules(), 'current'] as const,
  ruleHistory: () => [...adminKeys.rules(), 'history'] as const,
};
