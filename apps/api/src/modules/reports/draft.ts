import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull } from 'drizzle-orm';
import {
  REPORT_SECTION_LABELS, REPORT_SECTIONS, type ReportDraft, type ReportDraftParagraph, type ReportParagraphWrite, type ReportSection,
} from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { reportParagraphs } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { badRequest, conflict } from '../../lib/errors.js';
import { chinaTime } from '../../lib/time.js';
import { updateVersioned } from '../../lib/versioned.js';
import type { DraftEdits, GeneratedParagraph } from '../../reports/draft.js';

const ENTITY = 'report_paragraph';
type Row = typeof reportParagraphs.$inferSelect;
type Write = Omit<ReportParagraphWrite, 'text'> & { text: string | null };

/** The rows saved for one report: its year and scope (unitId null: the commission). */
async function rowsOf(db: Queryable, year: number, unitId: number | null): Promise<Row[]> {
  return db.select().from(reportParagraphs)
    .where(and(eq(reportParagraphs.year, year), unitId === null ? isNull(reportParagraphs.unitId) : eq(reportParagraphs.unitId, unitId)))
    .orderBy(asc(reportParagraphs.position), asc(reportParagraphs.id));
}

const isAdded = (key: string) => key.startsWith('added.');

/**
 * Which report a draft is of: its year and scope (unitId null: the
 * commission), the org its audit rows name, and its title. The generated
 * paragraphs come from the report worker (reports/compose.ts), so that
 * composing a report never holds the event loop.
 */
export interface DraftOf { year: number; unitId: number | null; orgId: number; title: string }

/** What the Word export prints instead of, and besides, the generated text. */
export async function draftEdits(db: Queryable, of: { year: number; unitId: number | null }): Promise<DraftEdits> {
  const edits: DraftEdits = { replaced: new Map(), added: new Map() };
  for (const r of await rowsOf(db, of.year, of.unitId)) {
    if (!isAdded(r.key)) edits.replaced.set(r.key, r.text);
    else edits.added.set(r.section, [...(edits.added.get(r.section) ?? []), r.text]);
  }
  return edits;
}

function paragraphOf(g: GeneratedParagraph | null, row: Row | undefined, section: ReportSection): ReportDraftParagraph {
  return {
    key: g?.key ?? row!.key, section, heading: g?.heading ?? null, origin: g ? 'generated' : 'added',
    generated: g?.text ?? null, text: row?.text ?? g!.text, edited: row !== undefined,
    version: row?.version ?? 0, updatedBy: row?.updatedBy ?? null, updatedAt: row?.updatedAt ?? null,
  };
}

/** The report part by part: each generated paragraph with the office's text where saved, then the office's own paragraphs. */
export async function reportDraft(db: Db, of: DraftOf, generated: GeneratedParagraph[]): Promise<ReportDraft> {
  const rows = await rowsOf(db, of.year, of.unitId);
  const byKey = new Map(rows.map((r) => [r.key, r]));
  return {
    year: of.year, unitId: of.unitId, title: of.title,
    sections: REPORT_SECTIONS.map((section) => ({
      section, label: REPORT_SECTION_LABELS[section],
      paragraphs: [
        ...generated.filter((g) => g.section === section).map((g) => paragraphOf(g, byKey.get(g.key), section)),
        ...rows.filter((r) => r.section === section && isAdded(r.key)).map((r) => paragraphOf(null, r, section)),
      ],
    })),
  };
}

function stale(row: Row | undefined, version: number) {
  return row
    ? conflict(`该段落已被 ${row.updatedBy ?? '其他用户'} 于 ${chinaTime(row.updatedAt)} 修改，请刷新后再保存`,
      [{ field: 'version', message: `当前版本为 ${row.version}，提交的版本为 ${version}` }])
    : conflict('该段落已被其他用户恢复为生成内容或删除，请刷新后再保存', [{ field: 'version', message: `当前没有保存的内容，提交的版本为 ${version}` }]);
}

/**
 * Saves one paragraph of the report of that year and scope: a generated
 * paragraph's replacement (empty text: back to the generated one, as is the
 * generated text itself), or the office's own paragraph (key null: a new one
 * at the end of its part; empty text: removed). Versioned (409 on a stale
 * version) and audited, in one transaction.
 */
export async function saveParagraph(db: Db, user: SessionUser, of: DraftOf, paragraphs: GeneratedParagraph[], input: Write): Promise<void> {
  const { year, unitId } = of;
  const generated = input.key === null || isAdded(input.key) ? undefined : paragraphs.find((g) => g.key === input.key);
  if (input.key !== null && !isAdded(input.key) && !generated) {
    throw badRequest('报告中没有这个段落（可能已随数据变化），请刷新后再编辑', [{ field: 'key', message: `段落标识 ${input.key} 不在本报告中` }]);
  }
  if (generated && generated.section !== input.section) {
    throw badRequest('段落所在部分与段落标识不符', [{ field: 'section', message: `段落 ${input.key} 属于 ${REPORT_SECTION_LABELS[generated.section]}` }]);
  }
  const text = generated && input.text === generated.text ? null : input.text;
  const audit = { entityType: ENTITY, orgId: of.orgId };
  // Made before the transaction, which may be run again (PostgreSQL): a retry inserts the same key.
  const addedKey = `added.${randomUUID()}`;
  await db.transaction(async (tx) => {
    if (input.key === null) {
      if (text === null) throw badRequest('请填写段落内容', [{ field: 'text', message: '请填写段落内容' }]);
      const last = (await rowsOf(tx, year, unitId)).filter((r) => r.section === input.section).reduce((n, r) => Math.max(n, r.position), 0);
      const [row] = await tx.insert(reportParagraphs).values({
        year, unitId, section: input.section, key: addedKey, text, position: last + 1,
        updatedAt: new Date().toISOString(), updatedBy: user.username,
      }).returning();
      await recordAudit(tx, user, { ...audit, action: 'create', entityId: row!.id, after: row });
      return;
    }
    const row = (await rowsOf(tx, year, unitId)).find((r) => r.key === input.key);
    if (!row) {
      if (input.version !== 0) throw stale(row, input.version);
      if (isAdded(input.key)) throw stale(row, input.version);
      if (text === null) return; // already the generated text
      const [created] = await tx.insert(reportParagraphs).values({
        year, unitId, section: input.section, key: input.key, text, updatedAt: new Date().toISOString(), updatedBy: user.username,
      }).returning();
      await recordAudit(tx, user, { ...audit, action: 'create', entityId: created!.id, after: created });
      return;
    }
    if (row.version !== input.version) throw stale(row, input.version);
    if (row.section !== input.section) throw badRequest('段落所在部分与段落标识不符', [{ field: 'section', message: `段落 ${input.key} 属于 ${REPORT_SECTION_LABELS[row.section]}` }]);
    if (text === null) {
      await tx.delete(reportParagraphs).where(and(eq(reportParagraphs.id, row.id), eq(reportParagraphs.version, row.version)));
      await recordAudit(tx, user, { ...audit, action: 'delete', entityId: row.id, before: row });
      return;
    }
    await updateVersioned(tx, reportParagraphs, row.id, input.version, { text }, user.username);
    const [after] = await tx.select().from(reportParagraphs).where(eq(reportParagraphs.id, row.id));
    await recordAudit(tx, user, { ...audit, action: 'update', entityId: row.id, before: row, after });
  });
}
