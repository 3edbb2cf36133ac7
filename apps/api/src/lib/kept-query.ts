import type { FastifyRouteSchemaDef, FastifyValidationResult } from 'fastify/types/schema.js';
import { validatorCompiler } from 'fastify-type-provider-zod';

type ZodRoute = Parameters<typeof validatorCompiler>[0];
type Outcome = { value?: unknown; error?: Error };

/** Distinct query strings kept per route before the memo starts over (a caller cannot grow it without bound). */
const KEPT = 256;

/**
 * The zod validator compiler, with a route's query string checked once per distinct query: a page asks the
 * same few queries again and again (the dashboard's year and asOf), and parsing them — dates checked as real
 * days, ids as canonical decimals — was a tenth of a cached dashboard request's own work. Only for a schema
 * that is pure: its answer may depend on the query alone (not on today, not on the database). The parsed
 * value is frozen, since one object now serves many requests; refusals are not kept (each one is parsed
 * again, so junk cannot fill the memo). Other parts (params, body) are validated as usual.
 */
export function keptQueryValidator<S>(route: FastifyRouteSchemaDef<S>): FastifyValidationResult {
  const validate = validatorCompiler(route as unknown as ZodRoute) as (data: unknown) => Outcome;
  if (route.httpPart !== 'querystring') return validate;
  let kept = new Map<string, Outcome>();
  return (data: unknown) => {
    const key = JSON.stringify(data);
    const hit = kept.get(key);
    if (hit) return hit;
    const result = validate(data);
    if (result.error === undefined) {
      if (kept.size >= KEPT) kept = new Map();
      const frozen = { value: Object.freeze(result.value) };
      kept.set(key, frozen);
      return frozen;
    }
    return result;
  };
}
