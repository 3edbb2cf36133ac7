import { DEFAULT_RULES, MEETING_COLUMNS, MEMBER_COLUMNS, employmentCounts, scoreBranch, setRuleValue, type BranchFacts, type RuleSet } from '@wj/domain/quality';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/index.js';
import { generateCommission, loadDemoData, type DemoData } from '../../src/demo/index.js';
import { loadFacts } from '../../src/modules/quality/facts-loader.js';
import { openTestDb } from '../helpers/db.js';

/**
 * Issue 11, goal 1: the loader keeps 组织生活 in columns and the model scores
 * from month tallies on shared period tables. The proof that no score moved:
 * on the demo's own facts, every branch's BranchScore from the fast path is
 * deep-equal to the plain, record-by-record path's — at as-of dates around
 * period ends, for the open and a past year, under default and other frequencies.
 */
let data: DemoData;
let db: Db;
let close: () => Promise<void>;
let dir: string;
let year: number;

beforeAll(async () => {
  data = generateCommission();
  dir = mkdtempSync(join(tmpdir(), 'wj-fast-path-'));
  ({ db, close } = await openTestDb(dir, 'fast_path'));
  await loadDemoData(db, data);
  year = Number(data.asOf.slice(0, 4));
}, 120_000);

afterAll(async () => {
  await close();
  rmSync(dir, { recursive: true, force: true });
});

const frequencies: RuleSet = [
  ['params.generalMeetingPerYear', 2], ['params.committeeMeetingPerYear', 24], ['params.partyLecturePerYear', 6], ['params.themeDayPerYear', 3],
].reduce((r, [path, v]) => setRuleValue(r, path as string, v), DEFAULT_RULES);

describe('fast and plain scoring of the demo', () => {
  it('loads 组织生活 as columns behind a plain `meetings` list', async () => {
    const facts = await loadFacts(db, year);
    const b = facts.branches.find((f) => f.orgId === data.orgs.find((o) => o.kind === 'branch')!.id)!;
    expect((b as { [MEETING_COLUMNS]?: unknown })[MEETING_COLUMNS]).toBeDefined();
    expect(Object.keys(b)).toContain('meetings');
    const meetings = b.meetings;
    expect(meetings.length).toBe(data.meetings.filter((m) => m.orgId === b.orgId && m.date.startsWith(`${year}-`) && m.reviewStatus !== 'returned').length);
    // Read once, the list stays what it is and the columns are gone.
    expect(b.meetings).toBe(meetings);
    expect((b as { [MEETING_COLUMNS]?: unknown })[MEETING_COLUMNS]).toBeUndefined();
    expect(JSON.parse(JSON.stringify(b)).meetings).toEqual(meetings);
  });

  it('loads members as columns too, and counts them from the columns as from the list', async () => {
    const facts = await loadFacts(db, year);
    const branchIds = new Set(data.orgs.filter((o) => o.kind === 'branch').map((o) => o.id));
    let checked = 0;
    for (const b of facts.branches) {
      expect((b as { [MEMBER_COLUMNS]?: unknown })[MEMBER_COLUMNS]).toBeDefined();
      const fromColumns = employmentCounts(b);
      const list = b.members;
      expect(fromColumns).toEqual({ inService: list.filter((m) => m.employment === 'in_service').length, retired: list.filter((m) => m.employment === 'retired').length });
      if (branchIds.has(b.orgId)) checked++;
    }
    expect(checked).toBe(branchIds.size);
  });

  const cases = (): [number, string, string][] => [
    [year, data.asOf, 'default'], [year, `${year}-03-31`, 'default'], [year, `${year}-07-01`, 'default'], [year, `${year}-10-01`, 'default'],
    [year, `${year}-12-31`, 'default'], [year - 1, data.asOf, 'default'], [year, data.asOf, 'frequencies'], [year, `${year}-06-30`, 'frequencies'],
  ];

  it('gives every branch the same BranchScore on both paths', async () => {
    let compared = 0;
    for (const [y, asOf, which] of cases()) {
      const rules = which === 'default' ? DEFAULT_RULES : frequencies;
      const opts = { year: y, asOf };
      // Freshly loaded: the fast path counts from the columns; then from the list the plain path has read.
      const facts = await loadFacts(db, y);
      const fast = facts.branches.map((b: BranchFacts) => scoreBranch(b, rules, opts));
      const plain = facts.branches.map((b: BranchFacts) => scoreBranch(b, rules, opts, 'plain'));
      const again = facts.branches.map((b: BranchFacts) => scoreBranch(b, rules, opts));
      expect(fast.length).toBeGreaterThan(100);
      fast.forEach((s, i) => {
        expect(s, `${asOf} ${which} branch ${s.orgId}`).toEqual(plain[i]);
        expect(again[i], `${asOf} ${which} branch ${s.orgId} (from the list)`).toEqual(plain[i]);
      });
      compared += fast.length;
    }
    expect(compared).toBe(cases().length * (await loadFacts(db, year)).branches.length);
  }, 120_000);
});
