import { createRequire } from 'node:module';
import {
  AlignmentType, Document, Footer, Packer, PageNumber, PageOrientation, Paragraph, TextRun, type Table,
} from 'docx';
import { todayIso } from '@wj/domain/schemas';
import { basicFigures } from '../basic-figures.js';
import type { ReportContext } from '../context.js';
import { ymdCn } from '../format.js';
import { subjectOf } from '../target.js';
import type { Db } from '../../db/index.js';
import { workFigures, type WorkFigures } from '../work-figures.js';
import { DraftWriter, NO_EDITS, type DraftEdits, type GeneratedParagraph } from '../draft.js';
import { APPENDIX_MARGINS, appendixSection } from './appendix.js';
import { basicSection } from './basic.js';
import { FONT_FALLBACKS, FONT_FAMILY, FONTS, font, GRID, para, STYLES, title } from './kit.js';
import { adviceSection, problemsSection } from './problems.js';
import { workSection } from './work.js';

export const annualTitle = (ctx: ReportContext) => `${subjectOf(ctx.target)}${ctx.year}年度基层党组织建设质量报告`;

// GB/T 9704-2012 5.2.1: A4, top margin 37 mm, bottom 35 mm, left 28 mm, right 26 mm (1 mm = 56.7 twips).
const MARGINS = { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1000 };

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
 * survey: 基本情况, 工作成效, 存在问题, 对策建议, then the 附表.
 */
export async function annualReport(db: Db, ctx: ReportContext, edits: DraftEdits = NO_EDITS): Promise<Buffer> {
  const work = await workFigures(db, ctx);
  const children = await body(db, ctx, new DraftWriter(edits), work);
  const doc = new Document({
    title: annualTitle(ctx),
    description: `${ctx.year}年度，截至${ctx.cutoff}`,
    styles: STYLES,
    // GB/T 9704-2012 7.5: odd pages carry the number on the right, even pages on the left.
    evenAndOddHeaderAndFooters: true,
    sections: [
      { properties: { page: { margin: MARGINS, pageNumbers: { start: 1 } }, grid: GRID }, footers: pageFooters(), children },
      // The 附表 in a landscape section of their own: the section break starts a new page (no blank one), and the
      // wide tables keep 序号 and unit names on one line.
      {
        properties: { page: { margin: APPENDIX_MARGINS, size: { orientation: PageOrientation.LANDSCAPE } } },
        footers: pageFooters(),
        children: appendixSection(ctx, work),
      },
    ],
  });
  return withFontFallbacks(await Packer.toBuffer(doc));
}

/** The report's text up to the signature: title, preamble, the four parts — each paragraph keyed, the office's edits applied. */
async function body(db: Db, ctx: ReportContext, draft: DraftWriter, work: WorkFigures): Promise<(Paragraph | Table)[]> {
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
    new Paragraph({ text: '' }),
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

/** GB/T 9704-2012 7.5: 页码 in 4号 半角宋体 digits between dashes (— 1 —), one character in from the outside edge. */
function pageFooters() {
  const number = (alignment: (typeof AlignmentType)[keyof typeof AlignmentType], indent: { left?: number; right?: number }) => new Footer({
    children: [new Paragraph({
      alignment, indent: { firstLine: 0, ...indent },
      children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], font: font(FONTS.song), size: 28 })],
    })],
  });
  return { default: number(AlignmentType.RIGHT, { right: 280 }), even: number(AlignmentType.LEFT, { left: 280 }) };
}

/** The part of JSZip's API used here (it is not a direct dependency, so its types are not at hand). */
interface ZipLib {
  loadAsync(data: Buffer): Promise<{
    file(name: string): { async(type: 'string'): Promise<string> } | null;
    file(name: string, data: string): unknown;
    generateAsync(opts: { type: 'nodebuffer'; compression: 'DEFLATE' }): Promise<Buffer>;
  }>;
}

/**
 * Names each Chinese font in word/fontTable.xml with its Windows family as
 * w:altName (黑体 → SimHei …) and the GB2312 charset, so Word finds the font
 * under either name and LibreOffice substitutes a CJK face for it. docx
 * writes only embedded fonts there; JSZip is the zip library docx itself packs
 * with, resolved through it.
 */
async function withFontFallbacks(file: Buffer): Promise<Buffer> {
  const JSZip = createRequire(import.meta.resolve('docx'))('jszip') as ZipLib;
  const zip = await JSZip.loadAsync(file);
  const entry = zip.file('word/fontTable.xml');
  if (!entry) return file;
  const xml = await entry.async('string');
  const fonts = Object.entries(FONT_FALLBACKS).map(([name, alt]) => (
    `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:charset w:val="86"/><w:family w:val="${FONT_FAMILY[name] ?? 'auto'}"/><w:pitch w:val="variable"/></w:font>`
  )).join('');
  const patched = /<w:fonts[^>]*\/>/.test(xml)
    ? xml.replace(/<w:fonts([^>]*)\/>/, `<w:fonts$1>${fonts}</w:fonts>`)
    : xml.replace('</w:fonts>', `${fonts}</w:fonts>`);
  zip.file('word/fontTable.xml', patched);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
