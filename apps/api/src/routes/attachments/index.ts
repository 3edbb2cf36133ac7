import type { FastifyError, FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ATTACHMENT_MAX_BYTES, AttachmentSchema, type AttachmentRecordType, ErrorBodySchema, IdParamSchema } from '@wj/domain/schemas';
import { AppError, badRequest } from '../../lib/errors.js';
import { attachmentOrgId, deleteAttachment, listAttachments, originalNameOf, readAttachment, recordOrgId, saveAttachment } from '../../modules/attachments/service.js';
import { meetingOrgId } from '../../modules/meetings/service.js';

const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf', 'application/octet-stream'];
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const NOT_A_FILE = '只能上传 JPEG、PNG、WebP 图片或 PDF 文件';

/**
 * Evidence files (签到表, 会议记录: photos, scans, PDFs) of a record. The
 * upload is the raw file with its name in X-File-Name, as the roster upload;
 * its type is read from the content. Files are served only in the record's
 * scope, always as a download (`Content-Disposition: attachment`, nosniff).
 */
const routes: FastifyPluginAsyncZod<{ dir: string }> = async (app, opts) => {
  // A little over the limit, so the service can say "over 10 MB" itself for what passes the parser.
  app.addContentTypeParser(UPLOAD_TYPES, { parseAs: 'buffer', bodyLimit: ATTACHMENT_MAX_BYTES + 1 }, (_req, body, done) => done(null, body));
  app.setErrorHandler((err: FastifyError, _req, reply) => {
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE') throw new AppError(413, 'FILE_TOO_LARGE', `文件超过 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB`);
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || err.code === 'FST_ERR_CTP_EMPTY_JSON_BODY') throw badRequest(NOT_A_FILE, [{ field: 'file', message: '文件类型不支持' }]);
    return reply.send(err);
  });

  const byAttachment = { org: (req: { params: unknown }) => attachmentOrgId(app.db, (req.params as { id: number }).id) };

  app.post('/meetings/:id/attachments', {
    config: { access: { org: (req: { params: unknown }) => meetingOrgId(app.db, (req.params as { id: number }).id) } },
    bodyLimit: ATTACHMENT_MAX_BYTES + 1,
    schema: {
      tags: ['组织生活'], summary: '上传组织生活记录的附件（签到表、会议记录的照片、扫描件或 PDF；请求体为文件本身，文件名放在 X-File-Name，百分号编码）',
      params: IdParamSchema, response: { 201: AttachmentSchema, 413: ErrorBodySchema, ...errors },
    },
  }, async (req, reply) => reply.code(201).send(await saveAttachment(app.db, opts.dir, req.user!, 'meeting', req.params.id, originalNameOf(req.headers['x-file-name']), req.body)));

  // 书记项目 milestones and 先锋岗 carry files as well; their lists are read on their own (the records' schemas stay as they are).
  const others: { path: string; type: AttachmentRecordType; tag: string; what: string }[] = [
    { path: '/milestones/:id/attachments', type: 'milestone', tag: '书记项目', what: '书记项目节点' },
    { path: '/vanguard-posts/:id/attachments', type: 'vanguard_post', tag: '党员先锋岗', what: '党员先锋岗' },
  ];
  for (const { path, type, tag, what } of others) {
    const access = { org: (req: { params: unknown }) => recordOrgId(app.db, type, (req.params as { id: number }).id) };
    app.post(path, {
      config: { access },
      bodyLimit: ATTACHMENT_MAX_BYTES + 1,
      schema: {
        tags: [tag], summary: `上传${what}的附件（照片、扫描件或 PDF；请求体为文件本身，文件名放在 X-File-Name，百分号编码）`,
        params: IdParamSchema, response: { 201: AttachmentSchema, 413: ErrorBodySchema, ...errors },
      },
    }, async (req, reply) => reply.code(201).send(await saveAttachment(app.db, opts.dir, req.user!, type, req.params.id, originalNameOf(req.headers['x-file-name']), req.body)));
    app.get(path, {
      config: { access },
      schema: { tags: [tag], summary: `${what}的附件列表`, params: IdParamSchema, response: { 200: z.array(AttachmentSchema), ...errors } },
    }, async (req) => await listAttachments(app.db, type, req.params.id));
  }

  app.get('/attachments/:id', {
    config: { access: byAttachment },
    schema: { tags: ['附件'], summary: '下载附件（仅限本组织范围内的用户）', params: IdParamSchema, response: { ...errors } },
  }, async (req, reply) => {
    const { row, file } = await readAttachment(app.db, opts.dir, req.params.id);
    const ascii = row.originalName.replace(/[^\x20-\x7e]|["\\]/g, '_');
    return (reply as FastifyReply)
      .header('content-type', row.mime)
      .header('content-disposition', `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(row.originalName)}`)
      .header('x-content-type-options', 'nosniff')
      .send(file);
  });

  app.delete('/attachments/:id', {
    config: { access: byAttachment },
    schema: {
      tags: ['附件'], summary: '删除附件', params: IdParamSchema,
      querystring: z.object({ version: z.coerce.number({ error: '缺少附件版本号 version' }).int().positive() }),
      response: { 204: z.null(), 409: ErrorBodySchema, ...errors },
    },
  }, async (req, reply) => {
    await deleteAttachment(app.db, opts.dir, req.user!, req.params.id, req.query.version);
    return reply.code(204).send(null);
  });
};

export default routes;
