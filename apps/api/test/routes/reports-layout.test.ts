import { describe, expect, it } from 'vitest';
import { fitColumns, textEm, type Column } from '../../src/reports/docx/kit.js';

/**
 * The 附表's column widths, without an office suite: what reports-office.test.ts
 * checks on LibreOffice's page, here on the numbers (twips; 1 pt = 20 twips).
 * A CJK character of 五号 (10.5 pt) is 210 twips wide, of 小五 (9 pt) 180; a
 * cell has 80 twips of margin each side.
 */
const MARGINS = 160;
const cjk = (n: number) => '党'.repeat(n);

describe('textEm', () => {
  it('counts a Chinese character as one em, digits narrower, and the space between the two scripts', () => {
    expect(textEm('市卫生健康综合监督执法支队')).toBe(13);
    expect(textEm('144')).toBeGreaterThan(1.5);
    expect(textEm('144')).toBeLessThan(2);
    // 6月19日: three changes of script, each a little space.
    expect(textEm('6月19日')).toBeGreaterThan(textEm('6') + textEm('月') + textEm('19') + textEm('日'));
  });
});

describe('fitColumns', () => {
  const columns: Column[] = [{ header: '序号', numeric: true }, { header: '党支部' }, { header: '支部\n班子强', numeric: true }];

  it('gives every column at least its longest cell, in 五号 when the table fits, and the spare to the text column', () => {
    const rows = [[1, cjk(12), 100], [144, cjk(6), 88.9]];
    const { widths, size, oneLineHeaders } = fitColumns(columns, rows, 9000);
    expect(size).toBe(10.5);
    expect(oneLineHeaders).toBe(true);
    expect(widths.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(9000);
    expect(widths[1]).toBeGreaterThanOrEqual(12 * 210 + MARGINS);
    expect(widths[2]).toBeGreaterThanOrEqual(5 * 210 + MARGINS); // "支部班子强" on one line
    expect(widths[0]).toBeLessThan(1000); // three digits need no more
    expect(widths[1]! - (12 * 210 + MARGINS)).toBeGreaterThan(9000 - 3000 - 12 * 210); // the room left went to 党支部
  });

  it('breaks a header at its mark before it shrinks the text, and drops to 小五 only when that is not enough', () => {
    const rows = [[1, cjk(20), 100]];
    // 20 characters of 五号 (4 200) + 序号 (2 characters) + the header: 6 100 holds it broken (3 characters a line), not whole (5).
    const broken = fitColumns(columns, rows, 6100);
    expect([broken.size, broken.oneLineHeaders]).toEqual([10.5, false]);
    expect(broken.widths[1]).toBeGreaterThanOrEqual(20 * 210 + MARGINS);
    expect(broken.widths[2]).toBeGreaterThanOrEqual(3 * 210 + MARGINS);
    expect(broken.widths[2]).toBeLessThan(5 * 210 + MARGINS);
    // 5 600 holds no 五号 layout: 20 × 210 + 2 × 210 + 3 × 210 and six cell margins are 6 210.
    const small = fitColumns(columns, rows, 5600);
    expect(small.size).toBe(9);
    expect(small.widths[1]).toBeGreaterThanOrEqual(20 * 180 + MARGINS);
    expect(small.widths.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(5600);
  });

  it('lets only prose columns wrap, sharing the spare by the length of their text', () => {
    const cols: Column[] = [{ header: '党支部' }, { header: '项目名称', wrap: true }, { header: '成效', wrap: true }];
    const rows = [[cjk(10), cjk(10), cjk(40)]];
    const { widths, size } = fitColumns(cols, rows, 9000);
    expect(size).toBe(10.5);
    expect(widths[0]).toBeGreaterThanOrEqual(10 * 210 + MARGINS);
    expect(widths[2]).toBeGreaterThan(widths[1]! * 2);
    expect(widths.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(9000);
  });

  it('when nothing fits, keeps the numbers whole and shrinks the text columns to the width there is', () => {
    const rows = [[1, cjk(60), 100]];
    const { widths } = fitColumns(columns, rows, 6000);
    expect(widths.reduce((a, w) => a + w, 0)).toBeLessThanOrEqual(6000);
    expect(widths[0]).toBeGreaterThan(2 * 180);
  });
});
