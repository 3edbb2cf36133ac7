import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamSchema, MemberListQuerySchema, MemberPageSchema, OrgDetailSchema, OrgTreeSchema } from '@wj/domain/schemas';
import { listMembers } from '../../modules/members/service.js';
import { orgDetail, orgTreeBody } from '../../modules/orgs/service.js';

/** Whether the caller takes gzip (RFC 9110 §12.5.3: listed, and not with q=0). */
function takesGzip(header: string | string[] | undefined): boolean {
  return [header ?? ''].flat().join(',').split(',').some((part) => {
    const [coding, ...params] = part.split(';').map((x) => x.trim().toLowerCase());
    if (coding !== 'gzip') return false;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** If-None-Match lists this tag, or `*` (RFC 9110 §13.1.2; weak comparison). */
function matches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((t) => { const v = t.trim(); return v === '*' || v === etag || v === `W/${etag}`; });
}

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/tree', {
    config: { access: {} },
    schema: { tags: ['组织'], summary: '组织树（含各级支部数、党员数）', response: { 200: OrgTreeSchema, 304: z.null().describe('树未变（If-None-Match）'), 404: ErrorBodySchema } },
  }, async (req, reply) => {
    // Sent as kept: serialized (and schema-checked) once per tree version and scope, gzipped when the caller takes it.
    const body = await orgTreeBody(app.db, req.scope);
    // The body is already the schema's JSON (a string or its gzip): Fastify sends it as it is, past the typed serializer.
    const raw = reply as unknown as FastifyReply;
    // The browser keeps it and asks again each time (no-cache): an unchanged tree costs a 304, not megabytes.
    // The tag is of this caller's own tree (their scope), checked after the session: another user's copy never matches theirs by accident.
    raw.header('etag', body.etag).header('cache-control', 'private, no-cache').header('vary', 'Accept-Encoding, Cookie');
    if (matches(req.headers['if-none-match'], body.etag)) return raw.code(304).send();
    raw.header('content-type', 'application/json; charset=utf-8');
    if (takesGzip(req.headers['accept-encoding'])) return raw.header('content-encoding', 'gzip').send(await body.gzip());
    return raw.send(body.json);
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
