import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import {
  MEETING_COLUMNS, MEMBER_COLUMNS, membersOfColumns, type BranchFacts, type MeetingColumns, type MeetingFact, type MemberColumns, type MemberFact,
} from '@wj/domain/quality';
import { EMPLOYMENTS, MEMBER_CATEGORIES, PARTY_STANDINGS, TITLE_LEVELS } from '@wj/domain';
import type { DbHandle, Queryable } from '../../db/index.js';
import { members } from '../../db/schema/index.js';
import { asText, fields, prefixedField } from './facts-packed.js';

/*
 * The facts loader's driver plumbing (facts-loader.ts): queries read as arrays
 * or in chunks, text cells coded in SQL, shared strings, and the columns a
 * branch keeps its records in.
 */

export type Row = unknown[];

/** A query's rows as arrays, read when called; on SQLite one at a time, so that no row outlives its turn. */
type Rows = () => Iterable<Row>;

/**
 * A query run through the driver, its rows as arrays (no row objects, no ORM
 * mapping): the loader reads ~1.5 M rows at 100×. SQLite's rows are stepped
 * through (iterate), not gathered first: gathered, every row array survived
 * long enough to be moved to the old generation, and the garbage collector's
 * work was the biggest cost of loading. Each Rows is consumed whole before the
 * next is opened (one statement at a time on the connection).
 */
export async function arrays(db: Queryable, query: { toSQL(): { sql: string; params: unknown[] } }): Promise<Rows> {
  const handle = db as Partial<DbHandle>;
  if (handle.sqlite) {
    const { sql: text, params } = query.toSQL();
    const statement = handle.sqlite.reader.prepare(text).raw(true);
    return () => statement.iterate(...params) as Iterable<Row>;
  }
  if (handle.pg) {
    const { sql: text, params } = query.toSQL();
    const rows = (await handle.pg.pool.query({ text, values: params, rowMode: 'array' })).rows as Row[];
    return () => rows;
  }
  // A transaction handle (closing a year): through drizzle, the selection's keys in order.
  const rows = ((await (query as unknown as PromiseLike<Record<string, unknown>[]>)) ?? []).map((r) => Object.values(r));
  return () => rows;
}

/**
 * A text column's known values as their index (a small integer instead of
 * a new string for every row), or NULL for any other value.
 */
export function codeOf(column: SQL | PgColumn, values: readonly string[]): SQL {
  return sql`(case ${column} ${sql.join(values.map((v, k) => sql`when ${v} then ${sql.raw(String(k))}`), sql` `)} end)`;
}

/** The member enumerations packed beside the flags: flags + 32 × (category + 2 × (employment + 2 × (title + 5 × standing))). */
const PROFILE_ENUMS = [
  [members.category, MEMBER_CATEGORIES], [members.employment, EMPLOYMENTS], [members.titleLevel, TITLE_LEVELS], [members.partyStanding, PARTY_STANDINGS],
] as const;
type Profile = [number, MemberFact['category'], MemberFact['employment'], MemberFact['titleLevel'], MemberFact['partyStanding']];

/**
 * A member's profile as a packed-list field (facts-packed.ts): the packed
 * number, or (a value outside the enumerations) 'x' + the flags followed by
 * the four cells as length-prefixed text fields.
 */
export function memberProfile(flags: SQL): SQL {
  let packed: SQL | undefined;
  for (let k = PROFILE_ENUMS.length - 1; k >= 0; k--) {
    const [column, values] = PROFILE_ENUMS[k]!;
    const code = codeOf(column, values);
    packed = packed ? sql`(${code} + ${sql.raw(String(values.length))} * ${packed})` : code;
  }
  return sql`coalesce(${asText(sql`${flags} + 32 * ${packed}`)}, ${fields(sql`'x' || ${flags}`, ...PROFILE_ENUMS.map(([column]) => prefixedField(column)))})`;
}

/** Every packed number's flags and values, by number. */
export const PROFILE_TABLE: Profile[] = (() => {
  const table: Profile[] = [];
  const [[, cats], [, emps], [, levels], [, standings]] = PROFILE_ENUMS;
  for (let p = 0, end = 32 * cats.length * emps.length * levels.length * standings.length; p < end; p++) {
    let rest = Math.floor(p / 32);
    const pick = <T>(values: readonly T[]): T => {
      const v = values[rest % values.length]!;
      rest = Math.floor(rest / values.length);
      return v;
    };
    table.push([p % 32, pick(cats), pick(emps), pick(levels), pick(standings)]);
  }
  return table;
})();

/**
 * One shared copy of each repeated string (a type, a category, a day): the
 * driver makes a new string for every cell, and the facts keep ~1 M of them
 * at 100× — with this, the cells' own copies die young and the facts hold a
 * few thousand distinct ones (most of the garbage collector's work was
 * moving those copies into the old generation).
 */
export function interner() {
  const seen = new Map<string, string>();
  return <T extends string | null>(v: T): T => {
    if (v === null) return v;
    const had = seen.get(v);
    if (had !== undefined) return had as T;
    seen.set(v, v);
    return v;
  };
}

/**
 * Gives `b` its records in columns (read by the quality model's fast path)
 * under `symbol` and a `key` list that builds the plain facts on first read —
 * the report, the 待办 and JSON (closing a year) see exactly the list they
 * always did. Once read or replaced, the list is a plain property and the
 * columns are dropped, so the model never counts from columns the list no
 * longer matches.
 */
function attachLazy<K extends 'meetings' | 'members', C>(b: BranchFacts, key: K, symbol: symbol, columns: C, build: (c: C) => BranchFacts[K]): void {
  const settle = (list: BranchFacts[K]) => {
    Object.defineProperty(b, key, { value: list, writable: true, enumerable: true, configurable: true });
    (b as unknown as Record<symbol, C | undefined>)[symbol] = undefined;
  };
  Object.defineProperty(b, symbol, { value: columns, writable: true, enumerable: false, configurable: true });
  Object.defineProperty(b, key, {
    enumerable: true, configurable: true,
    get: () => {
      const list = build(columns);
      settle(list);
      return list;
    },
    set: settle,
  });
}

export function attachMeetings(b: BranchFacts, columns: MeetingColumns): void {
  attachLazy(b, 'meetings', MEETING_COLUMNS, columns, ({ types, dates, expected, present, order, from, to }) => {
    const list: MeetingFact[] = [];
    for (let k = from; k < to; k++) {
      const r = order[k]!;
      list.push({ type: types[r] as MeetingFact['type'], date: dates[r]!, expected: expected[r]!, present: present[r]! });
    }
    return list;
  });
}

export function attachMembers(b: BranchFacts, columns: MemberColumns): void {
  attachLazy(b, 'members', MEMBER_COLUMNS, columns, membersOfColumns);
}

/** SQLite gives booleans as 0/1, PostgreSQL and drizzle as true/false. */
export const bool = (v: unknown): boolean => v === true || v === 1;
/** SQLite gives a JSON column as its text, PostgreSQL (jsonb) and drizzle parsed; most seats hold no other role ('[]'). */
export const json = (v: unknown): unknown => (v === '[]' ? [] : typeof v === 'string' ? JSON.parse(v) : v);
