import { z } from 'zod';
import { BRANCH_CATEGORIES, COMMITTEE_ROLES, ORG_KINDS, ORG_STATUSES, type CommitteeRole } from '../enums.js';
import { COMMITTEE_ROLE_LABELS } from '../labels.js';
import { cleanText, countField, optionalText, pastDateField, VersionSchema } from './fields.js';
import { CommitteeViewSchema } from './org.js';
import { PARAMS } from '../quality/params.js';

const orgName = z.string({ error: '请填写组织名称' }).trim()
  .min(2, '组织名称至少 2 个字').max(50, '组织名称不能超过 50 个字').superRefine(cleanText('组织名称'));
const branchCategory = z.enum(BRANCH_CATEGORIES, { error: '请选择支部类别（在职/离退休/混合）' });
const positiveId = (label: string) =>
  z.number({ error: `请选择${label}` }).int(`${label}无效`).positive(`${label}无效`);

/**
 * A new 党支部 under a unit's 党委/党总支, or a 党小组 under a 党支部
 * (《中国共产党支部工作条例（试行）》第七条、第十条).
 */
export const OrgCreateSchema = z.object({
  kind: z.enum(['branch', 'party_group'], { error: '请选择组织类型（党支部或党小组）' }),
  name: orgName,
  branchCategory: branchCategory.nullish(),
  department: optionalText('所在科室（部门）', 50),
  foundedDate: pastDateField('成立日期'),
}).superRefine((v, ctx) => {
  if (v.kind === 'branch' && !v.branchCategory) ctx.addIssue({ code: 'custom', path: ['branchCategory'], message: '请选择支部类别（在职/离退休/混合）' });
  if (v.kind === 'party_group' && v.branchCategory) ctx.addIssue({ code: 'custom', path: ['branchCategory'], message: '党小组不设支部类别' });
});
export type OrgCreate = z.infer<typeof OrgCreateSchema>;

/** Rename, re-categorise or re-assign the department of an org; a branchCategory left out stays as it is. */
export const OrgUpdateSchema = z.object({
  name: orgName,
  branchCategory: branchCategory.optional(),
  department: optionalText('所在科室（部门）', 50),
}).extend(VersionSchema.shape);
export type OrgUpdate = z.infer<typeof OrgUpdateSchema>;

export const OrgMergeSchema = z.object({
  intoOrgId: positiveId('并入的支部'),
  date: pastDateField('合并日期'),
}).extend(VersionSchema.shape);
export type OrgMerge = z.infer<typeof OrgMergeSchema>;

/** Dissolving a branch that still has members (or open records) needs the branch they move to. */
export const OrgDissolveSchema = z.object({
  date: pastDateField('撤销日期'),
  moveMembersTo: positiveId('党员转入的支部').nullish().transform((v) => v ?? null),
}).extend(VersionSchema.shape);
export type OrgDissolve = z.infer<typeof OrgDissolveSchema>;

export const OrgRecordSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  unitId: z.number().int().nullable(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  branchCategory: z.enum(BRANCH_CATEGORIES).nullable(),
  department: z.string().nullable(),
  foundedDate: z.string().nullable(),
  status: z.enum(ORG_STATUSES),
  dissolvedDate: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type OrgRecord = z.infer<typeof OrgRecordSchema>;

/** What a merge or dissolution moved into the target: nothing is left orphaned on the dissolved branch. */
export const OrgMoveResultSchema = z.object({
  org: OrgRecordSchema,
  target: OrgRecordSchema.nullable(),
  moved: z.object({
    members: z.number().int(),
    groups: z.number().int(),
    brands: z.number().int(),
    projects: z.number().int(),
    posts: z.number().int(),
    recruits: z.number().int(),
  }),
  endedCommitteeId: z.number().int().nullable(),
});
export type OrgMoveResult = z.infer<typeof OrgMoveResultSchema>;

// ---- 支委会 ----

/**
 * Roles one member may hold besides their own (兼任, e.g. 书记兼纪检委员): a
 * lawful 3-person committee covers 组织、宣传、纪检 this way. 书记 and 副书记
 * are never held concurrently.
 */
export const CONCURRENT_ROLES = ['organization', 'propaganda', 'discipline', 'youth'] as const satisfies readonly CommitteeRole[];

export const CommitteeSeatSchema = z.object({
  memberId: positiveId('委员'),
  role: z.enum(COMMITTEE_ROLES, { error: '请选择委员职务' }),
  /** Roles held besides `role` (兼任: 书记兼纪检委员); 组织、宣传、纪检、青年委员 only. */
  alsoRoles: z.array(z.enum(CONCURRENT_ROLES, { error: '兼任职务只能是组织委员、宣传委员、纪检委员或青年委员' }), { error: '兼任职务格式有误' })
    .max(3, '兼任职务不能超过 3 个').default([]),
  /** Secretary only: 专职 (true) or 兼职 (false). */
  fullTime: z.boolean({ error: '专职/兼职取值无效' }).default(false),
  otherPosts: countField('兼任其他职务数', 20).default(0),
});
export type CommitteeSeat = z.infer<typeof CommitteeSeatSchema>;

/** All roles a seat holds: its own and those it holds concurrently. */
export const seatRoles = (s: { role: CommitteeRole; alsoRoles?: CommitteeRole[] }): CommitteeRole[] => [s.role, ...(s.alsoRoles ?? [])];

/** Roles a committee may hold at most once (组织委员、宣传委员、纪检委员 each one person). */
const SINGLE_ROLES: CommitteeRole[] = ['secretary', 'organization', 'propaganda', 'discipline'];

/**
 * The rules that need no database: exactly one 书记, at most one holder of
 * each of 组织/宣传/纪检委员 (counting 兼任), nobody twice, no seat holding its
 * own role again, 专职 only for the secretary.
 */
function checkSeats(seats: CommitteeSeat[], ctx: z.RefinementCtx) {
  const seen = new Map<number, number>();
  const roleAt = new Map<CommitteeRole, number>();
  seats.forEach((s, i) => {
    if (seen.has(s.memberId)) ctx.addIssue({ code: 'custom', path: ['members', i, 'memberId'], message: '同一党员不能在支委会中重复出现' });
    seen.set(s.memberId, i);
    const also = s.alsoRoles ?? [];
    if (also.includes(s.role as (typeof CONCURRENT_ROLES)[number]) || new Set(also).size !== also.length) {
      ctx.addIssue({ code: 'custom', path: ['members', i, 'alsoRoles'], message: '兼任职务不能与本职重复' });
    }
    for (const [role, path] of [[s.role, 'role'], ...also.map((r) => [r, 'alsoRoles'] as const)] as const) {
      if (SINGLE_ROLES.includes(role) && roleAt.has(role) && roleAt.get(role) !== i) {
        ctx.addIssue({ code: 'custom', path: ['members', i, path], message: `支委会只能有一名${COMMITTEE_ROLE_LABELS[role]}` });
      }
      if (!roleAt.has(role)) roleAt.set(role, i);
    }
    if (s.fullTime && s.role !== 'secretary') ctx.addIssue({ code: 'custom', path: ['members', i, 'fullTime'], message: '只有书记需要标明专职' });
  });
  if (!roleAt.has('secretary')) ctx.addIssue({ code: 'custom', path: ['members'], message: '支委会必须有一名书记' });
}

const seats = z.array(CommitteeSeatSchema, { error: '请填写支委会成员' }).min(1, '支委会必须有一名书记').max(7, '支委会一般不超过 7 人');
/** 《中国共产党支部工作条例（试行）》第六章: 其他基层单位党支部委员会一般每届任期 3 年. */
const termYears = z.number({ error: '任期年限必须是数字' }).int('任期年限必须是整数')
  .min(1, '任期年限应为 1 至 5 年').max(5, '任期年限应为 1 至 5 年').default(3);

/** A new election: the previous committee ends on electedDate. */
export const CommitteeInputSchema = z.object({
  electedDate: pastDateField('选举日期'),
  termYears,
  members: seats,
}).superRefine((v, ctx) => checkSeats(v.members, ctx));
export type CommitteeInput = z.infer<typeof CommitteeInputSchema>;

/** Correcting the current committee (a member replaced, roles changed) without a new election. */
export const CommitteeUpdateSchema = z.object({ termYears, members: seats })
  .extend(VersionSchema.shape)
  .superRefine((v, ctx) => checkSeats(v.members, ctx));
export type CommitteeUpdate = z.infer<typeof CommitteeUpdateSchema>;

/**
 * 《中国共产党支部工作条例（试行）》第六章: 正式党员 7 人以上的党支部设立支部委员会，
 * 由 3 至 5 人组成、一般不超过 7 人; 不足 7 人的只设书记 1 名，必要时设副书记 1 名.
 * Returns the problem with the committee's size or make-up, or null.
 */
/** The rule set's committee sizes (quality/params.ts): a branch with `minFull` full members or more has a 支委会 of `min`–`max`. */
export interface CommitteeSize { minFull: number; min: number; max: number }
export const committeeSizeOf = (p: { committeeMinFullMembers: number; committeeSizeMin: number; committeeSizeMax: number }): CommitteeSize =>
  ({ minFull: p.committeeMinFullMembers, min: p.committeeSizeMin, max: p.committeeSizeMax });
const DEFAULT_SIZE: CommitteeSize = {
  minFull: PARAMS.committeeMinFullMembers.default, min: PARAMS.committeeSizeMin.default, max: PARAMS.committeeSizeMax.default,
};

/**
 * Whether the seats fit the branch (《中国共产党支部工作条例（试行）》第六章; the sizes are the rule set's,
 * default 7 / 3–7): the form, the API and the score read the same numbers.
 */
export function committeeSizeProblem(fullMembers: number, seatRoles: CommitteeRole[], concurrent: CommitteeRole[] = [], size: CommitteeSize = DEFAULT_SIZE): string | null {
  if (fullMembers >= size.minFull) {
    if (seatRoles.length < size.min || seatRoles.length > size.max) {
      return `本支部有正式党员 ${fullMembers} 名（${size.minFull} 名以上），应设支部委员会，委员 ${size.min} 至 ${size.max} 人，现为 ${seatRoles.length} 人`;
    }
    return null;
  }
  const others = [...seatRoles, ...concurrent].filter((r) => r !== 'secretary' && r !== 'deputy_secretary');
  const deputies = seatRoles.filter((r) => r === 'deputy_secretary');
  if (others.length > 0 || deputies.length > 1) {
    return `本支部正式党员不足 ${size.minFull} 名（现有 ${fullMembers} 名），不设支部委员会，只设书记 1 名，必要时设副书记 1 名`;
  }
  return null;
}

export const CommitteeRecordSchema = CommitteeViewSchema.extend({
  orgId: z.number().int(),
  endedDate: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type CommitteeRecord = z.infer<typeof CommitteeRecordSchema>;

export const CommitteeHistorySchema = z.object({
  current: CommitteeRecordSchema.nullable(),
  /** Earlier committees, newest first. */
  history: z.array(CommitteeRecordSchema),
  /** 正式党员 on the roll now, and whether that requires a full committee (≥ 7). */
  fullMembers: z.number().int(),
  committeeRequired: z.boolean(),
});
export type CommitteeHistory = z.infer<typeof CommitteeHistorySchema>;
