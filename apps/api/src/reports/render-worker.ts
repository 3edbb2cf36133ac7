// Composes reports and writes Word and Excel files off the event loop, one job per message (see render-pool.ts).
// TypeScript: compiled to dist/render-worker.js by scripts/build.mjs; from src/ (vitest, tsx) it runs
// under tsx's loader (lib/worker-pool.ts). A report job (compose.ts) reads the server's database on its
// own read-only connection (never migrates, never writes); the other jobs are plain rows and paragraphs.
import { jobPort } from '../lib/worker-port.js';
import type { ReportJob } from './compose.js';
import type { DocxJob } from './docx/render.js';
import type { GapsJob } from './xlsx/gaps.js';
import type { OrgLifeJob } from './xlsx/org-life.js';
import type { ScoresJob } from './xlsx/scores.js';
import type { RosterExportJob } from '../modules/roster/write-workbook.js';

export type RenderJob = ScoresJob | GapsJob | OrgLifeJob | RosterExportJob | DocxJob;

/** A report composed here and then rendered (a file), or the draft's generated paragraphs. */
async function run(job: RenderJob | ReportJob): Promise<Buffer | object[]> {
  if (job.kind !== 'report') return render(job);
  const composed = await (await import('./compose.js')).composeInWorker(job);
  return Array.isArray(composed) ? composed : render(composed);
}

/** Each library is loaded on the first job that needs it, and stays for the worker's next jobs. */
async function render(job: RenderJob): Promise<Buffer> {
  switch (job.kind) {
    case 'scores': return (await import('./xlsx/render.js')).renderScores(job);
    case 'gaps': return (await import('./xlsx/render.js')).renderGaps(job);
    case 'org-life': return (await import('./xlsx/render.js')).renderOrgLife(job);
    case 'roster': return (await import('../modules/roster/write-workbook.js')).exportWorkbook(job.rows, job.title);
    case 'roster-export': {
      const rows = await (await import('../modules/roster/export-rows.js')).rosterRowsIn(job.db, job.orgId, job.unmasked);
      return (await import('../modules/roster/write-workbook.js')).exportWorkbook(rows, job.title);
    }
    case 'roster-template': return (await import('../modules/roster/write-workbook.js')).templateWorkbook();
    case 'docx': return (await import('./docx/render.js')).renderDocx(job);
  }
}

// Only when run as a worker (a child process of the render pool, or a thread): the module's types are imported by
// the main thread's code (type-only, erased).
jobPort?.on('message', (job: RenderJob | ReportJob) => {
  run(job).then(
    (file) => {
      if (!Buffer.isBuffer(file)) { jobPort!.postMessage({ ok: true, result: file }); return; }
      const whole = file.byteOffset === 0 && file.byteLength === file.buffer.byteLength;
      // The bytes move to the main thread without a copy when the buffer is the file's own (not a slice of a shared pool).
      jobPort!.postMessage({ ok: true, result: file }, whole ? [file.buffer as ArrayBuffer] : []);
    },
    (err: unknown) => {
      console.error('[render worker]', err);
      jobPort!.postMessage({ ok: false, status: 500, code: 'EXPORT_FAILED', message: '报表生成失败，请稍后重试' });
    },
  );
});
