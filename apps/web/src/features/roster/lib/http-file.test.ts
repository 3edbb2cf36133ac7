import { describe, expect, it } from 'vitest';
import { filenameFromDisposition } from './http-file';

describe('filenameFromDisposition', () => {
  it('prefers the UTF-8 name the server sends for Chinese file names', () => {
    const header = `attachment; filename="roster.xlsx"; filename*=UTF-8''${encodeURIComponent('市人民医院党委党员名册.xlsx')}`;
    expect(filenameFromDisposition(header, 'x.xlsx')).toBe('市人民医院党委党员名册.xlsx');
  });

  it('falls back to the plain name, then to the given one', () => {
    expect(filenameFromDisposition('attachment; filename="roster.xlsx"', 'x.xlsx')).toBe('roster.xlsx');
    expect(filenameFromDisposition(null, 'x.xlsx')).toBe('x.xlsx');
  });
});
