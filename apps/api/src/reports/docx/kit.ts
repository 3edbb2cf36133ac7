import {
  AlignmentType, BorderStyle, HeadingLevel, ImageRun, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun,
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

const CELL_MARGIN = 80;

function cell(value: Cell, opts: { header?: boolean; width: number; numeric?: boolean; size?: number; oneLine?: boolean; run?: IRunOptions }): TableCell {
  const text = value === null ? '—' : String(value);
  // A header's "\n" is the place it may break; set on one line when the column is wide enough.
  const lines = opts.oneLine ? [text.replace(/\n/g, '')] : text.split('\n');
  return new TableCell({
    width: { size: opts.width, type: WidthType.DXA },
    verticalAlign: VerticalAlign.CENTER,
    margins: { top: 20, bottom: 20, left: CELL_MARGIN, right: CELL_MARGIN },
    ...(opts.header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'E7E6E6' } } : {}),
    children: [new Paragraph({
      style: 'TableText',
      alignment: opts.header || opts.numeric ? AlignmentType.CENTER : AlignmentType.LEFT,
      children: lines.map((line, i) => new TextRun({
        text: line, bold: opts.header, ...(i > 0 ? { break: 1 } : {}), ...(opts.size ? { size: opts.size } : {}), ...opts.run,
      })),
    })],
  });
}

const WIDE = /[\u2e80-\u9fff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\u2014\u2026\u201c\u201d\u2018\u2019\u3000-\u303f]/;

/**
 * Width of a text in em: CJK characters and full-width forms take one em;
 * Latin letters and digits are counted at 0.64 em (DejaVu Serif's digits, the
 * widest face a reader's LibreOffice substitutes for Times New Roman), and each
 * change between the two a quarter em (the automatic space Word and
 * LibreOffice put between Chinese and Latin text, w:autoSpaceDN).
 */
export function textEm(text: string): number {
  let em = 0;
  let prev: boolean | null = null;
  for (const ch of text) {
    const wide = WIDE.test(ch);
    em += wide ? 1 : 0.64;
    if (prev !== null && prev !== wide && ch.trim() !== '') em += 0.25;
    prev = wide;
  }
  return em;
}

/** Table text sizes tried in turn, in points: 五号, then 小五. */
const TABLE_SIZES = [10.5, 9];

/**
 * Column widths (twips) that set every cell of the columns that must not wrap
 * on one line within `available`: 五号 when it fits, else 小五; headers keep
 * one line when there is room and break at their "\n" otherwise. Columns that
 * may wrap (prose) take what is left, at least four characters. When even 小五
 * does not fit, the text columns share the room in proportion and wrap.
 */
export function fitColumns(columns: Column[], rows: Cell[][], available: number): { widths: number[]; size: number; oneLineHeaders: boolean } {
  const pad = 2 * CELL_MARGIN + 40;
  const widest = columns.map((c, i) => Math.max(0, ...rows.map((r) => textEm(r[i] === null || r[i] === undefined ? '—' : String(r[i])))));
  const headerEm = (c: Column, oneLine: boolean) => Math.max(...(oneLine ? [c.header.replace(/\n/g, '')] : c.header.split('\n')).map(textEm));
  let last: { widths: number[]; size: number; oneLineHeaders: boolean } | null = null;
  for (const size of TABLE_SIZES) {
    for (const oneLine of [true, false]) {
      const em = size * 20; // twips per em
      const need = columns.map((c, i) => Math.ceil((c.wrap ? Math.max(4, headerEm(c, oneLine)) : Math.max(widest[i]!, headerEm(c, oneLine))) * em * 1.02) + pad);
      const total = need.reduce((a, n) => a + n, 0);
      last = { widths: need, size, oneLineHeaders: oneLine };
      if (total > available) continue;
      // The room left goes to the prose columns by the length of their text, else to the text columns by their width.
      const prose = columns.some((c) => c.wrap);
      const text = columns.some((c) => !c.numeric);
      const takers = columns.map((c, i) => (prose ? (c.wrap ? Math.max(1, widest[i]!) : 0) : !text || !c.numeric ? need[i]! : 0));
      const share = takers.reduce((a, t) => a + t, 0);
      const spare = available - total;
      const widths = need.map((n, i) => n + Math.floor((spare * takers[i]!) / share));
      return { widths, size, oneLineHeaders: oneLine };
    }
  }
  // Nothing fits: the numeric columns keep their width, the text columns shrink in proportion (and wrap).
  const widths = last!.widths;
  const fixed = widths.reduce((a, w, i) => a + (columns[i]!.numeric ? w : 0), 0);
  const flexible = widths.reduce((a, w, i) => a + (columns[i]!.numeric ? 0 : w), 0);
  const scale = Math.max(0, available - fixed) / flexible;
  return { widths: widths.map((w, i) => (columns[i]!.numeric ? w : Math.floor(w * scale))), size: last!.size, oneLineHeaders: false };
}

export interface Column {
  /** May hold "\n" where a long header breaks when the column is narrow. */
  header: string;
  /** Twips; ignored when the table is fitted (`fit`). */
  width?: number;
  numeric?: boolean;
  /** Prose that may wrap; every other column of a fitted table stays on one line. */
  wrap?: boolean;
}

/**
 * A bordered table whose header row repeats on every page (w:tblHeader) and
 * whose rows never split across pages; widths in twips, or fitted to the
 * content within `fit` twips (fitColumns).
 */
export function table(columns: Column[], rows: Cell[][], opts: { emphasise?: (row: Cell[]) => boolean; fit?: number } = {}): Table {
  const fitted = opts.fit ? fitColumns(columns, rows, opts.fit) : null;
  const widths = fitted ? fitted.widths : columns.map((c) => c.width ?? 1000);
  const size = fitted && fitted.size !== TABLE_SIZES[0] ? fitted.size * PT : undefined;
  const total = widths.reduce((n, w) => n + w, 0);
  return new Table({
    width: { size: total, type: WidthType.DXA },
    columnWidths: widths,
    layout: fitted ? TableLayoutType.FIXED : undefined,
    borders,
    rows: [
      new TableRow({
        tableHeader: true, cantSplit: true,
        children: columns.map((c, i) => cell(c.header, { header: true, width: widths[i]!, size, oneLine: fitted?.oneLineHeaders })),
      }),
      ...rows.map((r) => new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => cell(r[i] ?? null, { width: widths[i]!, numeric: c.numeric, size, run: opts.emphasise?.(r) ? { color: 'C00000' } : undefined })),
      })),
    ],
  });
}
