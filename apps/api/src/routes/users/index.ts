import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ErrorBodySchema, IdParamSchema, PasswordResetSchema, UserCreateSchema, UserSchema, UserUpdateSchema } from '@wj/domain/schemas';
import { createUser, listUsers, resetPassword, unlockUser, updateUser } from '../../modules/users/service.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema, 409: ErrorBodySchema };
const adminOnly = { access: { roles: ['admin' as const] } };

/** 系统管理 → 用户: the admin creates, edits, disables users and resets passwords. */
const routes: FastifyPluginAsyncZod = async (app) => {
  app.get('/users', {
    config: adminOnly,
    schema: { tags: ['系统管理'], summary: '用户列表', response: { 200: z.array(UserSchema), ...errors } },
  }, async () => listUsers(app.db));

  app.post('/users', {
    config: adminOnly,
    schema: { tags: ['系统管理'], summary: '新建用户', body: UserCreateSchema, response: { 201: UserSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createUser(app.db, req.user!, req.body)));

  app.put('/users/:id', {
    config: adminOnly,
    schema: { tags: ['系统管理'], summary: '修改用户（角色、范围、停用）', params: IdParamSchema, body: UserUpdateSchema, response: { 200: UserSchema, ...errors } },
  }, async (req) => updateUser(app.db, req.user!, req.params.id, req.body));

  app.post('/users/:id/password', {
    config: adminOnly,
    schema: { tags: ['系统管理'], summary: '重置密码', params: IdParamSchema, body: PasswordResetSchema, response: { 200: UserSchema, ...errors } },
  }, async (req) => resetPassword(app.db, req.user!, req.params.id, req.body.password, req.body.version));

  app.post('/users/:id/unlock', {
    config: adminOnly,
    schema: { tags: ['系统管理'], summary: '解除登录限制（输错密码被暂时阻止的所有地址）', params: IdParamSchema, response: { 200: UserSchema, ...errors } },
  }, async (req) => unlockUser(app.db, req.user!, req.params.id));
};

export default routes;
