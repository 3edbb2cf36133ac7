import { yearsBetween } from '@wj/domain/quality';
import type { ReportContext } from './context.js';

/** 一、基本情况 as figures: organisation, membership and the branch committees' make-up. */
export interface BasicFigures {
  /** Commission report only: the unit-level organisations under the committee. */
  units: { total: number; hospitals: number; institutions: number; partyCommittees: number; generalBranches: number; branchUnits: number } | null;
  /** 党总支 below unit level. */
  innerGeneralBranches: number;
  branches: number;
  partyGroups: number;
  branchCategories: { inService: number; retired: number; mixed: number };
  members: number;
  inService: number;
  retired: number;
  probationary: number;
  talents: number;
  /** As the national system records them: 流动党员, 失联党员, and members whose standing is not 正常 (停止党籍, 留党察看). */
  floating: number;
  lostContact: number;
  notNormal: { suspended: number; probation: number };
  committee: {
    /** Branches with a 支委会 (or a lone elected secretary) on record. */
    withCommittee: number;
    seats: number;
    averageAge: number | null;
    /** ≤35, 36–45, 46–55, ≥56 */
    ages: [number, number, number, number];
    titles: { senior: number; deputySenior: number; intermediate: number; juniorOrNone: number };
    secretaries: number;
    /** Judged by the quality model's 双带头人 indicator. */
    dualLeaders: number;
    dualJudged: number;
    fullTimeSecretaries: number;
  };
}

export function basicFigures(ctx: ReportContext): BasicFigures {
  const { index, target } = ctx;
  const top = index.byId.get(target.orgId)!;
  const counts = index.counts.get(target.orgId) ?? { branches: 0, members: 0, inService: 0, retired: 0 };
  const all = [...index.byId.values()];
  const unitRows = target.unitId === null ? (index.children.get(top.id) ?? []) : [top];

  const facts = ctx.branches.map((b) => ctx.facts.get(b.orgId)).filter((f) => f !== undefined);
  const people = facts.flatMap((f) => f.members);
  const seats = facts.flatMap((f) => f.committee?.members ?? []);
  const ages = seats.map((s) => yearsBetween(s.birthDate, ctx.cutoff));
  const secretaries = seats.filter((s) => s.role === 'secretary');
  // 双带头人 is judged of the secretaries in office, not of branches without one; a retirees' branch's secretary is not judged.
  const dual = ctx.branches.filter((b) => ctx.facts.get(b.orgId)?.committee?.members.some((m) => m.role === 'secretary'))
    .map((b) => b.indicators.find((i) => i.code === 'secretary_dual_leader')).filter((i) => i && i.status !== 'na');

  return {
    units: target.unitId === null ? {
      total: unitRows.length,
      hospitals: unitRows.filter((u) => u.institutionType === 'hospital').length,
      institutions: unitRows.filter((u) => u.institutionType === 'health_institution').length,
      partyCommittees: unitRows.filter((u) => u.kind === 'party_committee').length,
      generalBranches: unitRows.filter((u) => u.kind === 'general_branch').length,
      branchUnits: unitRows.filter((u) => u.kind === 'branch').length,
    } : null,
    innerGeneralBranches: all.filter((o) => o.kind === 'general_branch' && o.unitId !== o.id).length,
    branches: counts.branches,
    partyGroups: all.filter((o) => o.kind === 'party_group').length,
    branchCategories: {
      inService: facts.filter((f) => f.category === 'in_service').length,
      retired: facts.filter((f) => f.category === 'retired').length,
      mixed: facts.filter((f) => f.category === 'mixed').length,
    },
    members: counts.members,
    inService: counts.inService,
    retired: counts.retired,
    probationary: people.filter((m) => m.category === 'probationary').length,
    talents: people.filter((m) => m.isTalent).length,
    floating: people.filter((m) => m.floating).length,
    lostContact: people.filter((m) => m.lostContact).length,
    notNormal: {
      suspended: people.filter((m) => m.partyStanding === 'suspended').length,
      probation: people.filter((m) => m.partyStanding === 'probation').length,
    },
    committee: {
      withCommittee: facts.filter((f) => f.committee && f.committee.members.length > 0).length,
      seats: seats.length,
      averageAge: ages.length ? ages.reduce((a, b) => a + b, 0) / ages.length : null,
      ages: [
        ages.filter((a) => a < 36).length, ages.filter((a) => a >= 36 && a < 46).length,
        ages.filter((a) => a >= 46 && a < 56).length, ages.filter((a) => a >= 56).length,
      ],
      titles: {
        senior: seats.filter((s) => s.titleLevel === 'senior').length,
        deputySenior: seats.filter((s) => s.titleLevel === 'deputy_senior').length,
        intermediate: seats.filter((s) => s.titleLevel === 'intermediate').length,
        juniorOrNone: seats.filter((s) => s.titleLevel === 'junior' || s.titleLevel === 'none').length,
      },
      secretaries: secretaries.length,
      dualLeaders: dual.filter((i) => i!.status === 'met').length,
      dualJudged: dual.length,
      fullTimeSecretaries: secretaries.filter((s) => s.fullTime).length,
    },
  };
}
