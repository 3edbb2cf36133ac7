import type { FormInstance } from 'antd';

/** One reason a value was refused, keyed by its dot path ('role', 'params.termYears'). */
export interface FieldIssue {
  field: string;
  message: string;
}

interface ZodLikeIssue {
  path: readonly PropertyKey[];
  message: string;
}

/** A zod error's issues as dot-path field issues (the same shape as the server's 400 `details`). */
export function toFieldIssues(issues: readonly ZodLikeIssue[]): FieldIssue[] {
  return issues.map((i) => ({ field: i.path.map(String).join('.'), message: i.message }));
}

/**
 * Puts each issue's message under its field, so the user reads the Chinese
 * reason right next to the value. Issues naming no field on this form are
 * returned for the caller to show elsewhere (an Alert, a message).
 */
export function applyFieldIssues(form: FormInstance, issues: readonly FieldIssue[], isField: (field: string) => boolean): FieldIssue[] {
  const byField = new Map<string, string[]>();
  const rest: FieldIssue[] = [];
  for (const issue of issues) {
    if (!isField(issue.field)) {
      rest.push(issue);
      continue;
    }
    byField.set(issue.field, [...(byField.get(issue.field) ?? []), issue.message]);
  }
  form.setFields([...byField].map(([field, errors]) => ({ name: field.split('.'), errors: [...new Set(errors)] })));
  return rest;
}
