import type { AttachmentMime } from '@wj/domain/schemas';

const startsWith = (buf: Buffer, bytes: number[], at = 0) => buf.length >= at + bytes.length && bytes.every((b, i) => buf[at + i] === b);
const ascii = (s: string) => [...s].map((c) => c.charCodeAt(0));

/**
 * The file's type from its first bytes (magic numbers), never from its name
 * or the type the browser sent: JPEG (FF D8 FF), PNG (89 'PNG' 0D 0A 1A 0A),
 * WebP ('RIFF' size 'WEBP'), PDF ('%PDF-'). Anything else — a script renamed
 * .jpg, an HTML page, an office file — is null.
 */
export function sniffType(buf: Buffer): AttachmentMime | null {
  if (startsWith(buf, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(buf, ascii('RIFF')) && startsWith(buf, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(buf, ascii('%PDF-'))) return 'application/pdf';
  return null;
}
