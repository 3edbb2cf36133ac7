import type { FastifyError, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, IdParamSchema, RosterRejectedSchema, RosterReportSchema } from '@wj/domain/schemas';
import { AppError, badRequest } from '../../lib/errors.js';
import { disconnectSignal } from '../../lib/worker-pool.js';
import { NOT_XLSX } from '../../modules/roster/read-workbook.js';
import { exportRoster, importRoster, previewRoster, problemsFile, RosterRejected, rosterTemplate, type RosterScope } from '../../modules/roster/service.js';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const FILE_LIMIT = 5 * 1024 * 1024;
const errors = { 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const upload = { 400: RosterRejectedSchema, 413: ErrorBodySchema, ...errors };
const byParamOrg = { org: (req: { params: unknown }) => (req.params as { id: number }).id };

/** RFC 6266 / RFC 5987: an ASCII fallback plus the real (Chinese) name, UTF-8 percent-encoded. */
function sendXlsx(reply: FastifyReply, file: Buffer, filename: string) {
  return reply
    .header('content-type', XLSX)
    .header('content-disposition', `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent(filename)}`)
    .send(file);
}

/**
 * 党员名册 in Excel: the blank template, preview and import of a filled-in
 * file (the request body is the .xlsx itself) into one branch or a whole unit,
 * the file back with a 问题 column, and export — all in the national layout.
 */
/**
 * Each roster upload is checked against the database (numbers already held),
 * which makes every preview a question the caller could use to test guesses.
 * So a user has one upload in progress at a time and a number of them per
 * hour (`ROSTER_RATE_MAX`, default 30), and one person may appear only once
 * per file (plan.ts): guessing one member's number takes many hours, not one
 * file. The pool (parse-pool.ts) also bounds the waiting line for everyone.
 */
const inProgress = new Set<number>();

const routes: FastifyPluginAsyncZod<{ rosterRateMax: number }> = async (app, opts) => {
  const uploadLimit = {
    max: opts.rosterRateMax, timeWindow: '1 hour', hook: 'preHandler' as const,
    keyGenerator: (req: { user: { id: number } | null; ip: string }) => `roster|${req.user?.id ?? req.ip}`,
  };
  /** One upload at a time per user: a second one while the first is parsed is refused, not queued. */
  const oneAtATime = <T>(userId: number, work: () => Promise<T>): Promise<T> => {
    if (inProgress.has(userId)) throw new AppError(429, 'UPLOAD_IN_PROGRESS', '您上传的上一个名册文件仍在处理中，请等它完成后再上传');
    inProgress.add(userId);
    return work().finally(() => inProgress.delete(userId));
  };

  // The upload is the raw file; octet-stream too, for browsers that do not know the .xlsx type.
  app.addContentTypeParser([XLSX, 'application/octet-stream'], { parseAs: 'buffer', bodyLimit: FILE_LIMIT }, (_req, body, done) => done(null, body));

  // Only for this plugin's routes: say what went wrong in the user's terms; anything else goes to the app's handler.
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err instanceof RosterRejected) {
      return reply.code(400).send({ error: { code: err.code, message: err.message, details: err.details }, report: err.report });
    }
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError(413, 'FILE_TOO_LARGE', '文件超过 5 MB');
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') throw badRequest(NOT_XLSX);
    throw err;
  });

  app.get('/roster/template', {
    config: { access: {} },
    schema: { tags: ['党员名册'], summary: '下载党员名册导入模板（.xlsx）', response: { ...errors } },
  }, async (_req, reply) => sendXlsx(reply, await rosterTemplate(), '党员名册导入模板.xlsx'));

  // Preview, import and 问题清单, into one branch (/orgs/:id) or a unit routed by 所在党支部 (/units/:id).
  for (const level of ['branch', 'unit'] as const) {
    const base = level === 'branch' ? '/orgs/:id/roster' : '/units/:id/roster';
    const where = level === 'branch' ? '到党支部' : '到单位（按所在党支部分到各党支部）';
    const scope = (id: number): RosterScope => (level === 'branch' ? { branchId: id } : { unitId: id });

    app.post(`${base}/preview`, {
      config: { access: byParamOrg, rateLimit: uploadLimit },
      bodyLimit: FILE_LIMIT,
      schema: {
        tags: ['党员名册'], summary: `预览导入${where}：逐行列出将新增、更新的党员和每行的问题（请求体为 .xlsx 文件）`,
        params: IdParamSchema, response: { 200: RosterReportSchema, ...upload },
      },
    }, async (req) => oneAtATime(req.user!.id, () => previewRoster(app.db, req.user!, scope(req.params.id), req.body)));

    app.post(`${base}/import`, {
      config: { access: byParamOrg, rateLimit: uploadLimit },
      bodyLimit: FILE_LIMIT,
      schema: {
        tags: ['党员名册'], summary: `导入党员名册${where}：任一行有问题则整份不导入（请求体为 .xlsx 文件）`,
        params: IdParamSchema, response: { 200: RosterReportSchema, ...upload },
      },
    }, async (req) => oneAtATime(req.user!.id, () => importRoster(app.db, req.user!, scope(req.params.id), req.body)));

    app.post(`${base}/problems`, {
      config: { access: byParamOrg, rateLimit: uploadLimit },
      bodyLimit: FILE_LIMIT,
      schema: {
        tags: ['党员名册'], summary: `问题清单（导入${where}）：原文件末尾增加“问题”列，填写每个有问题的行（请求体为 .xlsx 文件）`,
        params: IdParamSchema, response: { 400: ErrorBodySchema, 413: ErrorBodySchema, ...errors },
      },
    }, async (req, reply) => {
      const { file } = await oneAtATime(req.user!.id, () => problemsFile(app.db, req.user!, scope(req.params.id), req.body));
      return sendXlsx(reply, file, '党员名册问题清单.xlsx');
    });
  }

  app.get('/orgs/:id/roster/export', {
    config: { access: byParamOrg },
    schema: { tags: ['党员名册'], summary: '导出组织（含下级）在册党员名册（.xlsx，非管理员脱敏）', params: IdParamSchema, response: { 400: ErrorBodySchema, ...errors } },
  }, async (req, reply) => {
    const { file, filename } = await exportRoster(app.db, req.params.id, req.user!.role === 'admin', disconnectSignal(reply.raw));
    return sendXlsx(reply, file, filename);
  });
};

export default routes;
