import { z } from 'zod';
import { ORG_KINDS } from '../enums.js';
import { cleanText } from './fields.js';
import { OrgCountsSchema } from './org.js';

/**
 * The org tree one level at a time (issue 11, goal 4: a page costs what it
 * shows). A node carries what the tree shows of it — kind, name, counts — and
 * how many children it has in the caller's view; `children` is present only
 * when the answer holds them (the path down to the scope, a search's
 * matches), otherwise the page asks for them on expand
 * (GET /api/orgs/:id/children).
 */
export type OrgLevelNode = {
  id: number;
  parentId: number | null;
  /** The unit-level org it belongs to: its own id for a unit, its unit's for a branch or 党小组, null for the root. */
  unitId: number | null;
  kind: (typeof ORG_KINDS)[number];
  name: string;
  /** The institution a unit-level org belongs to (市人民医院), else null. */
  institutionName: string | null;
  counts: z.infer<typeof OrgCountsSchema>;
  childCount: number;
  children?: OrgLevelNode[];
};

export const OrgLevelNodeSchema: z.ZodType<OrgLevelNode> = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  unitId: z.number().int().nullable(),
  kind: z.enum(ORG_KINDS),
  name: z.string(),
  institutionName: z.string().nullable(),
  counts: OrgCountsSchema,
  /** Children in the caller's view (above the scope: only the path down to it). */
  childCount: z.number().int(),
  children: z.lazy(() => z.array(OrgLevelNodeSchema)).optional(),
});

/**
 * What the org page opens on: the root, the path down to the caller's scope, and the scope's first
 * ORG_TOP_PAGE children — a node whose `children` are fewer than its `childCount` has more, asked for a
 * page at a time (GET /api/orgs/:id/children?offset=&limit=), so the opening view of a province's
 * committee does not list all its units.
 */
export const ORG_TOP_PAGE = 100;
/** Most children one page of GET /api/orgs/:id/children holds. */
export const ORG_CHILDREN_PAGE_MAX = 500;

export const OrgTreeTopSchema = z.object({
  root: OrgLevelNodeSchema,
  /** The top org the caller may open (the root for admin and viewer, the unit or branch for a secretary). */
  scopeId: z.number().int(),
});
export type OrgTreeTop = z.infer<typeof OrgTreeTopSchema>;

/** A count in a query string: a decimal integer written plainly (no sign, point, exponent, space or leading zero). */
const countText = (field: string, min: number, max: number) =>
  z.string({ error: `${field} 必须是整数` })
    .regex(/^(0|[1-9]\d{0,8})$/, `${field} 必须是十进制非负整数（不能带正负号、小数点、空格或前导零）`)
    .transform(Number)
    .refine((n) => n >= min, `${field} 不能小于 ${min}`)
    .refine((n) => n <= max, `${field} 不能大于 ${max}`);

/** GET /api/orgs/:id/children: every child when neither is given (a picker opening a unit), else `limit` of them from `offset` (显示更多). */
export const OrgChildrenQuerySchema = z.object({
  offset: countText('offset', 0, 100_000_000).optional(),
  limit: countText('limit', 1, ORG_CHILDREN_PAGE_MAX).optional(),
});
export type OrgChildrenQuery = z.infer<typeof OrgChildrenQuerySchema>;

/** The children asked for, in tree order; `total` is all of them in the caller's view (the parent's childCount). */
export const OrgChildrenSchema = z.object({ items: z.array(OrgLevelNodeSchema), total: z.number().int() });
export type OrgChildren = z.infer<typeof OrgChildrenSchema>;

export const OrgSearchQuerySchema = z.object({
  q: z.string({ error: '请输入要搜索的组织名称' }).trim().min(1, '请输入要搜索的组织名称').max(50, '搜索词不能超过 50 个字').superRefine(cleanText('搜索词')),
  limit: z.coerce.number({ error: 'limit 必须是数字' }).int('limit 必须是整数').min(1, 'limit 不能小于 1').max(200, 'limit 不能大于 200').default(50),
  /** `unit`: match only the unit-level orgs (the report's scope picker offers units, so their branches must not use up `limit`). */
  level: z.enum(['unit'], { error: 'level 只能是 unit（只搜索单位级组织）' }).optional(),
});
export type OrgSearchQuery = z.infer<typeof OrgSearchQuerySchema>;

/** The matches (in tree order, at most `limit`) with the path down to each; a matched org shows all its children (not with `level=unit`: the units alone), the others only those leading to a match. */
export const OrgSearchSchema = z.object({
  root: OrgLevelNodeSchema.nullable(),
  matchIds: z.array(z.number().int()),
  /** Every match in the caller's view, also those past `limit`. */
  matchCount: z.number().int(),
  truncated: z.boolean(),
});
export type OrgSearch = z.infer<typeof OrgSearchSchema>;

/** The org search's one rule, for the server's search and the pickers' own filter: a name matches when it contains the typed text, trimmed, case-insensitive. */
export const orgNameKey = (name: string): string => name.toLowerCase();
export const orgSearchNeedle = (typed: string): string => orgNameKey(typed.trim());
export const orgNameMatches = (name: string, typed: string): boolean => orgNameKey(name).includes(orgSearchNeedle(typed));
