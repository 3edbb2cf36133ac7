import { isValidIdNumber } from '@wj/domain';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateCommission, NAMED_BRANDS, type DemoData } from '../../src/demo/index.js';
import { ageOn, demoIndex, plusYears, type DemoIndex } from './detect.js';

let data: DemoData;
let x: DemoIndex;
beforeAll(() => {
  data = generateCommission();
  x = demoIndex(data);
});

const unitByName = (inst: string) => x.units.find((u) => u.institutionName === inst)!;
const branchesOf = (unitId: number) => x.branches.filter((b) => b.unitId === unitId);

describe('the commission as the city survey counts it', () => {
  it('has one root, the commission committee', () => {
    const roots = data.orgs.filter((o) => o.parentId === null);
    expect(roots).toHaveLength(1);
    expect(roots[0]).toMatchObject({ kind: 'committee', name: '市卫生健康委直属机关党委', unitId: null });
  });

  it('has 12 units: 8 hospitals and 4 health institutions; 6 党委, 3 总支 and 3 one-branch units', () => {
    expect(x.units).toHaveLength(12);
    const count = <T>(values: T[], v: T) => values.filter((y) => y === v).length;
    expect(count(x.units.map((u) => u.institutionType), 'hospital')).toBe(8);
    expect(count(x.units.map((u) => u.institutionType), 'health_institution')).toBe(4);
    expect(count(x.units.map((u) => u.kind), 'party_committee')).toBe(6);
    expect(count(x.units.map((u) => u.kind), 'general_branch')).toBe(3);
    expect(count(x.units.map((u) => u.kind), 'branch')).toBe(3);
    expect(new Set(x.units.map((u) => u.institutionName)).size).toBe(12);
  });

  it('has 144 active branches, 141 of them under the 党委 and 总支', () => {
    expect(x.branches).toHaveLength(144);
    const parents = new Map(data.orgs.map((o) => [o.id, o]));
    expect(x.branches.filter((b) => parents.get(b.parentId!)?.kind !== 'committee')).toHaveLength(141);
    for (const b of x.branches) expect(b.branchCategory, b.name).toMatch(/^(in_service|retired|mixed)$/);
  });

  it('has 3151 active members: 2411 in service and 740 retired', () => {
    expect(x.active).toHaveLength(3151);
    expect(x.active.filter((m) => m.employment === 'in_service')).toHaveLength(2411);
    expect(x.active.filter((m) => m.employment === 'retired')).toHaveLength(740);
  });

  it('numbers 三院 branches, at least twenty of them, including 第二十党支部', () => {
    const third = branchesOf(unitByName('市第三人民医院').id);
    expect(third.length).toBeGreaterThanOrEqual(20);
    expect(third.map((b) => b.name)).toContain('第二十党支部');
  });

  it('points every node at its unit: a unit at itself, descendants at their unit', () => {
    const byId = new Map(data.orgs.map((o) => [o.id, o]));
    for (const u of x.units) expect(u.unitId).toBe(u.id);
    for (const o of data.orgs) {
      if (o.parentId === null || o.parentId === x.root.id) continue;
      let up = o;
      while (up.parentId !== x.root.id) up = byId.get(up.parentId!)!;
      expect(o.unitId, o.name).toBe(up.id);
    }
  });

  it('hangs 党小组 under big branches only, and puts no member in them', () => {
    const groups = data.orgs.filter((o) => o.kind === 'party_group');
    expect(groups.length).toBeGreaterThan(0);
    const byId = new Map(data.orgs.map((o) => [o.id, o]));
    for (const g of groups) expect(byId.get(g.parentId!)?.kind).toBe('branch');
    const orgKind = new Map(data.orgs.map((o) => [o.id, o.kind]));
    for (const m of data.members) expect(orgKind.get(m.orgId), m.name).toBe('branch');
  });

  it('keeps retirees mostly in 离退休党支部 and every unit with ten or more retirees has one', () => {
    const category = new Map(data.orgs.map((o) => [o.id, o.branchCategory]));
    const retired = x.active.filter((m) => m.employment === 'retired');
    expect(retired.filter((m) => category.get(m.orgId) === 'retired').length / retired.length).toBeGreaterThan(0.7);
    for (const m of x.active) {
      if (category.get(m.orgId) === 'retired') expect(m.employment).toBe('retired');
      if (category.get(m.orgId) === 'in_service') expect(m.employment).toBe('in_service');
    }
    for (const u of x.units) {
      const unitRetirees = retired.filter((m) => x.unitOf.get(m.orgId) === u.id).length;
      const retiredBranches = branchesOf(u.id).filter((b) => b.branchCategory === 'retired').length;
      if (unitRetirees >= 10 && u.kind !== 'branch') expect(retiredBranches, u.institutionName!).toBeGreaterThanOrEqual(1);
    }
  });

  it('sizes branches realistically: mostly 8–40, a few tiny ones, one or two over 50', () => {
    const sizes = x.branches.map((b) => (x.membersByOrg.get(b.id) ?? []).length);
    expect(sizes.filter((s) => s >= 8 && s <= 40).length / sizes.length).toBeGreaterThan(0.75);
    expect(sizes.filter((s) => s >= 3 && s <= 6).length).toBeGreaterThanOrEqual(1);
    expect(sizes.filter((s) => s > 50).length).toBeGreaterThanOrEqual(1);
    expect(sizes.filter((s) => s > 50).length).toBeLessThanOrEqual(2);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(3);
  });
});

describe('member records', () => {
  it('carry valid, unique 公民身份号码 that embed the birth date and the gender', () => {
    const seen = new Set<string>();
    for (const m of data.members) {
      expect(isValidIdNumber(m.idNumber), m.idNumber).toBe(true);
      expect(m.idNumber.slice(6, 14)).toBe(m.birthDate.replaceAll('-', ''));
      expect(Number(m.idNumber[16]) % 2 === 1 ? 'male' : 'female').toBe(m.gender);
      expect(m.idNumber.slice(0, 4)).toBe(data.members[0]!.idNumber.slice(0, 4)); // one city
      seen.add(m.idNumber);
    }
    expect(seen.size).toBe(data.members.length);
  });

  it('have ages that fit employment and join dates after the 18th birthday', () => {
    for (const m of x.active) {
      const age = ageOn(m.birthDate, x.asOf);
      const [lo, hi] = m.employment === 'in_service' ? [23, 60] : [60, 90];
      expect(age >= lo && age <= hi, `${m.name} ${m.employment} ${age}`).toBe(true);
      expect(m.joinDate > plusYears(m.birthDate, 18), m.name).toBe(true);
      expect(m.joinDate <= x.asOf).toBe(true);
    }
  });

  it('make full members full a year after joining, and keep ~3% probationary who joined within the year', () => {
    for (const m of x.active) {
      if (m.category === 'full') {
        expect(m.fullDate).toBe(plusYears(m.joinDate, 1));
        expect(m.fullDate! <= x.asOf).toBe(true);
      } else {
        expect(m.fullDate).toBeNull();
        expect(m.joinDate > plusYears(x.asOf, -1)).toBe(true);
      }
    }
    const share = x.active.filter((m) => m.category === 'probationary').length / x.active.length;
    expect(share).toBeGreaterThan(0.015);
    expect(share).toBeLessThan(0.05);
  });

  it('have Chinese names, realistic ethnic mix, mobile numbers, and a few per cent talents and ~10% department heads', () => {
    expect(x.active.every((m) => /^[\u4e00-\u9fa5]{2,4}$/.test(m.name))).toBe(true);
    expect(x.active.filter((m) => m.ethnicity === '汉族').length / x.active.length).toBeGreaterThan(0.85);
    expect(new Set(x.active.map((m) => m.ethnicity)).size).toBeGreaterThan(3);
    expect(x.active.filter((m) => m.phone).every((m) => /^1[3-9]\d{9}$/.test(m.phone!))).toBe(true);
    const inService = x.active.filter((m) => m.employment === 'in_service');
    const talents = inService.filter((m) => m.isTalent);
    expect(talents.length / inService.length).toBeGreaterThan(0.01);
    expect(talents.length / inService.length).toBeLessThan(0.08);
    expect(talents.filter((m) => m.titleLevel === 'senior' || m.titleLevel === 'deputy_senior').length / talents.length).toBeGreaterThan(0.8);
    const heads = inService.filter((m) => m.isDeptHead).length / inService.length;
    expect(heads).toBeGreaterThan(0.06);
    expect(heads).toBeLessThan(0.15);
  });

  it('fit job categories to the department: nurses in 护理 branches, managers in 机关', () => {
    for (const b of x.branches.filter((o) => o.name.startsWith('护理'))) {
      const staff = (x.membersByOrg.get(b.id) ?? []).filter((m) => m.employment === 'in_service');
      expect(staff.filter((m) => m.jobCategory === 'nurse').length / staff.length, b.name).toBeGreaterThan(0.7);
    }
    for (const b of x.branches.filter((o) => o.name.startsWith('机关'))) {
      const staff = (x.membersByOrg.get(b.id) ?? []).filter((m) => m.employment === 'in_service');
      expect(staff.filter((m) => m.jobCategory === 'management').length / staff.length, b.name).toBeGreaterThan(0.6);
    }
  });

  it('keep the rows of members who left, with a status and a date', () => {
    const left = data.members.filter((m) => m.status !== 'active');
    expect(left.some((m) => m.status === 'transferred_out')).toBe(true);
    expect(left.some((m) => m.status === 'deceased')).toBe(true);
    for (const m of left) expect(m.leftDate && m.leftReason, m.name).toBeTruthy();
  });

  it('record study hours for both years for every active member, most above 32', () => {
    const rows = data.memberStudy.filter((s) => s.year === x.year - 1);
    expect(rows).toHaveLength(x.active.length);
    expect(data.memberStudy.filter((s) => s.year === x.year)).toHaveLength(x.active.length);
    expect(rows.filter((s) => s.hours >= 32).length / rows.length).toBeGreaterThan(0.9);
  });
});

describe('brands', () => {
  it('number at least 50 active ones, each on its own branch', () => {
    const active = data.brands.filter((b) => b.active);
    expect(active.length).toBeGreaterThanOrEqual(50);
    expect(new Set(active.map((b) => b.orgId)).size).toBe(active.length);
  });

  it('include the four the survey names, on the branches it names', () => {
    const byId = new Map(data.orgs.map((o) => [o.id, o]));
    const expectations: Record<string, [string, RegExp]> = {
      '120救(就)在身边': ['市人民医院', /急救|急诊/],
      一二三工作法: ['市眼科医院', /手麻/],
      创优先锋: ['市第三人民医院', /^第二十党支部$/],
      '谨“肾”晓“心”医路为民': ['市第五人民医院', /^内科第一/],
    };
    expect(NAMED_BRANDS.map((n) => n.brand).sort()).toEqual(Object.keys(expectations).sort());
    for (const [name, [inst, branchName]] of Object.entries(expectations)) {
      const brand = data.brands.find((b) => b.name === name && b.active);
      expect(brand, name).toBeDefined();
      const branch = byId.get(brand!.orgId)!;
      expect(branch.kind).toBe('branch');
      expect(branch.name).toMatch(branchName);
      expect(byId.get(branch.unitId!)!.institutionName).toBe(inst);
    }
  });
});
