import { createRequire } from 'node:module';
import {
  AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, Packer, PageNumber, PageOrientation, Paragraph, ShadingType, Table,
  TableCell, TableLayoutType, TableRow, TextRun, VerticalAlign, WidthType, type IRunOptions, type IStylesOptions,
} from 'docx';
import { renderChart, type Png } from '../chart-render.js';
import { APPENDIX_MARGINS } from './appendix.js';
import {
  BODY, BODY_SPACING, CELL_MARGIN, fitColumns, FONT_FALLBACKS, FONT_FAMILY, FONTS, font, GRID, INDENT, LINE, PT, TABLE, TABLE_SIZES,
  type Block, type Cell, type Column,
} from './kit.js';

/**
 * The annual report's Word file, written in the render worker
 * (render-worker.ts) from the blocks the main thread composed (annual.ts):
 * typography, tables, charts and packing here, the words there.
 */
export interface DocxJob { kind: 'docx'; title: string; description: string; body: Block[]; appendix: Block[] }

// GB/T 9704-2012 5.2.1: A4, top margin 37 mm, bottom 35 mm, left 28 mm, right 26 mm (1 mm = 56.7 twips).
const MARGINS = { top: 2098, bottom: 1984, left: 1588, right: 1474, footer: 1000 };

const STYLES: IStylesOptions = {
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

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

function image(png: Png): Paragraph {
  const width = Math.min(560, png.width);
  const height = Math.round((png.height * width) / png.width);
  return new Paragraph({
    alignment: AlignmentType.CENTER, indent: { firstLine: 0 }, spacing: { line: 240, lineRule: 'auto' }, keepNext: true,
    children: [new ImageRun({ type: 'png', data: png.data, transformation: { width, height } })],
  });
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

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

function table(columns: Column[], rows: Cell[][], emphasised: boolean[] | undefined, fit: number | undefined): Table {
  const fitted = fit ? fitColumns(columns, rows, fit) : null;
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
      ...rows.map((r, n) => new TableRow({
        cantSplit: true,
        children: columns.map((c, i) => cell(r[i] ?? null, { width: widths[i]!, numeric: c.numeric, size, run: emphasised?.[n] ? { color: 'C00000' } : undefined })),
      })),
    ],
  });
}

async function toDocx(blocks: Block[]): Promise<(Paragraph | Table)[]> {
  const charts = new Map<Block, Png>();
  await Promise.all(blocks.map(async (b) => { if (b.t === 'chart') charts.set(b, await renderChart(b.chart)); }));
  return blocks.map((b) => {
    switch (b.t) {
      case 'title': {
        const at = b.breakBefore ? b.text.indexOf(b.breakBefore) : -1;
        const runs = at > 0
          ? [new TextRun(b.text.slice(0, at)), new TextRun({ text: b.text.slice(at), break: 1 })]
          : [new TextRun(b.text)];
        return new Paragraph({ heading: HeadingLevel.TITLE, children: runs });
      }
      case 'h': return new Paragraph({ heading: HEADINGS[b.level], children: [new TextRun(b.text)] });
      case 'para': {
        const runs: TextRun[] = [];
        if (b.lead) runs.push(new TextRun({ text: b.lead, bold: true }));
        runs.push(new TextRun(b.text));
        const alignment = b.align === 'center' ? AlignmentType.CENTER : b.align === 'right' ? AlignmentType.RIGHT : undefined;
        return new Paragraph({ children: runs, indent: b.align ? { firstLine: 0 } : INDENT, ...(alignment ? { alignment } : {}) });
      }
      case 'caption': return new Paragraph({ style: 'Caption', children: [new TextRun(b.text)] });
      case 'blank': return new Paragraph({ text: '' });
      case 'chart': return image(charts.get(b)!);
      case 'table': return table(b.columns, b.rows, b.emphasised, b.fit);
    }
  });
}

export async function renderDocx(job: DocxJob): Promise<Buffer> {
  const [children, appendix] = await Promise.all([toDocx(job.body), toDocx(job.appendix)]);
  const doc = new Document({
    title: job.title,
    description: job.description,
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
        children: appendix,
      },
    ],
  });
  return withFontFallbacks(await Packer.toBuffer(doc));
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
