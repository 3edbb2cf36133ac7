import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BranchScoreRow, GapLine, OrgTreeNode, UnitScoreDetail } from '@wj/domain/schemas';
import { rawRows } from '../../src/db/raw.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * The annual report opened the way Word would: the .docx is a zip; its
 * word/document.xml is read back into headings, paragraphs and tables and
 * checked against what the API says about the same year.
 */
interface Zip { files: Record<string, unknown>; file(name: string): { async(t: 'string'): Promise<string> } | null }
const JSZip = createRequire(import.meta.resolve('docx'))('jszip') as { loadAsync(b: Buffer): Promise<Zip> };

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');

interface Doc {
  zip: Zip;
  /** Top-level paragraphs (outside tables) with their style. */
  paragraphs: { style: string | null; text: string }[];
  /** Tables as rows of cell texts. */
  tables: string[][][];
  /** The body text of each Heading1 section, by heading. */
  sections: Map<string, string>;
}

async function openDocx(body: Buffer): Promise<Doc> {
  const zip = await JSZip.loadAsync(body);
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = [...xml.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((t) =>
    [...t[0].matchAll(/<w:tr[\s>][\s\S]*?<\/w:tr>/g)].map((r) => [...r[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((c) => textOf(c[0]))));
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p[0])?.[1] ?? null, text: textOf(p[0]),
  }));
  const sections = new Map<string, string>();
  let current: string | null = null;
  for (const p of paragraphs) {
    if (p.style === 'Heading1') { current = p.text; sections.set(current, ''); continue; }
    if (current) sections.set(current, sections.get(current)! + p.text + '\n');
  }
  return { zip, paragraphs, tables, sections };
}

let ctx: TestContext;
let admin: Client;
let tree: OrgTreeNode;
const YEAR = 2026;
const get = async <T>(client: Client, url: string): Promise<T> => {
  const res = await client(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};
const unitOf = (name: string) => tree.children.find((u) => u.institutionName === name)!;

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
  tree = (await get<{ root: OrgTreeNode }>(admin, '/api/orgs/tree')).root;
});
afterAll(() => ctx.close());

describe('the commission\'s annual report (.docx)', () => {
  let doc: Doc;
  let disposition: string;
  beforeAll(async () => {
    const res = await admin(`/api/reports/annual.docx?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    disposition = String(res.headers['content-disposition']);
    doc = await openDocx(res.rawPayload);
  });

  it('is named in Chinese per RFC 6266, with an ASCII fallback', () => {
    const m = /^attachment; filename="([\x20-\x7e]+)"; filename\*=UTF-8''(\S+)$/.exec(disposition);
    expect(m, disposition).not.toBeNull();
    expect(decodeURIComponent(m![2]!)).toBe(`市卫生健康委直属机关${YEAR}年度基层党组织建设质量报告.docx`);
  });

  it('has the survey\'s title and the four parts and the 附表, in order', () => {
    expect(doc.paragraphs[0]).toEqual({ style: 'Title', text: `市卫生健康委直属机关${YEAR}年度基层党组织建设质量报告` });
    expect(doc.paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['一、基本情况', '二、工作成效', '三、存在问题', '四、对策建议', '附表']);
    const subs = doc.paragraphs.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(subs.slice(0, 4)).toEqual(['（一）组织设置', '（二）党员队伍', '（三）支部班子', '（四）质量评价总体情况']);
  });

  it('states in 一、基本情况 the organisation\'s figures as the tree counts them', () => {
    const text = doc.sections.get('一、基本情况')!;
    const c = tree.counts;
    const kinds = (k: string) => tree.children.filter((u) => u.kind === k).length;
    for (const phrase of [
      `管理所属${tree.children.length}家单位`, `基层党委${kinds('party_committee')}家`, `党总支${kinds('general_branch')}家`, `支部单位${kinds('branch')}家`,
      `党支部${c.branches}个`, `共有党员${c.members}名`, `在职党员${c.inService}名`, `离退休党员${c.retired}名`,
    ]) expect(text).toContain(phrase);
    expect(text).toMatch(/平均年龄\d+(\.\d)?岁/);
    expect(text).toContain('“双带头人”');
  });

  it('counts in 一、基本情况 the 流动党员, 失联党员 and 停止党籍 members the roster records (issue 12), as the tables hold them', async () => {
    const text = doc.sections.get('一、基本情况')!;
    // A bare flag column is a condition on both engines (SQLite's 0/1, PostgreSQL's boolean).
    const count = async (where: string) => (await rawRows<{ n: number }>(ctx.db, `select count(*) as n from members where status = 'active' and ${where}`))[0]!.n;
    const floating = await count('floating'), lost = await count('lost_contact'), suspended = await count("party_standing = 'suspended'");
    // The demo holds some of each (demo/members.ts); a report that dropped them would fail here.
    expect(floating * lost * suspended).toBeGreaterThan(0);
    expect(text).toContain(`流动党员${floating}名`);
    expect(text).toContain(`失联党员${lost}名`);
    expect(text).toContain(`停止党籍${suspended}名`);
  });

  it('names every gap of the catalogue in 三 with its count, each group in the catalogue\'s order, and its recommendation in 四', async () => {
    const { items } = await get<{ items: GapLine[] }>(admin, `/api/quality/gaps?year=${YEAR}`);
    expect(items.length).toBeGreaterThan(3);
    const problems = doc.sections.get('三、存在问题')!;
    const advice = doc.sections.get('四、对策建议')!;
    for (const g of items) {
      expect(problems, g.code).toContain(g.text);
      expect(advice, g.code).toContain(g.recommendation);
      // The worst organisation is named.
      expect(problems, g.code).toContain(g.orgs[0]!.name);
    }
    for (const dim of new Set(items.map((g) => g.dimension))) {
      const positions = items.filter((g) => g.dimension === dim).map((g) => problems.indexOf(g.text));
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
    }
    // 四 is numbered (一)(二)…: one recommendation per group of problems, then the closing one on follow-up.
    const start = doc.paragraphs.findIndex((p) => p.text === '四、对策建议');
    const end = doc.paragraphs.findIndex((p) => p.text === '附表');
    const heads = doc.paragraphs.slice(start, end).filter((p) => p.style === 'Heading2').map((p) => p.text);
    const groups = new Set(items.map((g) => (g.level === 'unit' ? 'responsibility' : g.dimension))).size;
    expect(heads.map((h) => h.slice(0, 3))).toEqual(['（一）', '（二）', '（三）', '（四）', '（五）', '（六）'].slice(0, groups + 1));
  });

  it('lists every branch in 附表1 with its score and every unit in 附表2', async () => {
    const branches = (await get<{ items: BranchScoreRow[] }>(admin, `/api/quality/branches?year=${YEAR}`)).items;
    const table = doc.tables.find((t) => t[0]!.includes('党支部') && t[0]!.includes('总分'))!;
    expect(table.length - 1).toBe(branches.length);
    const header = table[0]!;
    const at = (h: string) => header.indexOf(h);
    const rows = new Map(table.slice(1).map((r) => [`${r[at('单位')]}|${r[at('党支部')]}`, r]));
    for (const b of branches) {
      const unit = tree.children.find((u) => u.id === b.unitId)!;
      const row = rows.get(`${unit.institutionName}|${b.name}`);
      expect(row, b.name).toBeDefined();
      expect(row![at('总分')]).toBe(String(b.total));
      expect(row![at('政治功能强')]).toBe(b.dimensions.political.applicable ? String(b.dimensions.political.score) : '—');
      expect(row![at('问题数')]).toBe(String(b.gapCount));
    }
    const units = doc.tables.find((t) => t[0]!.includes('责任落实得分'))!;
    expect(units.slice(1).map((r) => r[0]).sort()).toEqual(tree.children.map((u) => u.institutionName).sort());
  });

  it('is typeset for print: CJK fonts with fallbacks, repeated table headers, page numbers, embedded charts', async () => {
    const styles = await doc.zip.file('word/styles.xml')!.async('string');
    expect(styles).toMatch(/w:eastAsia="黑体"/);
    expect(styles).toMatch(/w:eastAsia="仿宋"/);
    const fonts = await doc.zip.file('word/fontTable.xml')!.async('string');
    expect(fonts).toContain('<w:font w:name="黑体"><w:altName w:val="SimHei"/>');
    const xml = await doc.zip.file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tblHeader/>');
    const footers = Object.keys(doc.zip.files).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    const footerXml = await Promise.all(footers.map((n) => doc.zip.file(n)!.async('string')));
    expect(footerXml.join('')).toMatch(/PAGE/);
    expect(Object.keys(doc.zip.files).filter((n) => /^word\/media\/.+\.png$/.test(n)).length).toBeGreaterThanOrEqual(2);
  });
});

describe('a unit\'s annual report', () => {
  it('a unit secretary gets their own unit by default, with its own figures and branches', async () => {
    const renmin = await ctx.as('renmin');
    const unit = unitOf('市人民医院');
    const res = await renmin(`/api/reports/annual.docx?year=${YEAR}`);
    expect(res.statusCode, res.body).toBe(200);
    const doc = await openDocx(res.rawPayload);
    expect(doc.paragraphs[0]!.text).toBe(`${unit.name}${YEAR}年度基层党组织建设质量报告`);
    const basic = doc.sections.get('一、基本情况')!;
    expect(basic).toContain(`党支部${unit.counts.branches}个`);
    expect(basic).toContain(`共有党员${unit.counts.members}名`);
    const detail = await get<UnitScoreDetail>(renmin, `/api/quality/units/${unit.id}?year=${YEAR}`);
    const table = doc.tables.find((t) => t[0]!.includes('党支部') && t[0]!.includes('总分'))!;
    expect(table.slice(1).map((r) => r[1]).sort()).toEqual(detail.branches.map((b) => b.name).sort());
    const { items } = await get<{ items: GapLine[] }>(renmin, `/api/quality/gaps?year=${YEAR}&unitId=${unit.id}`);
    for (const g of items) expect(doc.sections.get('三、存在问题')).toContain(g.text);
  });

  it('admin may ask for any unit by unitId, a unit that is itself one branch included', async () => {
    const unit = tree.children.find((u) => u.kind === 'branch')!;
    const res = await admin(`/api/reports/annual.docx?year=${YEAR}&unitId=${unit.id}`);
    expect(res.statusCode).toBe(200);
    expect(decodeURIComponent(String(res.headers['content-disposition']).split("UTF-8''")[1]!)).toBe(`${unit.name}${YEAR}年度基层党组织建设质量报告.docx`);
    const doc = await openDocx(res.rawPayload);
    expect(doc.sections.get('一、基本情况')).toContain(`${unit.name}是${unit.institutionName}的基层党支部，以支部形式设置`);
    const table = doc.tables.find((t) => t[0]!.includes('党支部') && t[0]!.includes('总分'))!;
    expect(table.slice(1).map((r) => r[1])).toEqual([unit.name]);
  });
});

describe('who may export', () => {
  it('refuses another unit to a unit secretary, any report to a branch secretary, and anyone not logged in', async () => {
    const renmin = await ctx.as('renmin');
    const jijiu = await ctx.as('jijiu');
    const yanke = unitOf('市眼科医院');
    expect((await renmin(`/api/reports/annual.docx?unitId=${yanke.id}`)).statusCode).toBe(403);
    expect((await renmin(`/api/reports/annual.docx?unitId=${tree.id}`)).statusCode).toBe(403);
    const refused = await jijiu('/api/reports/annual.docx');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toMatch(/无权/);
    expect((await ctx.anon('/api/reports/annual.docx')).statusCode).toBe(401);
  });

  it('answers a malformed or non-unit unitId with the standard error body', async () => {
    const bad = await admin('/api/reports/annual.docx?unitId=abc');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('VALIDATION_FAILED');
    const branch = tree.children[0]!.children.find((c) => c.kind === 'branch')!;
    const notUnit = await admin(`/api/reports/annual.docx?unitId=${branch.id}`);
    expect(notUnit.statusCode).toBe(404);
    expect(notUnit.json().error.message).toContain('不是直属单位党组织');
  });
});
