import { describe, expect, it } from 'vitest';
import { orgNameMatches } from '../../src/schemas/org-levels.js';

describe('org search (server and pickers)', () => {
  it('matches a name containing the typed text, trimmed, in any case', () => {
    expect(orgNameMatches('市人民医院内科党支部', '内科 ')).toBe(true);
    expect(orgNameMatches('市人民医院内科党支部', ' 人民医院')).toBe(true);
    expect(orgNameMatches('ICU党支部', 'icu')).toBe(true);
    expect(orgNameMatches('市人民医院内科党支部', '外科')).toBe(false);
    expect(orgNameMatches('市人民医院内科党支部', '内 科')).toBe(false);
  });
});
