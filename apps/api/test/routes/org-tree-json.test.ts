import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { OrgTreeSchema } from '@wj/domain/schemas';
import { users } from '../../src/db/schema/index.js';
import { scopeOf } from '../../src/auth/scope.js';
import { keptJson } from '../../src/lib/kept-json.js';
import { loadOrgIndex } from '../../src/modules/orgs/org-index.js';
import { treeJsonInSlices, treeOf } from '../../src/modules/orgs/service.js';
import { build, type TestContext } from '../helpers/build.js';

/**
 * The whole tree's answer is serialized a subtree of the root's children at a
 * time (modules/orgs/service.ts treeJsonInSlices): byte for byte the JSON of
 * the whole tree checked against OrgTreeSchema in one go, for the commission
 * and for a unit secretary's pruned view, and what GET /api/orgs/tree sends.
 */
let ctx: TestContext;
beforeAll(async () => { ctx = await build(); });
afterAll(async () => { await ctx.close(); });

describe('the whole org tree serialized in slices', () => {
  it('is the same JSON as the tree checked and serialized in one go', async () => {
    const all = await loadOrgIndex(ctx.db);
    const whole = keptJson(OrgTreeSchema, { root: treeOf(all)! }).json;
    expect(await treeJsonInSlices(all)).toBe(whole);
    expect(JSON.parse(whole).root.children.length).toBe(12);
    expect((await (await ctx.as('admin'))('/api/orgs/tree')).body).toBe(whole);
  });

  it("is the same for a pruned view (a unit secretary's)", async () => {
    const renmin = await ctx.as('renmin');
    const sent = (await renmin('/api/orgs/tree')).body;
    const [user] = await ctx.db.select().from(users).where(eq(users.username, 'renmin'));
    expect(user!.role).toBe('unit_secretary');
    const index = await loadOrgIndex(ctx.db, scopeOf(user as Parameters<typeof scopeOf>[0]));
    expect(index.visible?.size).toBeGreaterThan(1);
    const whole = keptJson(OrgTreeSchema, { root: treeOf(index)! }).json;
    expect(await treeJsonInSlices(index)).toBe(whole);
    expect(sent).toBe(whole);
  });
});
