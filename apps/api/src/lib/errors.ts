/**
 * Errors a handler or service throws; the error plugin turns them into
 * { error: { code, message, details? } } with the status given here.
 */
export interface FieldProblem { field: string; message: string }

export class AppError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly details?: FieldProblem[],
  ) {
    super(message);
  }
}

export const notFound = (message = '请求的记录不存在') => new AppError(404, 'NOT_FOUND', message);
export const badRequest = (message: string, details?: FieldProblem[]) => new AppError(400, 'BAD_REQUEST', message, details);
export const unauthorized = (message = '请先登录') => new AppError(401, 'UNAUTHORIZED', message);
export const forbidden = (message = '无权访问该数据') => new AppError(403, 'FORBIDDEN', message);
export const conflict = (message: string, details?: FieldProblem[]) => new AppError(409, 'CONFLICT', message, details);
