import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  IdParamSchema, VanguardPostInputSchema, VanguardPostListQuerySchema, VanguardPostSchema, VanguardPostUpdateSchema,
} from '@wj/domain/schemas';
import { byParamOrg, byRecord, errors, withConflict } from './access.js';
import { createPost, listPosts, postOrgId, updatePost } from '../../modules/work/vanguard-service.js';

const tags = ['党员先锋岗'];

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/orgs/:id/vanguard-posts', {
    config: { access: byParamOrg },
    schema: { tags, summary: '支部党员先锋岗', params: IdParamSchema, querystring: VanguardPostListQuerySchema, response: { 200: z.array(VanguardPostSchema), ...errors } },
  }, async (req) => await listPosts(app.db, req.params.id, req.query));

  app.post('/orgs/:id/vanguard-posts', {
    config: { access: byParamOrg },
    schema: { tags, summary: '设立党员先锋岗', params: IdParamSchema, body: VanguardPostInputSchema, response: { 201: VanguardPostSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createPost(app.db, req.user!, req.params.id, req.body)));

  app.put('/vanguard-posts/:id', {
    config: { access: byRecord((id) => postOrgId(app.db, id)) },
    schema: { tags, summary: '修改党员先锋岗', params: IdParamSchema, body: VanguardPostUpdateSchema, response: { 200: VanguardPostSchema, ...withConflict } },
  }, async (req) => await updatePost(app.db, req.user!, req.params.id, req.body));
};

export default routes;
