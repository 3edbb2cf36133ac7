// Parses uploaded .xlsx files off the event loop, one job per message (see parse-pool.ts).
// Plain JavaScript so that it runs as is under tsx, vitest and node alike.
import { parentPort } from 'node:worker_threads';
import { inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';

/** A failure the route turns into a 400/413 with this Chinese message. */
class Refusal extends Error {
  constructor(status, code, message) { super(message); this.status = status; this.code = code; }
}
const NOT_XLSX = '请上传 .xlsx 格式的 Excel 文件';
const notXlsx = () => new Refusal(400, 'BAD_REQUEST', NOT_XLSX);

/** A row with at least one value (a formatted but empty row is not a member). */
const ROW = /<row\b[^>]*?(\/?)>/g;
function countDataRows(xml) {
  let n = 0;
  for (const m of xml.matchAll(ROW)) {
    if (m[1] === '/') continue;
    const end = xml.indexOf('</row>', m.index);
    const body = xml.slice(m.index, end < 0 ? undefined : end);
    if (/<v>|<v\s|<is>|<f>|<f\s/.test(body)) n++;
  }
  return n;
}

/**
 * Inflates every entry with a cap at the size the central directory declared:
 * an entry that would grow past it stops there and the file is refused, so a
 * lying table costs at most the declared total (already checked ≤ the limit).
 */
function verifyEntries(file, entries, maxRows) {
  for (const e of entries) {
    if (file.readUInt32LE(e.localOffset) !== 0x04034b50) throw notXlsx();
    const start = e.localOffset + 30 + file.readUInt16LE(e.localOffset + 26) + file.readUInt16LE(e.localOffset + 28);
    const data = file.subarray(start, start + e.compressedSize);
    let out;
    if (e.method === 0) out = data;
    else if (e.method === 8) {
      try {
        out = inflateRawSync(data, { maxOutputLength: Math.max(e.size, 1) });
      } catch (err) {
        if (err && err.code === 'ERR_BUFFER_TOO_LARGE') throw new Refusal(413, 'FILE_TOO_LARGE', '文件解压后的大小与其声明不符，不是正常的名册文件，请用 Excel 另存为 .xlsx 后重新上传');
        throw notXlsx();
      }
    } else throw notXlsx();
    if (out.length !== e.size) throw notXlsx();
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) {
      const rows = countDataRows(out.toString('utf8'));
      // A title and a header row above the data are allowed for; the exact count follows the parse.
      if (rows > maxRows + 10) throw new Refusal(413, 'TOO_MANY_ROWS', `文件中约有 ${rows} 行数据，一次最多导入 ${maxRows} 行，请分批导入`);
    }
  }
}

/** exceljs' cell shapes (rich text, formulas, hyperlinks, shared strings) flattened to one value. */
function rawOf(v) {
  if (v === null || v === undefined) return null;
  if (v instanceof Date || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'string') return v.trim() === '' ? null : v.trim();
  if ('richText' in v) return rawOf(v.richText.map((t) => t.text).join(''));
  if ('formula' in v || 'sharedFormula' in v) return rawOf(v.result ?? null);
  if ('text' in v) return rawOf(v.text);
  if ('error' in v) return { error: String(v.error) };
  return null;
}

async function load(bytes, entries, maxRows) {
  const file = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  verifyEntries(file, entries, maxRows);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(file);
  } catch {
    throw notXlsx();
  }
  return { wb, ws: wb.worksheets.find((s) => s.state === 'visible') ?? wb.worksheets[0] };
}

/** The first visible sheet's non-empty rows, each cell flattened, plus its merged ranges. */
async function parse({ file, entries, maxRows }) {
  const { ws } = await load(file, entries, maxRows);
  if (!ws) return { rows: [], merges: [] };
  const rows = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const values = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => { values[col] = rawOf(cell.value); });
    rows.push({ rowNumber, values });
  });
  return { rows, merges: [...(ws.model.merges ?? [])] };
}

/**
 * The same file with a 问题 column after the last header: each bad row's
 * problems in it (red), so the office corrects the file in Excel and uploads again.
 */
async function annotate({ file, entries, maxRows, headerRow, problems }) {
  const { wb, ws } = await load(file, entries, maxRows);
  let last = 0;
  ws.getRow(headerRow).eachCell({ includeEmpty: false }, (_cell, col) => { last = Math.max(last, col); });
  const col = last + 1;
  const head = ws.getCell(headerRow, col);
  head.value = '问题';
  head.font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getColumn(col).width = 60;
  for (const [rowNumber, text] of Object.entries(problems)) {
    const cell = ws.getCell(Number(rowNumber), col);
    cell.value = text;
    cell.font = { color: { argb: 'FFC00000' } };
    cell.alignment = { wrapText: true, vertical: 'top' };
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** One job per message; the worker stays (exceljs loaded) for the next, until the pool lets it go. */
parentPort.on('message', (job) => {
  (job.mode === 'annotate' ? annotate(job) : parse(job)).then(
    (result) => parentPort.postMessage({ ok: true, result }),
    (err) => parentPort.postMessage(err instanceof Refusal
      ? { ok: false, status: err.status, code: err.code, message: err.message }
      : { ok: false, status: 400, code: 'BAD_REQUEST', message: NOT_XLSX }),
  );
});
