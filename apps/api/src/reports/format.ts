/** Number and date wording for the report's prose (the survey's own style: 3151名, 76.5%, 11月23日). */

export const round1 = (n: number) => Math.round(n * 10) / 10;

export function num(n: number): string {
  const v = round1(n);
  return Number.isInteger(v) ? v.toFixed(0) : v.toFixed(1);
}

/** 0.765 → 76.5%; an empty base reads as 0%. */
export function pct(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${num((part / whole) * 100)}%`;
}

export function ymdCn(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

export function mdCn(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日`;
}

/** A real Date (UTC midnight) for an ISO day: what Excel shows as that calendar day. */
export function excelDate(date: string): Date {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d!));
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1 → 一, 10 → 十, 12 → 十二, 21 → 二十一 (enough for any heading count here). */
export function cnNumber(n: number): string {
  if (n < 10) return DIGITS[n]!;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  if (n < 100) return `${DIGITS[Math.floor(n / 10)]}十${n % 10 ? DIGITS[n % 10] : ''}`;
  return String(n);
}

/** 一是…；二是… ordinals for the survey's enumerations. */
export const ordinal = (i: number) => `${cnNumber(i + 1)}是`;

/** “120救(就)在身边”; a name already carrying quotes (谨“肾”晓“心”医路为民) is left as it is. */
export const quoted = (name: string) => (/[“”"]/.test(name) ? name : `“${name}”`);

/** 市人民医院急诊急救党支部: the branch named with its institution, as the survey names them. */
export function branchLabel(institution: string | null | undefined, branch: string): string {
  return institution && !branch.startsWith(institution) && !branch.includes(institution) ? `${institution}${branch}` : branch;
}

/** A list in Chinese: a、b和c. */
export function joinCn(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}

/**
 * Quotation marks inside quotation marks become single ones (GB/T 15834: 双引号
 * 里面再用引号时用单引号): “以‘四强支部’建设为抓手”. Pairs are matched by
 * depth, so a name that carries its own quotes (谨“肾”晓“心”) nests correctly.
 */
export function nestQuotes(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '“') {
      out += depth > 0 ? '‘' : '“';
      depth += 1;
    } else if (ch === '”' && depth > 0) {
      depth -= 1;
      out += depth > 0 ? '’' : '”';
    } else out += ch;
  }
  return out;
}
