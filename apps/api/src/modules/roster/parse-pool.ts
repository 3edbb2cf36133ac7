import { AppError, badRequest } from '../../lib/errors.js';
import { WorkerPool } from '../../lib/worker-pool.js';
import type { Raw } from './cells.js';
import { NOT_XLSX, type ZipEntry } from './zip-guard.js';

/** The first visible sheet as the worker sends it back: each row's cells by 1-based column. */
export interface ParsedSheet { rows: { rowNumber: number; values: Raw[] }[]; merges: string[] }

/**
 * Parsing runs in worker threads (lib/worker-pool.ts), so a 3,000-row roster
 * never holds the event loop (other users' requests go on being answered): at
 * most two parses at once on a 2-core server, four more waiting, a worker
 * kept with exceljs loaded for the next file (starting one costs about half a
 * second) until it has been idle a minute. A parse that runs away is cut off
 * by the heap limit or the timeout, and that worker is never reused.
 */
export const parsePool = new WorkerPool({
  name: 'roster-parse',
  url: new URL('./xlsx-worker.mjs', import.meta.url),
  parallel: 2,
  maxWaiting: 4,
  busyMessage: '服务器正在处理较多名册文件，请稍后再试',
  timeoutMs: 20_000,
  timeoutError: () => new AppError(413, 'FILE_TOO_COMPLEX', '文件处理超时，请拆分后分批导入'),
  crashError: (err) => (err.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? new AppError(413, 'FILE_TOO_COMPLEX', '文件过于复杂，无法处理，请用 Excel 另存为 .xlsx 或拆分后重新上传')
    : badRequest(NOT_XLSX)),
  heapMb: 512,
  idleMs: 60_000,
});

export const parseInWorker = (file: Buffer, entries: ZipEntry[], maxRows: number) =>
  parsePool.run<ParsedSheet>({ mode: 'parse', file, entries, maxRows });

/** The uploaded file with a 问题 column: `problems` by row number. */
export const annotateInWorker = (file: Buffer, entries: ZipEntry[], maxRows: number, headerRow: number, problems: Record<number, string>) =>
  parsePool.run<Uint8Array>({ mode: 'annotate', file, entries, maxRows, headerRow, problems }).then((u) => Buffer.from(u.buffer, u.byteOffset, u.byteLength));
