/**
 * ISO-date arithmetic on whole UTC days. The demo never reads the clock: every
 * date is derived from the fixed as-of date.
 */
const DAY_MS = 86_400_000;

/** Days since 1970-01-01 for 'YYYY-MM-DD'. */
export function dayNumber(iso: string): number {
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY_MS;
}

export function fromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(iso: string, days: number): string {
  return fromDayNumber(dayNumber(iso) + days);
}

/** Same day-of-month n years later; 29 Feb falls back to 28 Feb. */
export function addYears(iso: string, years: number): string {
  const y = Number(iso.slice(0, 4)) + years;
  const md = iso.slice(5);
  const out = `${String(y).padStart(4, '0')}-${md}`;
  return md === '02-29' && !isLeap(y) ? `${String(y).padStart(4, '0')}-02-28` : out;
}

export function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function ymd(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

/** Full years between birth and the given day. */
export function ageOn(birth: string, on: string): number {
  let age = yearOf(on) - yearOf(birth);
  if (on.slice(5) < birth.slice(5)) age--;
  return age;
}

/** Share of the calendar year elapsed by `asOf` (1 for past years) — for pro-rating. */
export function yearFraction(year: number, asOf: string): number {
  if (year < yearOf(asOf)) return 1;
  if (year > yearOf(asOf)) return 0;
  const start = dayNumber(ymd(year, 1, 1));
  const days = isLeap(year) ? 366 : 365;
  return (dayNumber(asOf) - start + 1) / days;
}

export function minDate(a: string, b: string): string {
  return a < b ? a : b;
}

export function maxDate(a: string, b: string): string {
  return a > b ? a : b;
}
