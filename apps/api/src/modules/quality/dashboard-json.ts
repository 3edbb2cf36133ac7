import { DashboardSchema, type Dashboard } from '@wj/domain/schemas';
import { keptFromJson, type KeptJson } from '../../lib/kept-json.js';

/**
 * The dashboard's JSON, checked against its schema as keptJson checks it, but
 * assembled: its two per-unit lists (the ranking and the 四强 averages, 2 ×
 * 1,200 entries at province size — most of the answer) are serialized entry by
 * entry, each entry checked and turned into JSON once and kept with the entry
 * object, which unit-parts.ts keeps until its unit changes. A new dashboard
 * after one write then checks and serializes the rest and one unit's entries,
 * not the whole commission's (the schema check of every entry was most of the
 * read after a write). The result is the same text as
 * JSON.stringify(DashboardSchema.parse(d)): the object's keys in the schema's
 * order, each entry as its element schema outputs it.
 */
const RANK = DashboardSchema.shape.unitRanking.element;
const DIMS = DashboardSchema.shape.unitDimensions.element;

const fragments = new WeakMap<object, string>();

function fragment(schema: typeof RANK | typeof DIMS, entry: object): string {
  let json = fragments.get(entry);
  if (json === undefined) fragments.set(entry, (json = JSON.stringify(schema.parse(entry))));
  return json;
}

/** Checks and serializes a unit's two entries ahead of its dashboard (service.ts does it a slice of units at a time). */
export function warmEntries(rank: object | null, dims: object | null): void {
  if (rank) fragment(RANK, rank);
  if (dims) fragment(DIMS, dims);
}

/**
 * A unit's two entries checked and serialized where its subtotals were made (the score worker posts them beside
 * the subtotals), so that the main thread takes them as they are (seedEntries) instead of checking them again.
 */
export function entriesJson(rank: object | null, dims: object | null): [string | null, string | null] {
  return [rank && fragment(RANK, rank), dims && fragment(DIMS, dims)];
}

/** Keeps the JSON entriesJson made elsewhere (the score worker: the same schemas) with the entries received. */
export function seedEntries(rank: object | null, dims: object | null, [rankJson, dimsJson]: [string | null, string | null]): void {
  if (rank && rankJson !== null) fragments.set(rank, rankJson);
  if (dims && dimsJson !== null) fragments.set(dims, dimsJson);
}

export function dashboardJson(d: Dashboard): KeptJson {
  const { unitRanking, unitDimensions, ...rest } = d;
  const head = JSON.stringify(DashboardSchema.parse({ ...rest, unitRanking: [], unitDimensions: [] }));
  // Top-level keys only: inside a string value the quotes would be escaped (\"), so these texts occur once, as the keys.
  const json = head
    .replace('"unitRanking":[]', () => `"unitRanking":[${unitRanking.map((e) => fragment(RANK, e)).join(',')}]`)
    .replace('"unitDimensions":[]', () => `"unitDimensions":[${unitDimensions.map((e) => fragment(DIMS, e)).join(',')}]`);
  return keptFromJson(json);
}
