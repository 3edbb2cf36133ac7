/**
 * 公民身份号码 check digit, GB 11643-1999: weights 2^(17-i) mod 11 over the
 * first 17 digits; the sum mod 11 indexes "10X98765432".
 */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i]!;
  return CHECK[sum % 11]!;
}

export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const birth = id.slice(6, 14);
  const y = Number(birth.slice(0, 4)), m = Number(birth.slice(4, 6)), d = Number(birth.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return false;
  return idCheckDigit(id.slice(0, 17)) === id[17];
}

/**
 * Shown to everyone below admin: only the first and the last character.
 * Birth date and gender are shown beside the number, and a city's region
 * codes are public, so any digit of the 顺序码 or the region kept here would
 * let the reader rebuild it (old mask `370104********2503` + 出生日期 gave the
 * whole number). What is left: 3 unknown 顺序码 digits (≈ 500 choices with the
 * sex known), of which the check digit keeps ≈ 1 in 11 — dozens of candidates.
 */
export function maskIdNumber(id: string): string {
  if (id.length !== 18) return '*'.repeat(id.length);
  return `${id[0]}${'*'.repeat(16)}${id[17]}`;
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(-4)}`;
}
