import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReportDraft, ReportDraftParagraph } from '@wj/domain/schemas';
import { build, type Client, type TestContext } from '../helpers/build.js';
import { demoTargets } from '../helpers/targets.js';
import { rawRows } from '../../src/db/raw.js';

/**
 * The report workbench: the office edits a generated paragraph or adds its
 * own, per year and scope; the Word export prints them (read back from
 * word/document.xml like reports.test.ts), saves are versioned and audited,
 * a unit secretary writes only their own unit's report, bad text is refused.
 */
interface Zip { file(name: string): { async(t: 'string'): Promise<string> } | null }
const JSZip = createRequire(import.meta.resolve('docx'))('jszip') as { loadAsync(b: Buffer): Promise<Zip> };
const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

/** Body paragraphs outside tables, in order, each with its style. */
async function docxParagraphs(body: Buffer): Promise<{ style: string | null; text: string }[]> {
  const xml = await (await JSZip.loadAsync(body)).file('word/document.xml')!.async('string');
  return [...xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '').matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)].map((p) => ({
    style: /<w:pStyle w:val="([^"]+)"/.exec(p[0])?.[1] ?? null,
    text: [...p[0].matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => decode(m[1]!)).join(''),
  }));
}

/** The paragraphs of one 一、… part, up to the next. */
function part(paras: { style: string | null; text: string }[], heading: string): string[] {
  const start = paras.findIndex((p) => p.style === 'Heading1' && p.text === heading);
  expect(start, heading).toBeGreaterThan(0);
  const end = paras.findIndex((p, i) => i > start && p.style === 'Heading1');
  return paras.slice(start + 1, end < 0 ? undefined : end).filter((p) => p.style === null).map((p) => p.text);
}

const YEAR = 2026;
const EDITED = '各党支部严格落实“三会一课”制度，坚持“第一议题”学习，组织生活规范有序（办公室修改）。';
const STUDY = '理论学习方面，各党支部把学习贯彻习近平新时代中国特色社会主义思想作为首要政治任务，开展集中学习研讨，党员理论素养进一步提升。';

let ctx: TestContext;
let admin: Client;
let renmin: Client;
let leader: Client;
let ids: Awaited<ReturnType<typeof demoTargets>>;
let rootId: number;
const url = (unitId?: number) => `/api/reports/draft?year=${YEAR}${unitId === undefined ? '' : `&unitId=${unitId}`}`;
const find = (d: ReportDraft, key: string): ReportDraftParagraph | undefined => d.sections.flatMap((s) => s.paragraphs).find((p) => p.key === key);
const rowCount = async () => (await rawRows<{ n: number }>(ctx.db, 'select count(*) as n from report_paragraphs'))[0]!.n;
const put = (client: Client, body: unknown, unitId?: number) => client({ method: 'PUT', url: url(unitId), payload: body as object });

beforeAll(async () => {
  ctx = await build();
  [admin, renmin, leader] = await Promise.all([ctx.as('admin'), ctx.as('renmin'), ctx.as('leader')]);
  ids = await demoTargets(ctx.db);
  rootId = (await rawRows<{ id: number }>(ctx.db, 'select id from orgs where parent_id is null'))[0]!.id;
});
afterAll(() => ctx.close());

describe('the report draft', () => {
  let generatedOrgLife: string;

  it('lists the generated paragraphs part by part, each with a key, nothing saved yet', async () => {
    const res = await admin(url());
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as ReportDraft;
    expect(d.sections.map((s) => s.label)).toEqual(['开头', '一、基本情况', '二、工作成效', '三、存在问题', '四、对策建议']);
    expect(d.title).toBe(`市卫生健康委直属机关${YEAR}年度基层党组织建设质量报告`);
    const orgLife = find(d, 'work.orgLife')!;
    expect(orgLife).toMatchObject({ section: 'work', origin: 'generated', edited: false, version: 0, heading: '（一）“三会一课”等组织生活' });
    expect(orgLife.text).toBe(orgLife.generated);
    expect(orgLife.text).toContain('按期完成率');
    generatedOrgLife = orgLife.text;
    expect(find(d, 'intro.preamble')?.text).toContain('现将有关情况报告如下');
    expect(d.sections.find((s) => s.section === 'advice')!.paragraphs.at(-1)!.key).toBe('advice.closing');
  });

  it('an edited paragraph replaces the generated one in the .docx, an added 理论学习 paragraph closes 二、工作成效; both audited', async () => {
    const edit = await put(admin, { section: 'work', key: 'work.orgLife', text: EDITED, version: 0 });
    expect(edit.statusCode, edit.body).toBe(200);
    expect(find(edit.json() as ReportDraft, 'work.orgLife')).toMatchObject({ text: EDITED, generated: generatedOrgLife, edited: true, version: 1, updatedBy: 'admin' });
    const add = await put(admin, { section: 'work', key: null, text: STUDY, version: 0 });
    expect(add.statusCode, add.body).toBe(200);
    const work = (add.json() as ReportDraft).sections.find((s) => s.section === 'work')!.paragraphs;
    expect(work.at(-1)).toMatchObject({ origin: 'added', text: STUDY, generated: null, version: 1 });
    expect(work.at(-1)!.key).toMatch(/^added\./);

    const docx = await admin(`/api/reports/annual.docx?year=${YEAR}`);
    expect(docx.statusCode).toBe(200);
    const paras = await docxParagraphs(docx.rawPayload);
    const body = part(paras, '二、工作成效');
    expect(body).toContain(EDITED);
    expect(body).not.toContain(generatedOrgLife);
    expect(body.at(-1)).toBe(STUDY);
    // Only the commission's report: 人民医院's has neither.
    const unitDocx = await admin(`/api/reports/annual.docx?year=${YEAR}&unitId=${ids.unit[0]}`);
    const unitText = (await docxParagraphs(unitDocx.rawPayload)).map((p) => p.text);
    expect(unitText).not.toContain(EDITED);
    expect(unitText).not.toContain(STUDY);

    const audit = await rawRows(ctx.db, "select action, username, org_id as \"orgId\" from audit_log where entity_type = 'report_paragraph' order by id");
    expect(audit).toEqual([{ action: 'create', username: 'admin', orgId: rootId }, { action: 'create', username: 'admin', orgId: rootId }]);
  });

  it('a stale save is 409 naming the version and changes nothing', async () => {
    const second = await put(admin, { section: 'work', key: 'work.orgLife', text: `${EDITED}再次修改。`, version: 1 });
    expect(second.statusCode, second.body).toBe(200);
    const before = await rowCount();
    const stale = await put(admin, { section: 'work', key: 'work.orgLife', text: '用旧版本覆盖', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.message).toContain('admin');
    expect(stale.json().error.details).toEqual([{ field: 'version', message: '当前版本为 2，提交的版本为 1' }]);
    // A paragraph saved by someone else since it was read as unsaved (version 0) is stale too.
    expect((await put(admin, { section: 'work', key: 'work.orgLife', text: '另一人的修改', version: 0 })).statusCode).toBe(409);
    expect(await rowCount()).toBe(before);
    expect(find((await admin(url())).json() as ReportDraft, 'work.orgLife')!.text).toBe(`${EDITED}再次修改。`);
  });

  it('refuses bad text in Chinese naming the field, and changes nothing', async () => {
    const before = await rowCount();
    const cases: [unknown, string][] = [
      [{ section: 'work', key: 'work.brands', text: '品牌\u0007建设', version: 0 }, '段落内容含有不可见的控制字符（只允许换行和制表符）'],
      [{ section: 'work', key: 'work.brands', text: '长'.repeat(3001), version: 0 }, '段落内容不能超过 3000 个字'],
      [{ section: 'work', key: 'work.brands', text: '品牌\u202E建设', version: 0 }, '段落内容含有改变文字方向或分行的格式字符，请删除后重新输入'],
      [{ section: 'work', key: null, text: '   ', version: 0 }, '请填写段落内容'],
    ];
    for (const [body, message] of cases) {
      const res = await put(admin, body);
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.details).toContainEqual({ field: 'text', message });
    }
    const badKey = await put(admin, { section: 'work', key: 'work.nothing', text: '文字', version: 0 });
    expect(badKey.statusCode).toBe(400);
    expect(badKey.json().error.details[0].field).toBe('key');
    const wrongPart = await put(admin, { section: 'advice', key: 'work.brands', text: '文字', version: 0 });
    expect(wrongPart.statusCode).toBe(400);
    expect(wrongPart.json().error.details[0].field).toBe('section');
    // A multi-line paragraph is fine: each line prints as a paragraph of its own.
    expect((await put(admin, { section: 'intro', key: null, text: '第一段。\n第二段。', version: 0 })).statusCode).toBe(200);
    expect(await rowCount()).toBe(before + 1);
  });

  it('a unit secretary edits their own unit\'s report only: not another unit\'s, not the commission\'s; the leaders read only', async () => {
    const body = { section: 'work', key: 'work.brands', text: '本单位品牌建设情况（人民医院党委修改）。', version: 0 };
    const before = await rowCount();
    expect((await put(renmin, body, ids.unit[1])).statusCode).toBe(403);
    expect((await put(renmin, body, rootId)).statusCode).toBe(403);
    expect((await renmin(url(ids.unit[1]))).statusCode).toBe(403);
    expect((await put(leader, body)).statusCode).toBe(403);
    expect((await put(leader, body, ids.unit[0])).statusCode).toBe(403);
    expect(await rowCount()).toBe(before);

    // Without unitId a unit secretary's report is their own unit's.
    const own = await put(renmin, body);
    expect(own.statusCode, own.body).toBe(200);
    expect((own.json() as ReportDraft).unitId).toBe(ids.unit[0]);
    expect(find((await admin(url(ids.unit[0]))).json() as ReportDraft, 'work.brands')).toMatchObject({ text: body.text, updatedBy: 'renmin' });
    expect(find((await admin(url())).json() as ReportDraft, 'work.brands')).toMatchObject({ edited: false, version: 0 });
    expect(find((await admin(url(ids.unit[1]))).json() as ReportDraft, 'work.brands')).toMatchObject({ edited: false });
  });

  it('saving an empty text restores the generated paragraph, and removes an added one', async () => {
    const d = (await admin(url())).json() as ReportDraft;
    const orgLife = find(d, 'work.orgLife')!;
    const restored = await put(admin, { section: 'work', key: 'work.orgLife', text: '', version: orgLife.version });
    expect(restored.statusCode, restored.body).toBe(200);
    expect(find(restored.json() as ReportDraft, 'work.orgLife')).toMatchObject({ text: generatedOrgLife, edited: false, version: 0 });
    const added = d.sections.find((s) => s.section === 'work')!.paragraphs.find((p) => p.text === STUDY)!;
    const removed = await put(admin, { section: 'work', key: added.key, text: null, version: added.version });
    expect(removed.statusCode, removed.body).toBe(200);
    expect(find(removed.json() as ReportDraft, added.key)).toBeUndefined();
    const paras = await docxParagraphs((await admin(`/api/reports/annual.docx?year=${YEAR}`)).rawPayload);
    expect(part(paras, '二、工作成效')).toContain(generatedOrgLife);
    const actions = await rawRows(ctx.db, "select action from audit_log where entity_type = 'report_paragraph' and action = 'delete'");
    expect(actions).toHaveLength(2);
  });
});
