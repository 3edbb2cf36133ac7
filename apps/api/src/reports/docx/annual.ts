import { todayIso } from '@wj/domain/schemas';
import { basicFigures } from '../basic-figures.js';
import type { ReportContext } from '../context.js';
import { ymdCn } from '../format.js';
import { subjectOf } from '../target.js';
import type { Db } from '../../db/index.js';
import { workFigures, type WorkFigures } from '../work-figures.js';
import { DraftWriter, NO_EDITS, type DraftEdits, type GeneratedParagraph } from '../draft.js';
import { appendixSection } from './appendix.js';
import { basicSection } from './basic.js';
import { para, title, type Block } from './kit.js';
import { adviceSection, problemsSection } from './problems.js';
import type { DocxJob } from './render.js';
import { workSection } from './work.js';

export const annualTitle = (ctx: Pick<ReportContext, 'target' | 'year'>) => `${subjectOf(ctx.target)}${ctx.year}年度基层党组织建设质量报告`;

function preamble(ctx: ReportContext, units: { hospitals: number; institutions: number } | null): string {
  const t = ctx.target;
  const subject = units
    ? `委属${units.hospitals}家公立医院和${units.institutions}家卫生健康事业单位的${ctx.branches.length}个党支部`
    : `所属${ctx.branches.length}个党支部`;
  return `为全面掌握基层党组织建设质量，推动“四强支部”建设，${t.orgName}`
    + `对${subject}从支部班子、组织生活、党员队伍、作用发挥四个方面逐支部进行了质量评价，`
    + `对${t.unitId === null ? '各单位' : '本单位'}党组织落实党建责任情况进行了检查，深入查找问题、总结经验，提出对策建议。现将有关情况报告如下。`;
}

/**
 * The annual report (DESIGN.md: exports) in the shape of the commission's
 * survey: 基本情况, 工作成效, 存在问题, 对策建议, then the 附表 — its words and
 * tables as blocks; typesetting, charts and packing are render.ts's. Both run
 * in the report worker (compose.ts).
 */
export async function annualJob(db: Db, ctx: ReportContext, edits: DraftEdits = NO_EDITS): Promise<DocxJob> {
  const work = await workFigures(db, ctx);
  const children = await body(db, ctx, new DraftWriter(edits), work);
  return {
    kind: 'docx', title: annualTitle(ctx), description: `${ctx.year}年度，截至${ctx.cutoff}`,
    body: children, appendix: appendixSection(ctx, work),
  };
}

/** The report's text up to the signature: title, preamble, the four parts — each paragraph keyed, the office's edits applied. */
async function body(db: Db, ctx: ReportContext, draft: DraftWriter, work: WorkFigures): Promise<Block[]> {
  const basic = basicFigures(ctx);
  const today = todayIso();
  return [
    // Two lines that each read as a phrase: a short subject keeps the year on line one, a long one (a unit's full name) gives it to line two.
    title(annualTitle(ctx), subjectOf(ctx.target).length > 14 ? `${ctx.year}年度` : '基层党组织'),
    para(`（${ymdCn(today)}）`, { align: 'center' }),
    ...draft.para('intro', 'intro.preamble', preamble(ctx, basic.units)),
    ...draft.added('intro'),
    ...(await basicSection(ctx, basic, draft)),
    ...workSection(ctx, work, draft),
    ...problemsSection(ctx, draft),
    ...adviceSection(ctx, draft),
    { t: 'blank' },
    para(ctx.target.orgName, { align: 'right' }),
    para(ymdCn(today), { align: 'right' }),
  ];
}

/** The paragraphs the report generates for its year and scope, keyed, before any edit (the 报告 page's draft). */
export async function generatedParagraphs(db: Db, ctx: ReportContext): Promise<GeneratedParagraph[]> {
  const draft = new DraftWriter();
  await body(db, ctx, draft, await workFigures(db, ctx));
  return draft.generated;
}
