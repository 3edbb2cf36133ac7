import { and, count, desc, eq, gte, like, lte } from 'drizzle-orm';
import type { z } from 'zod';
import type { AuditPageSchema, AuditQuerySchema } from '@wj/domain/schemas';
type AuditQuery = z.infer<typeof AuditQuerySchema>;
type AuditPage = z.infer<typeof AuditPageSchema>;

import type { Queryable } from '../../db/index.js';
import { auditLog } from '../../db/schema/index.js';

/** One page of the audit log, newest first, filtered by user, object, action and dates. */
export async function listAudit(db: Queryable, q: AuditQuery): Promise<AuditPage> {
  const where = and(
    q.username ? like(auditLog.username, `%${q.username}%`) : undefined,
    q.entityType ? eq(auditLog.entityType, q.entityType) : undefined,
    q.action ? eq(auditLog.action, q.action) : undefined,
    q.from ? gte(auditLog.at, q.from) : undefined,
    q.to ? lte(auditLog.at, `${q.to}T23:59:59.999Z`) : undefined,
  );
  const [total] = await db.select({ n: count() }).from(auditLog).where(where);
  const items = await db.select().from(auditLog).where(where).orderBy(desc(auditLog.id))
    .limit(q.pageSize).offset((q.page - 1) * q.pageSize);
  return { items, total: total?.n ?? 0, page: q.page, pageSize: q.pageSize } as AuditPage;
}
