import type { FormInstance } from 'antd';
import { ApiError } from '@/lib/api-client';

interface Issue { path: readonly PropertyKey[]; message: string }

/**
 * Puts each message next to its field (zod issues on submit, or the server's
 * 400 `details`) and returns the messages that belong to no field of this form,
 * for the form's own alert. One message per field: the first is the one to fix.
 */
export function showFieldErrors<T>(form: FormInstance<T>, fields: readonly string[], issues: readonly Issue[]): string[] {
  const byField = new Map<string, string[]>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '');
    if (fields.includes(field)) byField.set(field, [...(byField.get(field) ?? []), issue.message]);
    else unplaced.push(issue.message);
  }
  form.setFields([...byField].map(([name, errors]) => ({ name: name as never, errors: [...new Set(errors)] })));
  return [...new Set(unplaced)];
}

/** A server refusal as field issues; a 400 without details is one form-level message. */
export function apiIssues(error: unknown): Issue[] | null {
  if (!(error instanceof ApiError) || error.status !== 400) return null;
  return error.details.length ? error.details.map((d) => ({ path: [d.field], message: d.message })) : [{ path: [], message: error.message }];
}

export const isConflict = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 409;
