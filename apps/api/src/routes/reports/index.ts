import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { ErrorBodySchema, QualityQueryFieldsSchema, ReportDraftSchema, ReportParagraphWriteSchema } from '@wj/domain/schemas';
import { disconnectSignal } from '../../lib/worker-pool.js';
import type { Access } from '../../plugins/auth.js';
import { reportPeriod } from '../../reports/context.js';
import { annualTitle } from '../../reports/docx/annual.js';
import { reportFile, reportParagraphs, type ReportRequest } from '../../reports/run.js';
import { reportAccessOrg, resolveTarget, subjectOf } from '../../reports/target.js';
import { currentRules } from '../../modules/quality/rules-store.js';
import { reportDraft, saveParagraph, type DraftOf } from '../../modules/reports/draft.js';
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
 * Each report is composed and written in a worker thread on its own
 * read-only connection (reports/compose.ts, render-pool.ts): the event loop
 * only resolves which report is meant and sends the bytes. A caller who
 * disconnects has their job dropped from the line or its worker ended.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  const access: Access = { roles: ['admin', 'viewer', 'unit_secretary'], org: (req, db) => reportAccessOrg(req, db), orgInQuery: true };
  /** Which report is meant: its scope (resolveTarget), year and as-of date, with the title of its file. */
  const requestOf = async (req: { scope: Parameters<typeof resolveTarget>[1]; query: { year?: number; unitId?: number } }, report: ReportRequest['report'], what: string) => {
    const [target, period, rules] = await Promise.all([resolveTarget(app.db, req.scope, req.query.unitId), reportPeriod(app.quality, req.query), currentRules(app.db)]);
    return { report, target, period, rules, title: `${subjectOf(target)}${period.year}年度${what}` } satisfies ReportRequest;
  };
  const draftOf = (r: ReportRequest): DraftOf => ({ year: r.period.year, unitId: r.target.unitId, orgId: r.target.orgId, title: annualTitle({ target: r.target, year: r.period.year }) });
  const file = async (reply: FastifyReply, r: ReportRequest, type: string, ascii: string) =>
    send(reply, await reportFile(app.db, app.quality, r, disconnectSignal(reply.raw)), type, `${ascii}-${r.period.year}.${type === DOCX ? 'docx' : 'xlsx'}`, `${r.title}.${type === DOCX ? 'docx' : 'xlsx'}`);

  app.get('/reports/annual.docx', {
    config: { access },
    schema: { tags, summary: '下载年度基层党组织建设质量报告（Word）', querystring: ReportQuerySchema, response: errors },
  }, async (req, reply) => file(reply, await requestOf(req, 'annual', '基层党组织建设质量报告'), DOCX, 'annual-report'));

  // The 报告 page's workbench: the report paragraph by paragraph; the office's edits and own paragraphs go into the Word file.
  app.get('/reports/draft', {
    config: { access },
    schema: { tags, summary: '年度报告草稿（逐段：生成内容、修改和补充的段落）', querystring: ReportQuerySchema, response: { 200: ReportDraftSchema, ...errors } },
  }, async (req, reply) => {
    const r = await requestOf(req, 'draft', '基层党组织建设质量报告');
    return await reportDraft(app.db, draftOf(r), await reportParagraphs(app.db, app.quality, r, disconnectSignal(reply.raw)));
  });

  app.put('/reports/draft', {
    config: { access },
    schema: {
      tags, summary: '保存年度报告的一个段落（修改生成段落、补充段落；内容为空即恢复生成内容或删除补充段落）',
      querystring: ReportQuerySchema, body: ReportParagraphWriteSchema, response: { 200: ReportDraftSchema, 409: ErrorBodySchema, ...errors },
    },
  }, async (req) => {
    const r = await requestOf(req, 'draft', '基层党组织建设质量报告');
    // The generated text does not depend on the edits: composed once, for the check and the answer.
    const generated = await reportParagraphs(app.db, app.quality, r);
    await saveParagraph(app.db, req.user!, draftOf(r), generated, req.body);
    return await reportDraft(app.db, draftOf(r), generated);
  });

  app.get('/reports/scores.xlsx', {
    config: { access },
    schema: { tags, summary: '下载各单位、各支部质量评价得分（Excel）', querystring: ReportQuerySchema, response: errors },
  }, async (req, reply) => file(reply, await requestOf(req, 'scores', '党支部质量评价得分'), XLSX, 'scores'));

  app.get('/reports/gaps.xlsx', {
    config: { access },
    schema: { tags, summary: '下载问题清单（Excel）', querystring: ReportQuerySchema, response: errors },
  }, async (req, reply) => file(reply, await requestOf(req, 'gaps', '基层党建问题清单'), XLSX, 'gaps'));

  app.get('/reports/org-life.xlsx', {
    config: { access },
    schema: { tags, summary: '下载各支部组织生活应开与实开情况（Excel）', querystring: ReportQuerySchema, response: errors },
  }, async (req, reply) => file(reply, await requestOf(req, 'org-life', '组织生活落实情况'), XLSX, 'org-life'));

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
