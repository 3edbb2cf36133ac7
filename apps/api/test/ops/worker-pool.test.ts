import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { JobCancelled, WorkerPool } from '../../src/lib/worker-pool.js';
import type { ProbeJob } from '../fixtures/probe-worker.js';

// The worker pool itself, on a probe worker, as worker threads and as child processes (the render pool's isolation):
// where a job runs and at what priority, bytes coming back whole, a job cancelled or timed out ending its worker,
// a worker out of heap or exiting answered as a failure, and the pool serving the next job after each.
const NICE = Number(process.env.WJ_WORKER_NICE ?? 10);
const url = new URL('../fixtures/probe-worker.ts', import.meta.url);
const crashes: { code?: string; message: string }[] = [];

function pool(isolation: 'thread' | 'process', heapMb = 512) {
  return new WorkerPool({
    name: `probe-${isolation}`, url, parallel: 1, maxWaiting: 2, busyMessage: '忙', timeoutMs: 20_000,
    timeoutError: () => new Error('timeout'),
    crashError: (err) => { crashes.push({ code: err.code, message: err.message }); return new Error(err.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'too large' : 'failed'); },
    heapMb, idleMs: 30_000, isolation,
  });
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };
let open: WorkerPool[] = [];
afterEach(async () => { await Promise.all(open.map((p) => p.close())); open = []; crashes.length = 0; });
const made = (isolation: 'thread' | 'process', heapMb?: number) => { const p = pool(isolation, heapMb); open.push(p); return p; };
type Where = { pid: number; nice: number[]; selfNice: number };

describe('a worker pool with its workers in child processes', () => {
  it('runs each job in another process, every thread of it at the workers\' priority, and reuses it for the next job', async () => {
    const p = made('process');
    const a = await p.run<Where>({ kind: 'where' } satisfies ProbeJob);
    expect(a.pid).not.toBe(process.pid);
    expect(a.nice.length).toBeGreaterThan(3); // the main thread and V8's and libuv's helpers
    expect(new Set(a.nice)).toEqual(new Set([NICE]));
    const b = await p.run<Where>({ kind: 'where' } satisfies ProbeJob);
    expect(b.pid).toBe(a.pid);
    expect(p.load.workers).toBe(1);
  });

  it('brings 5 MB of bytes back unchanged', async () => {
    const u = await made('process').run<Uint8Array>({ kind: 'bytes', n: 5 * 1024 * 1024 } satisfies ProbeJob);
    expect(u.byteLength).toBe(5 * 1024 * 1024);
    let bad = 0;
    for (let i = 0; i < u.length; i++) if (u[i] !== ((i * 7) & 0xff)) bad++;
    expect(bad).toBe(0);
  });

  it('ends the process of a job whose caller went away, and serves the next job in a new one', async () => {
    const p = made('process');
    const { pid } = await p.run<Where>({ kind: 'where' } satisfies ProbeJob);
    const ac = new AbortController();
    const job = p.run({ kind: 'sleep', ms: 10_000 } satisfies ProbeJob, { signal: ac.signal });
    await new Promise((r) => setTimeout(r, 200));
    ac.abort();
    await expect(job).rejects.toBeInstanceOf(JobCancelled);
    await new Promise((r) => setTimeout(r, 200));
    expect(alive(pid)).toBe(false);
    const next = await p.run<Where>({ kind: 'where' } satisfies ProbeJob);
    expect(next.pid).not.toBe(pid);
  });

  it('answers a worker that ran out of heap as out of memory, and one that exited as failed', async () => {
    const p = made('process', 64);
    await expect(p.run({ kind: 'hog' } satisfies ProbeJob)).rejects.toThrow('too large');
    expect(crashes.map((c) => c.code)).toEqual(['ERR_WORKER_OUT_OF_MEMORY']);
    await expect(p.run({ kind: 'exit' } satisfies ProbeJob)).rejects.toThrow('failed');
    expect(crashes.length).toBe(2);
    expect(crashes[1]!.code).toBeUndefined();
    await expect(p.run({ kind: 'refuse' } satisfies ProbeJob)).rejects.toMatchObject({ statusCode: 422, code: 'REFUSED' });
    expect((await p.run<Where>({ kind: 'where' } satisfies ProbeJob)).pid).not.toBe(process.pid);
  }, 60_000);
});

describe('closing a pool whose worker process is idle', () => {
  it('ends the worker and lets a process with nothing else to do finish (an idle worker is unref\'d)', () => {
    // A process of its own: the test runner keeps its own event loop alive, a server closing at the end does not.
    const pool = fileURLToPath(new URL('../../src/lib/worker-pool.ts', import.meta.url));
    const script = `
      const { WorkerPool } = await import(${JSON.stringify(pool)});
      const p = new WorkerPool({ name: 'probe', url: new URL(${JSON.stringify(url.href)}), parallel: 1, maxWaiting: 1, busyMessage: '忙',
        timeoutMs: 20000, timeoutError: () => new Error('timeout'), crashError: () => new Error('crash'), heapMb: 256, idleMs: 30000, isolation: 'process' });
      const { pid } = await p.run({ kind: 'where' });
      await p.close();
      let alive = true; try { process.kill(pid, 0); } catch { alive = false; }
      console.log(JSON.stringify({ closed: true, alive }));`;
    const run = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout.trim().split('\n').pop()!)).toEqual({ closed: true, alive: false });
  }, 40_000);
});

describe('a worker pool with its workers as threads', () => {
  it('runs each job in this process, on a thread at the workers\' priority', async () => {
    const a = await made('thread').run<Where>({ kind: 'where' } satisfies ProbeJob);
    expect(a.pid).toBe(process.pid);
    expect(a.selfNice).toBe(NICE);
  });

  it('answers a worker that ran out of heap as out of memory', async () => {
    await expect(made('thread', 64).run({ kind: 'hog' } satisfies ProbeJob)).rejects.toThrow('too large');
    expect(crashes.map((c) => c.code)).toEqual(['ERR_WORKER_OUT_OF_MEMORY']);
  }, 60_000);
});
