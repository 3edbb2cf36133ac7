import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BrandInputSchema, BrandSchema, BrandUpdateSchema, IdParamSchema } from '@wj/domain/schemas';
import { byParamOrg, byRecord, errors, withConflict } from './access.js';
import { brandOrgId, createBrand, listBrands, updateBrand } from '../../modules/work/brand-service.js';

const tags = ['支部品牌'];

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/orgs/:id/brands', {
    config: { access: byParamOrg },
    schema: { tags, summary: '支部品牌（含已停用）', params: IdParamSchema, response: { 200: z.array(BrandSchema), ...errors } },
  }, async (req) => await listBrands(app.db, req.params.id));

  app.post('/orgs/:id/brands', {
    config: { access: byParamOrg },
    schema: { tags, summary: '登记支部品牌', params: IdParamSchema, body: BrandInputSchema, response: { 201: BrandSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createBrand(app.db, req.user!, req.params.id, req.body)));

  app.put('/brands/:id', {
    config: { access: byRecord((id) => brandOrgId(app.db, id)) },
    schema: { tags, summary: '修改支部品牌（active=false 停用，不删除）', params: IdParamSchema, body: BrandUpdateSchema, response: { 200: BrandSchema, ...withConflict } },
  }, async (req) => await updateBrand(app.db, req.user!, req.params.id, req.body));
};

export default routes;
