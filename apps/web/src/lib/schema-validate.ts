import type { FormInstance } from 'antd';

/**
 * Client-side validation with the SAME zod schema the API uses: each issue's
 * Chinese message goes onto its field before anything is sent.
 */

/** The part of a zod schema a form needs; structural, so the web app needs no zod import. */
export interface SafeParser<T> {
  safeParse(value: unknown):
    | { success: true; data: T }
    | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
}

type NamePath = (string | number)[];

const toNamePath = (path: readonly PropertyKey[]): NamePath =>
  path.map(String).map((p) => (/^\d+$/.test(p) ? Number(p) : p));

export interface Validation<T> {
  data: T | null;
  /** Messages of issues that name no field of the form (shown by the caller, e.g. as an alert). */
  other: string[];
}

export function validateWith<T>(form: FormInstance, schema: SafeParser<T>, values: unknown): Validation<T> {
  const parsed = schema.safeParse(values);
  if (parsed.success) return { data: parsed.data, other: [] };
  const registered = new Set(form.getFieldsError().map((f) => JSON.stringify(f.name)));
  const fields = new Map<string, { name: NamePath; errors: string[] }>();
  const other: string[] = [];
  for (const issue of parsed.error.issues) {
    const name = toNamePath(issue.path);
    const key = JSON.stringify(name);
    if (!registered.has(key)) {
      if (!other.includes(issue.message)) other.push(issue.message);
      continue;
    }
    const entry = fields.get(key) ?? { name, errors: [] };
    if (!entry.errors.includes(issue.message)) entry.errors.push(issue.message);
    fields.set(key, entry);
  }
  form.setFields([...fields.values()]);
  return { data: null, other };
}

/** Clears the errors under the fields the user just changed (use in Form's onValuesChange). */
export function clearChangedErrors(form: FormInstance, changed: Record<string, unknown>) {
  const keys = new Set(Object.keys(changed));
  const stale = form.getFieldsError().filter((f) => f.errors.length > 0 && keys.has(String(f.name[0])));
  if (stale.length) form.setFields(stale.map((f) => ({ name: f.name, errors: [] })));
}
