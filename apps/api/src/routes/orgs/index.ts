import { promisify } from 'node:util';
import { brotliCompress, constants as zlibConstants, gzip } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema, IdParamSchema, MemberListQuerySchema, MemberPageSchema, OrgChildrenQuerySchema, OrgChildrenSchema, OrgDetailSchema, OrgSearchQuerySchema, OrgSearchSchema, OrgTreeSchema, OrgTreeTopSchema,
} from '@wj/domain/schemas';
import { listMembers } from '../../modules/members/service.js';
import { orgDetail, orgTreeBody } from '../../modules/orgs/service.js';
import { keptRootChildren, orgChildren, orgPaths, OrgPathsQuerySchema, OrgPathsSchema, orgTreeTopBody, searchOrgs } from '../../modules/orgs/tree-levels.js';
import { sendKept } from '../../lib/kept-json.js';
import { chooseEncoding } from '../../plugins/spa.js';

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);
/** Below this an answer goes as it is: compressing it would save less than it costs. */
const COMPRESS_FROM = 1024;
/** Quality 5: about gzip's speed at level 6, a smaller answer (11, the default, is many times slower). */
const BROTLI = { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 5, [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT } };

/**
 * The pickers' answers (children, search, paths) are made per request, not
 * kept, so they are compressed as they are sent: brotli or gzip, whichever the
 * caller takes (br first on a tie, as the static files), on zlib's thread pool
 * so that a big answer never holds the event loop.
 */
async function compressAnswer(req: FastifyRequest, reply: FastifyReply, payload: unknown): Promise<unknown> {
  if (reply.statusCode !== 200 || typeof payload !== 'string') return payload;
  reply.header('vary', 'Accept-Encoding');
  if (Buffer.byteLength(payload) < COMPRESS_FROM) return payload;
  const encoding = chooseEncoding(req.headers['accept-encoding'], ['br', 'gzip']);
  if (!encoding) return payload;
  reply.header('content-encoding', encoding);
  return encoding === 'br' ? brotliAsync(payload, BROTLI) : gzipAsync(payload, { level: 6 });
}

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/tree', {
    config: { access: {} },
    schema: { tags: ['组织'], summary: '组织树（含各级支部数、党员数）', response: { 200: OrgTreeSchema, 304: z.null().describe('树未变（If-None-Match）'), 404: ErrorBodySchema } },
  }, async (req, reply) => {
    // Sent as kept: serialized (and schema-checked) once per tree version and scope, gzipped when the caller takes it (lib/kept-json.ts).
    return sendKept(req, reply as unknown as FastifyReply, await orgTreeBody(app.db, req.scope));
  });

  // The tree by level (what the org page loads): the opening view, one org's children on expand, and a search by name.
  app.get('/tree/top', {
    config: { access: {} },
    schema: { tags: ['组织'], summary: '组织树首层：根到本人范围的路径及范围内的下一级', response: { 200: OrgTreeTopSchema, 304: z.null().describe('未变（If-None-Match）'), 404: ErrorBodySchema } },
  }, async (req, reply) => sendKept(req, reply as unknown as FastifyReply, await orgTreeTopBody(app.db, req.scope)));

  app.get('/tree/search', {
    config: { access: {} },
    schema: { tags: ['组织'], summary: '按名称搜索组织（至多 limit 个，含到各匹配组织的路径；level=unit 时只搜索单位级组织）', querystring: OrgSearchQuerySchema, response: { 200: OrgSearchSchema, 400: ErrorBodySchema } },
    onSend: compressAnswer,
  }, async (req) => await searchOrgs(app.db, req.scope, req.query.q, req.query.limit, req.query.level));

  // The pickers: the path down to a saved value (to name it and open the levels above it), and the audit page's org names.
  app.get('/tree/paths', {
    config: { access: {} },
    schema: { tags: ['组织'], summary: '组织的路径（根到各组织；不在本人范围内的 id 不返回）', querystring: OrgPathsQuerySchema, response: { 200: OrgPathsSchema, 400: ErrorBodySchema } },
    onSend: compressAnswer,
  }, async (req) => await orgPaths(app.db, req.scope, req.query.ids));

  app.get('/:id/children', {
    config: { access: { org: (req) => (req.params as { id: number }).id } },
    schema: {
      tags: ['组织'], summary: '组织的下一级（展开树节点时加载；给 offset、limit 时分页，即“显示更多”）',
      params: IdParamSchema, querystring: OrgChildrenQuerySchema, response: { 200: OrgChildrenSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
    },
    onSend: compressAnswer,
  }, async (req, reply) => {
    // The root's whole list (a picker's first level past one page of units) is kept; any other answer is made per request.
    const whole = req.query.offset === undefined && req.query.limit === undefined;
    const kept = whole ? await keptRootChildren(app.db, req.params.id, req.scope) : null;
    if (kept) return sendKept(req, reply as unknown as FastifyReply, kept);
    return await orgChildren(app.db, req.params.id, req.scope, req.query);
  });

  app.get('/:id', {
    config: { access: { org: (req) => (req.params as { id: number }).id } },
    schema: { tags: ['组织'], summary: '组织详情', params: IdParamSchema, response: { 200: OrgDetailSchema, 400: ErrorBodySchema, 404: ErrorBodySchema } },
  }, async (req) => await orgDetail(app.db, req.params.id, req.scope));

  app.get('/:id/members', {
    config: { access: { org: (req) => (req.params as { id: number }).id } },
    schema: {
      tags: ['党员'], summary: '组织（含下级）党员列表，分页、检索、筛选',
      params: IdParamSchema, querystring: MemberListQuerySchema,
      response: { 200: MemberPageSchema, 400: ErrorBodySchema, 404: ErrorBodySchema },
    },
  }, async (req) => await listMembers(app.db, req.params.id, req.query));
};

export default routes;
