import fc from 'fast-check';
import type { z } from 'zod';
import { idCheckDigit } from '@wj/domain';
import { todayIso } from '@wj/domain/schemas';
import type { Db } from '../../src/db/index.js';
import { rawRows } from '../../src/db/raw.js';
import { arbitraryOf, fieldsOf, hostileField, type Hint } from './zod-arbitrary.js';
import type { Entity } from '../helpers/targets.js';

/** Ids of the demo data the generated requests draw from: inside the callers' scopes and outside. */
export interface Pool {
  ownBranch: number; siblingBranch: number; foreignBranch: number; ownUnit: number; foreignUnit: number;
  ownMembers: number[]; foreignMember: number;
}

export async function poolOf(db: Db, t: Record<Entity, [number, number]>): Promise<Pool> {
  const all = <T>(sql: string, ...args: unknown[]) => rawRows<T>(db, sql, args);
  const [sibling] = await all<{ id: number }>("select id from orgs where unit_id = ? and kind = 'branch' and status = 'active' and id <> ? order by id limit 1", t.unit[0], t.branch[0]);
  return {
    ownBranch: t.branch[0], siblingBranch: sibling?.id ?? t.branch[0], foreignBranch: t.branch[1], ownUnit: t.unit[0], foreignUnit: t.unit[1],
    ownMembers: (await all<{ id: number }>("select id from members where org_id = ? and status = 'active' order by id limit 6", t.branch[0])).map((r) => r.id),
    foreignMember: t.member[1],
  };
}

const day = (from: string, to: string) => fc.integer({ min: Date.parse(from), max: Date.parse(to) }).map((t) => new Date(t).toISOString().slice(0, 10));

/** Arbitraries by field name, so that the rules between fields (ages, date order, seats, ids in scope) hold often. */
export function hints(pool: Pool, rules: () => unknown): Hint {
  const today = todayIso();
  const recent = fc.oneof({ weight: 3, arbitrary: day(`${today.slice(0, 4)}-01-01`, today) }, { weight: 1, arbitrary: day('2018-01-01', today) });
  const branchIds = fc.constantFrom(pool.siblingBranch, pool.siblingBranch, pool.ownBranch, pool.foreignBranch);
  const memberIds = fc.constantFrom(...pool.ownMembers, pool.foreignMember);
  return (key, schema) => {
    const type = (schema as unknown as { _zod: { def: { type: string; coerce?: boolean } } })._zod.def;
    const asText = (a: fc.Arbitrary<unknown>) => (type.coerce || type.type === 'string' ? a.map(String) : a);
    if (key === 'birthDate') return day('1960-01-01', '1996-12-31');
    if (/Date$|^date$|^asOf$|^from$|^to$/.test(key)) return recent;
    if (key === 'year' || key === 'createdYear') return asText(fc.constantFrom(2026, 2026, 2025, 2027));
    if (key === 'idNumber') return fc.integer({ min: 10, max: 99 }); // completed from birthDate and gender by `finish`
    if (key === 'phone') return fc.option(fc.integer({ min: 0, max: 99999999 }).map((n) => `139${String(n).padStart(8, '0')}`), { nil: null });
    if (key === 'password') return fc.stringMatching(/^[A-Za-z]{6}\d{4}$/);
    if (key === 'username' && type.type !== 'optional') return fc.stringMatching(/^[a-z][a-z0-9]{4,10}$/);
    if (key === 'toOrgId' || key === 'intoOrgId' || key === 'moveMembersTo') return branchIds;
    if (key === 'scopeOrgId') return fc.constantFrom(null, pool.ownBranch, pool.ownUnit, pool.foreignUnit);
    if (key === 'memberId' || key === 'leaderMemberId') return memberIds;
    // A meeting's 主持人/记录人: members of the branch mostly, so records get through to the handler.
    if (key === 'hostId' || key === 'recorderId') return fc.option(fc.constantFrom(...pool.ownMembers), { nil: null, freq: 3 });
    if (key === 'unitId') return asText(fc.constantFrom(pool.ownUnit, pool.ownUnit, pool.foreignUnit));
    if (key === 'version' || key === 'baseVersion') return fc.constant(1); // replaced by the record's version when sent
    if (key === 'rules') return fc.constant(null).map(() => structuredClone(rules()));
    if (key === 'members' && type.type === 'array') {
      return fc.shuffledSubarray(pool.ownMembers, { minLength: 1, maxLength: 3 }).chain((ids) => fc.tuple(
        fc.constant(ids), fc.shuffledSubarray(['deputy_secretary', 'organization', 'propaganda', 'discipline'], { minLength: ids.length - 1, maxLength: ids.length - 1 }),
      )).map(([ids, roles]) => ids.map((memberId, i) => ({ memberId, role: i === 0 ? 'secretary' : roles[i - 1], fullTime: false, otherPosts: 0 })));
    }
    return undefined;
  };
}

/** Completes what a hint left open: a 公民身份号码 that agrees with the birth date and gender. */
export function finish(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  const b = body as Record<string, unknown>;
  if (typeof b.idNumber === 'number' && typeof b.birthDate === 'string') {
    const seq = `${b.idNumber}${b.gender === 'male' ? 1 : 2}`;
    const first17 = `370102${b.birthDate.replace(/-/g, '')}${seq}`;
    b.idNumber = first17 + idCheckDigit(first17);
  }
  return b;
}

/** Up to `count` bodies the route's own schema accepts, from `tries` candidates (refinements cannot be generated). */
export function validBodies(schema: z.ZodType, hint: Hint, count: number, seed: number, tries = 40): unknown[] {
  const candidates = fc.sample(arbitraryOf(schema, hint), { numRuns: tries, seed }).map(finish);
  return candidates.filter((c) => schema.safeParse(c).success).slice(0, count);
}

/** A copy of `body` with one field replaced by a hostile value or removed. */
export function mutateOne(schema: z.ZodType, body: unknown, seed: number): { body: unknown; field: string } {
  const fields = fieldsOf(schema);
  const [field, value] = fc.sample(fc.tuple(fc.constantFrom(...(fields.length ? fields : ['x'])), hostileField), { numRuns: 1, seed })[0]!;
  const copy = { ...(body as Record<string, unknown>) };
  if (value === undefined) delete copy[field]; else copy[field] = value;
  return { body: copy, field };
}

/** How a path or query id is spelled: in scope, out of scope, a non-canonical spelling of one of them, or no such record. */
export type IdVariant = 'own' | 'foreign' | 'spelling' | 'missing';
const SPELLINGS = [(n: number) => `0${n}`, (n: number) => `+${n}`, (n: number) => `${n}.0`, (n: number) => `${n / 100}e2`, (n: number) => `%20${n}`, (n: number) => `0x${n.toString(16)}`];

export function spellId(variant: IdVariant, own: number, foreign: number, seed: number): string {
  if (variant === 'own') return String(own);
  if (variant === 'foreign') return String(foreign);
  if (variant === 'missing') return '999999';
  const [spell, target] = fc.sample(fc.tuple(fc.constantFrom(...SPELLINGS), fc.constantFrom(own, foreign)), { numRuns: 1, seed })[0]!;
  return spell(target);
}

/** Which table holds the version a route's body must carry, by the route's :id entity. */
export const VERSION_TABLE: Partial<Record<Entity, string>> = {
  branch: 'orgs', member: 'members', meeting: 'meetings', committee: 'committees', worker: 'party_workers', item: 'responsibility_items',
  brand: 'brands', project: 'secretary_projects', post: 'vanguard_posts', recruit: 'recruits', user: 'users',
};
