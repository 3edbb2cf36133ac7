import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, QualityQueryFieldsSchema, YearsSummarySchema } from '@wj/domain/schemas';
import { yearsSummary } from '../../modules/quality/years-summary.js';

/**
 * 历年对比: each data year's average score, grade counts and problems by tier,
 * for what the caller may see (the dashboard's scope) or one unit of it.
 */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/quality/years', {
    config: { access: {} },
    schema: {
      tags: ['质量评价'], summary: '历年对比：各年度平均分、等次分布和分层级问题数（按权限范围，可按单位筛选）',
      querystring: QualityQueryFieldsSchema.pick({ unitId: true }),
      response: { 200: YearsSummarySchema, 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema },
    },
  }, async (req) => ({ unitId: req.query.unitId ?? null, items: await yearsSummary(app.quality, req.scope, req.query.unitId) }));
};

export default routes;
