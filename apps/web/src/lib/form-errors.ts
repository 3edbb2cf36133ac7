import type { FormInstance } from 'antd';
import { ApiError } from './api-client';

/**
 * The one way a reason reaches its field on an antd form, whether it comes
 * from the shared zod schema before sending (validateWith) or from the API's
 * 400/409 `details` ({ field, message }) after (useSaveError). A reason that
 * names no field of the form is handed back for a form-level alert or message.
 */

/** An antd name path: 'milestones.0.dueDate' becomes ['milestones', 0, 'dueDate']. */
export type FieldPath = (string | number)[];

/** One reason a value was refused: a zod issue, or a server detail as { path: field }. */
export interface FieldIssue {
  path: string | readonly PropertyKey[];
  message: string;
}

export function toFieldPath(path: string | readonly PropertyKey[]): FieldPath {
  const parts = typeof path === 'string' ? path.split('.') : path.map(String);
  return parts.filter((p) => p !== '').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** The per-field reasons of a refused request (its `details`); empty for any other error. */
export function apiFieldIssues(error: unknown): FieldIssue[] {
  return error instanceof ApiError ? error.details.map((d) => ({ path: d.field, message: d.message })) : [];
}

/** A stale version or a taken value: the server answered 409. */
export const isConflict = (error: unknown): error is ApiError => error instanceof ApiError && error.status === 409;

/** Which names the form has, as antd registered them (a Form.Item with a `name`). */
export function registeredFields(form: FormInstance): (name: FieldPath) => boolean {
  const names = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  return (name) => names.has(JSON.stringify(name));
}

/** The field an issue belongs on: its own path, else its top-level field (e.g. `members.2.role` on a whole-list input). */
export function fieldFor(path: FieldIssue['path'], isField: (name: FieldPath) => boolean): FieldPath | null {
  const name = toFieldPath(path);
  if (name.length === 0) return null;
  if (isField(name)) return name;
  const top = name.slice(0, 1);
  return name.length > 1 && isField(top) ? top : null;
}

/**
 * Puts each issue's message under its field (each message once, fields in
 * first-seen order) and returns the messages no field takes, each once.
 * `isField` defaults to the fields the form has registered.
 */
export function placeFieldErrors(form: FormInstance, issues: readonly FieldIssue[], isField: (name: FieldPath) => boolean = registeredFields(form)): string[] {
  const fields = new Map<string, { name: FieldPath; errors: string[] }>();
  const unplaced: string[] = [];
  for (const issue of issues) {
    const name = fieldFor(issue.path, isField);
    if (!name) {
      if (!unplaced.includes(issue.message)) unplaced.push(issue.message);
      continue;
    }
    const key = JSON.stringify(name);
    const entry = fields.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    fields.set(key, entry);
  }
  if (fields.size > 0) form.setFields([...fields.values()]);
  return unplaced;
}

/** The part of a zod schema a form needs; structural, so the web app needs no zod import. */
export interface SafeParser<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

export interface Validation<T> {
  data: T | null;
  /** Messages of issues that name no field of the form (shown by the caller, e.g. as an alert). */
  other: string[];
}

/** Client-side validation with the SAME zod schema the API uses, before anything is sent. */
export function validateWith<T>(form: FormInstance, schema: SafeParser<T>, values: unknown, isField?: (name: FieldPath) => boolean): Validation<T> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data, other: [] };
  return { data: null, other: placeFieldErrors(form, parsed.error.issues, isField) };
}

/** Clears the errors under the fields the user just changed (use in Form's onValuesChange). */
export function clearChangedErrors(form: FormInstance, changed: Record<string, unknown>) {
  const keys = new Set(Object.keys(changed));
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0 && keys.has(String(f.name[0])));
  if (stale.length) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
}
