import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { AuditQuerySchema } from '../../src/schemas/admin.js';
import { IsoDateSchema } from '../../src/schemas/common.js';
import { optionalText, textField } from '../../src/schemas/fields.js';
import { MeetingInputSchema } from '../../src/schemas/meeting.js';
import { QualityQuerySchema, RuleSetUpdateSchema } from '../../src/schemas/quality.js';
import { OrgUpdateSchema } from '../../src/schemas/structure.js';
import { DEFAULT_RULES } from '../../src/quality/rules.js';

const messages = (r: z.ZodSafeParseResult<unknown>) => (r.success ? [] : r.error.issues.map((i) => i.message));

describe('text fields refuse what is not text', () => {
  const topic = textField('会议主题', 200);
  const notes = optionalText('备注', 2000, { multiline: true });

  it.each([
    ['NUL', '第一\u0000次'],
    ['a bell', '会议\u0007'],
    ['DEL', '会议\u007F'],
    ['a C1 control', '会议\u0085'],
    ['a line break in a one-line field', '第一行\n第二行'],
    ['a tab in a one-line field', '会议\t主题'],
    ['a lone high surrogate', '会议\uD83D'],
    ['a lone low surrogate', '\uDE00会议'],
    ['only zero-width spaces', '\u200B\u200B'],
    ['only a BOM and a zero-width joiner', '\uFEFF\u200D'],
    ['only a Hangul filler', '\u3164'],
    ['only braille blanks', '\u2800\u2800'],
    ['only tag characters', '\u{E0020}\u{E0041}'],
    ['only a musical-symbol format character', '\u{1D173}'],
    ['a noncharacter', '会议\uFFFF'],
    ['only a combining mark', '\u0301'],
    ['only interlinear annotation anchors', '\uFFF9\uFFFA'],
    ['only a shorthand format control', '\u{1BCA0}'],
    ['only a Mongolian variation selector', '\u180F'],
    ['only an object replacement character', '\uFFFC'],
    ['a right-to-left override', '会议\u202E议会'],
    ['a line separator', '会议\u2028主题'],
  ])('refuses %s with the field named in Chinese', (_what, value) => {
    const r = topic.safeParse(value);
    expect(r.success).toBe(false);
    expect(messages(r).join()).toContain('会议主题');
  });

  it('keeps ordinary Chinese, emoji pairs and inner spaces', () => {
    expect(topic.parse('  “不忘初心”主题党日 🇨🇳 第 3 次  ')).toBe('“不忘初心”主题党日 🇨🇳 第 3 次');
    expect(topic.parse('𠀀字')).toBe('𠀀字');
  });

  it('a text area keeps line breaks and tabs but not other controls', () => {
    expect(notes.parse('第一行\r\n第二行\n\t缩进')).toBe('第一行\r\n第二行\n\t缩进');
    expect(messages(notes.safeParse('第一行\u0000'))[0]).toContain('备注');
    expect(messages(notes.safeParse('单独的\r回车'))[0]).toContain('备注');
    expect(messages(notes.safeParse('\u200B'))[0]).toContain('备注');
    expect(notes.parse('   ')).toBeNull();
    expect(notes.parse(null)).toBeNull();
  });

  it('every route schema built from the shared builders gets the check', () => {
    const meeting = MeetingInputSchema.safeParse({ type: 'theme_day', date: '2026-01-05', topic: '\u200B', expected: 5, present: 5, notes: '甲\n乙' });
    expect(meeting.success).toBe(false);
    if (!meeting.success) expect(meeting.error.issues.map((i) => i.path.join('.'))).toEqual(['topic']);
    const org = OrgUpdateSchema.safeParse({ name: '第一\u0000支部', version: 1 });
    expect(messages(org).join()).toContain('组织名称');
    expect(AuditQuerySchema.safeParse({ username: 'ad\u0000min' }).success).toBe(false);
  });
});

describe('dates that do not exist', () => {
  it.each(['2026-02-30', '2026-02-29', '2026-13-01', '2026-04-31', '2026-00-10'])('refuses %s', (d) => {
    expect(IsoDateSchema.safeParse(d).success).toBe(false);
    const q = QualityQuerySchema.safeParse({ asOf: d });
    expect(q.success).toBe(false);
    expect(messages(q).join()).toContain('asOf');
    expect(AuditQuerySchema.safeParse({ from: d }).success).toBe(false);
  });

  it('refuses an as-of date outside the years the platform judges', () => {
    expect(QualityQuerySchema.safeParse({ asOf: '0000-01-01' }).success).toBe(false);
    expect(QualityQuerySchema.safeParse({ asOf: '9999-12-31' }).success).toBe(false);
    expect(QualityQuerySchema.safeParse({ asOf: '2026-12-01' }).success).toBe(true);
  });

  it('accepts real ones, a leap day included', () => {
    for (const d of ['2024-02-29', '2026-12-31', '2026-01-01']) {
      expect(IsoDateSchema.parse(d)).toBe(d);
      expect(QualityQuerySchema.parse({ asOf: d }).asOf).toBe(d);
    }
  });
});

describe('a rules save is a whole rule set', () => {
  it.each([
    ['nested arrays', [[[[[]]]]]],
    ['an empty object', {}],
    ['a string', 'rules'],
    ['null', null],
  ])('refuses %s', (_what, rules) => {
    expect(RuleSetUpdateSchema.safeParse({ rules, baseVersion: 1 }).success).toBe(false);
  });

  it('refuses a rule set missing one indicator, and accepts the defaults', () => {
    const { brand: _dropped, ...indicators } = DEFAULT_RULES.indicators;
    expect(RuleSetUpdateSchema.safeParse({ rules: { ...DEFAULT_RULES, indicators }, baseVersion: 1 }).success).toBe(false);
    expect(RuleSetUpdateSchema.parse({ rules: DEFAULT_RULES, baseVersion: 1 }).rules).toEqual(DEFAULT_RULES);
  });
});
