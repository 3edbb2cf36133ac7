import { createRequire } from 'node:module';
import { and, eq, isNull } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addYears, INDICATOR_BY_CODE, type IndicatorCode } from '@wj/domain/quality';
import { todayIso, type Dashboard, type GapLine } from '@wj/domain/schemas';
import { committees, orgs } from '../../src/db/schema/index.js';
import { build, type Client, type TestContext } from '../helpers/build.js';

/**
 * Issue 13: no 本委工作要求 or 提醒 line is ever counted or labelled as a
 * breach of 党内法规 — in the dashboard's JSON, the report's text (read back
 * from the .docx) and the Excel 问题清单; every “占P%” of the report is the
 * share of the numbers printed with it; “未按期换届” counts expired terms only.
 */
interface Zip { file(name: string): { async(t: 'string'): Promise<string> } | null }
const JSZip = createRequire(import.meta.resolve('docx'))('jszip') as { loadAsync(b: Buffer): Promise<Zip> };
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const textOf = (xml: string) => [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join('');

async function paragraphs(body: Buffer) {
  const zip = await JSZip.loadAsync(body);
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  return [...xml.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) => ({ style: /<w:pStyle w:val="([^"]+)"/.exec(p[0])?.[1] ?? null, text: textOf(p[0]) }));
}

/** Every 占P% of `text` checked against the numbers printed with it; returns how many were checked. */
function checkShares(text: string): number {
  const share = (a: number, b: number) => `${Math.round((a / b) * 1000) / 10}%`.replace('.0%', '%');
  const checks: [RegExp, (m: RegExpMatchArray) => [number, number]][] = [
    [/共有党员(\d+)名，其中在职党员(\d+)名、离退休党员\d+名，在职党员占([\d.]+%)/, (m) => [+m[2]!, +m[1]!]],
    [/班子成员共(\d+)名[^\n]*?46至55岁(\d+)名、56岁及以上(\d+)名，46岁及以上的占([\d.]+%)/, (m) => [+m[2]! + +m[3]!, +m[1]!]],
    [/班子成员共(\d+)名[^\n]*?正高级(\d+)名、副高级(\d+)名[^\n]*?副高级以上的占([\d.]+%)/, (m) => [+m[2]! + +m[3]!, +m[1]!]],
    [/党支部书记(\d+)名中，“双带头人”(\d+)名，占([\d.]+%)/, (m) => [+m[2]!, +m[1]!]],
    [/覆盖(\d+)个党支部，占(\d+)个党支部的([\d.]+%)/, (m) => [+m[1]!, +m[2]!]],
  ];
  let checked = 0;
  // The rule's own weights (所属支部平均分占70%) are settings, not shares of counted numbers.
  const all = (text.match(/[^\n]{0,30}?(占[\d.]+%|的[\d.]+%)/g) ?? []).filter((m) => !/(平均分|责任落实)占[\d.]+%$/.test(m));
  for (const [re, nums] of checks) {
    const m = text.match(re);
    if (!m) continue;
    const [a, b] = nums(m);
    expect(m.at(-1), m[0]).toBe(share(a, b));
    checked += 1;
  }
  // Every 占 of the text is one of the checked sentences.
  expect(all.length, all.join('\n')).toBe(checked);
  return checked;
}

let ctx: TestContext;
let admin: Client;
const YEAR = 2026;
const get = async <T>(client: Client, url: string): Promise<T> => {
  const res = await client(url);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

beforeAll(async () => {
  ctx = await build();
  admin = await ctx.as('admin');
});
afterAll(() => ctx.close());

const tierOf = (g: { code: string }) => INDICATOR_BY_CODE[g.code as IndicatorCode].tier;

describe('tiers in the dashboard JSON', () => {
  it('counts under 党内法规 only lines of 党内法规 indicators, and reminders apart', async () => {
    const d = await get<Dashboard>(admin, `/api/quality/dashboard?year=${YEAR}`);
    expect(d.topGaps.some((g) => g.tier === 'commission')).toBe(true);
    for (const g of d.topGaps) {
      if (g.tier === 'regulation') expect(tierOf(g), g.code).toBe('regulation');
      if (tierOf(g) === 'commission') expect(g.tier, g.code).not.toBe('regulation');
    }
    expect(d.tierCounts.regulation).toBe(d.topGaps.filter((g) => tierOf(g) === 'regulation' && g.tier !== 'reminder').length);
    // Thresholds the commission set are never 党内法规.
    for (const code of ['committee_age', 'secretary_part_time', 'attendance', 'secretary_project', 'secretary_dual_leader', 'party_lecture']) {
      expect(d.topGaps.filter((g) => g.code === code && g.tier === 'regulation'), code).toEqual([]);
    }
  });
});

describe('tiers and figures in the annual report text', () => {
  let ps: { style: string | null; text: string }[];
  let items: GapLine[];
  const section = (from: string, to: string) => {
    const a = ps.findIndex((p) => p.text === from);
    const b = ps.findIndex((p, i) => i > a && p.text === to);
    return ps.slice(a + 1, b);
  };
  beforeAll(async () => {
    const res = await admin(`/api/reports/annual.docx?year=${YEAR}`);
    expect(res.statusCode).toBe(200);
    ps = await paragraphs(res.rawPayload);
    items = (await get<{ items: GapLine[] }>(admin, `/api/quality/gaps?year=${YEAR}`)).items;
  });

  it('heads its 党内法规 part with the number of 党内法规 lines, and puts no other line under it', () => {
    const three = section('三、存在问题', '四、对策建议');
    const regulation = items.filter((g) => g.tier === 'regulation');
    const heads = three.filter((p) => p.style === 'Heading2').map((p) => p.text);
    expect(heads[0]).toBe(`（一）涉及违反党内法规制度的问题${regulation.length}类`);
    expect(three[0]!.text).toContain(`涉及违反党内法规制度的问题${regulation.length}类`);
    const start = three.findIndex((p) => p.text === heads[0]);
    const end = three.findIndex((p, i) => i > start && p.style === 'Heading2');
    const part = three.slice(start + 1, end).map((p) => p.text).join('');
    for (const g of items) {
      const esc = g.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      // A line follows 一是/二是 or, standing alone, its theme's lead sentence.
      const inPart = new RegExp(`(?:是|。)${esc}[，。]`).test(part);
      expect(inPart, `${g.tier} ${g.text}`).toBe(g.tier === 'regulation');
    }
    // The old blanket wording is gone.
    expect(three.map((p) => p.text).join('')).not.toMatch(/均为预警|已违反规定|硬性要求/);
    // Brackets never nest, and a lone line is not numbered 一是.
    expect(three.map((p) => p.text).join('')).not.toMatch(/（[^（）]*（/);
  });

  it('computes every 占P% from the numbers printed beside it and names the excluded group', () => {
    const text = section('一、基本情况', '四、对策建议').map((p) => p.text).join('\n');
    expect(checkShares(text)).toBeGreaterThanOrEqual(4);
    // The retirees' secretaries are named as left out of the 双带头人 base.
    expect(text).toMatch(/在职党支部书记\d+名中，“双带头人”\d+名，占[\d.]+%（离退休党支部书记\d+名不作认定）/);
  });

  it('does the same in a unit\'s report', async () => {
    const res = await (await ctx.as('renmin'))(`/api/reports/annual.docx?year=${YEAR}`);
    const text = (await paragraphs(res.rawPayload)).map((p) => p.text).join('\n');
    expect(checkShares(text)).toBeGreaterThanOrEqual(3);
  });

  it('counts as 未按期换届 exactly the branches whose term has ended', async () => {
    const today = todayIso();
    const rows = await ctx.db.select({ electedDate: committees.electedDate, termYears: committees.termYears, orgId: committees.orgId })
      .from(committees).innerJoin(orgs, eq(orgs.id, committees.orgId))
      .where(and(isNull(committees.endedDate), eq(orgs.status, 'active'), eq(orgs.kind, 'branch')));
    const expired = new Set(rows.filter((r) => addYears(r.electedDate, Math.min(r.termYears, 3)) < today).map((r) => r.orgId));
    const three = section('三、存在问题', '四、对策建议').map((p) => p.text).join('');
    if (expired.size) expect(three).toContain(`${expired.size}个支部未按期换届`);
    else expect(three).not.toContain('未按期换届');
    const soon = rows.filter((r) => {
      const ends = addYears(r.electedDate, Math.min(r.termYears, 3));
      return ends >= today && ends <= `${Number(today.slice(0, 4))}${today.slice(4)}`.replace(/^(\d{4})-(\d{2})/, (_, y: string, m: string) => {
        const n = Number(y) * 12 + Number(m) - 1 + 3;
        return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`;
      });
    }).length;
    if (soon) expect(three).toContain(`${soon}个支部委员会任期将于3个月内届满`);
  });

  it('names no organisation as an example more than twice', async () => {
    const three = section('三、存在问题', '四、对策建议').map((p) => p.text).join('');
    const tree = (await get<{ root: { children: { id: number; institutionName: string | null }[] } }>(admin, '/api/orgs/tree')).root;
    const inst = new Map(tree.children.map((u) => [u.id, u.institutionName ?? '']));
    // Branches are named with their institution (市人民医院后勤党支部); a unit by its institution.
    const names = new Set(items.flatMap((g) => g.orgs.map((o) => (g.level === 'unit' ? inst.get(o.orgId)! : `${inst.get(o.unitId)}${o.name}`))));
    for (const n of names) {
      // A unit's name also begins its branches' names: count it only where it stands alone.
      const times = (three.match(new RegExp(`${n}(?=[（、和等，。])`, 'g')) ?? []).length;
      expect(times, n).toBeLessThanOrEqual(2);
    }
  });
});

describe('the report\'s wording', () => {
  it('puts single quotes inside double ones, names no software, and has a 同比 paragraph', async () => {
    const res = await admin(`/api/reports/annual.docx?year=${YEAR}`);
    const ps = await paragraphs(res.rawPayload);
    for (const p of ps) {
      let depth = 0;
      for (const ch of p.text) {
        if (ch === '“') depth += 1;
        if (ch === '”') depth -= 1;
        expect(depth, p.text).toBeLessThanOrEqual(1);
      }
    }
    const all = ps.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/平台|评分规则第\d+版|时序进度|均为预警/);
    const yoy = ps.find((p) => p.text.startsWith(`与${YEAR - 1}年相比`));
    expect(yoy?.text).toMatch(/党支部平均得分由([\d.]+)分(提高|下降)到([\d.]+)分（[+−]([\d.]+)分）|党支部平均得分持平/);
    const m = /由([\d.]+)分(提高|下降)到([\d.]+)分（[+−]([\d.]+)分）/.exec(yoy!.text);
    if (m) expect(Math.round(Math.abs(Number(m[3]) - Number(m[1])) * 10) / 10).toBe(Number(m[4]));
    // The previous year's average is the one its own dashboard shows.
    const before = await get<Dashboard>(admin, `/api/quality/dashboard?year=${YEAR - 1}`);
    if (m) expect(Number(m[1])).toBe(before.averageScore);
  });
});

describe('tiers in the Excel 问题清单', () => {
  it('labels 党内法规 only the lines of 党内法规 indicators', async () => {
    const res = await admin(`/api/reports/gaps.xlsx?year=${YEAR}`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.getWorksheet('问题汇总')!;
    const header = (ws.getRow(2).values as unknown[]).map((v) => String(v ?? ''));
    const at = (h: string) => header.indexOf(h);
    let regulation = 0;
    ws.eachRow((row, n) => {
      if (n <= 2) return;
      const tier = String(row.getCell(at('性质')).value);
      const name = String(row.getCell(at('指标')).value);
      const def = Object.values(INDICATOR_BY_CODE).find((d) => d.name === name)!;
      expect(def, name).toBeDefined();
      if (tier === '党内法规') { regulation += 1; expect(def.tier, name).toBe('regulation'); }
      expect(String(row.getCell(at('颜色')).value)).not.toContain('违反');
    });
    const d = await get<Dashboard>(admin, `/api/quality/dashboard?year=${YEAR}`);
    expect(regulation).toBe(d.tierCounts.regulation);
  });
});
