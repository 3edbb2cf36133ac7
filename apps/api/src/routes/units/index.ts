import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Role } from '@wj/domain';
import {
  ErrorBodySchema, IdParamSchema, PartyWorkerInputSchema, PartyWorkerSchema, PartyWorkerUpdateSchema, ResponsibilityItemInputSchema,
  ResponsibilityItemSchema, ResponsibilityItemUpdateSchema, SecretaryReviewInputSchema, SecretaryReviewSchema, UnitPlanInputSchema,
  UnitPlanSchema, UnitRecordYearQuerySchema, UnitYearParamSchema,
} from '@wj/domain/schemas';
import { listPlans, savePlan } from '../../modules/units/plans.js';
import { createItem, itemUnitId, listItems, updateItem } from '../../modules/units/responsibility.js';
import { listReviews, saveReview } from '../../modules/units/reviews.js';
import { createWorker, listWorkers, updateWorker, workerUnitId } from '../../modules/units/workers.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const byParamOrg = (req: { params: unknown }) => (req.params as { id: number }).id;
/** Unit records are kept by the unit (its secretary or party workers) and the commission. */
const unitWriters: Role[] = ['admin', 'unit_secretary'];

/** 单位责任落实: 年度党建工作计划, 党务干部, 书记述职评议, 主体责任清单. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/units/:id/plans', {
    config: { access: { org: byParamOrg } },
    schema: { tags: ['单位责任'], summary: '年度党建工作计划（各年度）', params: IdParamSchema, response: { 200: z.array(UnitPlanSchema), ...errors } },
  }, async (req) => await listPlans(app.db, req.params.id));

  app.put('/units/:id/plans/:year', {
    config: { access: { roles: unitWriters, org: byParamOrg } },
    schema: { tags: ['单位责任'], summary: '报送或修改年度党建工作计划', params: UnitYearParamSchema, body: UnitPlanInputSchema, response: { 200: UnitPlanSchema, 201: UnitPlanSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req, reply) => {
    const { created, plan } = await savePlan(app.db, req.user!, req.params.id, req.params.year, req.body);
    return reply.code(created ? 201 : 200).send(plan);
  });

  app.get('/units/:id/party-workers', {
    config: { access: { org: byParamOrg } },
    schema: { tags: ['单位责任'], summary: '党务干部（在任在前）', params: IdParamSchema, response: { 200: z.array(PartyWorkerSchema), ...errors } },
  }, async (req) => await listWorkers(app.db, req.params.id));

  app.post('/units/:id/party-workers', {
    config: { access: { roles: unitWriters, org: byParamOrg } },
    schema: { tags: ['单位责任'], summary: '登记党务干部', params: IdParamSchema, body: PartyWorkerInputSchema, response: { 201: PartyWorkerSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createWorker(app.db, req.user!, req.params.id, req.body)));

  app.put('/party-workers/:id', {
    config: { access: { roles: unitWriters, org: (req, db) => workerUnitId(db, (req.params as { id: number }).id) } },
    schema: { tags: ['单位责任'], summary: '修改党务干部信息（离任即填写离任日期）', params: IdParamSchema, body: PartyWorkerUpdateSchema, response: { 200: PartyWorkerSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req) => await updateWorker(app.db, req.user!, req.params.id, req.body));

  app.get('/units/:id/reviews', {
    config: { access: { org: byParamOrg } },
    schema: { tags: ['单位责任'], summary: '书记抓党建述职评议结果（各年度）', params: IdParamSchema, response: { 200: z.array(SecretaryReviewSchema), ...errors } },
  }, async (req) => await listReviews(app.db, req.params.id));

  // The grade is the commission's verdict on the unit secretary: the unit cannot write its own.
  app.put('/units/:id/reviews/:year', {
    config: { access: { roles: ['admin'], org: byParamOrg } },
    schema: { tags: ['单位责任'], summary: '评定书记抓党建述职评议等次（仅委机关党委）', params: UnitYearParamSchema, body: SecretaryReviewInputSchema, response: { 200: SecretaryReviewSchema, 201: SecretaryReviewSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req, reply) => {
    const { created, review } = await saveReview(app.db, req.user!, req.params.id, req.params.year, req.body);
    return reply.code(created ? 201 : 200).send(review);
  });

  app.get('/units/:id/responsibility-items', {
    config: { access: { org: byParamOrg } },
    schema: { tags: ['单位责任'], summary: '全面从严治党主体责任清单', params: IdParamSchema, querystring: UnitRecordYearQuerySchema, response: { 200: z.array(ResponsibilityItemSchema), ...errors } },
  }, async (req) => await listItems(app.db, req.params.id, req.query.year));

  app.post('/units/:id/responsibility-items', {
    config: { access: { roles: unitWriters, org: byParamOrg } },
    schema: { tags: ['单位责任'], summary: '新增责任清单事项', params: IdParamSchema, body: ResponsibilityItemInputSchema, response: { 201: ResponsibilityItemSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createItem(app.db, req.user!, req.params.id, req.body)));

  app.put('/responsibility-items/:id', {
    config: { access: { roles: unitWriters, org: (req, db) => itemUnitId(db, (req.params as { id: number }).id) } },
    schema: { tags: ['单位责任'], summary: '修改责任清单事项或标记完成', params: IdParamSchema, body: ResponsibilityItemUpdateSchema, response: { 200: ResponsibilityItemSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req) => await updateItem(app.db, req.user!, req.params.id, req.body));
};

export default routes;
