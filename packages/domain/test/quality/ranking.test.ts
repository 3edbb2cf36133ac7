import { describe, expect, test } from 'vitest';
import { RANKING_MAX, rankingEnds } from '../../src/quality/index.js';

describe('a ranking past 30 shows its two ends', () => {
  const ranked = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

  test('30 or fewer: all of them, none omitted', () => {
    expect(RANKING_MAX).toBe(30);
    expect(rankingEnds(ranked(12))).toEqual({ shown: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12], omitted: 0 });
    expect(rankingEnds(ranked(30)).shown).toHaveLength(30);
    expect(rankingEnds(ranked(30)).omitted).toBe(0);
    expect(rankingEnds([])).toEqual({ shown: [], omitted: 0 });
  });

  test('31: the best 15 and the worst 15, the 16th omitted', () => {
    const { shown, omitted } = rankingEnds(ranked(31));
    expect(shown).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31]);
    expect(omitted).toBe(1);
  });

  test('1,200 units: 1-15 and 1,186-1,200, 1,170 omitted', () => {
    const { shown, omitted } = rankingEnds(ranked(1200));
    expect(shown.slice(0, 15)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15]);
    expect(shown.slice(15)).toEqual([1186, 1187, 1188, 1189, 1190, 1191, 1192, 1193, 1194, 1195, 1196, 1197, 1198, 1199, 1200]);
    expect(omitted).toBe(1170);
  });
});
