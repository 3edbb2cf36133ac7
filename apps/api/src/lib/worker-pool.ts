import { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, type TransferListItem } from 'node:worker_threads';
import type { Db } from '../db/index.js';
import { ChildWorker } from './worker-process.js';
import { AppError } from './errors.js';

/**
 * What a worker answers to one job: its result, or a refusal the caller turns
 * into an HTTP error (status, code, Chinese message).
 */
export type WorkerReply<T> = { ok: true; result: T } | { ok: false; status: number; code: string; message: string };

export interface PoolOptions {
  /** For logs and the test hook's events. */
  name: string;
  /** The worker module: NAME-worker.mjs (plain JavaScript) or NAME-worker.ts (compiled to NAME-worker.js in dist/). */
  url: URL;
  /** Jobs run at once; the rest wait in line. */
  parallel: number;
  /** Beyond this many jobs waiting, a new one is refused at once (503 BUSY) rather than queued behind them. */
  maxWaiting: number;
  /** The BUSY answer's message (Chinese). */
  busyMessage: string;
  /** A job running longer is cut off (its worker ended) and answered with timeoutError(). */
  timeoutMs: number;
  timeoutError: () => Error;
  /** A worker that crashed or ran out of heap: what the caller is answered. */
  crashError: (err: Error & { code?: string }) => Error;
  /** Old-generation heap limit of each worker. */
  heapMb: number;
  /** A worker left idle this long is ended (it keeps its loaded libraries until then). */
  idleMs: number;
  /**
   * 'thread' (the default): worker threads of the server's process. 'process': each worker a child process of its
   * own (lib/worker-process.ts), for jobs whose heaps are large enough that sharing V8's GC helper threads with the
   * server holds up its collections; the worker module talks through lib/worker-port.ts either way.
   */
  isolation?: 'thread' | 'process';
}

/** What the pool needs of a worker: a worker thread, or a child process behind the same face (ChildWorker). */
interface PoolWorker {
  postMessage(value: unknown, transfer?: readonly TransferListItem[]): void;
  on(event: string, listener: (...args: any[]) => void): unknown;
  once(event: string, listener: (...args: any[]) => void): unknown;
  off(event: string, listener: (...args: any[]) => void): unknown;
  terminate(): Promise<unknown>;
  ref(): void;
  unref(): void;
}

/** What the pool reports, for tests and benches: a job started in a worker and how it ended. */
export type PoolEvent = 'queued' | 'start' | 'done' | 'failed' | 'cancelled';

/** The caller went away: nobody is waiting for the answer. */
export class JobCancelled extends AppError {
  constructor() { super(499, 'CANCELLED', '请求已取消'); }
}

/**
 * Every worker thread runs at this nice value (Linux: a thread has its own),
 * the main thread at the process's: when an export or a computation and a
 * request want the 2 cores at once, the request's thread (and V8's GC helper
 * threads, which the main thread's collections wait for) is scheduled first.
 * Measured at 100× with four exports running (bench/exports.bench.ts): the
 * event loop's stalls were the main thread waiting for a CPU (its 8 MB young
 * collections took 100–240 ms of wall time), not work of its own.
 */
export const WORKER_NICE = Number(process.env.WJ_WORKER_NICE ?? 10); // WJ_WORKER_NICE=0: as before (benches compare)

/** Run first in each worker: lowers its own thread's priority (where /proc/thread-self tells its thread id). */
const LOWER_PRIORITY = `try { require('node:os').setPriority(Number(require('node:fs').readlinkSync('/proc/thread-self').split('/').pop()), ${WORKER_NICE}); } catch {}`;

/**
 * How a worker is started: a short script that lowers the thread's priority
 * and imports the worker module. The compiled worker in dist/ (and a plain
 * .mjs one) is imported as it is. A TypeScript one, run from src/ (vitest,
 * tsx), is imported after registering tsx's loader in the worker: on Node 20
 * an `--import` in the worker's execArgv comes too late for the worker's own entry module.
 */
function workerEntry(url: URL): string {
  if (!url.pathname.endsWith('.ts')) return `${LOWER_PRIORITY} import(${JSON.stringify(url.href)});`;
  const api = pathToFileURL(join(tsxDir(), 'dist/esm/api/index.mjs')).href;
  return `${LOWER_PRIORITY} import(${JSON.stringify(api)}).then((m) => { m.register(); return import(${JSON.stringify(url.href)}); });`;
}

const tsxDir = () => dirname(createRequire(import.meta.url).resolve('tsx/package.json'));

/** A child process's flags: tsx's loader (as `node --import tsx`) for a TypeScript worker run from src/; none for dist/. */
function childExecArgv(url: URL): string[] {
  return url.pathname.endsWith('.ts') ? ['--import', pathToFileURL(join(tsxDir(), 'dist/loader.mjs')).href] : [];
}

/**
 * The URL of the TypeScript worker module `name` (e.g. 'score-worker') beside the calling module, whose
 * `import.meta.url` is `from`: NAME.ts from src/ (vitest, tsx), NAME.js in dist/ (scripts/build.mjs writes
 * each worker there under its own name, beside the bundle).
 */
export function workerUrl(name: string, from: string): URL {
  return new URL(from.endsWith('.ts') ? `./${name}.ts` : `./${name}.js`, from);
}

interface Waiter { start: () => void; signal?: AbortSignal; onAbort: () => void }
interface Idle { worker: PoolWorker; timer: NodeJS.Timeout; onExit: () => void }

/**
 * A small pool of worker threads for CPU-heavy jobs (parsing and writing
 * Word and Excel files), so that no request holds the event loop that every
 * user shares: at most `parallel` jobs at once on the 2-core server, a short
 * line behind them (then 503 BUSY), workers kept warm for the next job until
 * idle, a timeout and a heap limit per job. A job whose caller disconnected
 * (its AbortSignal fired) leaves the line, or has its worker ended if it was
 * already running; a worker that failed, timed out or was cancelled is never reused.
 */
export class WorkerPool {
  /** Test hook and bench counter: 'queued' | 'start' | 'done' | 'failed' | 'cancelled', each with the job's number. */
  readonly events = new EventEmitter();
  /**
   * Test hook: awaited after a job has its worker and before it is sent (with
   * the job's signal), so a test can disconnect the caller while the job counts as running.
   */
  beforeSend: ((signal: AbortSignal | undefined) => Promise<void>) | null = null;
  private running = 0;
  private readonly waiting: Waiter[] = [];
  private readonly idle: Idle[] = [];
  private readonly live = new Set<PoolWorker>();
  private seq = 0;
  private readonly start: string;

  constructor(private readonly opts: PoolOptions) {
    this.start = opts.isolation === 'process' ? '' : workerEntry(opts.url);
  }

  /** Jobs running and waiting now. */
  get load() { return { running: this.running, waiting: this.waiting.length, workers: this.live.size }; }

  async run<T>(job: unknown, opts: { signal?: AbortSignal; transfer?: TransferListItem[] } = {}): Promise<T> {
    const id = ++this.seq;
    const { signal } = opts;
    if (signal?.aborted) throw new JobCancelled();
    await this.slot(id, signal);
    try {
      return await this.send<T>(id, job, opts);
    } finally {
      this.running--;
      this.next();
    }
  }

  /** Ends every worker (the server is closing). Jobs in flight fail as cancelled. */
  async close() {
    for (const w of this.waiting.splice(0)) w.signal?.removeEventListener('abort', w.onAbort);
    for (const i of this.idle.splice(0)) clearTimeout(i.timer);
    await Promise.all([...this.live].map((w) => w.terminate()));
  }

  private slot(id: number, signal?: AbortSignal): Promise<void> {
    if (this.running < this.opts.parallel) { this.running++; return Promise.resolve(); }
    if (this.waiting.length >= this.opts.maxWaiting) throw new AppError(503, 'BUSY', this.opts.busyMessage);
    this.events.emit('queued', id);
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = {
        start: () => { signal?.removeEventListener('abort', waiter.onAbort); this.running++; resolve(); },
        signal,
        onAbort: () => {
          const i = this.waiting.indexOf(waiter);
          if (i >= 0) this.waiting.splice(i, 1);
          this.events.emit('cancelled', id);
          reject(new JobCancelled());
        },
      };
      signal?.addEventListener('abort', waiter.onAbort, { once: true });
      this.waiting.push(waiter);
    });
  }

  private next() {
    if (this.running < this.opts.parallel) this.waiting.shift()?.start();
  }

  private takeWorker(): PoolWorker {
    const kept = this.idle.pop();
    if (kept) {
      clearTimeout(kept.timer);
      kept.worker.off('exit', kept.onExit);
      kept.worker.ref();
      return kept.worker;
    }
    // No TypeScript loader or test runner flags are inherited: the worker sets up its own (workerEntry).
    const worker: PoolWorker = this.opts.isolation === 'process'
      ? new ChildWorker(this.opts.url, { heapMb: this.opts.heapMb, execArgv: childExecArgv(this.opts.url), nice: WORKER_NICE })
      : new Worker(this.start, { eval: true, resourceLimits: { maxOldGenerationSizeMb: this.opts.heapMb }, execArgv: [] });
    this.live.add(worker);
    // One error listener for the worker's whole life: one failing while idle (or being ended) must not crash the server.
    worker.on('error', () => {});
    worker.once('exit', () => this.live.delete(worker));
    return worker;
  }

  private keepWorker(worker: PoolWorker) {
    if (this.idle.length >= this.opts.parallel) { void worker.terminate(); return; }
    // An idle worker never keeps the process alive.
    worker.unref();
    const drop = () => {
      const i = this.idle.indexOf(entry);
      if (i >= 0) this.idle.splice(i, 1);
      clearTimeout(entry.timer);
    };
    const entry: Idle = { worker, timer: setTimeout(() => { drop(); void worker.terminate(); }, this.opts.idleMs), onExit: drop };
    entry.timer.unref();
    this.idle.push(entry);
    worker.once('exit', drop);
  }

  private async send<T>(id: number, job: unknown, opts: { signal?: AbortSignal; transfer?: TransferListItem[] }): Promise<T> {
    const { signal } = opts;
    const worker = this.takeWorker();
    this.events.emit('start', id);
    if (this.beforeSend) await this.beforeSend(signal);
    return new Promise<T>((resolve, reject) => {
      const done = () => {
        clearTimeout(timer);
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        signal?.removeEventListener('abort', onAbort);
      };
      const discard = (event: PoolEvent, err: Error) => { done(); void worker.terminate(); this.events.emit(event, id); reject(err); };
      const timer = setTimeout(() => discard('failed', this.opts.timeoutError()), this.opts.timeoutMs);
      const onAbort = () => discard('cancelled', new JobCancelled());
      const onMessage = (reply: WorkerReply<T>) => {
        // A refused job may have stopped mid-way: that worker is not reused.
        if (!reply.ok) { discard('failed', new AppError(reply.status, reply.code, reply.message)); return; }
        done();
        this.keepWorker(worker);
        this.events.emit('done', id);
        resolve(reply.result);
      };
      const onError = (err: Error & { code?: string }) => discard('failed', this.opts.crashError(err));
      // A worker that ends without a word (process.exit inside it) fails the job rather than leaving it pending.
      const onExit = () => discard('failed', this.opts.crashError(new Error(`${this.opts.name} worker exited`)));
      if (signal?.aborted) { onAbort(); return; }
      signal?.addEventListener('abort', onAbort, { once: true });
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.once('exit', onExit);
      worker.postMessage(job, opts.transfer);
    });
  }
}

/**
 * An AbortSignal that fires when the HTTP client goes away before its answer
 * was sent (the response closed unfinished), for WorkerPool.run.
 */
export function disconnectSignal(res: { once(event: 'close', cb: () => void): unknown; writableFinished: boolean; destroyed: boolean }): AbortSignal {
  const ac = new AbortController();
  // Already gone while the figures were being gathered.
  if (res.destroyed && !res.writableFinished) ac.abort();
  else res.once('close', () => { if (!res.writableFinished) ac.abort(); });
  return ac.signal;
}

/** The database as a worker opens it on its own connection: the SQLite file or the PostgreSQL URL; null for an in-memory database. */
export function dbTarget(db: Db): string | null {
  if (db.sqlite) return db.sqlite.path === ':memory:' ? null : db.sqlite.path;
  return db.pg?.url ?? null;
}
