import type { ChartSpec } from '../charts.js';
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

export const PT = 2; // docx sizes are half-points
export const BODY = 16 * PT;
export const TABLE = 10.5 * PT;
/**
 * GB/T 9704 7.1: 22 lines of 28 characters. The text block is 225 mm high
 * (A4 less the 37 and 35 mm margins): 12 756 twips / 22 ≈ 579 a line. It is
 * 156 mm wide, a little less than 28 characters of 16 pt (8 960 twips), so
 * body text is set 0.25 pt tighter (BODY_SPACING: 28 × 315 = 8 820 twips).
 * A character grid (linesAndChars) would say the same to Word, but
 * LibreOffice widens every character to the grid's base instead.
 */
export const LINE_PITCH = 579;
export const LINE = { line: LINE_PITCH, lineRule: 'exact' as const };
/** w:docGrid for the body: 22 lines a page. */
export const GRID = { type: 'lines' as const, linePitch: LINE_PITCH };
/** Character spacing of body text in twips: 28 characters of 16 pt on a 156 mm line. */
export const BODY_SPACING = -5;
export const INDENT = { firstLine: 640 }; // two characters of 16 pt

/**
 * The report as plain blocks (structured-cloneable): the main thread writes
 * them, the render worker (render.ts) turns them into docx paragraphs and
 * tables, so docx is never loaded on the main thread.
 */
export type Block =
  | { t: 'title'; text: string; breakBefore?: string }
  | { t: 'h'; level: 1 | 2 | 3; text: string }
  | { t: 'para'; lead?: string; text: string; align?: 'center' | 'right' }
  | { t: 'caption'; text: string }
  | { t: 'blank' }
  | { t: 'chart'; chart: ChartSpec }
  | { t: 'table'; columns: Column[]; rows: Cell[][]; emphasised?: boolean[]; fit?: number };
/** Kept for the sections' signatures: every block is a paragraph or a table once rendered. */
export type Paragraph = Block;
export type Table = Block;

/**
 * The title, broken on purpose where the reader pauses (GB/T 9704 7.3.3: 回行时要做到词意完整):
 * before `breakBefore` when the text holds it — 市卫生健康委直属机关2025年度 / 基层党组织建设质量报告.
 */
export const title = (text: string, breakBefore?: string): Block => ({ t: 'title', text, ...(breakBefore ? { breakBefore } : {}) });
export const h1 = (text: string): Block => ({ t: 'h', level: 1, text });
export const h2 = (text: string): Block => ({ t: 'h', level: 2, text });
export const h3 = (text: string): Block => ({ t: 'h', level: 3, text });

/** A body paragraph; `lead` is set bold at its start (the survey's “（一）坚持党要管党，…。” run-in heads). */
export function para(text: string, opts: { lead?: string; align?: 'center' | 'right' } = {}): Block {
  return { t: 'para', text: nestQuotes(text), ...(opts.lead ? { lead: nestQuotes(opts.lead) } : {}), ...(opts.align ? { align: opts.align } : {}) };
}

export const caption = (text: string): Block => ({ t: 'caption', text });

/** A chart as an inline PNG (drawn in the worker), centred, at most the text width (15.6 cm ≈ 590 px). */
export const image = (chart: ChartSpec): Block => ({ t: 'chart', chart });

export type Cell = string | number | null;
export const CELL_MARGIN = 80;

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
export const TABLE_SIZES = [10.5, 9];

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
 * content within `fit` twips (fitColumns, done in the worker).
 */
export function table(columns: Column[], rows: Cell[][], opts: { emphasise?: (row: Cell[]) => boolean; fit?: number } = {}): Block {
  return {
    t: 'table', columns, rows,
    ...(opts.emphasise ? { emphasised: rows.map((r) => opts.emphasise!(r)) } : {}),
    ...(opts.fit ? { fit: opts.fit } : {}),
  };
}
