import { describe, expect, it } from 'vitest';
import { chinaDay, todayIso } from '../../src/schemas/fields.js';

describe("China's day (UTC+8, no daylight saving)", () => {
  it('starts at 16:00 UTC the day before and holds todayIso for every instant inside it', () => {
    const start = Date.parse('2026-03-31T16:00:00.000Z'); // 2026-04-01 00:00 in Beijing
    for (const at of [start, start + 1, Date.parse('2026-04-01T15:59:59.999Z')]) {
      expect(chinaDay(at)).toEqual({ iso: '2026-04-01', from: start, until: Date.parse('2026-04-01T16:00:00.000Z') });
      expect(todayIso(new Date(at))).toBe('2026-04-01');
    }
    expect(chinaDay(start - 1)).toEqual({ iso: '2026-03-31', from: Date.parse('2026-03-30T16:00:00.000Z'), until: start });
    // Before 1970 too (floor, not truncation).
    expect(chinaDay(Date.parse('1969-12-31T15:00:00.000Z'))).toEqual({ iso: '1969-12-31', from: Date.parse('1969-12-30T16:00:00.000Z'), until: Date.parse('1969-12-31T16:00:00.000Z') });
  });
});
