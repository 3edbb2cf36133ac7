import type { SessionUser } from '../auth/sessions.js';
import type { Queryable } from '../db/index.js';
import { auditLog } from '../db/schema/index.js';

type Tx = Pick<Queryable, 'insert'>;

/** Fields never written to the audit log in clear (DESIGN.md: sensitive fields masked). */
const SENSITIVE = new Set(['idNumber', 'phone', 'passwordHash']);

/**
 * Replaces every sensitive field, at any depth (a merge or an import may log
 * nested member rows), with '***': the log never holds even a masked number.
 */
function mask(row: unknown): unknown {
  if (Array.isArray(row)) return row.map(mask);
  if (!row || typeof row !== 'object') return row ?? null;
  const proto = Object.getPrototypeOf(row);
  if (proto !== Object.prototype && proto !== null) return row; // a Date, a Buffer: stored as it is
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, SENSITIVE.has(k) && v ? '***' : mask(v)]));
}

export interface AuditEntry {
  action: 'create' | 'update' | 'delete' | 'import' | string;
  entityType: string;
  entityId: number | string | null;
  orgId: number | null;
  before?: unknown;
  after?: unknown;
}

/** Appends one audit row; call it inside the write's transaction so both land or neither does. */
export async function recordAudit(tx: Tx, user: SessionUser | null, e: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    at: new Date().toISOString(),
    userId: user?.id ?? null,
    username: user?.username ?? 'system',
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId == null ? null : String(e.entityId),
    orgId: e.orgId,
    before: mask(e.before) ?? null,
    after: mask(e.after) ?? null,
  });
}
