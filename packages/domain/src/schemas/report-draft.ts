import { z } from 'zod';
import { optionalText } from './fields.js';

/**
 * The annual report's draft as the office edits it (the 报告 page): the parts
 * of the report — the opening paragraph, then the survey's 一、基本情况 …
 * 四、对策建议 — each a list of paragraphs, generated from the records or the
 * office's own. A generated paragraph has a stable key (its part and what it
 * says: `basic.members`, `problems.regulation.political` …); an edit replaces
 * it in the Word report, an added paragraph (key `added.…`) follows the
 * generated ones of its part — for what no record measures (思想站位,
 * 理论学习, 正风肃纪, 双报到 …).
 */
export const REPORT_SECTIONS = ['intro', 'basic', 'work', 'problems', 'advice'] as const;
export type ReportSection = (typeof REPORT_SECTIONS)[number];
export const REPORT_SECTION_LABELS: Record<ReportSection, string> = {
  intro: '开头', basic: '一、基本情况', work: '二、工作成效', problems: '三、存在问题', advice: '四、对策建议',
};

/** Longest paragraph the office may write (a page of 仿宋 三号 holds about 600 characters). */
export const REPORT_PARAGRAPH_MAX = 3000;
/** Keys: a generated paragraph's (`work.orgLife`, `work.result-2` …) or an added one's (`added.<random>`). */
export const REPORT_KEY = /^[a-z][A-Za-z0-9.-]{0,79}$/;

export const ReportParagraphWriteSchema = z.object({
  section: z.enum(REPORT_SECTIONS, { error: `section（段落所在部分）应为 ${REPORT_SECTIONS.join('、')} 之一` }),
  /** null: a new paragraph of the office's own. */
  key: z.string({ error: 'key（段落标识）应为文字' }).regex(REPORT_KEY, 'key（段落标识）格式有误').nullable(),
  /** Empty: back to the generated text, or the added paragraph removed. */
  text: optionalText('段落内容', REPORT_PARAGRAPH_MAX, { multiline: true }),
  /** The version read; 0 when the paragraph has no saved text yet. */
  version: z.number({ error: '缺少记录版本号 version' }).int('version 必须是整数').min(0, 'version 不能为负数'),
});
export type ReportParagraphWrite = z.input<typeof ReportParagraphWriteSchema>;

const ReportSectionSchema = z.enum(REPORT_SECTIONS);
export const ReportDraftParagraphSchema = z.object({
  key: z.string(),
  section: ReportSectionSchema,
  /** The sub-heading it stands under (（一）组织设置 …), null at a part's start. */
  heading: z.string().nullable(),
  origin: z.enum(['generated', 'added']),
  /** What the records say today; null for an added paragraph. */
  generated: z.string().nullable(),
  /** What the report prints: the office's text where saved, else the generated one. */
  text: z.string(),
  edited: z.boolean(),
  /** 0: nothing saved. */
  version: z.number().int(),
  updatedBy: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type ReportDraftParagraph = z.infer<typeof ReportDraftParagraphSchema>;

export const ReportDraftSchema = z.object({
  year: z.number().int(),
  unitId: z.number().int().nullable(),
  title: z.string(),
  sections: z.array(z.object({ section: ReportSectionSchema, label: z.string(), paragraphs: z.array(ReportDraftParagraphSchema) })),
});
export type ReportDraft = z.infer<typeof ReportDraftSchema>;
