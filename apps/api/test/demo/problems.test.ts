import { beforeAll, describe, expect, it } from 'vitest';
import { BRANCH_PROBLEMS, generateCommission, UNIT_PROBLEMS, type DemoData, type ProblemKey } from '../../src/demo/index.js';
import { findProblems, type Finding } from './detect.js';

/**
 * The survey's problems, found again from the raw rows (detect.ts), not from
 * the generator's own label: each shows up somewhere, in a minority of the
 * branches or units it applies to, exactly where the generator says it put it.
 */
let data: DemoData;
let findings: Record<ProblemKey | 'noBrand', Finding>;
beforeAll(() => {
  data = generateCommission();
  ({ findings } = findProblems(data));
});

describe.each([...BRANCH_PROBLEMS, ...UNIT_PROBLEMS])('seeded problem %s', (key) => {
  it('occurs in at least one and fewer than half of the orgs it applies to', () => {
    const { applicable, found } = findings[key];
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(found.length).toBeLessThan(applicable.length / 2);
  });

  it('is found in the raw rows exactly where it was seeded', () => {
    expect(findings[key].found).toEqual(data.seeded[key]);
  });
});

describe('the spread of quality', () => {
  it('leaves a sizeable minority of secretaries (15–25%) short of 双带头人, as the survey found', () => {
    const { applicable, found } = findings.notDualLeader;
    expect(found.length / applicable.length).toBeGreaterThanOrEqual(0.15);
    expect(found.length / applicable.length).toBeLessThanOrEqual(0.25);
  });

  it('gives most branches no brand but at least 50 of them one (the survey: “50余个”)', () => {
    const { applicable, found } = findings.noBrand;
    expect(found.length).toBeGreaterThanOrEqual(1);
    expect(applicable.length - found.length).toBeGreaterThanOrEqual(50);
  });

  it('keeps most branches sound: fewer than half have any seeded problem', () => {
    const branchIds = new Set(findings.oversized.applicable);
    const troubled = new Set(BRANCH_PROBLEMS.flatMap((k) => findings[k].found));
    expect(troubled.size).toBeLessThan(branchIds.size / 2);
  });

  it('plants the problems on different branches for a different seed', () => {
    const other = generateCommission({ seed: 7 });
    expect(other.seeded.notDualLeader.length).toBeGreaterThan(0);
    expect(other.seeded.notDualLeader).not.toEqual(data.seeded.notDualLeader);
  });
});
