import { sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import { ENGINE } from './engine.js';

/** The larger of two values: SQLite's two-argument max(), PostgreSQL's greatest(). */
export const greatest = (a: SQLWrapper | number, b: SQLWrapper | number): SQL =>
  ENGINE === 'postgres' ? sql`greatest(${a}, ${b})` : sql`max(${a}, ${b})`;

/** 1 when the condition holds, else 0 (SQLite's comparisons are already integers; PostgreSQL's are boolean). */
export const asInt = (condition: SQL): SQL => sql`(CASE WHEN ${condition} THEN 1 ELSE 0 END)`;

/** The smaller of two values: SQLite's two-argument min(), PostgreSQL's least(). */
export const least = (a: SQLWrapper | number, b: SQLWrapper | number): SQL =>
  ENGINE === 'postgres' ? sql`least(${a}, ${b})` : sql`min(${a}, ${b})`;

/** A bound number used in arithmetic with 64-bit values (epoch milliseconds): PostgreSQL must not infer int4 for it. */
export const big = (n: number): SQL => (ENGINE === 'postgres' ? sql`cast(${n} as bigint)` : sql`${n}`);
