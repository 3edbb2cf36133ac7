import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/auth/demo-users.js';
import { renderPool } from '../../src/reports/render-pool.js';
import { build, type TestContext } from '../helpers/build.js';

/**
 * Exports are written in worker threads (reports/render-pool.ts); a caller who
 * disconnects has the job dropped. Counted through the pool's events, not timed:
 * the pool's test hook holds a job that has its worker until its caller is gone.
 */
let ctx: TestContext;
let base: string;
let cookie: string;
const seen: Record<'queued' | 'start' | 'done' | 'failed' | 'cancelled', number[]> = { queued: [], start: [], done: [], failed: [], cancelled: [] };

beforeAll(async () => {
  ctx = await build();
  await ctx.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  const res = await ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'admin', password: DEMO_PASSWORD } });
  const c = res.cookies.find((x) => x.name === 'wj_session')!;
  cookie = `${c.name}=${c.value}`;
  for (const event of Object.keys(seen) as (keyof typeof seen)[]) renderPool.events.on(event, (id: number) => seen[event].push(id));
});
afterAll(async () => {
  renderPool.beforeSend = null;
  await ctx?.close();
});

const next = (event: string) => new Promise<number>((resolve) => renderPool.events.once(event, resolve));

/** Starts a download over a real socket; the returned function hangs up before the answer. */
function startDownload(url: string): () => void {
  const req = request(`${base}${url}`, { headers: { cookie } });
  req.on('error', () => {}); // the hang-up itself
  req.end();
  return () => req.destroy();
}

describe('an export whose caller disconnects', () => {
  it('is ended in its worker, and the pool goes on serving', async () => {
    renderPool.beforeSend = (signal) => new Promise<void>((resolve) => {
      if (signal?.aborted) resolve();
      signal?.addEventListener('abort', () => resolve(), { once: true });
    });
    const started = next('start');
    const hangUp = startDownload('/api/reports/scores.xlsx?year=2025');
    const id = await started;
    const cancelled = next('cancelled');
    hangUp();
    expect(await cancelled).toBe(id);
    expect(seen.done).not.toContain(id);
    expect(seen.failed).not.toContain(id);

    renderPool.beforeSend = null;
    const res = await ctx.app.inject({ url: '/api/reports/scores.xlsx?year=2025', headers: { cookie } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(seen.done).toHaveLength(1);
  });

  it('leaves the line without ever starting when it was still waiting', async () => {
    const gates: (() => void)[] = [];
    renderPool.beforeSend = () => new Promise<void>((resolve) => gates.push(resolve));
    const startsBefore = seen.start.length;
    // Two jobs take the pool's two places and are held; the third waits in line.
    const twoStarted = new Promise<void>((resolve) => {
      const on = () => { if (seen.start.length - startsBefore >= 2) { renderPool.events.off('start', on); resolve(); } };
      renderPool.events.on('start', on);
    });
    const queued = next('queued');
    const held = [startDownload('/api/reports/gaps.xlsx?year=2025'), startDownload('/api/reports/gaps.xlsx?year=2025')];
    await twoStarted;
    const hangUp = startDownload('/api/reports/scores.xlsx?year=2025');
    const waitingId = await queued;
    const cancelled = next('cancelled');
    hangUp();
    expect(await cancelled).toBe(waitingId);
    expect(seen.start).not.toContain(waitingId);
    expect(renderPool.load.waiting).toBe(0);

    // The held two finish normally once let go.
    const finished = new Promise<void>((resolve) => {
      let n = 0;
      renderPool.events.on('done', function on() { if (++n === 2) { renderPool.events.off('done', on); resolve(); } });
    });
    renderPool.beforeSend = null;
    for (const go of gates) go();
    await finished;
    expect(seen.failed).toHaveLength(0);
    for (const h of held) h();
  });
});
