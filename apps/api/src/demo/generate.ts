import { buildCommittees } from './committees.js';
import { buildEarlierYear } from './earlier-year.js';
import { yearOf } from './dates.js';
import { buildMeetings } from './meetings.js';
import { buildMembers } from './members.js';
import { buildOrgTree, orgRow } from './org-tree.js';
import { pickProblems } from './problems.js';
import { buildRecruits } from './recruits.js';
import { hash32, Rng } from './rng.js';
import { buildStudy } from './study.js';
import { BRANCH_PROBLEMS, TABLE_KEYS, UNIT_PROBLEMS, type DemoData, type GenCtx, type SeededProblems, type TableKey, type UnitCtx } from './types.js';
import { buildUnitRecords } from './unit-records.js';
import { buildBrands, buildProjects, buildVanguardPosts } from './work.js';

/** The fixed "today" of the demo: records run through all of 2024 and 2025, and 2026 up to this day. */
export const DEMO_AS_OF = '2026-11-20';
export const DEMO_SEED = 20_261_120;
export const ROOT_ORG_NAME = '市卫生健康委直属机关党委';

export interface GenerateOptions {
  seed?: number;
  /** Copies of the 12-unit commission (a province-sized organisation for benchmarks). */
  scale?: number;
  asOf?: string;
}

/**
 * Builds the whole commission as plain rows with explicit ids. Pure and
 * deterministic: the same options always give deep-equal data.
 */
export function generateCommission(opts: GenerateOptions = {}): DemoData {
  const seed = opts.seed ?? DEMO_SEED;
  const scale = opts.scale ?? 1;
  const asOf = opts.asOf ?? DEMO_AS_OF;
  if (!Number.isInteger(scale) || scale < 1) throw new Error(`scale must be an integer ≥ 1, got ${scale}`);
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new Error(`asOf must be YYYY-MM-DD, got ${asOf}`);

  const data = emptyData(seed, scale, asOf);
  const counters = Object.fromEntries(TABLE_KEYS.map((k) => [k, 0])) as Record<TableKey, number>;
  const ctx: GenCtx = {
    data, asOf, years: [yearOf(asOf) - 1, yearOf(asOf)], takenIds: new Set(), rng: new Rng(seed),
    nextId: (table) => ++counters[table], stamp: `${asOf}T00:00:00.000Z`,
  };
  const rootId = ctx.nextId('orgs');
  data.orgs.push(orgRow(ctx, { id: rootId, kind: 'committee', name: ROOT_ORG_NAME, foundedDate: '1984-07-01' }));

  const copies: { rng: Rng; units: UnitCtx[] }[] = [];
  for (let copy = 0; copy < scale; copy++) {
    const rng = new Rng(hash32(seed, 'copy', copy));
    const units = buildOrgTree(ctx, rng.fork('orgs'), rootId, copy);
    pickProblems(ctx, rng.fork('problems'), units);
    buildMembers(ctx, rng.fork('members'), units);
    buildCommittees(ctx, rng.fork('committees'), units);
    buildStudy(ctx, rng.fork('study'), units);
    buildMeetings(ctx, rng.fork('meetings'), units);
    buildBrands(ctx, rng.fork('brands'), units);
    buildProjects(ctx, rng.fork('projects'), units);
    buildVanguardPosts(ctx, rng.fork('vanguard'), units);
    buildRecruits(ctx, rng.fork('recruits'), units);
    buildUnitRecords(ctx, rng.fork('unit-records'), units);
    copies.push({ rng, units });
  }
  // The year before the two record years comes last, so the later years' rows and ids stay as they were.
  for (const { rng, units } of copies) buildEarlierYear(ctx, rng.fork('earlier-year'), units);
  for (const list of Object.values(data.seeded)) list.sort((a, b) => a - b);
  return data;
}

function emptyData(seed: number, scale: number, asOf: string): DemoData {
  const seeded = Object.fromEntries([...BRANCH_PROBLEMS, ...UNIT_PROBLEMS].map((k) => [k, [] as number[]])) as SeededProblems;
  return {
    seed, scale, asOf, orgs: [], members: [], memberStudy: [], committees: [], committeeMembers: [], meetings: [], brands: [],
    secretaryProjects: [], projectMilestones: [], vanguardPosts: [], recruits: [], unitPlans: [], partyWorkers: [],
    secretaryReviews: [], responsibilityItems: [], seeded,
  };
}
