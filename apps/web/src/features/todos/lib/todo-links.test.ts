import { describe, expect, it } from 'vitest';
import type { TodoList } from '@wj/domain/quality';
import { actionLabel, headerCount, isInlineForm, targetHref } from './todo-links';

describe('todo links', () => {
  it('meetings open inline; the rest go to the page that settles them', () => {
    expect(isInlineForm({ form: 'meeting', orgId: 3, meetingType: 'committee_meeting', date: '2026-12-01' })).toBe(true);
    expect(isInlineForm({ form: 'committee', orgId: 3 })).toBe(false);
    expect(targetHref({ form: 'committee', orgId: 3 })).toBe('/orgs/3?tab=committee');
    expect(targetHref({ form: 'recruit', orgId: 3, recruitId: 9, toStage: 'full', date: '2026-12-31' })).toBe('/orgs/3?tab=recruitment');
    expect(targetHref({ form: 'project', orgId: 3 })).toBe('/work?branch=3');
    expect(targetHref({ form: 'unit_plan', orgId: 1 })).toBe('/orgs/1?tab=unit-records');
    expect(actionLabel({ form: 'meeting', orgId: 3, meetingType: 'theme_day', date: '2026-12-01' })).toBe('登记');
  });

  it('the header counts every item of a branch or unit, and the overdue ones for the commission', () => {
    const l = (scope: TodoList['scope']): TodoList => ({ asOf: '2026-12-01', scope, count: 9, overdue: 4, units: [] });
    expect(headerCount(l('branch'))).toBe(9);
    expect(headerCount(l('unit'))).toBe(9);
    expect(headerCount(l('commission'))).toBe(4);
    expect(headerCount(undefined)).toBe(0);
  });
});
