import { AppError, badRequest } from '../../lib/errors.js';

/**
 * An .xlsx is a zip. Before anything is inflated, its central directory —
 * the table of contents at the end of the file, a few kilobytes — says how
 * many entries there are and how large each becomes once inflated. A file
 * whose table promises too much is refused here, in microseconds, without
 * allocating more than the table itself (APPNOTE.TXT 4.3.12, 4.3.16).
 * The worker later inflates each entry with a cap at its declared size, so a
 * table that lies is caught too.
 */
export interface ZipEntry { name: string; method: number; compressedSize: number; size: number; localOffset: number }

/** A roster of 3,000 members is a few megabytes of XML; Excel's own files hold a few dozen entries. */
export const ZIP_LIMITS = { maxEntries: 500, maxTotalSize: 50 * 1024 * 1024 } as const;

export const NOT_XLSX = '请上传 .xlsx 格式的 Excel 文件';
const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;

export function readZipDirectory(file: Buffer): ZipEntry[] {
  // The end-of-central-directory record: 22 bytes plus a comment of at most 65,535.
  let eocd = -1;
  for (let i = file.length - 22; i >= Math.max(0, file.length - 22 - 0xffff); i--) {
    if (file.readUInt32LE(i) === EOCD) { eocd = i; break; }
  }
  if (eocd < 0) throw badRequest(NOT_XLSX);
  const count = file.readUInt16LE(eocd + 10);
  const dirSize = file.readUInt32LE(eocd + 12);
  const dirOffset = file.readUInt32LE(eocd + 16);
  // ZIP64 markers: no roster within the upload limit needs them.
  if (count === 0xffff || dirOffset === 0xffffffff || dirOffset + dirSize > eocd) throw badRequest(NOT_XLSX);
  if (count > ZIP_LIMITS.maxEntries) {
    throw new AppError(413, 'FILE_TOO_COMPLEX', `文件中的压缩条目过多（${count} 个，上限 ${ZIP_LIMITS.maxEntries}），不是正常的名册文件，请用 Excel 另存为 .xlsx 后重新上传`);
  }
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let p = dirOffset, i = 0; i < count; i++) {
    if (p + 46 > eocd || file.readUInt32LE(p) !== CENTRAL) throw badRequest(NOT_XLSX);
    const nameLength = file.readUInt16LE(p + 28);
    const entry: ZipEntry = {
      method: file.readUInt16LE(p + 10),
      compressedSize: file.readUInt32LE(p + 20),
      size: file.readUInt32LE(p + 24),
      localOffset: file.readUInt32LE(p + 42),
      name: file.toString('utf8', p + 46, p + 46 + nameLength),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset >= dirOffset) throw badRequest(NOT_XLSX);
    total += entry.size;
    if (total > ZIP_LIMITS.maxTotalSize) {
      throw new AppError(413, 'FILE_TOO_LARGE', `文件解压后超过 ${mb(ZIP_LIMITS.maxTotalSize)}，不是正常的名册文件，请检查后重新上传`);
    }
    entries.push(entry);
    p += 46 + nameLength + file.readUInt16LE(p + 30) + file.readUInt16LE(p + 32);
  }
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) throw badRequest(NOT_XLSX);
  return entries;
}
