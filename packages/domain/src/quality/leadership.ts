import { COMMITTEE_ROLE_LABELS, TITLE_LEVEL_LABELS } from '../labels.js';
import type { CommitteeRole, TitleLevel } from '../enums.js';
import { EPS, fail, met, na, retiredExempt, warn, type BranchContext } from './context.js';
import { addMonths, addYears, fmtNum, fmtYm, fmtYmd } from './dates.js';
import { findMemberOfColumns } from './member-columns.js';
import type { Outcome } from './types.js';

/**
 * 支部班子强. Sources: 《中国共产党支部工作条例（试行）》第六章 (支委会设置、任期、
 * 书记党龄); 《关于党的基层组织任期的意见》(2018); 《关于加强公立医院党的建设工作的意见》
 * (2018: 党支部书记“双带头人”培育工程).
 */
type Check = (ctx: BranchContext) => Outcome;

/** 第六章: 党支部委员会设书记和组织委员、宣传委员、纪检委员等. */
const REQUIRED_ROLES: CommitteeRole[] = ['secretary', 'organization', 'propaganda', 'discipline'];

/**
 * The platform's 双带头人 test (本委规则, sources.ts): 内设机构负责人, or a
 * 正高/副高 title. One definition for the score, the committee screen and the report.
 */
export function isDualLeader(s: { isDeptHead: boolean; titleLevel: TitleLevel }): boolean {
  return s.isDeptHead || s.titleLevel === 'senior' || s.titleLevel === 'deputy_senior';
}

const secretaryDualLeader: Check = (ctx) => {
  const { facts, secretary: s } = ctx;
  if (!s) return fail('red', facts.committee ? '支部班子中没有支部书记' : '支部未选举产生支部书记');
  // The 双带头人 project is about 业务骨干 leading in-service branches; by default a retirees' branch is not judged.
  if (retiredExempt(ctx, 'secretary_dual_leader')) return na('离退休党支部不考核“双带头人”');
  if (s.isDeptHead) return met('支部书记为内设机构负责人，是“双带头人”');
  if (isDualLeader(s)) return met(`支部书记具有${TITLE_LEVEL_LABELS[s.titleLevel]}职称，是“双带头人”`);
  return fail('red', '支部书记既非内设机构负责人也无副高以上职称，不是“双带头人”');
};

const committeeComplete: Check = ({ facts, p, fullCount, needsCommittee }) => {
  if (!needsCommittee) return na(`正式党员${fullCount}名，不足${p.committeeMinFullMembers}名，只设书记，不设支委会`);
  const members = facts.committee?.members ?? [];
  if (members.length === 0) return fail('red', `支部有正式党员${fullCount}名，应设立支委会而未设立`);
  const red: string[] = [];
  if (members.length < p.committeeSizeMin) red.push(`支委会仅${members.length}人，少于${p.committeeSizeMin}人`);
  // A member may hold more than one role (书记兼纪检委员): count every role held.
  const missing = REQUIRED_ROLES.filter((r) => !members.some((m) => m.role === r || (m.alsoRoles ?? []).includes(r)));
  if (missing.length) red.push(`支委会缺少${missing.map((r) => COMMITTEE_ROLE_LABELS[r]).join('、')}`);
  // “一般不超过7人”: a soft limit, so only amber.
  const amber = members.length > p.committeeSizeMax ? `支委会${members.length}人，超过${p.committeeSizeMax}人` : null;
  if (red.length) return fail('red', [...red, ...(amber ? [amber] : [])].join('；'));
  if (amber) return fail('amber', amber, 0.5);
  const doubled = members.filter((m) => (m.alsoRoles ?? []).length > 0).length;
  return met(`支委会${members.length}人，书记和组织、宣传、纪检委员配备齐全${doubled ? `（${doubled}人兼任）` : ''}`);
};

const committeeTerm: Check = ({ facts, p, cutoff, needsCommittee }) => {
  const c = facts.committee;
  if (!c) return fail('red', '支部未按规定选举产生支部委员会（书记）');
  // The stored term may be shorter than the rule (a by-election); never longer.
  const ends = addYears(c.electedDate, Math.min(c.termYears, p.termYears));
  const who = needsCommittee ? '支部委员会' : '支部书记';
  if (ends < cutoff) return fail('red', `${who}任期已于${fmtYm(ends)}届满未换届`);
  if (p.termWarnMonths > 0 && ends <= addMonths(cutoff, p.termWarnMonths)) {
    return warn(`${who}任期将于${fmtYmd(ends)}届满，应及早做好换届准备`);
  }
  return met(`${who}${fmtYm(c.electedDate)}选举产生，任期至${fmtYm(ends)}`);
};

const committeeAge: Check = (ctx) => {
  const { facts, p, cutoff, needsCommittee } = ctx;
  if (retiredExempt(ctx, 'committee_age')) return na('离退休党支部不考核班子年龄结构');
  if (!needsCommittee) return na('不设支委会，不考核班子年龄结构');
  const members = facts.committee?.members ?? [];
  if (members.length === 0) return na('未设立支委会，不计年龄结构');
  const avg = members.reduce((s, m) => s + ctx.yearsBetween(m.birthDate, cutoff), 0) / members.length;
  if (avg <= p.committeeAvgAgeMax + EPS) return met(`支委会成员平均年龄${fmtNum(avg)}岁`);
  // One decimal, or two when one would read "50.0岁，超过50岁".
  const shown = Number(avg.toFixed(1)) > p.committeeAvgAgeMax ? avg.toFixed(1) : avg.toFixed(2);
  return fail('red', `支委会成员平均年龄${shown}岁，超过${p.committeeAvgAgeMax}岁，年龄结构偏大`);
};

const secretaryPartyAge: Check = ({ facts, p, cutoff, secretary: s, yearsBetween, memberColumns }) => {
  if (!s) return na('未配备支部书记（见“双带头人”指标）');
  const m = memberColumns ? findMemberOfColumns(memberColumns, s.memberId) : facts.members.find((x) => x.id === s.memberId);
  // 《中国共产党章程》第七条: 党龄从预备期满转为正式党员之日算起.
  if (m?.category === 'probationary') return fail('red', '支部书记为预备党员，尚无党龄');
  const fullDate = m?.fullDate ?? addYears(s.joinDate, 1);
  const years = fullDate <= cutoff ? yearsBetween(fullDate, cutoff) : 0;
  if (years + EPS >= p.secretaryPartyYearsMin) return met(`支部书记党龄${Math.floor(years + EPS)}年`);
  return fail('red', `支部书记党龄不足${p.secretaryPartyYearsMin}年（${fmtYm(fullDate)}转为正式党员）`);
};

/**
 * Other posts that count against the 兼职 limit: the 内设机构负责人 post that
 * 双带头人 asks of a secretary (科主任) is not counted, for anyone.
 */
export function countedPosts(m: { otherPosts: number; isDeptHead: boolean }): number {
  return Math.max(0, m.otherPosts - (m.isDeptHead ? 1 : 0));
}

/** The survey: “有些党支部班子成员兼职较多，没有专人抓党建工作”. */
const secretaryPartTime: Check = ({ facts, p, secretary: s }) => {
  const members = facts.committee?.members ?? [];
  if (members.length === 0) return na('未配备支部班子');
  const max = p.otherPostsMax;
  if (s && !s.fullTime && countedPosts(s) > max) {
    return fail('red', `支部书记兼任其他职务${countedPosts(s)}个（不含内设机构负责人），超过${max}个，难以集中精力抓党建`);
  }
  const busy = members.filter((m) => m.role !== 'secretary' && countedPosts(m) > max);
  if (busy.length) return fail('amber', `支委会中${busy.length}名委员兼任其他职务超过${max}个`, 0.5);
  return met(s?.fullTime ? '支部书记为专职' : `班子成员兼任其他职务均不超过${max}个`);
};

export const LEADERSHIP_CHECKS = {
  secretary_dual_leader: secretaryDualLeader,
  committee_complete: committeeComplete,
  committee_term: committeeTerm,
  committee_age: committeeAge,
  secretary_party_age: secretaryPartyAge,
  secretary_part_time: secretaryPartTime,
} satisfies Record<string, Check>;
