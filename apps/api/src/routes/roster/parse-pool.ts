import { Worker } from 'node:worker_threads';
import { AppError, badRequest } from '../../lib/errors.js';
import type { Raw } from './cells.js';
import { NOT_XLSX, type ZipEntry } from './zip-guard.js';

/** The first visible sheet as the worker sends it back: each row's cells by 1-based column. */
export interface ParsedSheet { rows: { rowNumber: number; values: Raw[] }[]; merges: string[] }

type Reply<T> = { ok: true; result: T } | { ok: false; status: number; code: string; message: string };

/**
 * Parsing runs in a worker thread, one per file, so a 3,000-row roster never
 * holds the event loop (other users' requests go on being answered). At most
 * PARALLEL parses run at once on a 2-core server; the rest wait their turn.
 * A parse that runs away is cut off by the worker's heap limit or the timeout.
 */
const PARALLEL = 2;
const TIMEOUT_MS = 60_000;
const WORKER_URL = new URL('./xlsx-worker.mjs', import.meta.url);

let running = 0;
const waiting: (() => void)[] = [];

async function slot(): Promise<() => void> {
  if (running >= PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => { running--; waiting.shift()?.(); };
}

function run<T>(workerData: Record<string, unknown>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const worker = new Worker(WORKER_URL, {
      workerData,
      resourceLimits: { maxOldGenerationSizeMb: 512 },
      // The worker is plain JavaScript: no TypeScript loader is needed (or inherited) inside it.
      execArgv: [],
    });
    const timer = setTimeout(() => {
      void worker.terminate();
      reject(new AppError(413, 'FILE_TOO_COMPLEX', '文件处理超时，请拆分后分批导入'));
    }, TIMEOUT_MS);
    worker.once('message', (reply: Reply<T>) => {
      clearTimeout(timer);
      void worker.terminate();
      if (reply.ok) resolve(reply.result);
      else reject(new AppError(reply.status, reply.code, reply.message));
    });
    worker.once('error', (err: Error & { code?: string }) => {
      clearTimeout(timer);
      reject(err.code === 'ERR_WORKER_OUT_OF_MEMORY'
        ? new AppError(413, 'FILE_TOO_COMPLEX', '文件过于复杂，无法处理，请用 Excel 另存为 .xlsx 或拆分后重新上传')
        : badRequest(NOT_XLSX));
    });
  });
}

async function inWorker<T>(workerData: Record<string, unknown>): Promise<T> {
  const release = await slot();
  try {
    return await run<T>(workerData);
  } finally {
    release();
  }
}

export const parseInWorker = (file: Buffer, entries: ZipEntry[], maxRows: number) =>
  inWorker<ParsedSheet>({ mode: 'parse', file, entries, maxRows });

/** The uploaded file with a 问题 column: `problems` by row number. */
export const annotateInWorker = (file: Buffer, entries: ZipEntry[], maxRows: number, headerRow: number, problems: Record<number, string>) =>
  inWorker<Uint8Array>({ mode: 'annotate', file, entries, maxRows, headerRow, problems }).then((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength));
