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
});
