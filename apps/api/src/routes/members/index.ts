import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  ErrorBodySchema, IdParamSchema, MemberDetailSchema, MemberInputSchema, MemberLeaveSchema, MemberTransferSchema, MemberUpdateSchema,
} from '@wj/domain/schemas';
import { assertOrgAccess } from '../../auth/scope.js';
import { memberDetail, memberOrgId } from '../../modules/members/service.js';
import { createMember, leaveMember, transferMember, updateMember } from '../../modules/members/write-service.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const writeErrors = { ...errors, 409: ErrorBodySchema };
const byParamOrg = { org: (req: { params: unknown }) => (req.params as { id: number }).id };

/** 党员: detail, enrolment in a branch, edits, 组织关系转接 and leaving the roll (never deletion). */
const routes: FastifyPluginAsyncZod = async (app) => {
  const byMember = { org: (req: { params: unknown }) => memberOrgId(app.db, (req.params as { id: number }).id) };
  // Full 公民身份号码 and phone only for admin (DESIGN.md: stored, shown masked except to admin).
  const detail = (id: number, role: string | undefined) =>
    memberDetail(app.db, id, { year: new Date().getFullYear(), unmasked: role === 'admin' });

  app.get('/members/:id', {
    config: { access: byMember },
    schema: { tags: ['党员'], summary: '党员详情（公民身份号码、电话按权限脱敏）', params: IdParamSchema, response: { 200: MemberDetailSchema, ...errors } },
  }, async (req) => await detail(req.params.id, req.user?.role));

  app.post('/orgs/:id/members', {
    config: { access: byParamOrg },
    schema: { tags: ['党员'], summary: '在党支部中新增党员', params: IdParamSchema, body: MemberInputSchema, response: { 201: MemberDetailSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await detail(await createMember(app.db, req.user!, req.params.id, req.body), req.user!.role)));

  app.put('/members/:id', {
    config: { access: byMember },
    schema: {
      tags: ['党员'], summary: '修改党员信息（脱敏的身份号码、电话原样提交表示不变）',
      params: IdParamSchema, body: MemberUpdateSchema, response: { 200: MemberDetailSchema, ...writeErrors },
    },
  }, async (req) => {
    await updateMember(app.db, req.user!, req.params.id, req.body);
    return await detail(req.params.id, req.user!.role);
  });

  app.post('/members/:id/transfer', {
    config: { access: byMember },
    schema: {
      tags: ['党员'], summary: '组织关系转接到本委另一党支部（转出、转入两个支部都须有权限）',
      params: IdParamSchema, body: MemberTransferSchema, response: { 200: MemberDetailSchema, ...writeErrors },
    },
  }, async (req) => {
    await assertOrgAccess(app.db, req.user!, req.body.toOrgId, 'write');
    await transferMember(app.db, req.user!, req.params.id, req.body);
    return await detail(req.params.id, req.user!.role);
  });

  app.post('/members/:id/leave', {
    config: { access: byMember },
    schema: {
      tags: ['党员'], summary: '党员转出、去世或出党（记录保留，不再计入党员数）',
      params: IdParamSchema, body: MemberLeaveSchema, response: { 200: MemberDetailSchema, ...writeErrors },
    },
  }, async (req) => {
    await leaveMember(app.db, req.user!, req.params.id, req.body);
    return await detail(req.params.id, req.user!.role);
  });
};

export default routes;
