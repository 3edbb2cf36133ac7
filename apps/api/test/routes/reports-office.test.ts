import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchScoreRow, OrgTreeNode } from '@wj/domain/schemas';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * The annual report opened by a real office suite: LibreOffice converts the
 * .docx to PDF (it must lay out every table, image and field to do so), and
 * pdftotext reads back what a reader of the printed report would see — the
 * text, and with -bbox every word's box, from which the lines, the page
 * numbers' sides and the 附表's rows are rebuilt.
 * scripts/setup-office.sh installs both (scripts/test.sh runs it).
 */
const have = (cmd: string) => {
  try {
    execFileSync('sh', ['-c', `command -v ${cmd}`], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
};

interface Word { x0: number; y0: number; x1: number; y1: number; text: string }
interface Line { y: number; x0: number; x1: number; height: number; text: string; words: Word[] }
interface Page { n: number; width: number; height: number; lines: Line[]; footer: Line | null; body: Line[] }
interface Pdf { pages: Page[]; text: string; info: string }

let ctx: TestContext;
let admin: Client;
let work: string;
let tree: OrgTreeNode;
let branches: BranchScoreRow[];
let commission: Pdf;
let unitReport: Pdf;
let unitName: string;

function convert(docx: Buffer, name: string): Pdf {
  const file = join(work, `${name}.docx`);
  writeFileSync(file, docx);
  // Its own profile directory, so that parallel runs (or a desktop LibreOffice) do not lock each other out.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file], {
    stdio: 'ignore', timeout: 120_000,
  });
  const pdf = join(work, `${name}.pdf`);
  const info = execFileSync('pdfinfo', [pdf]).toString();
  execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, join(work, `${name}.txt`)]);
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString();
  const pages: Page[] = [];
  for (const pm of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const [width, height] = [Number(pm[1]), Number(pm[2])];
    const words = [...pm[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)]
      .map((m) => ({ x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), y1: Number(m[4]), text: m[5]! }));
    const lines = toLines(words);
    // The footer: "— n —" alone on a line in the bottom fifth of the page.
    const footer = lines.find((l) => l.y > height * 0.8 && /^—\d+—$/.test(l.text)) ?? null;
    pages.push({ n: pages.length + 1, width, height, lines, footer, body: lines.filter((l) => l !== footer) });
  }
  return { pages, text: readFileSync(join(work, `${name}.txt`), 'utf8'), info };
}

/** Words whose vertical centres lie within 3 pt of each other form a line, read left to right. */
function toLines(words: Word[]): Line[] {
  const mid = (w: Word) => (w.y0 + w.y1) / 2;
  const lines: Word[][] = [];
  for (const w of [...words].sort((a, b) => mid(a) - mid(b))) {
    const last = lines[lines.length - 1];
    if (last && Math.abs(mid(last[0]!) - mid(w)) < 3) last.push(w);
    else lines.push([w]);
  }
  return lines.map((ws) => {
    ws.sort((a, b) => a.x0 - b.x0);
    return {
      y: mid(ws[0]!), x0: ws[0]!.x0, x1: Math.max(...ws.map((w) => w.x1)), height: Math.max(...ws.map((w) => w.y1 - w.y0)),
      text: ws.map((w) => w.text).join(''), words: ws,
    };
  });
}

beforeAll(async () => {
  if (!have('soffice') || !have('pdftotext') || !have('pdfinfo')) throw new Error('LibreOffice or poppler-utils missing: run scripts/setup-office.sh');
  ctx = await build();
  admin = await ctx.as('admin');
  work = mkdtempSync(join(tmpdir(), 'wj-office-'));
  tree = (await admin('/api/orgs/tree')).json().root;
  branches = (await admin('/api/quality/branches?year=2026')).json().items;
  const res = await admin('/api/reports/annual.docx?year=2026');
  expect(res.statusCode, res.body).toBe(200);
  commission = convert(res.rawPayload, 'commission');
  const unit = tree.children.find((u) => u.institutionName === '市人民医院')!;
  unitName = unit.institutionName!;
  const ures = await admin(`/api/reports/annual.docx?year=2026&unitId=${unit.id}`);
  expect(ures.statusCode, ures.body).toBe(200);
  unitReport = convert(ures.rawPayload, 'unit');
}, 180_000);
afterAll(async () => {
  await ctx?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Line breaks and spaces fall wherever the layout puts them: compare without them. */
const flat = (s: string) => s.replace(/\s+/g, '');
const pageCount = (pdf: Pdf) => Number(/Pages:\s+(\d+)/.exec(pdf.info)?.[1] ?? 0);
const round = (n: number) => Math.round(n * 10) / 10;

describe('the annual report in LibreOffice', () => {
  it('converts to a PDF whose text carries the title, the four parts, the 附表 and page numbers', async () => {
    const body = flat(commission.text);
    expect(body).toContain('市卫生健康委直属机关2026年度基层党组织建设质量报告');
    const at = ['一、基本情况', '二、工作成效', '三、存在问题', '四、对策建议', '附表1'].map((h) => body.indexOf(h));
    expect(at.every((i) => i >= 0), String(at)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    expect(body).toContain(`共有党员${tree.counts.members}名`);
    const pages = pageCount(commission);
    expect(pages).toBe(commission.pages.length);
    expect(pages).toBeGreaterThan(5);
    // The footer's PAGE field, rendered on every page: — 1 — … — N —.
    expect(body).toContain('—1—');
    expect(body).toContain(`—${pages}—`);
  });

  for (const which of ['commission', 'unit'] as const) {
    it(`${which === 'commission' ? 'the commission\'s' : 'a unit\'s'} report has no blank page, the 附表 included`, () => {
      const pdf = which === 'commission' ? commission : unitReport;
      const blank = pdf.pages.filter((p) => p.body.length === 0).map((p) => p.n);
      const appendix = pdf.pages.find((p) => p.lines.some((l) => l.text === '附表'))!;
      console.log(`${which}: ${pdf.pages.length} pages, 附表 from page ${appendix.n} (${appendix.width > appendix.height ? 'landscape' : 'portrait'}), blank pages: [${blank.join(', ')}]`);
      expect(blank).toEqual([]);
      // The page before 附表 ends the text: the issuing organisation and the date, not an empty page.
      const before = pdf.pages[appendix.n - 2]!;
      expect(before.body.at(-1)!.text).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
      expect(appendix.width).toBeGreaterThan(appendix.height);
    });

    it(`${which === 'commission' ? 'the commission\'s' : 'a unit\'s'} report puts page numbers outside: odd pages right, even pages left`, () => {
      const pdf = which === 'commission' ? commission : unitReport;
      const seen: string[] = [];
      for (const p of pdf.pages) {
        expect(p.footer, `page ${p.n} has its number`).not.toBeNull();
        const f = p.footer!;
        expect(f.text).toBe(`—${p.n}—`);
        seen.push(`${p.n}:${round(f.x0)}–${round(f.x1)}/${round(p.width)}`);
        // GB/T 9704 7.5: one character (14 pt) in from the text block's outside edge; the side margins are 28 and 26 mm.
        if (p.n % 2 === 1) {
          expect(f.x0, `odd page ${p.n}`).toBeGreaterThan(p.width / 2);
          expect(p.width - f.x1, `odd page ${p.n}: distance from the right edge`).toBeLessThan(100);
        } else {
          expect(f.x1, `even page ${p.n}`).toBeLessThan(p.width / 2);
          expect(f.x0, `even page ${p.n}: distance from the left edge`).toBeLessThan(100);
        }
      }
      console.log(`${which} page numbers (page: x0–x1 / page width): ${seen.join('  ')}`);
    });
  }

  /** The lines of one 附表, from its caption to the next caption (or the end), without footers. */
  function appendixLines(pdf: Pdf, caption: string, next: string | null): { page: number; line: Line }[] {
    const all = pdf.pages.flatMap((p) => p.body.map((line) => ({ page: p.n, line })));
    const start = all.findIndex((x) => x.line.text.startsWith(caption));
    expect(start, caption).toBeGreaterThanOrEqual(0);
    const end = next ? all.findIndex((x, i) => i > start && x.line.text.startsWith(next)) : all.length;
    return all.slice(start + 1, end < 0 ? all.length : end);
  }
  /** A header line: every word of it is a piece of the table's header row (which may break inside a cell). */
  const isHeader = (line: Line, headers: string) => line.words.every((w) => headers.includes(w.text));
  const HEAD1 = '序号单位党支部党员数总分支部班子强政治功能强党员队伍强作用发挥强等次问题数';

  it('sets every row of the commission\'s 附表1 on one line: 序号 1…N, the unit and the branch name whole', () => {
    const lines = appendixLines(commission, '附表1', '附表2').filter((x) => !isHeader(x.line, HEAD1));
    const pairs = new Map(branches.map((b) => [`${tree.children.find((u) => u.id === b.unitId)!.institutionName}${b.name}`, b]));
    const found = new Set<string>();
    const misfits: string[] = [];
    lines.forEach(({ page, line }, i) => {
      const n = String(i + 1);
      const rest = line.text.slice(n.length);
      // The longest unit + branch name the line starts with, followed by the 党员数.
      const pair = [...pairs.keys()].filter((k) => rest.startsWith(k) && /^\d/.test(rest.slice(k.length))).sort((a, b) => b.length - a.length)[0];
      if (!line.text.startsWith(n) || !pair) misfits.push(`page ${page}: "${line.text}"`);
      else found.add(pair);
    });
    const pages = new Set(lines.map((x) => x.page));
    console.log(`附表1: ${lines.length} row lines on ${pages.size} pages (${[...pages].join(', ')}), ${found.size} of ${branches.length} branches matched whole`);
    expect(misfits).toEqual([]);
    expect(lines).toHaveLength(branches.length);
    expect(found.size).toBe(branches.length);
  });

  it('sets every row of a unit\'s 附表1 on one line', () => {
    const own = branches.filter((b) => tree.children.find((u) => u.id === b.unitId)!.institutionName === unitName);
    const lines = appendixLines(unitReport, '附表1', '附表2').filter((x) => !isHeader(x.line, HEAD1));
    const misfits = lines.filter(({ line }, i) => !own.some((b) => line.text.startsWith(`${i + 1}${b.name}`) && /^\d/.test(line.text.slice(`${i + 1}${b.name}`.length))));
    expect(misfits.map((x) => x.line.text)).toEqual([]);
    expect(lines).toHaveLength(own.length);
  });

  it('sets every row of 附表2 on one line, starting with the unit\'s name whole', () => {
    const head = '单位综合得分支部平均分责任落实得分年度党建工作计划专职党务干部（名）述职评议等次主体责任清单（完成/总数）问题数';
    const units = tree.children.map((u) => u.institutionName!);
    const stop = flat(commission.text).includes('附表3') ? '附表3' : null;
    const lines = appendixLines(commission, '附表2', stop).filter((x) => !isHeader(x.line, head));
    const misfits = lines.filter(({ line }) => !units.some((u) => line.text.startsWith(u) && /^\d/.test(line.text.slice(u.length))));
    expect(misfits.map((x) => `page ${x.page}: "${x.line.text}"`)).toEqual([]);
    expect(lines.map((x) => units.find((u) => x.line.text.startsWith(u))).sort()).toEqual([...units].sort());
  });

  it('sets the title in 二号 on two lines that each read as a phrase, with 方正小标宋简体 and its fallbacks in the file', async () => {
    const [first, second, date] = commission.pages[0]!.lines;
    expect([first!.text, second!.text]).toEqual(['市卫生健康委直属机关2026年度', '基层党组织建设质量报告']);
    // 二号 is 22 pt, the body's 三号 16 pt: the boxes keep that ratio whatever face LibreOffice substitutes.
    const ratio = first!.height / date!.height;
    console.log(`title line height ${round(first!.height)} pt, body line height ${round(date!.height)} pt, ratio ${ratio.toFixed(3)} (22/16 = 1.375)`);
    expect(ratio).toBeGreaterThan(1.3);
    expect(ratio).toBeLessThan(1.45);
    const res = await admin('/api/reports/annual.docx?year=2026');
    const JSZip = createRequire(import.meta.resolve('docx'))('jszip') as { loadAsync(b: Buffer): Promise<{ file(n: string): { async(t: 'string'): Promise<string> } | null }> };
    const zip = await JSZip.loadAsync(res.rawPayload);
    const styles = await zip.file('word/styles.xml')!.async('string');
    const titleStyle = /<w:style [^>]*w:styleId="Title"[\s\S]*?<\/w:style>/.exec(styles)?.[0] ?? '';
    expect(titleStyle).toContain('w:eastAsia="方正小标宋简体"');
    expect(titleStyle).toMatch(/<w:sz w:val="44"\/>/);
    const fonts = await zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="方正小标宋简体"><w:altName w:val="华文中宋"/>');
    expect(fonts).toMatch(/<w:font w:name="方正小标宋简体">[\s\S]*?<w:family w:val="roman"\/>/);
    const doc = await zip.file('word/document.xml')!.async('string');
    expect(doc).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
  });

  it('keeps the body on the 22-line × 28-character grid', () => {
    const appendix = commission.pages.find((p) => p.lines.some((l) => l.text === '附表'))!;
    const text = commission.pages.slice(0, appendix.n - 1);
    // Body lines: 三号 text (the commonest line height); the text block runs from 28 mm to 26 mm from the edges.
    const heights = text.flatMap((p) => p.body.map((l) => round(l.height)));
    const common = [...new Set(heights)].sort((a, b) => heights.filter((h) => h === b).length - heights.filter((h) => h === a).length)[0]!;
    const left = (28 * 72) / 25.4;
    const right = text[0]!.width - (26 * 72) / 25.4;
    const perPage = text.map((p) => p.body.filter((l) => Math.abs(l.height - common) < 0.5).length);
    const pitches = text.flatMap((p) => {
      const ls = p.body.filter((l) => Math.abs(l.height - common) < 0.5);
      return ls.slice(1).map((l, i) => l.y - ls[i]!.y).filter((d) => d < 40);
    });
    // Characters of the lines set edge to edge in Chinese alone (digits would make the count fractional);
    // a comma or full stop hanging past the right edge is not counted.
    const counts = text.flatMap((p) => p.body.filter((l) => Math.abs(l.height - common) < 0.5 && Math.abs(l.x0 - left) < 3 && l.x1 > right - 3
      && /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef“”‘’—…]+$/.test(l.text)).map((l) => [...l.text].length - (l.x1 > right + 4 ? 1 : 0)));
    const at28 = counts.filter((c) => c === 28).length;
    console.log(`grid: body lines per page ${perPage.join(',')}; line pitch ${round(Math.min(...pitches))}–${round(Math.max(...pitches))} pt (579 twips = 28.95);`
      + ` full Chinese lines: ${counts.length}, of 28 characters: ${at28}, longest ${Math.max(...counts)}`);
    expect(Math.max(...perPage)).toBe(22);
    for (const d of pitches) expect(Math.abs(d - 28.95)).toBeLessThan(0.5);
    expect(counts.length).toBeGreaterThan(20);
    expect(Math.max(...counts)).toBe(28);
    // A line may hold 27 when the next character may not start a line (。，） …): most hold 28.
    expect(at28 / counts.length).toBeGreaterThan(0.8);
  });
});

describe('a closed year\'s report in LibreOffice (2025, with 附表3)', () => {
  let pdf: Pdf;
  let closed: BranchScoreRow[];
  beforeAll(async () => {
    closed = (await admin('/api/quality/branches?year=2025')).json().items;
    const res = await admin('/api/reports/annual.docx?year=2025');
    expect(res.statusCode, res.body).toBe(200);
    pdf = convert(res.rawPayload, 'closed');
  }, 180_000);

  it('has no blank page and its page numbers alternate sides', () => {
    const blank = pdf.pages.filter((p) => p.body.length === 0).map((p) => p.n);
    const wrongSide = pdf.pages.filter((p) => !p.footer || (p.n % 2 === 1 ? p.footer.x0 < p.width / 2 : p.footer.x1 > p.width / 2)).map((p) => p.n);
    console.log(`2025: ${pdf.pages.length} pages, blank: [${blank.join(', ')}], number missing or on the wrong side: [${wrongSide.join(', ')}]`);
    expect(blank).toEqual([]);
    expect(wrongSide).toEqual([]);
  });

  it('keeps each 附表3 branch — unit and branch name — on one line while the prose columns wrap', () => {
    // A row's one-line cells sit on its vertical middle, with its 序号: the line that starts with the number.
    const all = pdf.pages.flatMap((p) => p.body.map((line) => ({ page: p.n, line })));
    const start = all.findIndex((x) => /^附表3\d{4}年度已完成书记项目及成效$/.test(x.line.text));
    expect(start).toBeGreaterThan(0);
    const left = Math.min(...all.slice(start).map((x) => x.line.x0));
    const rows = all.slice(start + 1).filter((x) => /^\d+$/.test(x.line.words[0]!.text) && x.line.x0 < left + 20); // 序号 is centred in its column
    const labels = closed.map((b) => (b.name.startsWith('中共') ? b.name : `${tree.children.find((u) => u.id === b.unitId)!.institutionName}${b.name}`));
    const misfits = rows.filter(({ line }, i) => {
      const rest = line.text.slice(String(i + 1).length);
      return line.words[0]!.text !== String(i + 1) || !labels.some((l) => rest.startsWith(l));
    });
    console.log(`附表3 (2025): ${rows.length} rows on pages ${rows[0]?.page}–${rows.at(-1)?.page}, rows whose 党支部 is not whole on the 序号 line: ${misfits.length}`);
    expect(rows.length).toBeGreaterThan(10);
    expect(misfits.map((x) => `page ${x.page}: "${x.line.text}"`)).toEqual([]);
  });
});
