import { z } from 'zod';

/** Records that carry evidence files: 组织生活 records, 书记项目 milestones and 先锋岗. */
export const ATTACHMENT_RECORD_TYPES = ['meeting', 'milestone', 'vanguard_post'] as const;
export type AttachmentRecordType = (typeof ATTACHMENT_RECORD_TYPES)[number];

/** The only file types taken, recognised from the content (magic bytes), never from the name. */
export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type AttachmentMime = (typeof ATTACHMENT_TYPES)[number];
export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENT_MAX_PER_RECORD = 20;

export const AttachmentSchema = z.object({
  id: z.number().int(),
  originalName: z.string(),
  mime: z.string(),
  size: z.number().int(),
  sha256: z.string(),
  uploadedBy: z.string(),
  uploadedAt: z.string(),
  version: z.number().int(),
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** 签到表, 会议记录 photos and scans: what a file is for is not asked, only that it is one of these types. */
export const ATTACHMENT_ACCEPT = 'image/jpeg,image/png,image/webp,application/pdf';
