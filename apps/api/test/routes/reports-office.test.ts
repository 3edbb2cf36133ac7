import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrgTreeNode } from '@wj/domain/schemas';
import { build, type TestContext } from '../helpers/build.js';

/**
 * The annual report opened by a real office suite: LibreOffice converts the
 * .docx to PDF (it must lay out every table, image and field to do so), and
 * pdftotext reads back what a reader of the printed report would see.
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

let ctx: TestContext;
let work: string;
beforeAll(async () => {
  if (!have('soffice') || !have('pdftotext')) throw new Error('LibreOffice or pdftotext missing: run scripts/setup-office.sh');
  ctx = await build();
  work = mkdtempSync(join(tmpdir(), 'wj-office-'));
});
afterAll(async () => {
  await ctx?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function toPdfText(docx: Buffer, name: string): { text: string; pages: number } {
  const file = join(work, `${name}.docx`);
  writeFileSync(file, docx);
  // Its own profile directory, so that parallel runs (or a desktop LibreOffice) do not lock each other out.
  execFileSync('soffice', [`-env:UserInstallation=file://${join(work, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', work, file], {
    stdio: 'ignore', timeout: 120_000,
  });
  const pdf = join(work, `${name}.pdf`);
  const info = execFileSync('pdfinfo', [pdf]).toString();
  execFileSync('pdftotext', ['-enc', 'UTF-8', pdf, join(work, `${name}.txt`)]);
  return { text: readFileSync(join(work, `${name}.txt`), 'utf8'), pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0) };
}

interface Word { page: number; x0: number; x1: number; y0: number; text: string; width: number; height: number }

/** Every word of the PDF with its box (pdftotext -bbox), page by page. */
function words(docx: Buffer, name: string): { words: Word[]; pages: { width: number; height: number; text: string }[] } {
  toPdfText(docx, name);
  const pdf = join(work, `${name}.pdf`);
  const html = execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', pdf, '-'], { maxBuffer: 64 * 1024 * 1024 }).toString();
  const out: Word[] = [];
  const pages: { width: number; height: number; text: string }[] = [];
  for (const pm of html.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)) {
    const [width, height] = [Number(pm[1]), Number(pm[2])];
    const page = pages.length + 1;
    const ws = [...pm[3]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)]
      .map((m) => ({ page, x0: Number(m[1]), y0: Number(m[2]), x1: Number(m[3]), text: m[4]!, width, height }));
    out.push(...ws);
    pages.push({ width, height, text: ws.map((w) => w.text).join('') });
  }
  return { words: out, pages };
}

/** Line breaks and spaces fall wherever the layout puts them: compare without them. */
const flat = (s: string) => s.replace(/\s+/g, '');

describe('the annual report in LibreOffice', () => {
  it('converts to a PDF whose text carries the title, the four parts, the 附表 and page numbers', async () => {
    const admin = await ctx.as('admin');
    const res = await admin('/api/reports/annual.docx?year=2026');
    expect(res.statusCode, res.body).toBe(200);
    const { text, pages } = toPdfText(res.rawPayload, 'commission');
    const body = flat(text);
    expect(body).toContain('市卫生健康委直属机关2026年度基层党组织建设质量报告');
    const at = ['一、基本情况', '二、工作成效', '三、存在问题', '四、对策建议', '附表1'].map((h) => body.indexOf(h));
    expect(at.every((i) => i >= 0), String(at)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
    const root: OrgTreeNode = (await admin('/api/orgs/tree')).json().root;
    expect(body).toContain(`共有党员${root.counts.members}名`);
    expect(pages).toBeGreaterThan(5);
    // The footer's PAGE field, rendered on every page: — 1 — … — N —.
    expect(body).toContain('—1—');
    expect(body).toContain(`—${pages}—`);
  });

  it('has no blank page, puts page numbers outside (odd right, even left) and never wraps 附表1\'s 序号', async () => {
    const admin = await ctx.as('admin');
    const res = await admin('/api/reports/annual.docx?year=2026');
    const { words: all, pages } = words(res.rawPayload, 'layout');
    const footer = (w: Word) => w.y0 > w.height * 0.85;
    for (const [i, p] of pages.entries()) {
      const body = all.filter((w) => w.page === i + 1 && !footer(w));
      expect(body.length, `page ${i + 1} is blank`).toBeGreaterThan(0);
      // The page number: digits in the footer band; right half on odd pages, left half on even ones.
      // The page number is the digits between the footer's two dashes (— 6 —), not a figure of the body.
      const dashes = all.filter((w) => w.page === i + 1 && footer(w) && w.text === '—');
      const num = all.find((w) => w.page === i + 1 && w.text === String(i + 1) && dashes.some((d) => Math.abs(d.y0 - w.y0) < 2));
      expect(num, `page ${i + 1} has its number`).toBeDefined();
      if ((i + 1) % 2 === 1) expect(num!.x0, `odd page ${i + 1}`).toBeGreaterThan(p.width / 2);
      else expect(num!.x1, `even page ${i + 1}`).toBeLessThan(p.width / 2);
    }
    const branches = (await admin('/api/quality/branches?year=2026')).json().items.length as number;
    // Every 序号 of 附表1 is one word in the 序号 column: a wrapped "10/0" would leave "100" missing.
    const heads = all.filter((w) => w.text === '序号');
    const numbers = new Set<number>();
    for (const h of heads) {
      for (const w of all) {
        if (w.page === h.page && w.y0 > h.y0 && w.x0 >= h.x0 - 12 && w.x1 <= h.x1 + 12 && /^\d+$/.test(w.text)) numbers.add(Number(w.text));
      }
    }
    for (let n = 1; n <= branches; n++) expect(numbers.has(n), `序号 ${n}`).toBe(true);
  });
});
