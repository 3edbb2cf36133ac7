import type { TodoItemView, TodoList } from '@wj/domain/quality';

type Target = TodoItemView['target'];

/** Targets settled in a form on the 待办 page itself (the app layer supplies the form). */
export const isInlineForm = (t: Target) => t.form === 'meeting' || t.form === 'meeting_edit';

/** The page that settles a target which has no inline form: the org's page on the right tab, or the records page of the branch. */
export function targetHref(t: Target): string {
  switch (t.form) {
    case 'committee': return `/orgs/${t.orgId}?tab=committee`;
    case 'recruit': return `/orgs/${t.orgId}?tab=recruitment`;
    case 'project': return `/work?branch=${t.orgId}`;
    case 'members': return `/orgs/${t.orgId}?tab=members`;
    case 'meeting':
    case 'meeting_edit': return `/org-life?branch=${t.orgId}`;
    default: return `/orgs/${t.orgId}?tab=unit-records`;
  }
}

/** What the action button says. */
export function actionLabel(t: Target): string {
  switch (t.form) {
    case 'meeting': return '登记';
    case 'meeting_edit': return '修改记录';
    case 'committee': return '去换届';
    case 'recruit': return '去办理';
    default: return '去处理';
  }
}

/** The number the header shows: all items of a branch or unit; for the commission, the overdue ones. */
export const headerCount = (l: TodoList | undefined) => (l ? (l.scope === 'commission' ? l.overdue : l.count) : 0);
