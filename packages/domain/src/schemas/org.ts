import { z } from 'zod';
import { BRANCH_CATEGORIES, COMMITTEE_ROLES, INSTITUTION_TYPES, ORG_KINDS, ORG_STATUSES, TITLE_LEVELS } from '../enums.js';

export const OrgCountsSchema = z.object({
  /** Active 党支部 in the sub-tree, the node itself included when it is one. */
  branches: z.number().int(),
  members: z.number().int(),
  inService: z.number().int(),
  retired: z.number().int(),
});
export type OrgCounts = z.infer<typeof OrgCountsSchema>;

const OrgBaseSchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  unitId: z.number().int().nullable(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  institutionName: z.string().nullable(),
  institutionType: z.enum(INSTITUTION_TYPES).nullable(),
  branchCategory: z.enum(BRANCH_CATEGORIES).nullable(),
  department: z.string().nullable(),
  counts: OrgCountsSchema,
});

export type OrgTreeNode = z.infer<typeof OrgBaseSchema> & { children: OrgTreeNode[] };
export const OrgTreeNodeSchema: z.ZodType<OrgTreeNode> = OrgBaseSchema.extend({
  children: z.lazy(() => z.array(OrgTreeNodeSchema)),
});
export const OrgTreeSchema = z.object({ root: OrgTreeNodeSchema });

export const CommitteeMemberViewSchema = z.object({
  memberId: z.number().int(),
  name: z.string(),
  role: z.enum(COMMITTEE_ROLES),
  /** Roles held besides `role` (兼任). */
  alsoRoles: z.array(z.enum(COMMITTEE_ROLES)).optional(),
  fullTime: z.boolean(),
  otherPosts: z.number().int(),
  birthDate: z.string(),
  titleLevel: z.enum(TITLE_LEVELS),
  isDeptHead: z.boolean(),
});

export const CommitteeViewSchema = z.object({
  id: z.number().int(),
  electedDate: z.string(),
  termYears: z.number().int(),
  /** electedDate + termYears: the term is expired after this day. */
  termEndsOn: z.string(),
  members: z.array(CommitteeMemberViewSchema),
});
export type CommitteeView = z.infer<typeof CommitteeViewSchema>;

export const OrgDetailSchema = OrgBaseSchema.extend({
  foundedDate: z.string().nullable(),
  status: z.enum(ORG_STATUSES),
  version: z.number().int(),
  path: z.array(z.object({ id: z.number().int(), name: z.string(), kind: z.enum(ORG_KINDS) })),
  children: z.array(OrgBaseSchema),
  committee: CommitteeViewSchema.nullable(),
});
export type OrgDetail = z.infer<typeof OrgDetailSchema>;
