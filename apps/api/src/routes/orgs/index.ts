import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamSchema, MemberListQuerySchema, MemberPageSchema, OrgDetailSchema, OrgTreeSchema } from '@wj/domain/schemas';
import { listMembers } from '../../modules/members/service.js';
import { orgDetail, orgTreeBody } from '../../modules/orgs/service.js';
import { sendKept } from '../../lib/kept-json.js';

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/tree', {
    config: { access: {} },
    schema: { tags: ['组织'], summary: '组织树（含各级支部数、党员数）', response: { 200: OrgTreeSchema, 304: z.null().describe('树未变（If-None-Match）'), 404: ErrorBodySchema } },
  }, async (req, reply) => {
    // Sent as kept: serialized (and schema-checked) once per tree version and scope, gzipped when the caller takes it (lib/kept-json.ts).
    return sendKept(req, reply as unknown as FastifyReply, await orgTreeBody(app.db, req.scope));
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
