import { describe, expect, it } from 'vitest';
import { DEMO_AS_OF, DEMO_SEED, generateCommission, TABLE_KEYS } from '../../src/demo/index.js';

const activeBranches = (d: ReturnType<typeof generateCommission>) => d.orgs.filter((o) => o.kind === 'branch' && o.status === 'active');
const activeMembers = (d: ReturnType<typeof generateCommission>) => d.members.filter((m) => m.status === 'active');

describe('generateCommission', () => {
  it('gives deep-equal data for the same options', () => {
    expect(generateCommission()).toEqual(generateCommission({ seed: DEMO_SEED, scale: 1, asOf: DEMO_AS_OF }));
  });

  it('gives different people for a different seed, with the same survey totals', () => {
    const a = generateCommission();
    const b = generateCommission({ seed: 7 });
    expect(b.members.slice(0, 50).map((m) => m.name)).not.toEqual(a.members.slice(0, 50).map((m) => m.name));
    expect(activeBranches(b)).toHaveLength(144);
    expect(activeMembers(b)).toHaveLength(3151);
    expect(activeMembers(b).filter((m) => m.employment === 'retired')).toHaveLength(740);
  });

  it('stamps every row as demo data of the as-of day', () => {
    const d = generateCommission();
    expect(d.asOf).toBe('2026-11-20');
    for (const row of d.orgs) expect(row).toMatchObject({ updatedBy: 'demo', updatedAt: expect.stringMatching(/^2026-11-20/) });
  });

  it('gives every row of every table an id, unique within its table', () => {
    const d = generateCommission({ scale: 2 });
    for (const key of TABLE_KEYS) {
      const ids = d[key].map((r) => r.id);
      expect(ids.every((id) => Number.isInteger(id) && id > 0), key).toBe(true);
      expect(new Set(ids).size, key).toBe(ids.length);
    }
  });

  it('scales to N copies of the 12-unit structure with unique names, ids and id numbers', () => {
    const d = generateCommission({ scale: 3 });
    const root = d.orgs.find((o) => o.parentId === null)!;
    const units = d.orgs.filter((o) => o.parentId === root.id);
    expect(units).toHaveLength(36);
    expect(new Set(units.map((u) => u.institutionName)).size).toBe(36);
    expect(units.map((u) => u.institutionName)).toContain('市人民医院（第2组）');
    expect(activeBranches(d)).toHaveLength(3 * 144);
    expect(activeMembers(d)).toHaveLength(3 * 3151);
    expect(activeMembers(d).filter((m) => m.employment === 'in_service')).toHaveLength(3 * 2411);
    expect(new Set(d.members.map((m) => m.idNumber)).size).toBe(d.members.length);
    // Every reference points at a row of the same data set.
    const orgIds = new Set(d.orgs.map((o) => o.id));
    const memberIds = new Set(d.members.map((m) => m.id));
    expect(d.members.every((m) => orgIds.has(m.orgId))).toBe(true);
    expect(d.committeeMembers.every((s) => memberIds.has(s.memberId))).toBe(true);
    expect(d.meetings.every((m) => orgIds.has(m.orgId))).toBe(true);
  });

  it('rejects a scale that is not a positive integer', () => {
    expect(() => generateCommission({ scale: 0 })).toThrow(/scale/);
    expect(() => generateCommission({ scale: 1.5 })).toThrow(/scale/);
  });
});
