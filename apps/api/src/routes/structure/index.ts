import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  CommitteeHistorySchema, CommitteeInputSchema, CommitteeRecordSchema, CommitteeUpdateSchema, ErrorBodySchema, IdParamSchema,
  OrgCreateSchema, OrgDissolveSchema, OrgMergeSchema, OrgMoveResultSchema, OrgRecordSchema, OrgUpdateSchema,
} from '@wj/domain/schemas';
import type { Role } from '@wj/domain';
import { assertOrgAccess } from '../../auth/scope.js';
import { createOrg, updateOrg } from '../../modules/structure/branches.js';
import { committeeOrgId, createCommittee, listCommittees, updateCommittee } from '../../modules/structure/committee.js';
import { moveAndDissolve } from '../../modules/structure/merge.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const byParamOrg = (req: { params: unknown }) => (req.params as { id: number }).id;
/** The org structure is the unit's business (DESIGN.md: Users): branch secretaries keep their records, not the tree. */
const structureAccess = { roles: ['admin', 'unit_secretary'] satisfies Role[], org: byParamOrg };

/** 组织架构: branches and 党小组 under a unit, their merging and dissolution, and the 支委会 of each branch. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.post('/orgs/:id/branches', {
    config: { access: structureAccess },
    schema: { tags: ['组织架构'], summary: '在单位党委/党总支下设立党支部，或在党支部下设立党小组', params: IdParamSchema, body: OrgCreateSchema, response: { 201: OrgRecordSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createOrg(app.db, req.user!, req.params.id, req.body)));

  app.put('/orgs/:id', {
    config: { access: structureAccess },
    schema: { tags: ['组织架构'], summary: '修改组织名称、支部类别、所在科室', params: IdParamSchema, body: OrgUpdateSchema, response: { 200: OrgRecordSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req) => await updateOrg(app.db, req.user!, req.params.id, req.body));

  app.post('/orgs/:id/merge', {
    config: { access: structureAccess },
    schema: { tags: ['组织架构'], summary: '将党支部（党小组）并入本单位另一党支部，党员及在办事项一并转入', params: IdParamSchema, body: OrgMergeSchema, response: { 200: OrgMoveResultSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req) => {
    await assertOrgAccess(app.db, req.user!, req.body.intoOrgId, 'write');
    return await moveAndDissolve(app.db, req.user!, req.params.id, { targetId: req.body.intoOrgId, date: req.body.date, version: req.body.version }, 'merge');
  });

  app.post('/orgs/:id/dissolve', {
    config: { access: structureAccess },
    schema: { tags: ['组织架构'], summary: '撤销党支部（党小组），党员转入指定支部', params: IdParamSchema, body: OrgDissolveSchema, response: { 200: OrgMoveResultSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req) => {
    if (req.body.moveMembersTo !== null) await assertOrgAccess(app.db, req.user!, req.body.moveMembersTo, 'write');
    return await moveAndDissolve(app.db, req.user!, req.params.id, { targetId: req.body.moveMembersTo, date: req.body.date, version: req.body.version }, 'dissolve');
  });

  app.get('/orgs/:id/committee', {
    config: { access: { org: byParamOrg } },
    schema: { tags: ['支委会'], summary: '支委会（本届及往届）', params: IdParamSchema, response: { 200: CommitteeHistorySchema, ...errors } },
  }, async (req) => await listCommittees(app.db, req.params.id));

  app.post('/orgs/:id/committee', {
    config: { access: { org: byParamOrg } },
    schema: { tags: ['支委会'], summary: '登记换届选举产生的新一届支委会', params: IdParamSchema, body: CommitteeInputSchema, response: { 201: CommitteeRecordSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createCommittee(app.db, req.user!, req.params.id, req.body)));

  app.put('/committees/:id', {
    config: { access: { org: (req, db) => committeeOrgId(db, (req.params as { id: number }).id) } },
    schema: { tags: ['支委会'], summary: '修改本届支委会成员及分工', params: IdParamSchema, body: CommitteeUpdateSchema, response: { 200: CommitteeRecordSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req) => await updateCommittee(app.db, req.user!, req.params.id, req.body));
};

export default routes;
