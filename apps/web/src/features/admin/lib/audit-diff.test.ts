import { describe, expect, it } from 'vitest';
import { auditDiff } from './audit-diff';

describe('auditDiff', () => {
  it('marks only the fields whose value changed and labels them in Chinese', () => {
    const rows = auditDiff({ displayName: '甲', role: 'viewer', version: 1 }, { displayName: '乙', role: 'viewer', version: 2 });
    const changed = rows.filter((r) => r.changed).map((r) => r.label);
    expect(changed).toEqual(['姓名', '版本']);
    expect(rows.find((r) => r.path === 'role')).toMatchObject({ before: '委领导（只读）', after: '委领导（只读）', changed: false });
  });

  it('keeps masked values masked and does not call a field only one side recorded a change', () => {
    const rows = auditDiff({ idNumber: '***', passwordHash: '***', name: '张三' }, { idNumber: '***', name: '张三', scopeOrgName: '某单位' });
    expect(rows.find((r) => r.path === 'idNumber')).toMatchObject({ before: '***', after: '***', changed: false });
    expect(rows.find((r) => r.path === 'passwordHash')?.changed).toBe(false);
    expect(rows.find((r) => r.path === 'scopeOrgName')?.changed).toBe(false);
  });

  it('shows a created record with its content only and names org ids', () => {
    const rows = auditDiff(null, { scopeOrgId: 107, disabled: false }, (id) => (id === 107 ? '中共市中医医院委员会' : undefined));
    expect(rows.map((r) => [r.label, r.before, r.after, r.changed])).toEqual([
      ['管理范围', '', '中共市中医医院委员会（107）', false],
      ['已停用', '', '否', false],
    ]);
  });

  it('flattens a rule set into its rule paths with the rule form labels', () => {
    const before = { dimensions: { leadership: { weight: 30 }, political: { weight: 30 } }, params: { attendanceMin: 0.8 } };
    const after = { dimensions: { leadership: { weight: 25 }, political: { weight: 35 } }, params: { attendanceMin: 0.8 } };
    const changed = auditDiff(before, after).filter((r) => r.changed);
    expect(changed.map((r) => `${r.label}:${r.before}→${r.after}`)).toEqual(['支部班子强权重:30→25', '政治功能强权重:30→35']);
  });
});
