import type { MeetingColumns, MeetingFact, MemberColumns, MemberFact } from '@wj/domain/quality';
import { MEETING_TYPES } from '@wj/domain';
import { FieldReader, identity, MARK, sortRows, TILDE } from './facts-packed.js';
import { PROFILE_TABLE, type Row } from './facts-sql.js';

/*
 * The columns the facts loader keeps the two biggest tables in (the roll,
 * the year's 组织生活), filled from packed lists (facts-packed.ts) or, for the
 * rare org whose values a plain field cannot carry, from plain rows; each
 * org's records lie together in id order, `range` gives where.
 */

type Intern = <T extends string | null>(v: T) => T;

/** Where each org's records lie: [from, to). */
class Ranges {
  private readonly at = new Map<number, [number, number]>();
  set(orgId: number, from: number, to: number): void {
    this.at.set(orgId, [from, to]);
  }

  of(orgId: number): [number, number] {
    return this.at.get(orgId) ?? [0, 0];
  }

  forEach(f: (orgId: number, count: number) => void): void {
    this.at.forEach(([from, to], orgId) => f(orgId, to - from));
  }
}

/** The part both tables' columns share: ids, each org's range, and putting an org's records in id order once read. */
abstract class OrgColumns {
  readonly ids: number[] = [];
  readonly range = new Ranges();
  protected readonly fr = new FieldReader();
  constructor(protected readonly i: Intern) {}

  /** Every column, ids among them. */
  protected abstract all(): unknown[][];

  protected close(orgId: number, start: number): void {
    sortRows(this.ids, start, this.ids.length, this.all());
    this.range.set(orgId, start, this.ids.length);
  }
}

export class RollColumns extends OrgColumns {
  private readonly births: string[] = [];
  private readonly joins: string[] = [];
  private readonly fulls: (string | null)[] = [];
  private readonly categories: MemberFact['category'][] = [];
  private readonly employments: MemberFact['employment'][] = [];
  private readonly titles: MemberFact['titleLevel'][] = [];
  private readonly standings: (MemberFact['partyStanding'] | null)[] = [];
  private readonly flags: number[] = [];
  private readonly hours: number[] = [];

  /** One org's members packed: id, profile (memberProfile), hours, birth, join and full dates. */
  addPacked(orgId: number, list: string): void {
    const { fr, i } = this;
    const start = this.ids.length;
    fr.reset(list);
    while (!fr.done) {
      const id = fr.num();
      if (fr.startsWith(MARK)) {
        // A value outside the enumerations: the row's own cells, as they are.
        const f = fr.markedNum();
        this.push(id, f, i(fr.text()) as MemberFact['category'], i(fr.text()) as MemberFact['employment'], i(fr.text()) as MemberFact['titleLevel'],
          i(fr.text()) as MemberFact['partyStanding'] | null, fr.num(), i(fr.day()!), i(fr.day()!), i(fr.day()));
      } else {
        const d = PROFILE_TABLE[fr.num()]!;
        this.push(id, d[0], d[1], d[2], d[3], d[4], fr.num(), fr.day()!, fr.day()!, fr.day());
      }
    }
    this.close(orgId, start);
  }

  /** One org's members as plain rows (id, flags, category, employment, title, standing, hours, birth, join, full), in id order. */
  addRows(orgId: number, rows: Row[]): void {
    const { i } = this;
    const start = this.ids.length;
    for (const [id, f, c, e, t, st, h, birth, join, full] of rows as [number, number, MemberFact['category'], MemberFact['employment'], MemberFact['titleLevel'], (MemberFact['partyStanding'] & string) | null, number | null, string, string, string | null][]) {
      this.push(id, Number(f), i(c), i(e), i(t), st === null ? st : i(st), h ?? NaN, i(birth), i(join), i(full));
    }
    this.close(orgId, start);
  }

  private push(id: number, f: number, c: MemberFact['category'], e: MemberFact['employment'], t: MemberFact['titleLevel'],
    st: MemberFact['partyStanding'] | null, h: number, birth: string, join: string, full: string | null): void {
    this.ids.push(id);
    this.flags.push(f);
    this.categories.push(c);
    this.employments.push(e);
    this.titles.push(t);
    this.standings.push(st);
    this.hours.push(h);
    this.births.push(birth);
    this.joins.push(join);
    this.fulls.push(full);
  }

  protected all(): unknown[][] {
    return [this.ids, this.births, this.joins, this.fulls, this.categories, this.employments, this.titles, this.standings, this.flags, this.hours];
  }

  /** The columns of every org read (from and to to be set per branch). */
  columns(): MemberColumns {
    return {
      ids: this.ids, birthDates: this.births, joinDates: this.joins, fullDates: this.fulls, categories: this.categories, employments: this.employments,
      titleLevels: this.titles, partyStandings: this.standings, flags: Uint8Array.from(this.flags), hours: Float64Array.from(this.hours),
      order: identity(this.ids.length), from: 0, to: 0,
    };
  }
}

export class MeetingColumnsBuilder extends OrgColumns {
  private readonly types: string[] = [];
  private readonly dates: string[] = [];
  private readonly expected: number[] = [];
  private readonly present: number[] = [];

  /** One org's records packed: id, type (its index in MEETING_TYPES, or prefixed), date, expected, present. */
  addPacked(orgId: number, list: string): void {
    const { fr, i } = this;
    const start = this.ids.length;
    fr.reset(list);
    while (!fr.done) {
      const id = fr.num();
      this.push(id, fr.startsWith(TILDE) ? i(fr.text()!) : MEETING_TYPES[fr.num()]!, i(fr.day()!), fr.num(), fr.num());
    }
    this.close(orgId, start);
  }

  /** One org's records as plain rows (id, type, date, expected, present), in id order. */
  addRows(orgId: number, rows: Row[]): void {
    const start = this.ids.length;
    for (const [id, type, date, expected, present] of rows as [number, MeetingFact['type'], string, number, number][]) {
      this.push(id, this.i(type), this.i(date), expected, present);
    }
    this.close(orgId, start);
  }

  private push(id: number, type: string, date: string, expected: number, present: number): void {
    this.ids.push(id);
    this.types.push(type);
    this.dates.push(date);
    this.expected.push(expected);
    this.present.push(present);
  }

  protected all(): unknown[][] {
    return [this.ids, this.types, this.dates, this.expected, this.present];
  }

  columns(): MeetingColumns {
    return {
      types: this.types, dates: this.dates, expected: Int32Array.from(this.expected), present: Int32Array.from(this.present),
      order: identity(this.ids.length), from: 0, to: 0,
    };
  }
}

/** Plain rows (org id first) grouped by org, in the order read (by org, then id). */
export function groupByOrg(rows: Iterable<Row>): Map<number, Row[]> {
  const groups = new Map<number, Row[]>();
  for (const r of rows) {
    const orgId = r[0] as number;
    const list = groups.get(orgId);
    if (list) list.push(r.slice(1)); else groups.set(orgId, [r.slice(1)]);
  }
  return groups;
}
