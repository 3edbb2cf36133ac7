import { rankingEnds } from '@wj/domain/quality';
import { DashboardSchema, type Dashboard } from '@wj/domain/schemas';
import { keptFromJson, type KeptJson } from '../../lib/kept-json.js';

/**
 * The dashboard's JSON, checked against its schema as keptJson checks it, but
 * assembled: its per-unit list (the ranking, 1,200 entries at province size —
 * most of the answer) is serialized entry by entry, each entry checked and
 * turned into JSON once and kept with the entry object, which unit-parts.ts
 * keeps until its unit changes. A new dashboard after one write then checks
 * and serializes the rest and one unit's entry, not the whole commission's
 * (the schema check of every entry was most of the read after a write). The
 * result is the same text as JSON.stringify(DashboardSchema.parse(d)): the
 * object's keys in the schema's order, each entry as its element schema
 * outputs it. (A unit's 四强 averages come with the unit's detail, not here.)
 * Past RANKING_MAX units the answer carries the ranking's two ends only
 * (rankingEnds) and says how many lie between: at province size the whole
 * ranking was three quarters of the answer's bytes, for a chart of 1,200 bars.
 */
const RANK = DashboardSchema.shape.unitRanking.element;

const fragments = new WeakMap<object, string>();

function fragment(entry: object): string {
  let json = fragments.get(entry);
  if (json === undefined) fragments.set(entry, (json = JSON.stringify(RANK.parse(entry))));
  return json;
}

/** Checks and serializes a unit's ranking entry ahead of its dashboard (service.ts does it a slice of units at a time). */
export function warmEntry(rank: object | null): void {
  if (rank) fragment(rank);
}

/**
 * A unit's ranking entry checked and serialized where its subtotals were made (the score worker posts it beside
 * the subtotals), so that the main thread takes it as it is (seedEntry) instead of checking it again.
 */
export function entryJson(rank: object | null): string | null {
  return rank && fragment(rank);
}

/** Keeps the JSON entryJson made elsewhere (the score worker: the same schema) with the entry received. */
export function seedEntry(rank: object | null, rankJson: string | null): void {
  if (rank && rankJson !== null) fragments.set(rank, rankJson);
}

export function dashboardJson(d: Dashboard): KeptJson {
  const { unitRanking, unitRankingOmitted, ...rest } = d;
  const { shown, omitted } = rankingEnds(unitRanking);
  const head = JSON.stringify(DashboardSchema.parse({ ...rest, unitRanking: [], unitRankingOmitted: unitRankingOmitted + omitted }));
  // A top-level key only: inside a string value the quotes would be escaped (\"), so this text occurs once, as the key.
  const json = head.replace('"unitRanking":[]', () => `"unitRanking":[${shown.map(fragment).join(',')}]`);
  return keptFromJson(json);
}
