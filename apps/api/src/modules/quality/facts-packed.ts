import { sql, type SQL } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { ymd } from '@wj/domain/quality';
import { ENGINE } from '../../db/index.js';

/*
 * Packed lists (facts-loader.ts): one row per org carrying all its records of
 * a table as one string built in SQL, the same text on SQLite (group_concat)
 * and PostgreSQL (string_agg) — the driver then hands over 14,400 strings at
 * 100× instead of ~850,000 row arrays and ~2.5 M cells. A record is a run of
 * fields, records and fields all separated by ','. A field is a number, or a
 * text (textField): as it is when it holds no ',' and neither starts with '~'
 * nor is empty, else '~' + its length in characters + ':' + itself; an empty
 * field is NULL. Records come in no particular order (an ORDER BY inside the
 * aggregate cost SQLite a third more): each starts with its id and the
 * decoder puts them back in id order.
 */

type Cell = SQL | PgColumn;

/** One org's records of a table packed into one string (NULL items are none; no org without a record is listed). */
export const packed = (item: SQL): SQL => (ENGINE === 'postgres' ? sql`string_agg(${item}, ',')` : sql`group_concat(${item}, ',')`);

/** A value as text: PostgreSQL's coalesce and string_agg want text; SQLite's || converts a number itself. */
export const asText = (v: SQL | Cell): SQL => (ENGINE === 'postgres' ? sql`cast(${v} as text)` : sql`${v}`);

/** A number that is never NULL as a field (|| converts it on both engines). */
export const numField = (v: Cell): SQL => sql`${v}`;

/** A number that may be NULL as a field (NULL: the empty field). */
export const nullableNumField = (v: Cell): SQL => sql`coalesce(${v} || '', '')`;

/** A text as a field, always length-prefixed: for a column whose plain values are coded (a code's digits must not be taken for the text). */
export const prefixedField = (v: Cell): SQL => sql`coalesce('~' || length(${v}) || ':' || ${v}, '')`;

/**
 * A text as a field as it is (NULL: the empty field), for a column whose
 * values hold no ',' and are not empty — true of every day the API writes;
 * `unsafe` counts the records of an org for which it is not so, and such an
 * org is read again as plain rows (a text field escaping every value cost
 * SQLite 15 % more).
 */
export const plainField = (v: Cell): SQL => sql`coalesce(${v}, '')`;

/** A text that is never NULL as a field as it is (plainField). */
export const plainTextField = (v: Cell): SQL => sql`${v}`;

/** More than 0 when some of an org's records have a plainField value holding a ',' or empty (a NULL is neither). */
export function unsafe(...values: Cell[]): SQL {
  const at = ENGINE === 'postgres' ? (v: Cell) => sql`strpos(${v}, ',')` : (v: Cell) => sql`instr(${v}, ',')`;
  return sql`(max(${sql.join(values.map((v) => sql`coalesce(${at(v)}, 0)`), sql` + `)}) + sum(case when ${sql.join(values.map((v) => sql`${v} = ''`), sql` or `)} then 1 else 0 end))`;
}

/** Fields joined into one item. */
export const fields = (...parts: SQL[]): SQL => sql.join(parts, sql` || ',' || `);

const COMMA = 44, COLON = 58, DASH = 45, ZERO = 48;
/** The first character of a length-prefixed text field; of a marked number field ('x12'). */
export const TILDE = 126, MARK = 120;

/**
 * Reads the fields of one packed string in order. Days written as plain
 * 'YYYY-MM-DD' are handed out as one shared string per day (`day`), any other
 * text as read.
 */
export class FieldReader {
  private s = '';
  private p = 0;
  private readonly days: (string | undefined)[] = new Array<string | undefined>(200 * 13 * 32).fill(undefined);
  private readonly otherDays = new Map<string, string>();

  reset(s: string): void {
    this.s = s;
    this.p = 0;
  }

  get done(): boolean {
    return this.p >= this.s.length;
  }

  /** Whether the next field begins with this character code (and is not empty). */
  startsWith(c: number): boolean {
    return this.s.charCodeAt(this.p) === c;
  }

  /** The next field as a number (NaN: empty). Integers are read by character; any other form as Number() reads it. */
  num(): number {
    const { s } = this;
    const start = this.p;
    let p = start, n = 0, neg = false, plain = true;
    if (s.charCodeAt(p) === DASH) { neg = true; p++; }
    for (; p < s.length; p++) {
      const c = s.charCodeAt(p);
      if (c === COMMA) break;
      const d = c - ZERO;
      if (d >= 0 && d <= 9) n = n * 10 + d; else plain = false;
    }
    this.p = p + 1;
    if (p === start) return NaN;
    return plain && p > start + (neg ? 1 : 0) && n <= Number.MAX_SAFE_INTEGER ? (neg ? -n : n) : Number(s.slice(start, p));
  }

  /** The next field as a number after a one-character mark (as 'x12'). */
  markedNum(): number {
    this.p++;
    return this.num();
  }

  /** The next field as a text (null: empty). */
  text(): string | null {
    const { s } = this;
    const start = this.p;
    if (s.charCodeAt(start) === TILDE) {
      let p = start + 1, chars = 0;
      for (; s.charCodeAt(p) !== COLON; p++) chars = chars * 10 + s.charCodeAt(p) - ZERO;
      p++;
      const from = p;
      // Its length is in characters: a character outside the BMP takes two code units.
      for (let k = 0; k < chars; k++) p += (s.codePointAt(p) ?? 0) > 0xffff ? 2 : 1;
      this.p = p + 1;
      return s.slice(from, p);
    }
    return this.plain();
  }

  /** The next field as a day (a plainField): one shared string per plain 'YYYY-MM-DD' day, else the text as read. */
  day(): string | null {
    const { s, p } = this;
    if (s.charCodeAt(p + 4) === DASH && s.charCodeAt(p + 7) === DASH && (p + 10 === s.length || s.charCodeAt(p + 10) === COMMA)) {
      const y = digits(s, p, 4), m = digits(s, p + 5, 2), d = digits(s, p + 8, 2);
      if (y >= 0 && m >= 0 && d >= 0) {
        // A dense key for the years 1900–2099 (an array of 83,200 at most), a map for any other.
        const key = y >= 1900 && y < 2100 ? ((y - 1900) * 13 + m) * 32 + d : -1;
        let v = key >= 0 ? this.days[key] : this.otherDays.get(s.slice(p, p + 10));
        // Built from its numbers, not sliced: a slice would keep the whole packed string alive.
        if (v === undefined) {
          v = ymd(y, m, d);
          if (key >= 0) this.days[key] = v; else this.otherDays.set(v, v);
        }
        this.p = p + 11;
        return v;
      }
    }
    return this.plain();
  }

  /** The next field as a plain text, up to the next ',' (null: empty). */
  plain(): string | null {
    const { s } = this;
    const start = this.p;
    let p = start;
    while (p < s.length && s.charCodeAt(p) !== COMMA) p++;
    this.p = p + 1;
    return p === start ? null : s.slice(start, p);
  }
}

function digits(s: string, at: number, count: number): number {
  let n = 0;
  for (let i = at; i < at + count; i++) {
    const d = s.charCodeAt(i) - ZERO;
    if (d < 0 || d > 9) return -1;
    n = n * 10 + d;
  }
  return n;
}

/**
 * Puts rows [from, to) of the columns in ascending order of `ids` (which is
 * among them), when they are not already.
 */
export function sortRows(ids: number[], from: number, to: number, columns: unknown[][]): void {
  let sorted = true;
  for (let r = from + 1; r < to && sorted; r++) if (ids[r - 1]! > ids[r]!) sorted = false;
  if (sorted) return;
  const perm = Array.from({ length: to - from }, (_, k) => from + k).sort((a, b) => ids[a]! - ids[b]!);
  for (const col of columns) {
    const copy = perm.map((r) => col[r]);
    for (let k = 0; k < copy.length; k++) col[from + k] = copy[k];
  }
}

/** 0, 1, …, n - 1: the order of columns laid out branch by branch. */
export function identity(n: number): Int32Array {
  const a = new Int32Array(n);
  for (let k = 0; k < n; k++) a[k] = k;
  return a;
}
