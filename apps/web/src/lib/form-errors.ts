import { ApiError } from './api-client';

/**
 * Field errors for antd forms, from the API's 400 `details` ({ field, message })
 * or from a shared zod schema's issues, so each reason shows next to its field.
 */

/** An antd name path: 'milestones.0.dueDate' becomes ['milestones', 0, 'dueDate']. */
export type FieldPath = (string | number)[];

export interface FieldError {
  name: FieldPath;
  errors: string[];
}

export function toFieldPath(path: string | readonly PropertyKey[]): FieldPath {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  return parts.filter((p) => p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** Groups messages by field, keeping each message once and fields in first-seen order. */
export function groupFieldErrors(issues: readonly { path: string | readonly PropertyKey[]; message: string }[]): FieldError[] {
  const byKey = new Map<string, FieldError>();
  for (const issue of issues) {
    const name = toFieldPath(issue.path);
    if (name.length === 0) continue;
    const key = JSON.stringify(name);
    const entry = byKey.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}

/** The per-field reasons of a failed request (a 400's `details`); empty for any other error. */
export function apiFieldErrors(error: unknown): FieldError[] {
  if (!(error instanceof ApiError)) return [];
  return groupFieldErrors(error.details.map((d) => ({ path: d.field, message: d.message })));
}

/** Keeps the errors of fields the form actually has (e.g. drops `version`). */
export function onlyKnownFields(fields: FieldError[], isKnown: (name: FieldPath) => boolean): FieldError[] {
  return fields.filter((f) => isKnown(f.name));
}
