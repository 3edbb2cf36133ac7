import { Worker } from 'node:worker_threads';
import { AppError, badRequest } from '../../lib/errors.js';
import type { Raw } from './cells.js';
import { NOT_XLSX, type ZipEntry } from './zip-guard.js';

/** The first visible sheet as the worker sends it back: each row's cells by 1-based column. */
export interface ParsedSheet { rows: { rowNumber: number; values: Raw[] }[]; merges: string[] }

type Reply<T> = { ok: true; result: T } | { ok: false; status: number; code: string; message: string };

/**
 * Parsing runs in worker threads, so a 3,000-row roster never holds the event
 * loop (other users' requests go on being answered). A tiny pool: at most
 * PARALLEL parses at once on a 2-core server (the rest wait their turn), and
 * a worker that finished is kept, with exceljs loaded, for the next file
 * (starting one costs about half a second) until it has been idle a minute.
 * A parse that runs away is cut off by the heap limit or the timeout, and
 * that worker is never reused.
 */
const PARALLEL = 2;
const TIMEOUT_MS = 20_000;
/** Beyond this many files waiting, a new one is refused at once rather than queued behind them. */
const MAX_WAITING = 4;
const IDLE_MS = 60_000;
const WORKER_URL = new URL('./xlsx-worker.mjs', import.meta.url);

let running = 0;
const waiting: (() => void)[] = [];
interface Idle { worker: Worker; timer: NodeJS.Timeout; onExit: () => void }
const idle: Idle[] = [];

async function slot(): Promise<() => void> {
  if (running >= PARALLEL && waiting.length >= MAX_WAITING) throw new AppError(503, 'BUSY', '服务器正在处理较多名册文件，请稍后再试');
  if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => { running--; waiting.shift()?.(); };
}

function takeWorker(): Worker {
  const kept = idle.pop();
  if (kept) {
    clearTimeout(kept.timer);
    kept.worker.off('exit', kept.onExit);
    kept.worker.ref();
    return kept.worker;
  }
  const worker = new Worker(WORKER_URL, {
    resourceLimits: { maxOldGenerationSizeMb: 512 },
    // The worker is plain JavaScript: no TypeScript loader is needed (or inherited) inside it.
    execArgv: [],
  });
  worker.on('error', ignore);
  return worker;
}

// Every worker gets one error listener for its whole life: one failing while idle (or being terminated) must not crash the server.
const ignore = () => {};

function keepWorker(worker: Worker) {
  if (idle.length >= PARALLEL) { void worker.terminate(); return; }
  // An idle worker never keeps the process alive, and goes after a minute.
  worker.unref();
  const drop = () => {
    const i = idle.indexOf(entry);
    if (i >= 0) idle.splice(i, 1);
    clearTimeout(entry.timer);
  };
  const entry: Idle = { worker, timer: setTimeout(() => { drop(); void worker.terminate(); }, IDLE_MS), onExit: drop };
  entry.timer.unref();
  idle.push(entry);
  worker.once('exit', drop);
}

function run<T>(job: Record<string, unknown>): Promise<T> {
  const worker = takeWorker();
  return new Promise<T>((resolve, reject) => {
    const done = () => { clearTimeout(timer); worker.off('message', onMessage); worker.off('error', onError); };
    const discard = () => { done(); void worker.terminate(); };
    const timer = setTimeout(() => {
      discard();
      reject(new AppError(413, 'FILE_TOO_COMPLEX', '文件处理超时，请拆分后分批导入'));
    }, TIMEOUT_MS);
    const onMessage = (reply: Reply<T>) => {
      // A refused file may have stopped mid-way: that worker is not reused.
      if (reply.ok) { done(); keepWorker(worker); resolve(reply.result); return; }
      discard();
      reject(new AppError(reply.status, reply.code, reply.message));
    };
    const onError = (err: Error & { code?: string }) => {
      discard();
      reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AppError(413, 'FILE_TOO_COMPLEX', '文件过于复杂，无法处理，请用 Excel 另存为 .xlsx 或拆分后重新上传')
        : badRequest(NOT_XLSX));
    };
    worker.on('message', onMessage);
    worker.on('error', onError);
    worker.postMessage(job);
  });
}

async function inWorker<T>(job: Record<string, unknown>): Promise<T> {
  const release = await slot();
  try {
    return await run<T>(job);
  } finally {
    release();
  }
}

export const parseInWorker = (file: Buffer, entries: ZipEntry[], maxRows: number) =>
  inWorker<ParsedSheet>({ mode: 'parse', file, entries, maxRows });

/** The uploaded file with a 问题 column: `problems` by row number. */
export const annotateInWorker = (file: Buffer, entries: ZipEntry[], maxRows: number, headerRow: number, problems: Record<number, string>) =>
  inWorker<Uint8Array>({ mode: 'annotate', file, entries, maxRows, headerRow, problems }).then((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength));
