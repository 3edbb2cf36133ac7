import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, count, eq } from 'drizzle-orm';
import {
  ATTACHMENT_MAX_BYTES, ATTACHMENT_MAX_PER_RECORD, textProblem, type Attachment, type AttachmentRecordType,
} from '@wj/domain/schemas';
import type { SessionUser } from '../../auth/sessions.js';
import type { Db, Queryable } from '../../db/index.js';
import { attachments, meetings, projectMilestones, secretaryProjects, vanguardPosts } from '../../db/schema/index.js';
import { recordAudit } from '../../lib/audit.js';
import { AppError, badRequest, conflict, notFound } from '../../lib/errors.js';
import { attachmentColumns } from '../meetings/evidence.js';
import { sniffType } from './sniff.js';

const ENTITY = 'attachment';
const MB = ATTACHMENT_MAX_BYTES / 1024 / 1024;

/** The branch a record belongs to (the scope its files are served in), or undefined when there is no such record. */
export async function recordOrgId(db: Queryable, type: AttachmentRecordType, id: number): Promise<number | undefined> {
  if (type === 'meeting') return (await db.select({ orgId: meetings.orgId }).from(meetings).where(eq(meetings.id, id)))[0]?.orgId;
  if (type === 'vanguard_post') return (await db.select({ orgId: vanguardPosts.orgId }).from(vanguardPosts).where(eq(vanguardPosts.id, id)))[0]?.orgId;
  if (type === 'milestone') {
    const [row] = await db.select({ orgId: secretaryProjects.orgId }).from(projectMilestones)
      .innerJoin(secretaryProjects, eq(secretaryProjects.id, projectMilestones.projectId)).where(eq(projectMilestones.id, id));
    return row?.orgId;
  }
  return undefined;
}

/** A record's files, oldest first (404 when there is no such record). */
export async function listAttachments(db: Queryable, type: AttachmentRecordType, recordId: number): Promise<Attachment[]> {
  if (await recordOrgId(db, type, recordId) === undefined) throw notFound();
  return db.select(attachmentColumns).from(attachments)
    .where(and(eq(attachments.recordType, type), eq(attachments.recordId, recordId))).orderBy(attachments.id);
}

/** An attachment's scope: its record's branch, looked up through the record (never stored twice). */
export async function attachmentOrgId(db: Queryable, id: number): Promise<number | undefined> {
  const [row] = await db.select({ recordType: attachments.recordType, recordId: attachments.recordId }).from(attachments).where(eq(attachments.id, id));
  return row ? recordOrgId(db, row.recordType, row.recordId) : undefined;
}

/** The file's own name as the browser sent it (X-File-Name, percent-encoded UTF-8): a plain name, or a default. */
export function originalNameOf(header: unknown): string {
  let name = '';
  if (typeof header === 'string') {
    try { name = decodeURIComponent(header); } catch { throw badRequest('文件名编码有误', [{ field: 'x-file-name', message: '文件名应为 UTF-8 百分号编码' }]); }
  }
  name = name.replace(/^.*[\\/]/, '').trim();
  if (!name) return '附件';
  if (name.length > 200) throw badRequest('文件名不能超过 200 个字', [{ field: 'x-file-name', message: '文件名不能超过 200 个字' }]);
  const problem = textProblem(name, '文件名');
  if (problem) throw badRequest(problem, [{ field: 'x-file-name', message: problem }]);
  return name;
}

/**
 * Stores one evidence file on a record: the type from its content (JPEG, PNG,
 * WebP, PDF), at most ATTACHMENT_MAX_BYTES and ATTACHMENT_MAX_PER_RECORD per
 * record, under a random name in `dir`; the row and its audit entry are
 * written together, and a refused or failed write leaves no file behind.
 * The file is written before the transaction and removed if it fails: the
 * callback only touches the database (PostgreSQL may run it again).
 */
export async function saveAttachment(db: Db, dir: string, user: SessionUser, type: AttachmentRecordType, recordId: number, name: string, body: unknown): Promise<Attachment> {
  if (!Buffer.isBuffer(body) || body.length === 0) throw badRequest('请选择要上传的文件（照片、扫描件或 PDF）', [{ field: 'file', message: '未收到文件内容' }]);
  if (body.length > ATTACHMENT_MAX_BYTES) throw new AppError(413, 'FILE_TOO_LARGE', `文件超过 ${MB} MB`);
  const mime = sniffType(body);
  if (!mime) throw badRequest('只能上传 JPEG、PNG、WebP 图片或 PDF 文件（按文件内容识别，改扩展名无效）', [{ field: 'file', message: '文件类型不支持' }]);
  // Refused early, before a file is written; judged again inside the transaction, against what it sees.
  if (await recordOrgId(db, type, recordId) === undefined) throw notFound();
  await assertRoomFor(db, type, recordId);

  const sha256 = createHash('sha256').update(body).digest('hex');
  mkdirSync(dir, { recursive: true });
  const storedName = randomBytes(16).toString('hex');
  const path = join(dir, storedName);
  writeFileSync(`${path}.part`, body, { flag: 'wx' });
  renameSync(`${path}.part`, path);
  try {
    return await db.transaction(async (tx) => {
      const orgId = await recordOrgId(tx, type, recordId);
      if (orgId === undefined) throw notFound();
      await assertRoomFor(tx, type, recordId);
      const [row] = await tx.insert(attachments).values({
        recordType: type, recordId, originalName: name, mime, size: body.length,
        sha256, storedName, uploadedBy: user.username, uploadedAt: new Date().toISOString(),
      }).returning(attachmentColumns);
      await recordAudit(tx, user, { action: 'create', entityType: ENTITY, entityId: row!.id, orgId, after: { ...row, recordType: type, recordId } });
      return row!;
    });
  } catch (err) {
    rmSync(path, { force: true });
    throw err;
  }
}

async function assertRoomFor(db: Queryable, type: AttachmentRecordType, recordId: number) {
  const [{ n }] = await db.select({ n: count() }).from(attachments).where(and(eq(attachments.recordType, type), eq(attachments.recordId, recordId))) as [{ n: number }];
  if (n >= ATTACHMENT_MAX_PER_RECORD) throw badRequest(`每条记录最多 ${ATTACHMENT_MAX_PER_RECORD} 个附件，请先删除不需要的附件`, [{ field: 'file', message: '附件数量已达上限' }]);
}

/** The file and what to call it, for a download. */
export async function readAttachment(db: Db, dir: string, id: number): Promise<{ row: Attachment; file: Buffer }> {
  const [row] = await db.select({ ...attachmentColumns, storedName: attachments.storedName }).from(attachments).where(eq(attachments.id, id));
  if (!row) throw notFound('附件不存在');
  const path = join(dir, row.storedName);
  if (!existsSync(path)) throw notFound('附件文件缺失（可能尚未从备份恢复），请联系管理员');
  const { storedName: _s, ...meta } = row;
  return { row: meta, file: readFileSync(path) };
}

/** Deletes an attachment read at `version` (a stale delete is 409), audited; the file goes after the row. */
export async function deleteAttachment(db: Db, dir: string, user: SessionUser, id: number, version: number): Promise<void> {
  const stored = await db.transaction(async (tx) => {
    const [before] = await tx.select().from(attachments).where(eq(attachments.id, id));
    if (!before) throw notFound('附件不存在');
    if (before.version !== version) throw conflict('该附件已被修改，请刷新后再试', [{ field: 'version', message: `当前版本为 ${before.version}，提交的版本为 ${version}` }]);
    await tx.delete(attachments).where(eq(attachments.id, id));
    const { storedName, ...meta } = before;
    await recordAudit(tx, user, { action: 'delete', entityType: ENTITY, entityId: id, orgId: (await recordOrgId(tx, before.recordType, before.recordId)) ?? null, before: meta });
    return storedName;
  });
  removeStoredFiles(dir, [stored]);
}

/** Removes a record's attachment rows inside the record's own delete; returns the files to remove after it commits. */
export async function deleteRecordFiles(tx: Queryable, type: AttachmentRecordType, recordId: number): Promise<string[]> {
  const rows = await tx.delete(attachments).where(and(eq(attachments.recordType, type), eq(attachments.recordId, recordId))).returning({ storedName: attachments.storedName });
  return rows.map((r) => r.storedName);
}

export function removeStoredFiles(dir: string, storedNames: string[]): void {
  for (const name of storedNames) rmSync(join(dir, name), { force: true });
}
