import { z } from 'zod';
import { ROLES } from '../enums.js';

export const LoginBodySchema = z.object({
  username: z.string({ error: '请输入用户名' }).trim().min(1, '请输入用户名').max(50, '用户名不能超过 50 个字符'),
  password: z.string({ error: '请输入密码' }).min(1, '请输入密码').max(128, '密码不能超过 128 个字符'),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

export const MeSchema = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  scopeOrgId: z.number().int().nullable(),
  scopeOrgName: z.string().nullable(),
});
export type Me = z.infer<typeof MeSchema>;
