import { z } from 'zod';
import { ROLES } from '../enums.js';
import { pageSchema } from './common.js';
import { cleanText, dateField, VersionSchema } from './fields.js';

const passwordField = z.string({ error: '请填写密码' })
  .min(10, '密码至少 10 位').max(128, '密码不能超过 128 位')
  .refine((p) => /[A-Za-z]/.test(p) && /\d/.test(p), '密码须同时包含字母和数字');

const userFields = {
  displayName: z.string({ error: '请填写姓名' }).trim().min(1, '请填写姓名').max(50, '姓名不能超过 50 个字').superRefine(cleanText('姓名')),
  role: z.enum(ROLES, { error: '请选择角色' }),
  scopeOrgId: z.number().int().positive().nullable().default(null),
};

/** Unit and branch secretaries need the org they keep; admin and viewer see everything and take none. */
function checkScope(u: { role: string; scopeOrgId: number | null }, ctx: z.RefinementCtx) {
  const needs = u.role === 'unit_secretary' || u.role === 'branch_secretary';
  if (needs && u.scopeOrgId == null) ctx.addIssue({ code: 'custom', path: ['scopeOrgId'], message: '单位或支部账号须指定所管理的组织' });
  if (!needs && u.scopeOrgId != null) ctx.addIssue({ code: 'custom', path: ['scopeOrgId'], message: '管理员和委领导账号不能限定组织' });
}

export const UserCreateSchema = z.object({
  username: z.string({ error: '请填写用户名' }).trim().regex(/^[a-z][a-z0-9_.-]{2,31}$/, '用户名须为 3–32 位小写字母、数字或 _ . -，以字母开头'),
  password: passwordField,
  ...userFields,
}).superRefine(checkScope);
export type UserCreate = z.infer<typeof UserCreateSchema>;

export const UserUpdateSchema = z.object({ ...userFields, disabled: z.boolean() }).and(VersionSchema).superRefine(checkScope);
export type UserUpdate = z.infer<typeof UserUpdateSchema>;

export const PasswordResetSchema = z.object({ password: passwordField }).and(VersionSchema);

export const UserSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scopeOrgId: z.number().int().nullable(),
  scopeOrgName: z.string().nullable(),
  disabled: z.boolean(),
  /** Client addresses currently blocked from logging in as this user (too many wrong passwords). */
  loginBlocked: z.number().int(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type User = z.infer<typeof UserSchema>;

export const AuditQuerySchema = z.object({
  page: z.coerce.number().int().min(1, 'page 不能小于 1').default(1),
  pageSize: z.coerce.number().int().min(1).max(200, 'pageSize 不能大于 200').default(50),
  username: z.string().trim().max(50).superRefine(cleanText('username')).optional(),
  entityType: z.string().trim().max(50).superRefine(cleanText('entityType')).optional(),
  action: z.string().trim().max(20).superRefine(cleanText('action')).optional(),
  from: dateField('from ').optional(),
  to: dateField('to ').optional(),
});
export const AuditEntrySchema = z.object({
  id: z.number().int(),
  at: z.string(),
  username: z.string(),
  action: z.string(),
  entityType: z.string(),
  entityId: z.string().nullable(),
  orgId: z.number().int().nullable(),
  before: z.unknown(),
  after: z.unknown(),
});
export const AuditPageSchema = pageSchema(AuditEntrySchema);
