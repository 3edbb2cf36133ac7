import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, QualityQueryFieldsSchema, ReportDraftSchema, ReportParagraphWriteSchema } from '@wj/domain/schemas';
import { disconnectSignal } from '../../lib/worker-pool.js';
import type { Access } from '../../plugins/auth.js';
import { reportContext, type ContextNeeds } from '../../reports/context.js';
import { annualReport, annualTitle } from '../../reports/docx/annual.js';
import { orgLifeRows } from '../../reports/work-figures.js';
import { reportAccessOrg, resolveTarget, subjectOf } from '../../reports/target.js';
import { gapsWorkbook } from '../../reports/xlsx/gaps.js';
import { orgLifeWorkbook } from '../../reports/xlsx/org-life.js';
import { scoresWorkbook } from '../../reports/xlsx/scores.js';
import { draftEdits, reportDraft, saveParagraph } from '../../modules/reports/draft.js';
import { exportRoster } from '../../modules/roster/service.js';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 500: ErrorBodySchema };
const tags = ['报告导出'];
const ReportQuerySchema = QualityQueryFieldsSchema.pick({ year: true, unitId: true });
const RosterQuerySchema = QualityQueryFieldsSchema.pick({ unitId: true });

/** RFC 6266 + RFC 8187: an ASCII fallback name, then the real (Chinese) one percent-encoded as UTF-8. */
export function contentDisposition(ascii: string, filename: string): string {
  const encoded = encodeURIComponent(filename).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

function send(reply: FastifyReply, file: Buffer, type: string, ascii: string, filename: string) {
  return reply.header('content-type', type).header('content-disposition', contentDisposition(ascii, filename)).send(file);
}

/**
 * Year-end exports (DESIGN.md: exports): the annual report in Word and the
 * tables in Excel, for the whole commission or one unit. Admin and the
 * committee's leaders (viewer) may export any; a unit secretary only their
 * own unit (the default when no unitId is given); a branch secretary none.
 * The files are written in worker threads (reports/render-pool.ts); a caller
 * who disconnects has their file dropped from the line or its worker ended.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const access: Access = { roles: ['admin', 'viewer', 'unit_secretary'], org: (req, db) => reportAccessOrg(req, db), orgInQuery: true };
  const contextOf = async (req: { scope: Parameters<typeof resolveTarget>[1]; query: { year?: number; unitId?: number } }, needs: ContextNeeds = {}) =>
    reportContext(app.db, app.quality, await resolveTarget(app.db, req.scope, req.query.unitId), req.query, needs);
  /** The annual report's text reads everything: the facts and last year's scores (基本情况's 同比). */
  const WHOLE: ContextNeeds = { facts: true, previous: true };

  app.get('/reports/annual.docx', {
    config: { access },
    schema: { tags, summary: '下载年度基层党组织建设质量报告（Word）', querystring: ReportQuerySchema, response: errors },
  }, async (req, reply) => {
    const ctx = await contextOf(req, WHOLE);
    return send(reply, await annualReport(app.db, ctx, await draftEdits(app.db, ctx), disconnectSignal(reply.raw)), DOCX, `annual-report-${ctx.year}.docx`, `${annualTitle(ctx)}.docx`);
  });

  // The 报告 page's workbench: the report paragraph by paragraph; the office's edits and own paragraphs go into the Word file.
  app.get('/reports/draft', {
    config: { access },
    schema: { tags, summary: '年度报告草稿（逐段：生成内容、修改和补充的段落）', querystring: ReportQuerySchema, response: { 200: ReportDraftSchema, ...errors } },
  }, async (req) => await reportDraft(app.db, await contextOf(req, WHOLE)));

  app.put('/reports/draft', {
    config: { access },
    schema: {
      tags, summary: '保存年度报告的一个段落（修改生成段落、补充段落；内容为空即恢复生成内容或删除补充段落）',
      querystring: ReportQuerySchema, body: ReportParagraphWriteSchema, response: { 200: ReportDraftSchema, 409: ErrorBodySchema, ...errors },
    },
  }, async (req) => {
    const ctx = await contextOf(req, WHOLE);
    await saveParagraph(app.db, req.user!, ctx, req.body);
    return await reportDraft(app.db, ctx);
  });

  app.get('/reports/scores.xlsx', {
    config: { access },
    schema: { tags, summary: '下载各单位、各支部质量评价得分（Excel）', querystring: ReportQuerySchema, response: errors },
  }, async (req, reply) => {
    const ctx = await contextOf(req);
    const title = `${subjectOf(ctx.target)}${ctx.year}年度党支部质量评价得分`;
    return send(reply, await scoresWorkbook(ctx, title, disconnectSignal(reply.raw)), XLSX, `scores-${ctx.year}.xlsx`, `${title}.xlsx`);
  });

  app.get('/reports/gaps.xlsx', {
    config: { access },
    schema: { tags, summary: '下载问题清单（Excel）', querystring: ReportQuerySchema, response: errors },
  }, async (req, reply) => {
    const ctx = await contextOf(req);
    const title = `${subjectOf(ctx.target)}${ctx.year}年度基层党建问题清单`;
    return send(reply, await gapsWorkbook(ctx, title, disconnectSignal(reply.raw)), XLSX, `gaps-${ctx.year}.xlsx`, `${title}.xlsx`);
  });

  app.get('/reports/org-life.xlsx', {
    config: { access },
    schema: { tags, summary: '下载各支部组织生活应开与实开情况（Excel）', querystring: ReportQuerySchema, response: errors },
  }, async (req, reply) => {
    const ctx = await contextOf(req, { facts: true });
    const title = `${subjectOf(ctx.target)}${ctx.year}年度组织生活落实情况`;
    return send(reply, await orgLifeWorkbook(ctx, await orgLifeRows(ctx), title, disconnectSignal(reply.raw)), XLSX, `org-life-${ctx.year}.xlsx`, `${title}.xlsx`);
  });

  app.get('/reports/roster.xlsx', {
    config: { access },
    schema: { tags, summary: '下载党员名册（Excel，非管理员脱敏）', querystring: RosterQuerySchema, response: errors },
  }, async (req, reply) => {
    const target = await resolveTarget(app.db, req.scope, req.query.unitId);
    // The roster feature's own export: same columns as its template, 公民身份号码 and phone masked below admin.
    const { file, filename } = await exportRoster(app.db, target.orgId, req.user!.role === 'admin', disconnectSignal(reply.raw));
    return send(reply, file, XLSX, 'roster.xlsx', filename);
  });
};

export default routes;
