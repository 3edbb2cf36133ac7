import { ErrorBodySchema } from '@wj/domain/schemas';

export const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
export const withConflict = { ...errors, 409: ErrorBodySchema };

/** Routes under /orgs/:id touch the org in the path. */
export const byParamOrg = { org: (req: { params: unknown }) => (req.params as { id: number }).id };

/** Routes on one record touch the record's owner org (404 when the record does not exist). */
export const byRecord = (ownerOf: (id: number) => Promise<number | undefined>) => ({
  org: (req: { params: unknown }) => ownerOf((req.params as { id: number }).id),
});
