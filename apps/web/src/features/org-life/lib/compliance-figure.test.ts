import { describe, expect, it } from 'vitest';
import type { ComplianceItem } from './compliance';
import { figure } from './compliance-figure';

const item = (over: Partial<ComplianceItem>): ComplianceItem =>
  ({ key: 'committee_meeting', label: '支委会', status: 'short', held: 0, due: 0, recorded: 0, note: null, ...over });

describe('a 三会一课 tile', () => {
  it('says the periods met and, apart, the meetings held (two 支委会 in one month meet one period)', () => {
    const f = figure(item({ held: 10, due: 11, recorded: 12 }));
    expect(f.value).toBe('10 / 11 期');
    expect(f.caption).toBe('达标期数 · 已召开 12 次');
  });

  it('with nothing due yet shows the meetings held', () => {
    expect(figure(item({ status: 'pending', recorded: 1 }))).toEqual({ value: '1 次', caption: '已召开' });
  });

  it('shows attendance as a percentage against its line', () => {
    expect(figure(item({ key: 'attendance', status: 'met', held: 92, due: 80 }))).toEqual({ value: '92%', caption: '达标线 80%' });
  });
});
