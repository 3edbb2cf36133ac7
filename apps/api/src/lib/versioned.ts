import { and, eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Queryable } from '../db/index.js';
import { conflict, notFound } from './errors.js';
import { chinaTime } from './time.js';

type Versioned = PgTable & { id: PgColumn; version: PgColumn; updatedAt: PgColumn; updatedBy: PgColumn };

/**
 * Optimistic concurrency: the write applies only if the row still has the
 * version the user read. Otherwise 409 telling who changed it and when, so
 * the form can offer to reload — never a silent lost update.
 */
export async function updateVersioned<T extends Versioned>(
  tx: Queryable, table: T, id: number, version: number, values: Record<string, unknown>, by: string,
): Promise<void> {
  const now = new Date().toISOString();
  const changed = await tx.update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: now, updatedBy: by } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .returning({ id: table.id });
  if (changed.length === 1) return;
  const [current] = await tx.select({ version: table.version, updatedAt: table.updatedAt, updatedBy: table.updatedBy })
    .from(table as PgTable).where(eq(table.id, id)) as { version: number; updatedAt: string; updatedBy: string | null }[];
  if (!current) throw notFound();
  throw conflict(
    `该记录已被 ${current.updatedBy ?? '其他用户'} 于 ${chinaTime(current.updatedAt)} 修改，请刷新后再保存`,
    [{ field: 'version', message: `当前版本为 ${current.version}，提交的版本为 ${version}` }],
  );
}
