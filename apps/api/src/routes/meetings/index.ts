import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import {
  ErrorBodySchema, IdParamSchema, MeetingInputSchema, MeetingListQuerySchema, MeetingReviewSchema, MeetingSchema, MeetingUpdateSchema,
} from '@wj/domain/schemas';
import { reviewMeeting } from '../../modules/meetings/review.js';
import { createMeeting, deleteMeeting, listMeetings, meetingOrgId, updateMeeting } from '../../modules/meetings/service.js';

const errors = { 400: ErrorBodySchema, 401: ErrorBodySchema, 403: ErrorBodySchema, 404: ErrorBodySchema };
const byParamOrg = { org: (req: { params: unknown }) => (req.params as { id: number }).id };

/** 组织生活 (三会一课 and the rest): list and record per branch, edit and delete per record. */
const routes: FastifyPluginAsyncZod<{ attachmentsDir: string }> = async (app, opts) => {
  const byMeeting = { org: (req: { params: unknown }) => meetingOrgId(app.db, (req.params as { id: number }).id) };

  app.get('/orgs/:id/meetings', {
    config: { access: byParamOrg },
    schema: { tags: ['组织生活'], summary: '支部组织生活记录', params: IdParamSchema, querystring: MeetingListQuerySchema, response: { 200: z.array(MeetingSchema), ...errors } },
  }, async (req) => await listMeetings(app.db, req.params.id, req.query));

  app.post('/orgs/:id/meetings', {
    config: { access: byParamOrg },
    schema: { tags: ['组织生活'], summary: '登记一次组织生活', params: IdParamSchema, body: MeetingInputSchema, response: { 201: MeetingSchema, ...errors } },
  }, async (req, reply) => reply.code(201).send(await createMeeting(app.db, req.user!, req.params.id, req.body)));

  app.put('/meetings/:id', {
    config: { access: byMeeting },
    schema: { tags: ['组织生活'], summary: '修改组织生活记录', params: IdParamSchema, body: MeetingUpdateSchema, response: { 200: MeetingSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req) => await updateMeeting(app.db, req.user!, req.params.id, req.body));

  app.post('/meetings/:id/review', {
    // The unit reviews its branches' records; a branch secretary cannot review its own.
    config: { access: { roles: ['admin', 'unit_secretary'], ...byMeeting } },
    schema: { tags: ['组织生活'], summary: '审核支部组织生活记录：已审核，或退回并说明原因（退回的记录修改前不计分）', params: IdParamSchema, body: MeetingReviewSchema, response: { 200: MeetingSchema, 409: ErrorBodySchema, ...errors } },
  }, async (req) => await reviewMeeting(app.db, req.user!, req.params.id, req.body));

  app.delete('/meetings/:id', {
    config: { access: byMeeting },
    schema: {
      tags: ['组织生活'], summary: '删除误登记的组织生活记录', params: IdParamSchema,
      querystring: z.object({ version: z.coerce.number({ error: '缺少记录版本号 version' }).int().positive() }),
      response: { 204: z.null(), 409: ErrorBodySchema, ...errors },
    },
  }, async (req, reply) => {
    await deleteMeeting(app.db, req.user!, req.params.id, req.query.version, opts.attachmentsDir);
    return reply.code(204).send(null);
  });
};

export default routes;
