import { idCheckDigit } from '@wj/domain';

/** What a caller was shown about one member, gathered from every view it can reach. */
export interface Shown {
  /** Every 公民身份号码 string shown (masked or not), from any view. */
  masks: string[];
  birthDate: string;
  gender: 'male' | 'female';
}

/** A shown character constrains the position; '*' says nothing; a string of another length tells nothing. */
const fits = (mask: string, id: string) => mask.length !== 18 || [...mask].every((c, i) => c === '*' || c === id[i]);

/**
 * The insider's attack: every 公民身份号码 consistent with what was shown, for
 * someone who also knows the 6-digit region code. GB 11643 leaves the 3-digit
 * 顺序码 (its last digit's parity is the sex) and the check digit, which follows
 * from the rest — so at most 500 candidates before the masks are applied.
 */
export function candidates(region: string, shown: Shown): string[] {
  const birth = shown.birthDate.replaceAll('-', '');
  const out: string[] = [];
  for (let seq = 0; seq < 1000; seq++) {
    if ((seq % 2 === 1) !== (shown.gender === 'male')) continue;
    const first17 = `${region}${birth}${String(seq).padStart(3, '0')}`;
    const id = first17 + idCheckDigit(first17);
    if (shown.masks.every((m) => fits(m, id))) out.push(id);
  }
  return out;
}

/** The mask used before issue 9, written out here (not imported) so the control does not move with the code. */
export const oldMask = (id: string) => `${id.slice(0, 6)}********${id.slice(-4)}`;

/** "Rebuilt" = the candidates narrow to a handful an insider could try by hand. */
export const HANDFUL = 10;
