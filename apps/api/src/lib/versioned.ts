import { and, eq, sql } from 'drizzle-orm';
import type { SQLiteColumn, SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Queryable } from '../db/index.js';
import { conflict, notFound } from './errors.js';
import { chinaTime } from './time.js';

type Versioned = SQLiteTable & { id: SQLiteColumn; version: SQLiteColumn; updatedAt: SQLiteColumn; updatedBy: SQLiteColumn };

/**
 * Optimistic concurrency: the write applies only if the row still has the
 * version the user read. Otherwise 409 telling who changed it and when, so
 * the form can offer to reload — never a silent lost update.
 */
export function updateVersioned<T extends Versioned>(
  tx: Queryable, table: T, id: number, version: number, values: Record<string, unknown>, by: string,
) {
  const now = new Date().toISOString();
  const res = tx.update(table)
    .set({ ...values, version: sql`${table.version} + 1`, updatedAt: now, updatedBy: by } as never)
    .where(and(eq(table.id, id), eq(table.version, version)))
    .run();
  if (res.changes === 1) return;
  const current = tx.select({ version: table.version, updatedAt: table.updatedAt, updatedBy: table.updatedBy })
    .from(table as SQLiteTable).where(eq(table.id, id)).get() as { version: number; updatedAt: string; updatedBy: string | null } | undefined;
  if (!current) throw notFound();
  throw conflict(
    `该记录已被 ${current.updatedBy ?? '其他用户'} 于 ${chinaTime(current.updatedAt)} 修改，请刷新后再保存`,
    [{ field: 'version', message: `当前版本为 ${current.version}，提交的版本为 ${version}` }],
  );
}
