import { eq } from 'drizzle-orm';
import type { Queryable } from '../../db/index.js';
import { orgs } from '../../db/schema/index.js';
import { badRequest, notFound } from '../../lib/errors.js';

/**
 * 品牌, 书记项目 and 先锋岗 are a 党支部's own work (DESIGN.md: 作用发挥强, judged
 * per branch); a 党委, 总支 or 党小组 keeps none.
 */
export async function assertBranch(db: Queryable, orgId: number, what: string): Promise<void> {
  const [org] = await db.select({ kind: orgs.kind }).from(orgs).where(eq(orgs.id, orgId));
  if (!org) throw notFound(`组织（id=${orgId}）不存在`);
  if (org.kind !== 'branch') throw badRequest(`只能为党支部登记${what}`, [{ field: 'orgId', message: `该组织不是党支部，不能登记${what}` }]);
}
