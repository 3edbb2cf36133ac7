import {
  AlignmentType, BorderStyle, HeadingLevel, ImageRun, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun,
  VerticalAlign, WidthType, type IRunOptions, type IStylesOptions,
} from 'docx';
import type { Png } from '../charts.js';
import { nestQuotes } from '../format.js';

/**
 * Chinese typography after GB/T 9704-2012《党政机关公文格式》: body in 仿宋
 * 三号 (16 pt) with a first-line indent of two characters on a grid of 22
 * lines × 28 characters; the title in 方正小标宋简体 二号 (font table: 华文中宋,
 * then 宋体); heading levels 一、 in 黑体, （一） in 楷体,
 * 1. in 仿宋 bold; tables in 宋体 五号. East Asian fonts are set in each
 * style's run properties (w:eastAsia); Latin text and digits in Times New Roman.
 * The font table names the Windows fonts (SimHei, FangSong …) as alternatives,
 * see withFontFallbacks.
 */
export const FONTS = { title: '方正小标宋简体', hei: '黑体', song: '宋体', fang: '仿宋', kai: '楷体' } as const;
/** The face to use where a Chinese name is missing, written to the font table as w:altName (the title's 方正小标宋 → 华文中宋). */
export const FONT_FALLBACKS: Record<string, string> = { 方正小标宋简体: '华文中宋', 黑体: 'SimHei', 宋体: 'SimSun', 仿宋: 'FangSong', 楷体: 'KaiTi' };
/** Families behind the fallbacks (w:family), so a reader without 华文中宋 still gets a 宋体-like serif. */
export const FONT_FAMILY: Record<string, string> = { 方正小标宋简体: 'roman', 宋体: 'roman', 仿宋: 'modern', 黑体: 'swiss', 楷体: 'script' };

const LATIN = 'Times New Roman';
export const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });

const PT = 2; // docx sizes are half-points
const BODY = 16 * PT;
const TABLE = 10.5 * PT;
/**
 * GB/T 9704 7.1: 22 lines of 28 characters. The text block is 225 mm high
 * (A4 less the 37 and 35 mm margins): 12 756 twips / 22 ≈ 579 a line. It is
 * 156 mm wide, a little less than 28 characters of 16 pt (8 960 twips), so
 * body text is set 0.25 pt tighter (BODY_SPACING: 28 × 315 = 8 820 twips).
 * A character grid (linesAndChars) would say the same to Word, but
 * LibreOffice widens every character to the grid's base instead.
 */
export const LINE_PITCH = 579;
const LINE = { line: LINE_PITCH, lineRule: 'exact' as const };
/** w:docGrid for the body: 22 lines a page. */
export const GRID = { type: 'lines' as const, linePitch: LINE_PITCH };
/** Character spacing of body text in twips: 28 characters of 16 pt on a 156 mm line. */
export const BODY_SPACING = -5;
const INDENT = { firstLine: 640 }; // two characters of 16 pt

export const STYLES: IStylesOptions = {
  default: {
    document: { run: { font: font(FONTS.fang), size: BODY, characterSpacing: BODY_SPACING }, paragraph: { spacing: LINE, alignment: AlignmentType.JUSTIFIED } },
    title: { run: { font: font(FONTS.title), size: 22 * PT, bold: false, color: '000000' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { line: 700, lineRule: 'exact', after: 200 } } },
    heading1: { run: { font: font(FONTS.hei), size: BODY, bold: false, color: '000000' }, paragraph: { spacing: LINE, indent: INDENT, keepNext: true } },
    heading2: { run: { font: font(FONTS.kai), size: BODY, bold: false, color: '000000' }, paragraph: { spacing: LINE, indent: INDENT, keepNext: true } },
    heading3: { run: { font: font(FONTS.fang), size: BODY, bold: true, color: '000000' }, paragraph: { spacing: LINE, indent: INDENT, keepNext: true } },
  },
  paragraphStyles: [
    { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { font: font(FONTS.song), size: TABLE, characterSpacing: 0 }, paragraph: { spacing: { line: 260, lineRule: 'auto' }, indent: { firstLine: 0 } } },
    { id: 'Caption', name: 'caption', basedOn: 'Normal', run: { font: font(FONTS.hei), size: 12 * PT }, paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 60, after: 120, line: 360, lineRule: 'auto' }, keepNext: true } },
  ],
};

/**
 * The title, broken on purpose where the reader pauses (GB/T 9704 7.3.3: 回行时要做到词意完整):
 * before `breakBefore` when the text holds it — 市卫生健康委直属机关2025年度 / 基层党组织建设质量报告.
 */
export function title(text: string, breakBefore?: string): Paragraph {
  const at = breakBefore ? text.indexOf(breakBefore) : -1;
  const runs = at > 0
    ? [new TextRun(text.slice(0, at)), new TextRun({ text: text.slice(at), break: 1 })]
    : [new TextRun(text)];
  return new Paragraph({ heading: HeadingLevel.TITLE, children: runs });
}
export const h1 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_1, children: [new TextRun(text)] });
export const h2 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(text)] });
export const h3 = (text: string) => new Paragraph({ heading: HeadingLevel.HEADING_3, children: [new TextRun(text)] });

/** A body paragraph; `lead` is set bold at its start (the survey's “（一）坚持党要管党，…。” run-in heads). */
export function para(text: string, opts: { lead?: string; align?: 'center' | 'right' } = {}): Paragraph {
  const runs: TextRun[] = [];
  if (opts.lead) runs.push(new TextRun({ text: nestQuotes(opts.lead), bold: true }));
  runs.push(new TextRun(nestQuotes(text)));
  const alignment = opts.align === 'center' ? AlignmentType.CENTER : opts.align === 'right' ? AlignmentType.RIGHT : undefined;
  return new Paragraph({ children: runs, indent: opts.align ? { firstLine: 0 } : INDENT, ...(alignment ? { alignment } : {}) });
}

export const caption = (text: string) => new Paragraph({ style: 'Caption', children: [new TextRun(text)] });

/** A chart as an inline PNG, centred, at most the text width (15.6 cm ≈ 590 px). */
export function image(png: Png): Paragraph {
  const width = Math.min(560, png.width);
  const height = Math.round((png.height * width) / png.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { line: 240, lineRule: 'auto' }, keepNext: true,
    children: [new ImageRun({ type: 'png', data: png.data, transformation: { width, height } })],
  });
}

export type Cell = string | number | null;
const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function cell(value: Cell, opts: { header?: boolean; width: number; numeric?: boolean; run?: IRunOptions }): TableCell {
  const text = value === null ? '—' : String(value);
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 20, bottom: 20, left: 80, right: 80 },
    ...(opts.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
    children: [new Paragraph({
      style: 'TableText',
      alignment: opts.header || opts.numeric ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: [new TextRun({ text, bold: opts.header, ...opts.run })],
    })],
  });
}

export interface Column { header: string; width: number; numeric?: boolean }

/**
 * A bordered table whose header row repeats on every page (w:tblHeader) and
 * whose rows never split across pages; widths in twips.
 */
export function table(columns: Column[], rows: Cell[][], opts: { emphasise?: (row: Cell[]) => boolean } = {}): Table {
  const total = columns.reduce((n, c) => n + c.width, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: columns.map((c) => c.width),
    borders,
    rows: [
      new TableRow({ tableHeader: true, cantSplit: true, children: columns.map((c) => cell(c.header, { header: true, width: c.width })) }),
      ...rows.map((r) => new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => cell(r[i] ?? null, { width: c.width, numeric: c.numeric, run: opts.emphasise?.(r) ? { color: 'C00000' } : undefined })),
      })),
    ],
  });
}
