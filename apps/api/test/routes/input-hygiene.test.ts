import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { demoTargets } from '../helpers/targets.js';
import { writeCounter } from '../helpers/db.js';

/** Input that is not text, dates that do not exist and a malformed rule set: 400 naming the field, nothing stored. */
let ctx: TestContext;
let admin: Client;
let branch: number;
beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  branch = (await demoTargets(ctx.db)).branch[0];
}, 60_000); // the demo commission loads slowly on a busy machine
afterAll(() => ctx.close());

// Kept scores are a cache written in the background after reads: finished first, so only records count.
const changes = async () => { await ctx.app.quality.flush(); return writeCounter(ctx.db); };
const meeting = (topic: string, notes: string | null = null) =>
  admin({ method: 'POST', url: `/api/orgs/${branch}/meetings`, payload: { type: 'theme_day', date: '2026-01-05', topic, expected: 5, present: 5, notes } });

describe('text that is not text is refused at every route', () => {
  it.each([
    ['NUL', '主题\u0000党日'],
    ['a lone surrogate', '主题\uD800党日'],
    ['only zero-width spaces and a BOM', '\u200B\u200C\uFEFF\u200B'],
    ['an escape sequence', '主题\u001B[31m党日'],
  ])('%s in 会议主题: 400 naming the field, no row written', async (_what, topic) => {
    // Warm the session so its last-seen stamp is not counted as the request's write.
    await admin('/api/auth/me');
    const before = await changes();
    const res = await meeting(topic);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('会议主题');
    expect(res.json().error.details.map((d: { field: string }) => d.field)).toContain('topic');
    expect(await changes()).toBe(before);
  });

  it('a text area keeps its line breaks', async () => {
    const res = await meeting('主题党日', '第一项\n第二项');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().notes).toBe('第一项\n第二项');
  });
});

describe('dates that do not exist', () => {
  it.each(['/api/quality/dashboard', '/api/quality/branches', '/api/quality/gaps'])('%s?asOf=2026-02-30 is 400 naming asOf', async (url) => {
    const res = await admin(`${url}?asOf=2026-02-30`);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('asOf');
  });

  it('the audit log refuses from=2026-04-31', async () => {
    const res = await admin('/api/audit?from=2026-04-31');
    expect(res.statusCode).toBe(400);
    expect(res.json().error.message).toContain('from');
  });
});

describe('PUT /api/quality/rules with a malformed body', () => {
  it.each([
    ['nested arrays', { rules: [[[[[]]]]] }],
    ['an empty rule set', { rules: {} }],
    ['a rule set of the wrong type', { rules: 'defaults' }],
  ])('%s: 400, and no new rule version', async (_what, body) => {
    const cur = (await admin('/api/quality/rules')).json() as { version: number };
    const res = await admin({ method: 'PUT', url: '/api/quality/rules', payload: { ...body, baseVersion: cur.version } });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.code).toBe('VALIDATION_FAILED');
    expect(res.json().error.details.some((d: { field: string }) => d.field.startsWith('rules'))).toBe(true);
    expect(((await admin('/api/quality/rules')).json() as { version: number }).version).toBe(cur.version);
    expect(((await admin('/api/quality/rules/history')).json() as unknown[]).length).toBe(cur.version);
  });
});
