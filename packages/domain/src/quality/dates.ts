/**
 * Calendar helpers on ISO 'YYYY-MM-DD' strings. Dates are civil days with no
 * time zone: ISO strings compare correctly as strings, and arithmetic goes
 * through UTC so that no local offset can shift a day.
 */
export interface Ymd { y: number; m: number; d: number }

/** The number written by the digits date[from, to), or -1 if any is not a digit. */
function digits(date: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = date.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    n = n * 10 + c;
  }
  return n;
}

export function parseYmd(date: string): Ymd {
  // The plain 'YYYY-MM-DD…' form, read by character (the scoring loop parses days by the million); any other as split reads it.
  if (date.length >= 10 && date.charCodeAt(4) === 45 && date.charCodeAt(7) === 45) {
    const y = digits(date, 0, 4), m = digits(date, 5, 7), d = digits(date, 8, 10);
    if (y >= 0 && m >= 0 && d >= 0) return { y, m, d };
  }
  const [y, m, d] = date.slice(0, 10).split('-').map(Number);
  return { y: y ?? 0, m: m ?? 1, d: d ?? 1 };
}

export function ymd(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Real month lengths: February has 29 days in 2028. */
export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function monthEnd(y: number, m: number): string {
  return ymd(y, m, daysInMonth(y, m));
}

export function yearOf(date: string): number {
  return parseYmd(date).y;
}

/** Same day n months later; a day past the target month's end clamps to it (31 Mar + 1 month = 30 Apr). */
export function addMonths(date: string, n: number): string {
  const { y, m, d } = parseYmd(date);
  const idx = y * 12 + (m - 1) + n;
  const ty = Math.floor(idx / 12);
  const tm = (idx % 12) + 1;
  return ymd(ty, tm, Math.min(d, daysInMonth(ty, tm)));
}

/** 29 Feb + 1 year = 28 Feb. */
export function addYears(date: string, n: number): string {
  return addMonths(date, n * 12);
}

function dayNumber(date: string): number {
  const { y, m, d } = parseYmd(date);
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

/**
 * Exact age in years with a fraction: whole years since `from`, plus the share
 * of the current birthday-to-birthday year already lived. 50 years and 73 days
 * after a birthday in a 365-day year is 50.2.
 */
export function yearsBetween(from: string, to: string): number {
  const a = parseYmd(from);
  const b = parseYmd(to);
  let whole = b.y - a.y;
  if (addYears(from, whole) > to) whole -= 1;
  const last = addYears(from, whole);
  const next = addYears(from, whole + 1);
  return whole + (dayNumber(to) - dayNumber(last)) / (dayNumber(next) - dayNumber(last));
}

export function fmtYm(date: string): string {
  const { y, m } = parseYmd(date);
  return `${y}年${m}月`;
}

export function fmtYmd(date: string): string {
  const { y, m, d } = parseYmd(date);
  return `${y}年${m}月${d}日`;
}

export function fmtMd(date: string): string {
  const { m, d } = parseYmd(date);
  return `${m}月${d}日`;
}

/** 0.8 → "80%", 0.7625 → "76.3%". */
export function fmtPct(ratio: number): string {
  const v = Math.round(ratio * 1000) / 10;
  return `${Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1)}%`;
}

/** 32 → "32", 15.999 → "16", 2.6667 → "2.7". */
export function fmtNum(n: number): string {
  const v = Math.round(n * 10) / 10;
  return Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1);
}
