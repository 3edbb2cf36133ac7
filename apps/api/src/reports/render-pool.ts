import { AppError } from '../lib/errors.js';
import { WorkerPool, workerUrl } from '../lib/worker-pool.js';
import type { RenderJob } from './render-worker.js';

/**
 * Reports are composed and their Word and Excel files written in worker
 * processes (render-worker.ts, each a child process at a lower priority), so an export never holds the event loop: a
 * report job (compose.ts) reads the records on the worker's own read-only
 * connection, scores them, writes the paragraphs and tables and lays them
 * out with docx / exceljs / echarts + resvg; only the bytes come back (a
 * roster export reads its rows there too). Two at once on the
 * 2-core server, eight more waiting, then 503 BUSY; a worker stays warm (its
 * libraries and the database code loaded) for a minute after its last job.
 */
export const renderPool = new WorkerPool({
  name: 'render',
  url: workerUrl('render-worker', import.meta.url),
  parallel: 2,
  maxWaiting: 8,
  busyMessage: '服务器正在生成较多报表文件，请稍后再试',
  // A province's annual report (14,400 branches in its 附表, two years' facts read and scored) took 220 s alone on the loaded 2-core machine.
  timeoutMs: 600_000,
  timeoutError: () => new AppError(503, 'EXPORT_TIMEOUT', '报表生成超时，请缩小范围（按单位导出）后重试'),
  crashError: (err) => (err.code === 'ERR_WORKER_OUT_OF_MEMORY'
    ? new AppError(503, 'EXPORT_TOO_LARGE', '报表过大，无法生成，请按单位分别导出')
    : new AppError(500, 'EXPORT_FAILED', '报表生成失败，请稍后重试')),
  // docx holds the whole document as objects before packing it: a province's report (a 14,400-row 附表) ran out of 1.5 GB;
  // its facts (two years) and scores are read in the same worker, and let go before the file is laid out.
  heapMb: 4096,
  idleMs: 60_000,
  // Its own process (WJ_RENDER_ISOLATION=thread: worker threads, as before — the exports bench compares): a province's
  // report holds gigabytes in its worker, and in the server's process the server's own collections waited for V8's GC
  // helper threads busy with that heap (see lib/worker-process.ts).
  isolation: process.env.WJ_RENDER_ISOLATION === 'thread' ? 'thread' : 'process',
});

/** The file a job describes, written in a worker; `signal` ends it when the caller has gone. */
export async function renderInWorker(job: RenderJob, signal?: AbortSignal): Promise<Buffer> {
  const u = await renderPool.run<Uint8Array>(job, { signal });
  return Buffer.from(u.buffer, u.byteOffset, u.byteLength);
}
