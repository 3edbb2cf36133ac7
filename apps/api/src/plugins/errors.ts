import type { FastifyError } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, type FieldProblem } from '../lib/errors.js';

const PART_LABELS: Record<string, string> = { querystring: '查询参数', body: '请求内容', params: '路径参数', headers: '请求头' };

/** One error handler shapes every error (DESIGN.md: errors as { error: { code, message, details? } }). */
export default fp(async (app) => {
  app.setErrorHandler((err: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const details: FieldProblem[] = err.validation.map((v) => ({
        field: v.instancePath.replace(/^\//, '').replace(/\//g, '.') || '(root)',
        message: v.message ?? '取值无效',
      }));
      const part = PART_LABELS[err.validationContext ?? ''] ?? '请求';
      const summary = details.map((d) => `${d.field}：${d.message}`).join('；');
      return reply.code(400).send({ error: { code: 'VALIDATION_FAILED', message: `${part}有误：${summary}`, details } });
    }
    if (err instanceof AppError) {
      return reply.code(err.statusCode).send({
        error: { code: err.code, message: err.message, ...(err.details ? { details: err.details } : {}) },
      });
    }
    if (isResponseSerializationError(err)) {
      req.log.error({ err }, 'response did not match its schema');
      return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误' } });
    }
    const status = typeof err.statusCode === 'number' && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) {
      req.log.error({ err }, 'unhandled error');
      return reply.code(500).send({ error: { code: 'INTERNAL', message: '服务器内部错误，请稍后重试' } });
    }
    // Fastify's own 4xx (bad JSON, body too large, unsupported media type, rate limit …)
    const messages: Record<number, string> = {
      400: '请求格式有误', 413: '请求内容过大', 415: '不支持的请求内容类型', 429: '请求过于频繁，请稍后再试',
    };
    return reply.code(status).send({ error: { code: err.code ?? 'BAD_REQUEST', message: messages[status] ?? '请求无法处理' } });
  });
});
